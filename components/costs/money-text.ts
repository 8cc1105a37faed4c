// A CNY figure's converted text ("≈ USD 35,112 / EUR 30,303 at the rate of 2026-11-01"), pure
// so the page components and tests share it. Rounding: lib/money/convert.ts.
import { convertCny, convertedDecimals } from "@/lib/money/convert";
import type { Currency } from "@/lib/generated/prisma/enums";

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
  const seed = parts.some((p) => p.seed) ? ` (${t("money.seed")})` : "";
  if (parts.length === 1) return t("money.one", { amount: parts[0]!.text, date: parts[0]!.date }) + seed;
  const [usd, eur] = parts as [(typeof parts)[number], (typeof parts)[number]];
  return (usd.date === eur.date ? t("money.both", { usd: usd.text, eur: eur.text, date: usd.date }) : t("money.bothDates", { usd: usd.text, eur: eur.text, usdDate: usd.date, eurDate: eur.date })) + seed;
}
