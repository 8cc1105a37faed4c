// An area in every unit investors ask for: m², mu (亩), hectares and acres.
import { getTranslations } from "next-intl/server";
import { m2ToMu, m2ToHa } from "@/lib/land/units";
import { m2ToAcres } from "@/lib/money/convert";

const num = (locale: string, v: number, digits: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(v);

/** "66,667 m² · 100 mu · 6.67 ha · 16.47 acres": m² whole, mu one decimal, ha and acres two. */
export function areaUnits(locale: string, areaM2: number) {
  return { m2: num(locale, Math.round(areaM2), 0), mu: num(locale, m2ToMu(areaM2), 1), ha: num(locale, m2ToHa(areaM2), 2), acres: num(locale, m2ToAcres(areaM2), 2) };
}

export async function AreaUnits({ areaM2, locale }: { areaM2: number; locale: string }) {
  const t = await getTranslations("investor.costs");
  return <span data-testid="area-units">{t("area.units", areaUnits(locale, areaM2))}</span>;
}
