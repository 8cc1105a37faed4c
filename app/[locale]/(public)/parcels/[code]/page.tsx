import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DataSheetLink } from "@/components/sheets/data-sheet-link";
import { ParcelCosts } from "@/components/costs/parcel-costs";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { formatArea } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { expandBBox, bboxOf } from "@/lib/land/geometry";
import { loadParcelShapesInBox, loadParcelsByCodes } from "@/lib/land/loaders";
import { READINESS_KEYS } from "@/lib/land/readiness";
import { todayDay } from "@/lib/search/queries";
import { dayToIso } from "@/lib/search/land-index";
import { parcelSheetHref } from "@/lib/sheets/links";
import { blockPriceText } from "../../search/block-card";
import { ParcelLinks } from "./parcel-links";
import { NearestLogistics } from "@/components/location/nearest-logistics";
import { bboxCentre } from "@/lib/location/site";
import { ParcelContextMap } from "@/components/location/parcel-context-map";
import { env } from "@/lib/env";

// Next hands over `code` already decoded once: decoding it again turned a valid `100%25`
// (the code "100%") into a URIError and a 500.
export async function generateMetadata({ params }: PageProps<"/[locale]/parcels/[code]">): Promise<Metadata> {
  const { code } = await params;
  return { title: code.slice(0, 80) };
}

export default async function ParcelPage({ params }: PageProps<"/[locale]/parcels/[code]">) {
  const { locale, code: rawCode } = await params;
  setRequestLocale(locale);
  await connection();
  const code = rawCode.slice(0, 80);
  const t = await getTranslations();
  const [parcel] = await loadParcelsByCodes([code]);
  if (!parcel) notFound();
  // Neighbours within ~300 m give the parcel its context on the plan.
  const box = expandBBox(bboxOf(parcel.geometry), 300);
  const around = await loadParcelShapesInBox(box);
  const today = dayToIso(todayDay())!;
  const statusLabel = (s: ParcelStatus) => t(`parcelStatus.${s}`);
  const row = (label: string, value: string) => (
    <div className="flex justify-between gap-4 border-t border-stone-100 py-1.5"><dt className="text-stone-500">{label}</dt><dd className="text-right">{value}</dd></div>
  );
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("parcel.title", { code: parcel.code })}</h1>
      <p className="mt-1 text-stone-600">
        {pick(locale, parcel.park.nameZh, parcel.park.nameEn)}
        {parcel.zone && ` · ${pick(locale, parcel.zone.nameZh, parcel.zone.nameEn)}`}
      </p>
      <ParcelLinks locale={locale} code={parcel.code} park={parcel.park} />
      <p className="mt-1 text-sm text-stone-600" data-testid="parcel-verified">{t("parcel.verifiedOn", { date: parcel.lastVerifiedOn })}</p>
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_22rem]">
        <ParcelContextMap locale={locale} parcel={parcel} around={around} box={box} tileUrl={env().MAP_TILE_URL} />
        <section aria-labelledby="facts-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
          <h2 id="facts-title" className="font-semibold">{t("parcel.facts")}</h2>
          <dl className="mt-2">
            {row(t("block.status"), statusLabel(parcel.status))}
            {row(t("block.area"), formatArea(locale, parcel.areaM2))}
            {row(t("block.landUse"), t(`landUse.${parcel.landUse}`))}
            {row(t("block.price"), blockPriceText(t, locale, { priceMin: parcel.priceCnyPerMu, priceMax: parcel.priceCnyPerMu }))}
            {row(t("block.plotRatio"), `${parcel.plotRatioMin ?? "—"}–${parcel.plotRatioMax ?? "—"}`)}
            {row(t("block.handover"), parcel.handoverOn ?? "—")}
            {row(t("block.verified"), parcel.lastVerifiedOn)}
          </dl>
          <h3 className="mt-4 font-semibold">{t("parcel.readinessTitle")}</h3>
          <ul className="mt-1">
            {READINESS_KEYS.map((k) => {
              const d = parcel.readiness[k];
              return (
                <li key={k} className="flex justify-between gap-4 border-t border-stone-100 py-1">
                  <span>{t(`readiness.${k}`)}</span>
                  <span className={d && d <= today ? "text-brand-700" : "text-stone-500"}>
                    {d === null ? t("parcel.notPlanned") : d <= today ? t("parcel.ready", { date: d }) : t("parcel.planned", { date: d })}
                  </span>
                </li>
              );
            })}
          </ul>
          {(parcel.status === "AVAILABLE" || parcel.status === "RESERVED") && (
            <a href={`/${locale}/inquiry?parcel=${encodeURIComponent(parcel.code)}&park=${encodeURIComponent(parcel.park.code)}`} className="mt-4 block rounded-md bg-brand-700 px-4 py-2 text-center font-medium text-white hover:bg-brand-900">
              {t("parcel.ask")}
            </a>
          )}
          <DataSheetLink href={parcelSheetHref(locale, parcel.code)} className="mt-2 w-full justify-center" />
        </section>
      </div>
      <ParcelCosts code={parcel.code} areaM2={parcel.areaM2} priceCnyPerMu={parcel.priceCnyPerMu} locale={locale} />
      <NearestLogistics locale={locale} site={bboxCentre(bboxOf(parcel.geometry))} className="mt-6 max-w-3xl" />
    </div>
  );
}
