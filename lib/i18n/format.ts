// Number formatting that follows each language's habits: Chinese counts money in 亿 (1e8)
// and 万 (1e4), English in billions and millions. Pure, so it is unit-tested.
import { M2_PER_HA, M2_PER_MU } from "../land/units";

function num(locale: string, value: number, maxFraction = 2): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: maxFraction }).format(value);
}

export function formatMoney(locale: string, value: number, currency: "CNY" | "USD"): string {
  if (locale === "zh") {
    const unit = currency === "CNY" ? "元" : "美元";
    if (Math.abs(value) >= 1e8) return `${num(locale, value / 1e8)}亿${unit}`;
    if (Math.abs(value) >= 1e4) return `${num(locale, value / 1e4)}万${unit}`;
    return `${num(locale, value)}${unit}`;
  }
  if (Math.abs(value) >= 1e9) return `${currency} ${num(locale, value / 1e9, 3)} bn`;
  if (Math.abs(value) >= 1e6) return `${currency} ${num(locale, value / 1e6)} m`;
  return `${currency} ${num(locale, value)}`;
}

const UNIT_LABEL: Record<string, { zh: string; en: string }> = {
  km2: { zh: "平方公里", en: " km²" },
  ha: { zh: "公顷", en: " ha" },
  m2: { zh: "平方米", en: " m²" },
  mu: { zh: "亩", en: " mu" },
  GWh: { zh: "GWh", en: " GWh" },
  percent: { zh: "%", en: "%" },
  count: { zh: "", en: "" },
  years: { zh: "年", en: " years" },
};

/** A seeded figure (value + unit as stored) as a person would write it. */
export function formatFigure(locale: string, value: number, unit: string): string {
  if (unit === "CNY" || unit === "USD") return formatMoney(locale, value, unit);
  if (unit === "rank") return locale === "zh" ? `第${num(locale, value)}` : `No. ${num(locale, value)}`;
  const label = UNIT_LABEL[unit];
  const text = num(locale, value, 3);
  if (!label) return `${text} ${unit}`;
  return `${text}${locale === "zh" ? label.zh : label.en}`;
}

/** Land area in the two units investors ask for: mu first in Chinese, hectares first in English. */
export function formatArea(locale: string, areaM2: number): string {
  const mu = num(locale, areaM2 / M2_PER_MU, 0);
  const ha = num(locale, areaM2 / M2_PER_HA, 1);
  return locale === "zh" ? `${mu}亩（${ha}公顷）` : `${ha} ha (${mu} mu)`;
}

/** "a, b and c" / "a、b和c": lists read naturally in each language. */
export function formatList(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale === "zh" ? "zh-CN" : "en", { style: "long", type: "conjunction" }).format(items);
}
