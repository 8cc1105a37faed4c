// "Source: <publisher>, <date> · <title>" for the articles a record names: readers see which
// newspaper piece a figure comes from, not an internal id like "article 002".
import { getTranslations } from "next-intl/server";
import { articlesFor } from "@/lib/articles/queries";
import { loadArticles } from "@/lib/articles/loaders";
import { pick } from "@/lib/i18n/localized";

export async function ArticleSources({ locale, ids, className = "mt-2 text-xs text-stone-500" }: { locale: string; ids: readonly string[]; className?: string }) {
  if (ids.length === 0) return null;
  const [all, t] = await Promise.all([loadArticles(), getTranslations("sources")]);
  const articles = articlesFor(ids, all);
  if (articles.length === 0) return null;
  return (
    <p className={className} data-testid="article-sources">
      {t("label", { count: articles.length })}{" "}
      {articles.map((a, i) => (
        <span key={a.id}>
          {i > 0 && "; "}
          {t("item", { publisher: a.publisher, date: a.publishedOn, title: pick(locale, a.titleZh, a.titleEn) })}
        </span>
      ))}
    </p>
  );
}
