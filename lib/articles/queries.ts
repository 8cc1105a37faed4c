// The source articles (Article table: five newspaper pieces), so a figure, project or set of
// allotment terms that names article "002" is shown with the article's title and publisher.
import type { DbClient } from "../db/client";

export interface ArticleRef {
  id: string;
  titleZh: string;
  titleEn: string;
  publisher: string;
  /** YYYY-MM-DD */
  publishedOn: string;
}

export async function listArticles(db: DbClient): Promise<Map<string, ArticleRef>> {
  const rows = await db.article.findMany({ select: { id: true, titleZh: true, titleEn: true, publisher: true, publishedOn: true }, orderBy: { id: "asc" } });
  return new Map(rows.map((r) => [r.id, { ...r, publishedOn: r.publishedOn.toISOString().slice(0, 10) }]));
}

/** The articles behind `ids`, in the order given; an id with no article is left out. */
export function articlesFor(ids: readonly string[], all: ReadonlyMap<string, ArticleRef>): ArticleRef[] {
  return ids.map((id) => all.get(id)).filter((a): a is ArticleRef => a !== undefined);
}
