// The costs block of a public park page: the asking prices of its parcels on offer (with the
// USD/EUR conversion) and its allotment conditions, then each zone's that states its own.
import { getTranslations } from "next-intl/server";
import { loadParkPriceRange, loadParkTerms } from "@/lib/costs/loaders";
import { AllotmentTerms } from "./allotment-terms";
import { Money } from "./money";

export async function ParkCosts({ parkCode, locale }: { parkCode: string; locale: string }) {
  const [t, places, prices] = await Promise.all([getTranslations("investor.costs"), loadParkTerms(parkCode), loadParkPriceRange(parkCode)]);
  if (!places) return null;
  return (
    <section aria-labelledby="park-costs-title" className="mt-8" data-testid="park-costs">
      <h2 id="park-costs-title" className="text-lg font-semibold">{t("title")}</h2>
      <div className="mt-3 grid gap-6 lg:grid-cols-2">
        {prices && (
          <div className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="park-prices">
            <h3 className="font-semibold">{t("price.parkRange", { count: prices.parcels })}</h3>
            <p className="mt-2">
              <Money cny={prices.min} locale={locale} per="mu" />
              {prices.max !== prices.min && (
                <>
                  <span aria-hidden="true"> – </span>
                  <Money cny={prices.max} locale={locale} per="mu" />
                </>
              )}
            </p>
          </div>
        )}
        <AllotmentTerms places={places} locale={locale} title={t("terms.parkTitle")} />
      </div>
    </section>
  );
}
