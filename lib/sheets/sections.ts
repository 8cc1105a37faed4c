// Sections shared by the block, parcel and park sheets, in the sheet's language. Pure.
import { chinaDate } from "../calendar/china-time";
import { pick } from "../i18n/localized";
import { M2_PER_HA, M2_PER_MU } from "../land/units";
import { READINESS_ITEMS } from "../land/readiness";
import type { NearestPoint } from "../location/distance";
import { compactConvertedText, ratesFootnote, type RatesLike } from "../money/converted-text";
import type { SheetArticle, SheetParcel, SheetParkInfo, SheetTerms } from "./inputs";
import { num, yuan, type SheetLocale, type SheetRow, type SheetSection, type SheetT } from "./sheet";

export const M2_PER_ACRE = 4046.8564224;
const S = "investor.sheets";

export function areaRows(t: SheetT, locale: SheetLocale, areaM2: number): SheetRow[] {
  return [
    { label: t(`${S}.row.areaMu`), value: t(`${S}.value.mu`, { value: num(locale, areaM2 / M2_PER_MU, 1) }) },
    { label: t(`${S}.row.areaHa`), value: t(`${S}.value.ha`, { value: num(locale, areaM2 / M2_PER_HA, 2) }) },
    { label: t(`${S}.row.areaM2`), value: t(`${S}.value.m2`, { value: num(locale, Math.round(areaM2)) }) },
    { label: t(`${S}.row.areaAcres`), value: t(`${S}.value.acres`, { value: num(locale, areaM2 / M2_PER_ACRE, 1) }) },
  ];
}

export function priceText(t: SheetT, locale: SheetLocale, min: number | null, max: number | null): string {
  if (min === null || max === null) return t(`${S}.value.notStated`);
  if (min === max) return t(`${S}.value.cnyPerMu`, { value: num(locale, min) });
  return t(`${S}.value.cnyPerMuRange`, { min: num(locale, min), max: num(locale, max) });
}

/** Per item: connected on every parcel (since when), planned (by the last member's date), or not. */
export function readinessSection(t: SheetT, parcels: SheetParcel[], today: string): SheetSection {
  const rows = READINESS_ITEMS.map(({ key }) => {
    const dates = parcels.map((p) => p.readiness[key]);
    const known = dates.filter((d): d is string => d !== null);
    const latest = known.length ? known.reduce((a, b) => (a > b ? a : b)) : null;
    let value: string;
    if (known.length === parcels.length && latest !== null) {
      value = latest <= today ? (parcels.length === 1 ? t(`${S}.value.readySince`, { date: latest }) : t(`${S}.value.readyAll`)) : t(`${S}.value.plannedBy`, { date: latest });
    } else if (parcels.length === 1 || known.length === 0) {
      value = t(`${S}.value.notPlanned`);
    } else {
      value = t(`${S}.value.partialReady`, { ready: known.filter((d) => d <= today).length, total: parcels.length, unplanned: parcels.length - known.length });
    }
    return { label: t(`readiness.${key}`), value };
  });
  return { heading: t(`${S}.section.readiness`), rows };
}

type CapacityField = "powerKva" | "gasM3PerDay" | "waterTPerDay" | "wastewaterTPerDay";
const CAPACITIES = [
  { field: "powerKva", label: "powerKva", unit: "kva" },
  { field: "gasM3PerDay", label: "gas", unit: "m3PerDay" },
  { field: "waterTPerDay", label: "water", unit: "tPerDay" },
  { field: "wastewaterTPerDay", label: "wastewater", unit: "tPerDay" },
] as const satisfies readonly { field: CapacityField; label: string; unit: string }[];

/** One parcel: its stated figure. A block: the sum, saying over how many parcels it was stated. */
export function capacitySection(t: SheetT, locale: SheetLocale, parcels: SheetParcel[]): SheetSection {
  const rows: SheetRow[] = CAPACITIES.map(({ field, label, unit }) => {
    const stated = parcels.map((p) => p[field]).filter((v): v is number => v !== null);
    let value = t(`${S}.value.notStated`);
    if (stated.length) {
      const figure = t(`${S}.value.${unit}`, { value: num(locale, stated.reduce((a, b) => a + b, 0)) });
      if (parcels.length === 1) value = figure;
      else if (stated.length === parcels.length) value = t(`${S}.value.sumNote`, { value: figure });
      else value = t(`${S}.value.partial`, { value: figure, stated: stated.length, total: parcels.length });
    }
    return { label: t(`${S}.row.${label}`), value };
  });
  const volts = [...new Set(parcels.map((p) => p.powerVoltageKv).filter((v): v is number => v !== null))].sort((a, b) => a - b);
  rows.splice(1, 0, {
    label: t(`${S}.row.powerVoltageKv`),
    value: volts.length ? volts.map((v) => t(`${S}.value.kv`, { value: num(locale, v, 1) })).join(" / ") : t(`${S}.value.notStated`),
  });
  return { heading: t(`${S}.section.capacities`), rows, note: t(`${S}.note.capacities`) };
}

