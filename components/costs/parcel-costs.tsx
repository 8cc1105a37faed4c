// The costs block of a public parcel page: the price per mu with its USD/EUR conversion, the
// area in m²/mu/ha/acres, the utility capacities and the allotment conditions.
import { getTranslations } from "next-intl/server";
import { loadTermsForParcels } from "@/lib/costs/loaders";
import { m2ToMu } from "@/lib/land/units";
import { AllotmentTerms } from "./allotment-terms";
import { AreaUnits } from "./area-units";
import { Capacities } from "./capacities";
import { Money } from "./money";

export async function ParcelCosts({ code, areaM2, priceCnyPerMu, locale }: { code: string; areaM2: number; priceCnyPerMu: number | null; locale: string }) {
  const [t, places] = await Promise.all([getTranslations("investor.costs"), loadTermsForParcels([code])]);
  const fact = (label: string, value: React.ReactNode, testId: string) => (
    <div className="flex justify-between gap-4 border-t border-stone-100 py-1.5" data-testid={testId}>
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );
  return (
    <div className="mt-8 grid gap-6 lg:grid-cols-3" data-testid="parcel-costs">
      <section aria-labelledby="costs-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 id="costs-title" className="font-semibold">{t("price.title")}</h2>
        <dl className="mt-2">
          {fact(t("price.perMu"), priceCnyPerMu === null ? t("price.none") : <Money cny={priceCnyPerMu} locale={locale} per="mu" />, "costs-price")}
          {priceCnyPerMu !== null && fact(t("price.total"), <Money cny={Math.round(priceCnyPerMu * m2ToMu(areaM2))} locale={locale} />, "costs-total")}
          {fact(t("area.title"), <AreaUnits areaM2={areaM2} locale={locale} />, "costs-area")}
        </dl>
      </section>
      <Capacities codes={[code]} locale={locale} mode="parcel" />
      <AllotmentTerms places={places} locale={locale} />
    </div>
  );
}
