// What the second round adds to a search result (card and block page): the block's stated
// capacities as sums over its parcels with how many parcels state them, and, for a block larger
// than the search's maximum, the "part of a larger block" mark with the proposed part.
import { getTranslations } from "next-intl/server";
import { formatAreaIn } from "@/lib/search/area-display";
import { CAPACITIES } from "@/lib/search/land-index";
import { inquiryHref } from "@/lib/search/links";
import type { LandSearchQuery } from "@/lib/search/schemas";
import type { BlockResult } from "@/lib/search/search";

const nf = (locale: string, v: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 0 }).format(v);

export async function BlockCapacities({ locale, block }: { locale: string; block: Pick<BlockResult, "capacities" | "parcelCount"> }) {
  const t = await getTranslations("investor.finder");
  const stated = CAPACITIES.filter((c) => block.capacities[c].stated > 0);
  if (stated.length === 0) return <p className="mt-1 text-xs text-stone-500" data-testid="block-capacities">{t("card.noCapacities")}</p>;
  // A single parcel has its own figures: no "sum of parcels", no "stated for 1 of 1 parcel".
  const single = block.parcelCount === 1;
  return (
    <div className="mt-1 text-xs" data-testid="block-capacities">
      <span className="text-stone-500">{t(single ? "card.capacitiesTitleParcel" : "card.capacitiesTitle")}: </span>
      <ul className="inline">
        {stated.map((c, i) => (
          <li key={c} className="inline" data-testid={`capacity-${c}`}>
            {i > 0 && " · "}
            {t("card.capacity", { name: t(`capacityNames.${c}`), sum: t(`capacityUnits.${c}`, { value: nf(locale, block.capacities[c].sum) }) })}{" "}
            {!single && <span className="text-stone-500">({t("card.stated", { stated: block.capacities[c].stated, total: block.parcelCount })})</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export async function BlockProposal({ locale, block, query }: { locale: string; block: Pick<BlockResult, "key" | "partOfLarger" | "proposal">; query: LandSearchQuery }) {
  if (!block.partOfLarger) return null;
  const t = await getTranslations("investor.finder");
  const p = block.proposal;
  return (
    <div className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="part-of-larger">
      <p className="font-medium text-amber-900">{t("card.partOfLarger")}</p>
      <p className="text-xs text-amber-900">{t("card.partOfLargerNote")}</p>
      {p && (
        <p className="mt-1 text-xs" data-testid="proposal">
          {t("card.proposal", { count: p.parcelCodes.length, area: formatAreaIn(locale, p.areaM2, query.unit) })}
          {!p.fits && ` (${t("card.proposalOver")})`}: <span className="font-mono">{p.parcelCodes.join(", ")}</span>{" "}
          <a className="text-brand-700 underline" href={inquiryHref(locale, { ...query, part: true }, block.key)} data-testid="proposal-ask">
            {t("card.proposalAsk")}
          </a>
        </p>
      )}
    </div>
  );
}