const range = (t: SheetT, locale: SheetLocale, min: number | null, max: number | null, unit: "pct" | "plain"): string => {
  const f = (v: number) => num(locale, v, 2);
  if (min === null && max === null) return t(`${S}.value.notStated`);
  if (unit === "pct") {
    if (min !== null && max !== null) return min === max ? t(`${S}.value.pct`, { value: f(min) }) : t(`${S}.value.pctRange`, { min: f(min), max: f(max) });
    return t(`${S}.value.pct`, { value: `${min === null ? "≤ " : "≥ "}${f((min ?? max)!)}` });
  }
  if (min !== null && max !== null) return min === max ? f(min) : t(`${S}.value.range`, { min: f(min), max: f(max) });
  return `${min === null ? "≤ " : "≥ "}${f((min ?? max)!)}`;
};

/** Source codes as people read them: an article's title, publisher and date; a URL as it is. */
export function sourceLines(t: SheetT, locale: SheetLocale, codes: string[], articles: ReadonlyMap<string, SheetArticle>): string[] {
  return [...new Set(codes)].map((c) => {
    const a = articles.get(c);
    return a ? t(`${S}.value.article`, { title: pick(locale, a.titleZh, a.titleEn), publisher: a.publisher, date: a.publishedOn }) : c;
  });
}

export function termsSection(t: SheetT, locale: SheetLocale, terms: SheetTerms | null, articles: ReadonlyMap<string, SheetArticle>): SheetSection {
  const heading = t(`${S}.section.terms`);
  if (!terms) return { heading, rows: [], note: t(`${S}.note.noTerms`) };
  const ns = t(`${S}.value.notStated`);
  // Parks quote these in 万元 per mu: kept so in Chinese, written out in yuan in English.
  const money = (wan: number | null, key: "perMu" | "perMuYear") =>
    wan === null ? ns : t(`${S}.value.${key}`, { value: locale === "zh" ? `${num(locale, wan, 2)}万元` : yuan(t, locale, wan * 10_000) });
  const incentives = pick(locale, terms.incentivesZh ?? "", terms.incentivesEn);
  return {
    heading,
    rows: [
      { label: t(`${S}.row.minInvestmentPerMu`), value: money(terms.minInvestmentWanPerMu, "perMu") },
      { label: t(`${S}.row.taxPerMu`), value: money(terms.taxWanPerMuYear, "perMuYear") },
      { label: t(`${S}.row.plotRatioLimits`), value: range(t, locale, terms.plotRatioMin, terms.plotRatioMax, "plain") },
      { label: t(`${S}.row.density`), value: range(t, locale, terms.buildingDensityMinPct, terms.buildingDensityMaxPct, "pct") },
      { label: t(`${S}.row.term`), value: terms.landUseTermYears === null ? ns : t(`${S}.value.years`, { value: terms.landUseTermYears }) },
      { label: t(`${S}.row.methods`), value: terms.methods.length ? terms.methods.map((m) => t(`${S}.method.${m}`)).join(locale === "zh" ? "、" : ", ") : ns },
      { label: t(`${S}.row.incentives`), value: incentives || ns },
      { label: t(`${S}.row.termsSources`), value: terms.sources.length ? sourceLines(t, locale, terms.sources, articles).join("; ") : ns },
    ],
  };
}

/**
 * Price, indicative total and, where the park states conditions, investment and tax for this
 * area; each CNY figure with its USD/EUR equivalents at the admin-set rates, and a row naming
 * those rates and their date (the same words as the search and compare pages: lib/money).
 */
