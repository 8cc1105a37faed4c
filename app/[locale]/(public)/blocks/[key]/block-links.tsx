// The block page's ways on: add it to (or take it out of) the comparison and go on comparing
// from the results, which keep the list in the URL like every other search state.
import { getTranslations } from "next-intl/server";
import { compareEntry, MAX_COMPARE, readCompareList, toggleCompare } from "@/lib/search/compare";
import { toSearchParams, type LandSearchQuery } from "@/lib/search/schemas";

interface Props {
  locale: string;
  query: LandSearchQuery;
  blockKey: string;
  /** the `compare` parameter of the block page's URL, if the visitor came with a list */
  compareParam: unknown;
}

export async function BlockLinks({ locale, query, blockKey, compareParam }: Props) {
  const t = await getTranslations("compare");
  const { entries } = readCompareList(compareParam);
  const entry = compareEntry("blocks", blockKey);
  const listed = entries.includes(entry);
  const next = toggleCompare(entries, entry);
  const full = !listed && next.length === entries.length;
  const filters = toSearchParams({ ...query, page: 1 });
  const withList = (list: string[]) => {
    const p = new URLSearchParams(filters);
    if (list.length) p.set("compare", list.join(","));
    return p.toString();
  };
  return (
    <div className="mt-3 flex flex-col gap-2 text-center text-sm">
      {full ? (
        <span className="text-stone-500" data-testid="block-compare-full">{t("full", { max: MAX_COMPARE })}</span>
      ) : (
        <a href={`/${locale}/search?${withList(next)}`} className="rounded-md border border-brand-700 px-4 py-2 font-medium text-brand-700 hover:bg-brand-50" data-testid="block-compare">
          {listed ? t("remove") : t("addAndBack")}
        </a>
      )}
      {(listed || next.length > 1) && (
        <a href={`/${locale}/compare?${withList(listed ? entries : next)}`} className="text-brand-700 underline" data-testid="block-compare-open">
          {t("bar", { count: listed ? entries.length : next.length })}
        </a>
      )}
    </div>
  );
}
