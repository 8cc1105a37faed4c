// Land area in the unit the visitor chose for the search (m² or acres for foreign investors),
// always with mu beside it: prices are per mu, so the mu figure stays the common ground.
import { formatArea } from "../i18n/format";
import { fromM2, m2ToMu, type AreaUnit } from "../land/units";

const nf = (locale: string, v: number, digits: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits }).format(v);

export function formatAreaIn(locale: string, areaM2: number, unit: AreaUnit): string {
  if (unit === "mu" || unit === "ha") return formatArea(locale, areaM2);
  const mu = nf(locale, m2ToMu(areaM2), 0);
  const zh = locale === "zh";
  if (unit === "m2") return zh ? `${nf(locale, areaM2, 0)}平方米（${mu}亩）` : `${nf(locale, areaM2, 0)} m² (${mu} mu)`;
  return zh ? `${nf(locale, fromM2(areaM2, "acre"), 1)}英亩（${mu}亩）` : `${nf(locale, fromM2(areaM2, "acre"), 1)} acres (${mu} mu)`;
}