export function costsSection(t: SheetT, locale: SheetLocale, c: { priceMin: number | null; priceMax: number | null; totalCny: number | null; areaM2: number; terms: SheetTerms | null; rates?: RatesLike }): SheetSection {
  const ns = t(`${S}.value.notStated`);
  const mu = c.areaM2 / M2_PER_MU;
  const rates = c.rates ?? {};
  // converted-text takes a translator of the investor.costs namespace (as the pages hand it).
  const tc = (key: string, values?: Record<string, string | number>) => t(`investor.costs.${key}` as Parameters<SheetT>[0], values);
  const withConverted = (text: string, min: number, max: number | null = null) => {
    const converted = compactConvertedText(tc, locale, min, max, rates);
    return converted ? `${text} ${converted}` : text;
  };
  const rows: SheetRow[] = [
    { label: t(`${S}.row.price`), value: c.priceMin === null || c.priceMax === null ? priceText(t, locale, c.priceMin, c.priceMax) : withConverted(priceText(t, locale, c.priceMin, c.priceMax), c.priceMin, c.priceMax) },
    { label: t(`${S}.row.total`), value: c.totalCny === null ? ns : withConverted(yuan(t, locale, c.totalCny), Math.round(c.totalCny)) },
  ];
  if (c.terms?.minInvestmentWanPerMu != null) {
    const cny = Math.round(c.terms.minInvestmentWanPerMu * 10_000 * mu);
    rows.push({ label: t(`${S}.row.minInvestment`), value: withConverted(yuan(t, locale, cny), cny) });
  }
  if (c.terms?.taxWanPerMuYear != null) {
    const cny = Math.round(c.terms.taxWanPerMuYear * 10_000 * mu);
    rows.push({ label: t(`${S}.row.expectedTax`), value: withConverted(t(`${S}.value.perYearTotal`, { value: yuan(t, locale, cny) }), cny) });
  }
  const footnote = rows.some((r) => r.value !== ns) ? ratesFootnote(tc, locale, rates) : null;
  if (footnote) rows.push({ label: t(`${S}.row.rates`), value: footnote });
  return { heading: t(`${S}.section.costs`), rows, note: t(`${S}.note.costs`) };
}

export function distanceSection(t: SheetT, locale: SheetLocale, distances: NearestPoint[]): SheetSection {
  return {
    heading: t(`${S}.section.distances`),
    rows: distances.map((d) => ({
      label: t(`${S}.distanceKind.${d.point.kind}`),
      value: t(`${S}.value.distance`, { name: pick(locale, d.point.nameZh, d.point.nameEn), km: num(locale, d.straightKm, 0), minutes: d.minutes }),
    })),
    note: t(`${S}.note.distances`),
  };
}

export function contactSection(t: SheetT, locale: SheetLocale, parks: SheetParkInfo[]): SheetSection {
  const rows: SheetRow[] = [];
  for (const park of parks) {
    if (!park.contact) continue;
    const c = park.contact;
    const name = pick(locale, c.nameZh ?? "", c.nameEn);
    rows.push({ label: t(`${S}.row.contactName`), value: name ? t(`${S}.value.contactOf`, { name, park: pick(locale, park.nameZh, park.nameEn) }) : pick(locale, park.nameZh, park.nameEn) });
    if (c.phone) rows.push({ label: t(`${S}.row.phone`), value: c.phone });
    if (c.email) rows.push({ label: t(`${S}.row.email`), value: c.email });
    const address = pick(locale, park.addressZh ?? "", park.addressEn);
    if (address) rows.push({ label: t(`${S}.row.address`), value: address });
  }
  return { heading: t(`${S}.section.contact`), rows, note: rows.length ? undefined : t(`${S}.note.noContact`) };
}

/** Article titles, the day the land was last checked and the day (China) the sheet was made. */
export function sourcesSection(t: SheetT, locale: SheetLocale, c: { codes: string[]; articles: ReadonlyMap<string, SheetArticle>; verifiedOn: string | null; now: Date }): SheetSection {
  const lines = sourceLines(t, locale, c.codes, c.articles);
  const rows: SheetRow[] = [];
  if (c.verifiedOn) rows.push({ label: t(`${S}.row.verified`), value: c.verifiedOn });
  rows.push({ label: t(`${S}.row.generated`), value: t(`${S}.value.dateChina`, { date: chinaDate(c.now) }) });
  return { heading: t(`${S}.section.sources`), rows, lines: lines.length ? lines : [t(`${S}.note.noSources`)] };
}
