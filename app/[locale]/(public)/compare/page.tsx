import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { formatArea, formatMoney } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { MAX_COMPARE, readCompareEntry, readCompareList, type CompareEntry } from "@/lib/search/compare";
import { readinessState } from "@/lib/land/readiness";
import { inquiryHref, resultHref } from "@/lib/search/links";
import { loadLandBlock, loadSearchOptions } from "@/lib/search/loaders";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { blockPriceText } from "../search/block-card";

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
  const [blocks, options] = await Promise.all([Promise.all(items.map((e) => loadLandBlock(viewOf(e), e.key))), loadSearchOptions()]);
  const kinds = new Set(items.map((e) => e.kind));
  const title = kinds.size > 1 ? "compare.titleMixed" : kinds.has("parcel") ? "compare.titleParcels" : "compare.title";
  const parkName = new Map(options.parks.map((p) => [p.id, pick(locale, p.nameZh, p.nameEn)]));
  const money = (v: number) => formatMoney(locale, v, "CNY");
  // Back to the search with the whole list, the entries past the limit included (nothing lost).
  const listed = [...entries, ...overflow];
  const back = `/${locale}/search?${filters}${listed.length ? `&compare=${encodeURIComponent(listed.join(","))}` : ""}`;
  const cell = "px-3 py-2 align-top";
  // As on the result cards: a planned date counts (the search "by a date" passes on it).
  const readinessText = (r: { readyCount: number; allReadyOn: string | null }, total: number) => {
    const state = readinessState(r.readyCount, total, r.allReadyOn);
    if (state.kind === "ready") return "✓";
    if (state.kind === "planned") return t("readinessPlan.planned", { date: state.on });
    return t("search.readinessCount", { ready: state.ready, total: state.total });
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <a href={back} className="text-sm text-brand-700 underline">{t("block.back")}</a>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t(title)}</h1>
      {overflow.length > 0 && (
        <p role="status" className="mt-2 text-sm text-amber-800" data-testid="compare-overflow">
          {t("compare.overflow", { max: MAX_COMPARE, keys: overflow.join(", ") })}
        </p>
      )}
      {keys.length === 0 ? (
        <p className="mt-4 text-stone-600">{t("compare.empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm" data-testid="compare-table">
            <thead className="bg-stone-50">
              <tr>
                <td className={cell} />
                {keys.map((k) => (
                  <th key={k} scope="col" className={cell}>{k}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["park", (b) => b.parkIds.map((id) => parkName.get(id) ?? "").join(" / ")],
                  ["area", (b) => formatArea(locale, b.areaM2)],
                  ["parcels", (b) => String(b.parcelCount)],
                  ["price", (b) => blockPriceText(t, locale, b)],
                  ["total", (b) => (b.indicativeTotalCny === null ? "—" : money(b.indicativeTotalCny))],
                  ["readyOn", (b) => b.readyOn ?? t("search.readyUnknown")],
                ] as const satisfies readonly (readonly [string, (b: NonNullable<(typeof blocks)[number]>) => string])[]
              ).map(([row, value]) => (
                <tr key={row} className="border-t border-stone-100">
                  <th scope="row" className={`${cell} text-stone-500`}>{t(`compare.row.${row}`)}</th>
                  {blocks.map((b, i) => (
                    <td key={keys[i]} className={cell}>{b ? value(b) : t("compare.gone")}</td>
                  ))}
                </tr>
              ))}
              {blocks.find(Boolean)?.readiness.map((r, ri) => (
                <tr key={r.key} className="border-t border-stone-100">
                  <th scope="row" className={`${cell} text-stone-500`}>{t(`readiness.${r.key}`)}</th>
                  {blocks.map((b, i) => (
                    <td key={keys[i]} className={cell}>{b ? readinessText(b.readiness[ri]!, b.parcelCount) : ""}</td>
                  ))}
                </tr>
              ))}
              <tr className="border-t border-stone-100">
                <td className={cell} />
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
      )}
    </div>
  );
}
