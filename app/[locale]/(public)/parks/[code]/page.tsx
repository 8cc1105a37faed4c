import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProjectCard } from "@/components/project-card";
import { FigureCard } from "@/components/figure-card";
import { ParkCosts } from "@/components/costs/park-costs";
import { DataSheetLink } from "@/components/sheets/data-sheet-link";
import { SitePlan, toPlanParcels } from "@/components/site-plan";
import { STATUS_COLOURS } from "@/lib/map/colours";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { formatFigure, formatList } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { loadParkDetail } from "@/lib/parks/loaders";
import { parkSheetHref } from "@/lib/sheets/links";
import { NearestLogistics } from "@/components/location/nearest-logistics";
import { ParkLocationMap } from "@/components/location/park-location-map";
import { env } from "@/lib/env";
import { renamedParkCode } from "@/lib/parks/code-aliases";

export async function generateMetadata({ params }: PageProps<"/[locale]/parks/[code]">): Promise<Metadata> {
  const { locale, code } = await params;
  const park = await loadParkDetail(code);
  return { title: park ? pick(locale, park.nameZh, park.nameEn) : code };
}

export default async function ParkPage({ params }: PageProps<"/[locale]/parks/[code]">) {
  const { locale, code } = await params;
  setRequestLocale(locale);
  await connection();
  // A retired code (an old bookmark or e-mail) moves for good to the park's current URL.
  const renamed = renamedParkCode(code);
  if (renamed) permanentRedirect(`/${locale}/parks/${renamed}`);
  const t = await getTranslations();
  const park = await loadParkDetail(code.slice(0, 80));
  if (!park) notFound();
  const name = (x: { nameZh: string; nameEn: string }) => pick(locale, x.nameZh, x.nameEn);
  const statusLabel = (s: ParcelStatus) => t(`parcelStatus.${s}`);
  const counts = new Map<ParcelStatus, number>();
  for (const p of park.parcels) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <p className="text-sm uppercase tracking-wide text-stone-500">
        {t(`parkLevel.${park.level}`)}
        {park.county && ` · ${t(`county.${park.county}`)}`}
        {park.plannedAreaKm2 !== null && ` · ${formatFigure(locale, park.plannedAreaKm2, "km2")}`}
      </p>
      <h1 className="mt-1 text-2xl font-bold sm:text-3xl">{name(park)}</h1>
      {park.parent && (
        <p className="mt-1 text-sm">
          {t("park.partOf")}{" "}
          <a href={`/${locale}/parks/${park.parent.code}`} className="text-brand-700 underline">{name(park.parent)}</a>
        </p>
      )}
      <p className="mt-3 max-w-3xl text-stone-700">{pick(locale, park.descriptionZh, park.descriptionEn)}</p>
      {park.industries.length > 0 && (
        <ul className="mt-3 flex flex-wrap gap-1">
          {park.industries.map((i) => (
            <li key={i} className="rounded bg-brand-50 px-2 py-0.5 text-xs text-brand-700">{t(`industry.${i}`)}</li>
          ))}
        </ul>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {park.parcels.length > 0 && (
          <a href={`/${locale}/search?park=${park.code}`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("park.searchLand")}</a>
        )}
        <a href={`/${locale}/inquiry?park=${park.code}`} className="rounded-md border border-brand-700 px-4 py-2 text-sm font-medium text-brand-700">{t("park.ask")}</a>
        <DataSheetLink href={parkSheetHref(locale, park.code)} />
      </div>

      <div className="mt-8 grid gap-6 lg:grid-cols-[1fr_20rem]">
        {park.parcels.length > 0 ? (
          <SitePlan parcels={toPlanParcels(park.parcels, locale, () => true)} statusLabel={statusLabel} title={t("park.planTitle")} legendTitle={t("block.legend")} note={t("home.illustrative")} />
        ) : (
          <p className="text-stone-600">{t("park.noParcels")}</p>
        )}
        <div className="space-y-4">
          {park.parcels.length > 0 && (
            <section aria-labelledby="status-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
              <h2 id="status-title" className="font-semibold">{t("park.parcelsByStatus")}</h2>
              <table className="mt-2 w-full">
                <tbody>
                  {[...counts.entries()].map(([s, n]) => (
                    <tr key={s}>
                      <th scope="row" className="py-0.5 text-left font-normal">
                        <span aria-hidden className="mr-2 inline-block h-3 w-3 rounded-sm align-middle" style={{ background: STATUS_COLOURS[s] }} />
                        {statusLabel(s)}
                      </th>
                      <td className="text-right" data-testid={`count-${s}`}>{n}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )}
          {(park.infrastructureZh || park.infrastructureEn) && (
            <section className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
              <h2 className="font-semibold">{t("park.infrastructure")}</h2>
              <p className="mt-1">{pick(locale, park.infrastructureZh ?? "", park.infrastructureEn)}</p>
            </section>
          )}
          <NearestLogistics locale={locale} site={{ lng: park.centerLng, lat: park.centerLat }} />
          {/* Only a real contact is shown; otherwise the inquiry form, never a made-up number. */}
          <section className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="park-contact">
            <h2 className="font-semibold">{t("park.contact")}</h2>
            {park.contact ? (
              <>
                {(park.contact.nameZh || park.contact.nameEn) && <p className="mt-1">{pick(locale, park.contact.nameZh ?? "", park.contact.nameEn)}</p>}
                {park.contact.phone && <p><a className="text-brand-700 underline" href={`tel:${park.contact.phone.replace(/[^+\d]/g, "")}`}>{park.contact.phone}</a></p>}
                {park.contact.email && <p><a className="text-brand-700 underline" href={`mailto:${park.contact.email}`}>{park.contact.email}</a></p>}
              </>
            ) : (
              <p className="mt-1 text-stone-700">{t("parkContact.none")}</p>
            )}
            <a href={`/${locale}/inquiry?park=${park.code}`} className="mt-2 inline-block text-brand-700 underline">{t("parkContact.ask")}</a>
          </section>
        </div>
      </div>

      <ParkCosts parkCode={park.code} locale={locale} />
      <ParkLocationMap center={{ lng: park.centerLng, lat: park.centerLat }} parcels={park.parcels} tileUrl={env().MAP_TILE_URL} />

      {park.figures.length > 0 && (
        <section aria-labelledby="figures-title" className="mt-8">
          <h2 id="figures-title" className="text-lg font-semibold">{t("park.figures")}</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {park.figures.map((f) => (
              <FigureCard key={f.key} locale={locale} figure={f} />
            ))}
          </ul>
        </section>
      )}

      {park.zones.length > 0 && (
        <section aria-labelledby="zones-title" className="mt-8">
          <h2 id="zones-title" className="text-lg font-semibold">{t("park.zones")}</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {park.zones.map((z) => (
              <li key={z.code} className="rounded-lg border border-stone-200 bg-white p-4 text-sm">
                <p className="font-medium">{name(z)}</p>
                <p className="mt-1">{formatList(locale, z.industries.map((i) => t(`industry.${i}`)))}</p>
                <p className="mt-1 text-stone-600">{t("park.allowedUses")}: {formatList(locale, z.allowedLandUses.map((u) => t(`landUse.${u}`)))}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {park.children.length > 0 && (
        <section className="mt-8">
          <h2 className="text-lg font-semibold">{t("park.includes")}</h2>
          <ul className="mt-2 list-disc pl-5 text-sm">
            {park.children.map((c) => (
              <li key={c.code}><a href={`/${locale}/parks/${c.code}`} className="text-brand-700 underline">{name(c)}</a></li>
            ))}
          </ul>
        </section>
      )}

      {park.projects.length > 0 && (
        <section aria-labelledby="projects-title" className="mt-8">
          <h2 id="projects-title" className="text-lg font-semibold">{t("park.projects")}</h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {park.projects.map((p) => (
              <ProjectCard key={p.code} locale={locale} project={p} showPark={false} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
