import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format";
import { canAddToCompare, compareEntry, MAX_COMPARE, toggleCompare } from "@/lib/search/compare";
import { readinessState } from "@/lib/land/readiness";
import { resultHref } from "@/lib/search/links";
import { toSearchParams, type LandSearchQuery } from "@/lib/search/schemas";
import type { BlockResult } from "@/lib/search/search";
import { formatAreaIn } from "@/lib/search/area-display";
import { compactConvertedText } from "@/lib/money/converted-text";
import { loadLatestRates } from "@/lib/money/loaders";
import { BlockCapacities, BlockProposal } from "./block-extras";

interface Props {
  locale: string;
  block: BlockResult;
  parkName: string;
  query: LandSearchQuery;
  /** keys currently in the comparison list (from the URL) */
  compare: string[];
  /** position on the page, the number of its marker on the map */
  number: number;
}

export async function BlockCard({ locale, block, parkName, query, compare, number }: Props) {
  const [t, tm, rates] = await Promise.all([getTranslations(), getTranslations("investor.costs"), loadLatestRates()]);
  // USD and EUR beside the CNY figures, compact; the rates and their date are under the list.
  const priceConverted = block.priceMin === null ? null : compactConvertedText(tm, locale, block.priceMin, block.priceMax, rates);
  const totalConverted = block.indicativeTotalCny === null ? null : compactConvertedText(tm, locale, block.indicativeTotalCny, null, rates);
  const money = (v: number) => formatMoney(locale, v, "CNY");
  const price = blockPriceText(t, locale, block);
  const entry = compareEntry(query.view, block.key);
  // One parcel (the parcels view, or a "block" of one in the blocks view) takes parcel wording:
  // not "1 parcel" nor "whole block ready" (a first visit's finding).
  const single = query.view === "parcels" || block.parcelCount === 1;
  return (
    <li
      className={`rounded-lg border bg-white p-4 ${block.partOfLarger ? "border-amber-300" : "border-stone-200"}`}
      data-testid="block-result"
      data-key={block.key}
      data-part-of-larger={block.partOfLarger ? "1" : undefined}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="flex items-center gap-2 text-lg font-semibold text-brand-700">
          <span aria-hidden className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-700 text-xs font-bold text-white">{number}</span>
          {formatAreaIn(locale, block.areaM2, query.unit)}
        </p>
        <p className="text-sm text-stone-600">
          {/* A single parcel is not "1 parcel" of a block: its card says only where it is. */}
          {single ? parkName : `${parkName} · ${t("search.parcels", { count: block.parcelCount })}`}
        </p>
      </div>
      <p className="mt-1 text-sm" data-testid="block-price">
        {price}
        {priceConverted && <span className="text-stone-500" data-testid="price-converted">{` ${priceConverted}`}</span>}
        {block.indicativeTotalCny !== null && ` · ${t("search.total", { total: money(block.indicativeTotalCny) })}`}
        {totalConverted && <span className="text-stone-500" data-testid="total-converted">{` ${totalConverted}`}</span>}
      </p>
      <p className="mt-1 text-sm">{block.readyOn ? t(single ? "search.readyOnParcel" : "search.readyOn", { date: block.readyOn }) : t("search.readyUnknown")}</p>
      {block.verifiedOn && <p className="mt-1 text-xs text-stone-600" data-testid="block-verified">{t("search.verifiedOn", { date: block.verifiedOn })}</p>}
      <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("search.readinessTitle")}>
        {block.readiness.map((r) => {
          // Planned dates count: a block found "by a date" passes on them (see readinessState).
          const state = readinessState(r.readyCount, block.parcelCount, r.allReadyOn);
          const struck = state.kind === "partial" && state.ready === 0;
          return (
            <li
              key={r.key}
              data-testid={`readiness-${r.key}`}
              className={`rounded px-1.5 py-0.5 text-xs ${state.kind === "ready" ? "bg-brand-50 text-brand-700" : struck ? "bg-stone-100 text-stone-600 line-through" : "bg-amber-50 text-amber-800"}`}
            >
              {t(`readiness.${r.key}`)}{" "}
              {state.kind === "ready"
                ? "✓"
                : state.kind === "planned"
                  ? t("readinessPlan.planned", { date: state.on })
                  : single
                    ? t("parcel.notPlanned") // "0/1" is block wording
                    : t("search.readinessCount", { ready: state.ready, total: state.total })}
            </li>
          );
        })}
      </ul>
      <BlockCapacities locale={locale} block={block} />
      <BlockProposal locale={locale} block={block} query={query} />
      <p className="mt-2 text-xs text-stone-500">{block.parcelCodes.join(", ")}</p>
      <a href={resultHref(locale, query, block.key)} className="mt-2 inline-block text-sm font-medium text-brand-700 underline">
        {t(query.view === "parcels" ? "search.openParcel" : "search.open")}
      </a>
      {compare.includes(entry) || canAddToCompare(compare, entry) ? (
        <a
          href={`?${withCompare(toSearchParams(query), toggleCompare(compare, entry))}`}
          className="ml-4 inline-block text-sm text-stone-700 underline"
          data-testid="compare-toggle"
        >
          {compare.includes(entry) ? t("compare.remove") : t("compare.add")}
        </a>
      ) : (
        // A full list takes no fourth entry (it used to push out the first, unseen): say why.
        <span className="ml-4 inline-block text-sm text-stone-500" data-testid="compare-full">
          {t("compare.full", { max: MAX_COMPARE })}
        </span>
      )}
    </li>
  );
}

export function withCompare(params: URLSearchParams, keys: string[]): string {
  if (keys.length) params.set("compare", keys.join(","));
  return params.toString();
}

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** "CNY 300,000 – 320,000 per mu", one price, or "on request": shared by card and block page. */
export function blockPriceText(t: Translate, locale: string, block: Pick<BlockResult, "priceMin" | "priceMax">): string {
  const money = (v: number) => formatMoney(locale, v, "CNY");
  if (block.priceMin === null) return t("search.priceUnknown");
  if (block.priceMin === block.priceMax) return t("search.priceOne", { price: money(block.priceMin) });
  return t("search.price", { min: money(block.priceMin), max: money(block.priceMax!) });
}
