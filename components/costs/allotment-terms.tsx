// The allotment conditions that apply to a parcel, a block or a park: each figure with where it
// comes from (the zone's own, or its park's), and the sources as article titles, never codes.
// Zone terms override park terms field by field (lib/costs/terms-resolve.ts).
import { getTranslations } from "next-intl/server";
import { pick } from "@/lib/i18n/localized";
import type { SourceDto, TermsPlace } from "@/lib/costs/queries";
import { Money } from "./money";

type T = Awaited<ReturnType<typeof getTranslations<"investor.costs">>>;

function range(t: T, min: number | undefined, max: number | undefined, unit: (v: number) => string): string | null {
  if (min !== undefined && max !== undefined) return t("terms.range", { min: unit(min), max: unit(max) });
  if (min !== undefined) return t("terms.atLeast", { min: unit(min) });
  if (max !== undefined) return t("terms.atMost", { max: unit(max) });
  return null;
}

function sourceText(t: T, locale: string, s: SourceDto): string {
  if (s.kind === "illustrative") return t("terms.illustrative");
  if (s.kind === "url") return s.url;
  return t("terms.article", { title: pick(locale, s.titleZh, s.titleEn), publisher: s.publisher, date: s.publishedOn });
}

async function Place({ place, locale, heading }: { place: TermsPlace; locale: string; heading: string | null }) {
  const t = await getTranslations("investor.costs");
  const r = place.terms;
  const parkName = pick(locale, place.park.nameZh, place.park.nameEn);
  const zoneName = place.zone ? pick(locale, place.zone.nameZh, place.zone.nameEn) : "";
  const from = (f: { from: "zone" | "park" } | null | undefined) =>
    f ? <span className="block text-xs text-stone-500" data-testid="terms-from">{f.from === "zone" ? t("terms.fromZone", { name: zoneName }) : t("terms.fromPark", { name: parkName })}</span> : null;
  // A range's two ends may come from different owners: the source shown is the zone's if either end is.
  const either = (a: { from: "zone" | "park" } | null, b: { from: "zone" | "park" } | null) => (a?.from === "zone" || b?.from === "zone" ? { from: "zone" as const } : (a ?? b));
  const n = (v: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 2 }).format(v);
  const plot = range(t, r.plotRatioMin?.value, r.plotRatioMax?.value, n);
  const density = range(t, r.buildingDensityMinPct?.value, r.buildingDensityMaxPct?.value, (v) => t("terms.pct", { value: n(v) }));
  const incentives = locale === "zh" ? (r.incentivesZh ?? r.incentivesEn) : (r.incentivesEn ?? r.incentivesZh);
  const row = (key: string, label: string, value: React.ReactNode, origin: { from: "zone" | "park" } | null | undefined) => (
    <div key={key} className="flex justify-between gap-4 border-t border-stone-100 py-1.5" data-testid={`terms-${key}`}>
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right">{value}{from(origin)}</dd>
    </div>
  );
  const rows = [
    r.minInvestmentWanPerMu && row("minInvestment", t("terms.minInvestment"), <Money cny={r.minInvestmentWanPerMu.value * 10_000} locale={locale} per="mu" />, r.minInvestmentWanPerMu),
    r.taxWanPerMuYear && row("tax", t("terms.tax"), <Money cny={r.taxWanPerMuYear.value * 10_000} locale={locale} per="mu" />, r.taxWanPerMuYear),
    plot && row("plotRatio", t("terms.plotRatio"), plot, either(r.plotRatioMin, r.plotRatioMax)),
    density && row("buildingDensity", t("terms.buildingDensity"), density, either(r.buildingDensityMinPct, r.buildingDensityMaxPct)),
    r.landUseTermYears && row("term", t("terms.term"), t("terms.years", { value: r.landUseTermYears.value }), r.landUseTermYears),
    r.methods && row("methods", t("terms.methods"), r.methods.value.map((m) => t(`terms.method.${m}`)).join(locale === "zh" ? "、" : ", "), r.methods),
  ].filter(Boolean);
  return (
    <div data-testid="terms-place" data-park={place.park.code} data-zone={place.zone?.code ?? ""}>
      {heading && <h3 className="mt-3 font-medium">{heading}</h3>}
      {rows.length === 0 && !incentives ? (
        <p className="mt-2 text-stone-600" data-testid="terms-none">{t("terms.none")}</p>
      ) : (
        <>
          <dl className="mt-2">{rows}</dl>
          {incentives && (
            <div className="mt-2" data-testid="terms-incentives">
              <p className="text-stone-500">{t("terms.incentives")}</p>
              <p className="mt-1 whitespace-pre-line">{incentives.value}</p>
              {from(incentives)}
            </div>
          )}
          {place.sources.length > 0 && (
            <div className="mt-2 text-xs text-stone-600" data-testid="terms-sources">
              <p className="font-medium">{t("terms.sources")}</p>
              <ul className="mt-1 list-disc pl-4">
                {place.sources.map((s, i) => <li key={i}>{sourceText(t, locale, s)}</li>)}
              </ul>
            </div>
          )}
        </>
      )}
    </div>
  );
}

export async function AllotmentTerms({ places, locale, title }: { places: TermsPlace[]; locale: string; title?: string }) {
  const t = await getTranslations("investor.costs");
  if (places.length === 0) return null;
  const heading = (p: TermsPlace) => (places.length === 1 ? null : p.zone ? t("terms.zoneTitle", { zone: pick(locale, p.zone.nameZh, p.zone.nameEn) }) : pick(locale, p.park.nameZh, p.park.nameEn));
  return (
    <section aria-labelledby="terms-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="allotment-terms">
      <h2 id="terms-title" className="font-semibold">{title ?? t("terms.title")}</h2>
      {places.map((p) => <Place key={`${p.park.code}:${p.zone?.code ?? ""}`} place={p} locale={locale} heading={heading(p)} />)}
    </section>
  );
}
