// The costs block of a public block page: price per mu (the range over its parcels) and the
// indicative total, each with its USD/EUR conversion; the area in m²/mu/ha/acres; the summed
// utility capacities ("stated for k of n parcels"); the allotment conditions of its parks/zones.
import { getTranslations } from "next-intl/server";
import { loadTermsForParcels } from "@/lib/costs/loaders";
import { AllotmentTerms } from "./allotment-terms";
import { AreaUnits } from "./area-units";
import { Capacities } from "./capacities";
import { Money } from "./money";

interface Props {
  codes: string[];
  areaM2: number;
  priceMin: number | null;
  priceMax: number | null;
  totalCny: number | null;
  locale: string;
}

export async function BlockCosts({ codes, areaM2, priceMin, priceMax, totalCny, locale }: Props) {
  const [t, places] = await Promise.all([getTranslations("investor.costs"), loadTermsForParcels(codes)]);
  const fact = (label: string, value: React.ReactNode, testId: string) => (
    <div className="flex justify-between gap-4 border-t border-stone-100 py-1.5" data-testid={testId}>
      <dt className="text-stone-500">{label}</dt>
      <dd className="text-right">{value}</dd>
    </div>
  );
  const price =
    priceMin === null || priceMax === null ? t("price.none") : priceMin === priceMax ? <Money cny={priceMin} locale={locale} per="mu" /> : (
      <>
        <Money cny={priceMin} locale={locale} per="mu" />
        <span aria-hidden="true"> – </span>
        <Money cny={priceMax} locale={locale} per="mu" />
      </>
    );
  return (
    <div className="mt-8 grid gap-6 lg:grid-cols-3" data-testid="block-costs">
      <section aria-labelledby="costs-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
        <h2 id="costs-title" className="font-semibold">{t("price.title")}</h2>
        <dl className="mt-2">
          {fact(t("price.perMu"), price, "costs-price")}
          {totalCny !== null && fact(t("price.total"), <Money cny={totalCny} locale={locale} />, "costs-total")}
          {fact(t("area.title"), <AreaUnits areaM2={areaM2} locale={locale} />, "costs-area")}
        </dl>
      </section>
      <Capacities codes={codes} locale={locale} mode="block" />
      <AllotmentTerms places={places} locale={locale} />
    </div>
  );
}
