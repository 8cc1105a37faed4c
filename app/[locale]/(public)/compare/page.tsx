import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatMoney } from "@/lib/i18n/format";
import { formatAreaIn } from "@/lib/search/area-display";
import { pick } from "@/lib/i18n/localized";
import { M2_PER_MU } from "@/lib/land/units";
import { MAX_COMPARE, readCompareEntry, readCompareList, type CompareEntry } from "@/lib/search/compare";
import { askAllHref, nearestFromBox, removeHref, tableRow, type CompareTableRow } from "@/lib/search/compare-table";
import { readinessState } from "@/lib/land/readiness";
import { inquiryHref, resultHref } from "@/lib/search/links";
import { loadLandBlock, loadSearchOptions } from "@/lib/search/loaders";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { loadTermsForParcels } from "@/lib/sheets/loaders";
import { compactConvertedText } from "@/lib/money/converted-text";
import { loadLatestRates } from "@/lib/money/loaders";
import { RatesFootnote } from "@/components/costs/rates-footnote";
import { blockPriceText } from "../search/block-card";
import { PrintButton } from "./print-button";
import { ComparePrintStyle } from "./print-style";

export async function generateMetadata({ params }: PageProps<"/[locale]/compare">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "compare" });
  return { title: t("title") };
}

export default async function ComparePage({ params, searchParams }: PageProps<"/[locale]/compare">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations();
  const raw = searchParamsToObject(await searchParams);
  const { entries, overflow } = readCompareList(raw.compare);
  const items = entries.map(readCompareEntry);
  const keys = items.map((e) => e.key);
  const parsed = landSearchSchema.safeParse(raw);
  const query = parsed.success ? parsed.data : landSearchSchema.parse({});
  const filters = toSearchParams({ ...query, page: 1 }).toString();
  // Each entry is resolved as it was picked (a block under these filters, or a parcel alone).
  const viewOf = (e: CompareEntry) => ({ ...query, view: e.kind === "parcel" ? ("parcels" as const) : ("blocks" as const) });
  const [blocks, options, rates] = await Promise.all([Promise.all(items.map((e) => loadLandBlock(viewOf(e), e.key))), loadSearchOptions(), loadLatestRates()]);
  // The conditions of each block's key parcel (its zone's over its park's), for the costs rows.
  const terms = await loadTermsForParcels(blocks.flatMap((b) => (b ? [b.key] : [])));
  const kinds = new Set(items.map((e) => e.kind));
  const title = kinds.size > 1 ? "compare.titleMixed" : kinds.has("parcel") ? "compare.titleParcels" : "compare.title";
  const parkName = new Map(options.parks.map((p) => [p.id, pick(locale, p.nameZh, p.nameEn)]));
  const money = (v: number) => formatMoney(locale, v, "CNY");
  // Back to the search with the whole list, the entries past the limit included (nothing lost).
  const listed = [...entries, ...overflow];
  const back = `/${locale}/search?${filters}${listed.length ? `&compare=${encodeURIComponent(listed.join(","))}` : ""}`;
  const cell = "px-3 py-2 align-top";
  // On a phone the row headings keep a readable width and stay in view (sticky) while the data
  // columns scroll inside the table's own container; the print style undoes both (print-style.tsx).
  const headCell = `${cell} sticky left-0 z-10 w-40 min-w-40 sm:w-48 sm:min-w-48`;
  const dataCell = `${cell} min-w-40`;
  // As on the result cards: a planned date counts (the search "by a date" passes on it).
  const readinessText = (r: { readyCount: number; allReadyOn: string | null }, total: number) => {
    const state = readinessState(r.readyCount, total, r.allReadyOn);
    if (state.kind === "ready") return "✓";
    if (state.kind === "planned") return t("readinessPlan.planned", { date: state.on });
    // "0/1" and "0/12" both mean none yet: one wording, so the row is not marked as differing.
    if (state.ready === 0) return t("investor.sheets.compare.noneYet");
    return t("search.readinessCount", { ready: state.ready, total: state.total });
  };
  type Block = NonNullable<(typeof blocks)[number]>;
  const each = (value: (b: Block) => string) => blocks.map((b) => (b ? value(b) : null));
  const parksOf = (b: Block) => b.parkIds.map((id) => parkName.get(id) ?? "").join(" / ");
  // Columns are named by what a person compares (size and park), not by a parcel code.
  const titles = blocks.map((b, i) => {
    if (!b) return keys[i]!;
    const area = formatAreaIn(locale, b.areaM2, query.unit);
    return items[i]!.kind === "parcel" ? t("investor.sheets.compare.columnParcel", { code: b.key, area, park: parksOf(b) }) : t("investor.sheets.compare.column", { area, park: parksOf(b) });
  });
  const near = (b: Block, kind: "port" | "expressway") => {
    const n = nearestFromBox(b.bbox, kind);
    return n ? t("investor.sheets.compare.near", { name: pick(locale, n.point.nameZh, n.point.nameEn), km: Math.round(n.straightKm), minutes: n.minutes }) : "—";
  };
  const termsOf = (b: Block) => terms.get(b.key) ?? null;
  const anyTerms = blocks.some((b) => b && termsOf(b)?.minInvestmentWanPerMu != null);
  const intensity = (b: Block) => {
    const wan = termsOf(b)?.minInvestmentWanPerMu;
    if (wan == null) return t("investor.sheets.compare.noTerms");
    return t("investor.sheets.value.perMu", { value: locale === "zh" ? `${wan}万元` : money(wan * 10_000) });
  };
  const minInvestment = (b: Block) => {
    const wan = termsOf(b)?.minInvestmentWanPerMu;
    return wan == null ? t("investor.sheets.compare.noTerms") : money(wan * 10_000 * (b.areaM2 / M2_PER_MU));
  };
  const firstLive = blocks.find(Boolean);
  // USD/EUR under the CNY figures (compact; the rates and their date under the table).
  const tm = await getTranslations("investor.costs");
  const converted = (cny: (b: Block) => [number, number | null] | null) =>
    blocks.map((b) => {
      const v = b ? cny(b) : null;
      return v ? compactConvertedText(tm, locale, v[0], v[1], rates) : null;
    });
  const minInvestmentCny = (b: Block): [number, null] | null => {
    const wan = termsOf(b)?.minInvestmentWanPerMu;
    return wan == null ? null : [wan * 10_000 * (b.areaM2 / M2_PER_MU), null];
  };
  const rows: CompareTableRow[] = [
    tableRow("park", t("compare.row.park"), each(parksOf)),
    tableRow("area", t("compare.row.area"), each((b) => formatAreaIn(locale, b.areaM2, query.unit))),
    tableRow("parcels", t("compare.row.parcels"), each((b) => String(b.parcelCount))),
    tableRow("price", t("investor.sheets.compare.row.pricePerMu"), each((b) => blockPriceText(t, locale, b)), converted((b) => (b.priceMin === null ? null : [b.priceMin, b.priceMax]))),
    tableRow("total", t("investor.sheets.compare.row.total"), each((b) => (b.indicativeTotalCny === null ? "—" : money(b.indicativeTotalCny))), converted((b) => (b.indicativeTotalCny === null ? null : [b.indicativeTotalCny, null]))),
    ...(anyTerms
      ? [tableRow("intensity", t("investor.sheets.compare.row.intensity"), each(intensity)), tableRow("minInvestment", t("investor.sheets.compare.row.minInvestment"), each(minInvestment), converted(minInvestmentCny))]
      : []),
    tableRow("readyOn", t("compare.row.readyOn"), each((b) => b.readyOn ?? t("search.readyUnknown"))),
    ...(firstLive?.readiness.map((r, ri) => tableRow(`readiness-${r.key}`, t(`readiness.${r.key}`), each((b) => readinessText(b.readiness[ri]!, b.parcelCount)))) ?? []),
    tableRow("port", t("investor.sheets.compare.row.port"), each((b) => near(b, "port"))),
    tableRow("expressway", t("investor.sheets.compare.row.expressway"), each((b) => near(b, "expressway"))),
  ];
  const liveEntries = entries.filter((_, i) => blocks[i]);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <ComparePrintStyle />
      <a href={back} className="text-sm text-brand-700 underline print:hidden">{t("block.back")}</a>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t(title)}</h1>
      {overflow.length > 0 && (
        <p role="status" className="mt-2 text-sm text-amber-800" data-testid="compare-overflow">
          {t("compare.overflow", { max: MAX_COMPARE, keys: overflow.join(", ") })}
        </p>
      )}
      {keys.length === 0 ? (
        <p className="mt-4 text-stone-600">{t("compare.empty")}</p>
      ) : (
        <>
          <p className="mt-2 text-sm text-stone-600">{t("investor.sheets.compare.differsLegend")}</p>
          <div className="mt-4 overflow-x-auto rounded-lg border border-stone-200 bg-white" data-testid="compare-table-wrap">
            <table className="min-w-full text-left text-sm" data-testid="compare-table">
              <thead className="bg-stone-50">
                <tr>
                  <td className={`${headCell} bg-stone-50`} />
                  {keys.map((k, i) => (
                    <th key={k} scope="col" className={dataCell} data-testid="compare-column">
                      <span className="block font-semibold">{titles[i]}</span>
                      <a
                        href={removeHref(locale, query, entries, entries[i]!)}
                        aria-label={t("investor.sheets.compare.removeLabel", { title: titles[i]! })}
                        className="mt-1 inline-block rounded border border-stone-300 px-2 py-0.5 text-xs font-normal text-stone-700 hover:bg-stone-100 print:hidden"
                        data-testid="compare-remove"
                      >
                        {t("investor.sheets.compare.remove")}
                      </a>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className={`border-t border-stone-100 ${r.differs ? "bg-amber-50" : ""}`} data-row={r.id} data-differs={r.differs ? "true" : undefined}>
                    <th scope="row" className={`${headCell} text-stone-500 ${r.differs ? "bg-amber-50" : "bg-white"}`} data-testid="compare-row-heading">
                      {r.differs && <span aria-hidden className="mr-1 font-bold text-amber-800" title={t("investor.sheets.compare.differs")}>≠</span>}
                      {r.label}
                      {r.differs && <span className="sr-only"> ({t("investor.sheets.compare.differs")})</span>}
                    </th>
                    {r.cells.map((c, i) => (
                      <td key={keys[i]} className={dataCell}>
                        {c ?? (r.id === "park" ? t("compare.gone") : "")}
                        {r.notes?.[i] && <span className="block text-xs text-stone-500" data-testid="cell-converted">{r.notes[i]}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr className="border-t border-stone-100 print:hidden">
                  <td className={`${headCell} bg-white`} />
                  {blocks.map((b, i) => (
                    <td key={keys[i]} className={cell}>
                      {b && (
                        <span className="flex gap-3">
                          <a className="text-brand-700 underline" href={resultHref(locale, viewOf(items[i]!), b.key)}>{t("compare.view")}</a>
                          <a className="text-brand-700 underline" href={inquiryHref(locale, viewOf(items[i]!), b.key)}>{t("compare.ask")}</a>
                        </span>
                      )}
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <RatesFootnote locale={locale} rates={rates} className="mt-2 text-xs text-stone-500" />
          <p className="mt-2 text-xs text-stone-500">{t("investor.sheets.compare.locationNote")}</p>
          <div className="mt-4 flex flex-wrap gap-3 print:hidden">
            {liveEntries.length > 0 && (
              <a href={askAllHref(locale, query, liveEntries)} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900" data-testid="compare-ask-all">
                {t("investor.sheets.compare.askAll")}
              </a>
            )}
            <PrintButton label={t("investor.sheets.compare.print")} />
          </div>
        </>
      )}
    </div>
  );
}
