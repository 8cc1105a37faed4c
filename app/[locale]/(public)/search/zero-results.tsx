// A search that found nothing says which filter empties the list: for each active filter, the
// number of blocks without it, as a link to that search (lib/search/relax.ts).
import { getTranslations } from "next-intl/server";
import type { Relaxation } from "@/lib/search/relax";
import { toSearchParams } from "@/lib/search/schemas";

export async function ZeroResults({ locale, relaxations, fallback }: { locale: string; relaxations: Relaxation[]; fallback: string }) {
  const t = await getTranslations("investor.finder.zero");
  // No filter at all (an empty city): the generic text is all there is to say.
  if (relaxations.length === 0) return <p className="mt-3 text-stone-600">{fallback}</p>;
  const helpful = relaxations.filter((r) => r.count > 0);
  return (
    <div className="mt-3 text-sm" data-testid="zero-results">
      <p className="text-stone-700">{t("title")}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {relaxations.map((r) => (
          <li key={r.filter} data-testid={`relax-${r.filter}`} data-count={r.count}>
            {r.count > 0 ? (
              <a className="text-brand-700 underline" href={`/${locale}/search?${toSearchParams(r.query).toString()}`}>
                {t("without", { filter: t(`filters.${r.filter}`), count: r.count })}
              </a>
            ) : (
              <span className="text-stone-500">{t("without", { filter: t(`filters.${r.filter}`), count: 0 })}</span>
            )}
          </li>
        ))}
      </ul>
      {helpful.length === 0 && <p className="mt-2 text-stone-600">{t("none")}</p>}
    </div>
  );
}
