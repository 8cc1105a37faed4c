// A search that found nothing says which filter empties the list: for each active filter, the
// number of blocks (or parcels, in the parcels view) without it, as a link to that search
// (lib/search/relax.ts). Advice names only filters the search set.
import { getTranslations } from "next-intl/server";
import { looseningsFor, type Relaxation } from "@/lib/search/relax";
import { toSearchParams } from "@/lib/search/schemas";
import { zeroResultsAdvice } from "@/lib/search/zero-advice";

export async function ZeroResults({ locale, relaxations, view, reserved }: { locale: string; relaxations: Relaxation[]; view: "blocks" | "parcels"; reserved: boolean }) {
  const t = await getTranslations("investor.finder.zero");
  const tr = (key: string, values?: Record<string, string | number>) => t(key as "title", values as never);
  // No filter at all (an empty city): nothing to leave out, only the reserved land to include.
  if (relaxations.length === 0) return <p className="mt-3 text-stone-600" data-testid="zero-empty">{zeroResultsAdvice(locale, tr, { view, reserved, relaxations })}</p>;
  const helpful = relaxations.filter((r) => r.count > 0);
  return (
    <div className="mt-3 text-sm" data-testid="zero-results">
      <p className="text-stone-700">{t("title", { view })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {relaxations.map((r) => (
          <li key={r.filter} data-testid={`relax-${r.filter}`} data-count={r.count}>
            {r.count > 0 ? (
              <a className="text-brand-700 underline" href={`/${locale}/search?${toSearchParams(r.query).toString()}`}>
                {t("without", { filter: t(`filters.${r.filter}`), count: r.count, view })}
              </a>
            ) : (
              <span className="text-stone-500">{t("without", { filter: t(`filters.${r.filter}`), count: 0, view })}</span>
            )}
          </li>
        ))}
      </ul>
      {helpful.length === 0 && <p className="mt-2 text-stone-600" data-testid="zero-none" data-loosen={looseningsFor(relaxations).join(" ")}>{zeroResultsAdvice(locale, tr, { view, reserved, relaxations })}</p>}
    </div>
  );
}
