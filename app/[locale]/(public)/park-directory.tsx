import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { formatArea, formatFigure } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import type { ParkCardDto } from "@/lib/parks/queries";

interface Props {
  locale: string;
  parks: ParkCardDto[];
  /** the whole page (/parks): the title is the page's h1 and the counties its h2s */
  asPage?: boolean;
  /** shown between the lead and the list (the page's filters) */
  children?: ReactNode;
}

export async function ParkDirectory({ locale, parks, asPage = false, children }: Props) {
  const t = await getTranslations();
  const Title = asPage ? "h1" : "h2";
  const Group = asPage ? "h2" : "h3";
  const groups = new Map<string, ParkCardDto[]>();
  for (const park of parks) {
    const key = park.county ?? "CITY";
    groups.set(key, [...(groups.get(key) ?? []), park]);
  }
  return (
    <section id="parks" aria-labelledby="parks-title" className={`mx-auto max-w-6xl scroll-mt-4 px-4 ${asPage ? "pt-8" : "pt-12"}`}>
      <Title id="parks-title" className={asPage ? "text-2xl font-bold sm:text-3xl" : "text-xl font-semibold"}>
        {t("home.directoryTitle")}
      </Title>
      <p className="mt-1 text-sm text-stone-600">{t("home.directoryLead", { count: parks.length })}</p>
      {children}
      {[...groups.entries()].map(([county, list]) => (
        <div key={county} className="mt-6">
          <Group className="text-lg font-medium text-stone-800">
            {county === "CITY" ? t("home.cityWide") : t(`county.${county as NonNullable<ParkCardDto["county"]>}`)}
          </Group>
          <ul className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {list.map((park) => (
              <li key={park.code} className="flex flex-col rounded-lg border border-stone-200 bg-white p-4" data-testid="park-card">
                <p className="text-xs uppercase tracking-wide text-stone-500">{t(`parkLevel.${park.level}`)}</p>
                <a href={`/${locale}/parks/${park.code}`} className="mt-1 font-medium text-stone-900 hover:text-brand-700 hover:underline">
                  {pick(locale, park.nameZh, park.nameEn)}
                </a>
                {park.plannedAreaKm2 !== null && (
                  <p className="mt-1 text-sm text-stone-600">
                    {t("home.plannedArea", { area: formatFigure(locale, park.plannedAreaKm2, "km2") })}
                  </p>
                )}
                {park.industries.length > 0 && (
                  <ul className="mt-2 flex flex-wrap gap-1" aria-label={t("home.parkIndustries")}>
                    {park.industries.map((i) => (
                      <li key={i} className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">
                        {t(`industry.${i}`)}
                      </li>
                    ))}
                  </ul>
                )}
                <p className="mt-auto pt-3 text-sm font-medium text-stone-800">
                  {park.available.parcels > 0
                    ? t("home.availableInPark", { area: formatArea(locale, park.available.areaM2), count: park.available.parcels })
                    : t("home.noLandListed")}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
