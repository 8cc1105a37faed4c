// A CNY figure's converted text ("≈ USD 35,112 / EUR 30,303 at the rate of 2026-11-01"), the compact
// form lists and tables use ("≈ USD 34,500 · EUR 31,800") and the footnote that gives their rates
// and date. Pure and browser-safe, so pages, data sheets and tests share it (lib/sheets too).
// Rounding: lib/money/convert.ts.
import { convertCny, convertedDecimals } from "./convert";
import type { Currency } from "../generated/prisma/enums";

export interface RateLike {
  cnyPerUnit: number;
  asOf: string;
  seed: boolean;
}

type T = (key: string, values?: Record<string, string | number>) => string;

const WORD_ZH: Record<Currency, string> = { USD: "美元", EUR: "欧元" };

/** An amount in a foreign currency: "USD 35,112" / "35,112 美元". */
export function foreignText(locale: string, amount: number, currency: Currency): string {
  const n = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: convertedDecimals(amount), maximumFractionDigits: convertedDecimals(amount) }).format(amount);
  return locale === "zh" ? `${n} ${WORD_ZH[currency]}` : `${currency} ${n}`;
}

/** The converted text, or null when no rate is set (the page then shows CNY only). */
export function convertedText(t: T, locale: string, cny: number, rates: Partial<Record<Currency, RateLike>>): string | null {
  const parts = (["USD", "EUR"] as const).flatMap((c) => {
    const r = rates[c];
    const amount = r ? convertCny(cny, r.cnyPerUnit) : null;
    return r && amount !== null ? [{ c, text: foreignText(locale, amount, c), date: r.asOf, seed: r.seed }] : [];
  });
  if (parts.length === 0) return null;
  const seed = seedNote(t, locale, parts);
  if (parts.length === 1) return t("money.one", { amount: parts[0]!.text, date: parts[0]!.date }) + seed;
  const [usd, eur] = parts as [(typeof parts)[number], (typeof parts)[number]];
  return (usd.date === eur.date ? t("money.both", { usd: usd.text, eur: eur.text, date: usd.date }) : t("money.bothDates", { usd: usd.text, eur: eur.text, usdDate: usd.date, eurDate: eur.date })) + seed;
}

export type RatesLike = Partial<Record<Currency, RateLike>>;

/**
 * " (illustrative seed rate)" after a converted figure whose rates include a seeded one; when
 * an admin has set one currency and the other is still the seed's, it names that one, so the
 * note does not read as covering both.
 */
function seedNote(t: T, locale: string, shown: { c: Currency; seed: boolean }[]): string {
  const seeded = shown.filter((p) => p.seed).map((p) => (locale === "zh" ? WORD_ZH[p.c] : p.c));
  if (seeded.length === 0) return "";
  const note = seeded.length === shown.length ? t("money.seed") : t("money.seedOf", { currencies: seeded.join(locale === "zh" ? "、" : ", ") });
  return locale === "zh" ? `（${note}）` : ` (${note})`;
}

const CURRENCY_ORDER = ["USD", "EUR"] as const;

/** The currencies that have a usable rate, in the order they are shown. */
const usable = (rates: RatesLike) => CURRENCY_ORDER.flatMap((c) => (rates[c] && rates[c]!.cnyPerUnit > 0 ? [[c, rates[c]!] as const] : []));

/**
 * The compact converted text of a CNY figure or range ("≈ USD 34,500 · EUR 31,800",
 * "≈ USD 41,408–44,168 · EUR …"): lists and tables, where the rates and their date are given
 * once, by ratesFootnote. Null when no rate is set (the figure is then CNY only).
 */
export function compactConvertedText(t: T, locale: string, cnyMin: number, cnyMax: number | null, rates: RatesLike): string | null {
  const parts = usable(rates).flatMap(([c, r]) => {
    const lo = convertCny(cnyMin, r.cnyPerUnit);
    const hi = cnyMax === null || cnyMax === cnyMin ? null : convertCny(cnyMax, r.cnyPerUnit);
    if (lo === null) return [];
    if (hi === null) return [foreignText(locale, lo, c)];
    // One currency word for the range: "USD 41,408–44,168" / "41,408–44,168 美元".
    const [a, b] = [foreignText(locale, lo, c), foreignText(locale, hi, c)];
    return [locale === "zh" ? `${a.replace(` ${WORD_ZH[c]}`, "")}–${b}` : `${a}–${b.replace(`${c} `, "")}`];
  });
  return parts.length ? t("money.compact", { list: parts.join(" · ") }) : null;
}

/** A rate as people read it: four decimals ("7.2450"). */
const rateText = (locale: string, v: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 4, maximumFractionDigits: 4 }).format(v);

/**
 * Where the compact figures come from: "≈ converted at CNY 7.2450 per USD, CNY 7.8600 per EUR,
 * set 2026-11-20" (each with its own date when they differ). Null when no rate is set.
 */
export function ratesFootnote(t: T, locale: string, rates: RatesLike): string | null {
  const list = usable(rates);
  if (list.length === 0) return null;
  const currencyWord = (c: Currency) => (locale === "zh" ? WORD_ZH[c] : c);
  const oneDate = new Set(list.map(([, r]) => r.asOf)).size === 1;
  const items = list.map(([c, r]) =>
    oneDate ? t("money.rate", { currency: currencyWord(c), rate: rateText(locale, r.cnyPerUnit) }) : t("money.rateDated", { currency: currencyWord(c), rate: rateText(locale, r.cnyPerUnit), date: r.asOf }),
  );
  const joined = items.join(locale === "zh" ? "，" : ", ");
  const seed = seedNote(t, locale, list.map(([c, r]) => ({ c, seed: r.seed })));
  return (oneDate ? t("money.footnote", { rates: joined, date: list[0]![1].asOf }) : t("money.footnoteDates", { rates: joined })) + seed;
}
