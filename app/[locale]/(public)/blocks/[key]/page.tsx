import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LandMap } from "@/components/land-map";
import { BlockCosts } from "@/components/costs/block-costs";
import { MapLegend } from "@/components/map-legend";
import { DataSheetLink } from "@/components/sheets/data-sheet-link";
import { SitePlan, toPlanParcels } from "@/components/site-plan";
import { env } from "@/lib/env";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { formatArea, formatList, formatMoney } from "@/lib/i18n/format";
import { pick } from "@/lib/i18n/localized";
import { blockMapFeatures } from "@/lib/map/block";
import { OUTLINE_COLOUR, STATUS_COLOURS } from "@/lib/map/colours";
import { loadParcelShapesInBox, loadParcelsByCodes } from "@/lib/land/loaders";
import { parcelReadiness, type ReadinessKey } from "@/lib/land/readiness";
import { lookupLandBlockByKey } from "@/lib/search/loaders";
import { todayDay } from "@/lib/search/queries";
import { dayToIso } from "@/lib/search/land-index";
import { landSearchSchema, searchParamsToObject, toSearchParams } from "@/lib/search/schemas";
import { inquiryHref } from "@/lib/search/links";
import { BlockLinks } from "./block-links";
import { blockSheetHref } from "@/lib/sheets/links";
import { blockPriceText } from "../../search/block-card";
import { BlockCapacities, BlockProposal } from "../../search/block-extras";
import { NearestLogistics } from "@/components/location/nearest-logistics";
import { bboxCentre } from "@/lib/location/site";

// The tab and bookmark read as the heading does (size), the key after it for an officer.
export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/blocks/[key]">): Promise<Metadata> {
  const { locale, key } = await params;
  const parsed = landSearchSchema.safeParse(searchParamsToObject(await searchParams));
  const found = await lookupLandBlockByKey(parsed.success ? parsed.data : landSearchSchema.parse({}), key);
  if (found.kind !== "found") return { title: key };
  const t = await getTranslations({ locale, namespace: "block" });
  return { title: `${t("title", { area: formatArea(locale, found.block.areaM2) })} · ${key}` };
}

export default async function BlockPage({ params, searchParams }: PageProps<"/[locale]/blocks/[key]">) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  await connection();
  const t = await getTranslations();
  // The block is defined by the search that found it; invalid filters fall back to defaults.
  const rawParams = searchParamsToObject(await searchParams);
  const parsed = landSearchSchema.safeParse(rawParams);
  // The comparison list travels with the block's links, so adding this block keeps the others.
  const compareParam = rawParams.compare;
  const query = parsed.success ? parsed.data : landSearchSchema.parse({});
  const back = `/${locale}/search?${toSearchParams({ ...query, page: 1 }).toString()}`;
  const found = await lookupLandBlockByKey(query, key);
  // A key no parcel has, or a parcel code that is not a block's key, never named a block: 404.
  if (found.kind === "unknown") notFound();
  // The key parcel exists but no longer passes these filters: the block the link was made for
  // is gone. Answered 200 with the explanation, not 410: a block exists only relative to the
  // filters in the query (the same path with other filters may be live), and a page in the
  // App Router cannot set 410 anyway; robots are told not to index it (React hoists the meta).
  if (found.kind === "gone") {
    return (
      <div className="mx-auto max-w-3xl px-4 py-10">
        <meta name="robots" content="noindex" />
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="block-gone">{t("block.gone")}</p>
        <a href={back} className="mt-4 inline-block text-brand-700 underline">{t("block.back")}</a>
      </div>
    );
  }
  const block = found.block;
  const members = new Set(block.parcelCodes);
  const [parcels, around] = await Promise.all([loadParcelsByCodes(block.parcelCodes), loadParcelShapesInBox(block.bbox)]);
  // The box query is capped: make sure every member is drawn and outlined, however big the block.
  const surroundings = [...around.filter((p) => !members.has(p.code)), ...parcels];
  const today = dayToIso(todayDay())!;
  const money = (v: number) => formatMoney(locale, v, "CNY");
  const statusLabel = (s: ParcelStatus) => t(`parcelStatus.${s}`);
  const parks = [...new Map(parcels.map((p) => [p.park.code, p.park])).values()];
  // Connected today, then what is planned with its date: the block may have been found "by a
  // date" on the planned ones, so listing only today's items hid why it qualifies.
  const readinessCell = (r: Record<ReadinessKey, string | null>) => {
    const { ready, planned } = parcelReadiness(r, today);
    const parts = [
      ready.length ? formatList(locale, ready.map((k) => t(`readiness.${k}`))) : "",
      planned.length ? formatList(locale, planned.map((x) => t("readinessPlan.itemPlanned", { item: t(`readiness.${x.key}`), date: x.on }))) : "",
    ].filter(Boolean);
    if (parts.length === 2) return t("readinessPlan.cell", { ready: parts[0]!, planned: parts[1]! });
    return parts[0] ?? t("readinessPlan.none");
  };
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <a href={back} className="text-sm text-brand-700 underline">{t("block.back")}</a>
      <h1 className="mt-2 text-2xl font-bold sm:text-3xl">{t("block.title", { area: formatArea(locale, block.areaM2) })}</h1>
      <p className="mt-1 text-stone-600" data-testid="block-parks">
        {parks.map((p, i) => (
          <span key={p.code}>
            {i > 0 && " / "}
            <a className="text-brand-700 underline" href={`/${locale}/parks/${encodeURIComponent(p.code)}`}>{pick(locale, p.nameZh, p.nameEn)}</a>
          </span>
        ))}
      </p>
      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="map-title">
          <h2 id="map-title" className="sr-only">{t("block.mapTitle")}</h2>
          <LandMap
            data={blockMapFeatures(block.key, surroundings, members)}
            variant="context"
            fitTo={block.bbox}
            links={{ to: "parcels" }}
            tileUrl={env().MAP_TILE_URL}
            label={t("block.mapLabel")}
            fallback={<SitePlan parcels={toPlanParcels(surroundings, locale, (c) => members.has(c))} statusLabel={statusLabel} title={t("block.mapLabel")} legendTitle={t("block.legend")} note={t("home.illustrative")} />}
          />
          <MapLegend
            title={t("map.legendTitle")}
            items={[
              { colour: OUTLINE_COLOUR, label: t("map.blockOutline"), shape: "line" },
              ...[...new Set(surroundings.map((s) => s.status))].map((s) => ({ colour: STATUS_COLOURS[s], label: statusLabel(s) })),
            ]}
            note={t("map.illustrative")}
          />
        </section>
        <section aria-labelledby="summary-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="summary-title" className="font-semibold">{t("block.summary")}</h2>
          <dl className="mt-2 space-y-2 text-sm">
            <div><dt className="text-stone-500">{t("block.area")}</dt><dd data-testid="block-area">{formatArea(locale, block.areaM2)}</dd></div>
            <div><dt className="text-stone-500">{t("block.parcels")}</dt><dd>{block.parcelCount}</dd></div>
            <div>
              <dt className="text-stone-500">{t("block.price")}</dt>
              <dd>{blockPriceText(t, locale, block)}</dd>
            </div>
            {block.indicativeTotalCny !== null && <div><dt className="text-stone-500">{t("block.total")}</dt><dd>{money(block.indicativeTotalCny)}</dd></div>}
            <div><dt className="text-stone-500">{t("block.readyOn")}</dt><dd>{block.readyOn ?? t("search.readyUnknown")}</dd></div>
            {block.verifiedOn && <div><dt className="text-stone-500">{t("block.verified")}</dt><dd data-testid="block-verified">{t("block.verifiedOn", { date: block.verifiedOn })}</dd></div>}
          </dl>
          <BlockCapacities locale={locale} block={block} />
          <BlockProposal locale={locale} block={block} query={query} />
          <a href={inquiryHref(locale, query, block.key)} className="mt-4 block rounded-md bg-brand-700 px-4 py-2 text-center text-sm font-medium text-white hover:bg-brand-900">
            {t("block.ask")}
          </a>
          <BlockLinks locale={locale} query={query} blockKey={block.key} compareParam={compareParam} />
          <DataSheetLink href={blockSheetHref(locale, block.key, query)} className="mt-2 w-full justify-center" />
        </section>
      </div>
      <BlockCosts codes={block.parcelCodes} areaM2={block.areaM2} priceMin={block.priceMin} priceMax={block.priceMax} totalCny={block.indicativeTotalCny} locale={locale} />
      <NearestLogistics locale={locale} site={bboxCentre(block.bbox)} className="mt-6 max-w-3xl" />
      <section aria-labelledby="parcels-title" className="mt-8">
        <h2 id="parcels-title" className="text-lg font-semibold">{t("block.tableTitle")}</h2>
        <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("block.code")}</th>
                <th scope="col" className="px-3 py-2">{t("block.area")}</th>
                <th scope="col" className="px-3 py-2">{t("block.landUse")}</th>
                <th scope="col" className="px-3 py-2">{t("block.price")}</th>
                <th scope="col" className="px-3 py-2">{t("block.plotRatio")}</th>
                <th scope="col" className="px-3 py-2">{t("block.handover")}</th>
                <th scope="col" className="px-3 py-2">{t("readinessPlan.cellHeader")}</th>
                <th scope="col" className="px-3 py-2">{t("block.verified")}</th>
              </tr>
            </thead>
            <tbody>
              {parcels.map((p) => (
                <tr key={p.code} className="border-t border-stone-100" data-testid="block-parcel">
                  <th scope="row" className="px-3 py-2 font-medium"><a className="text-brand-700 underline" href={`/${locale}/parcels/${encodeURIComponent(p.code)}`}>{p.code}</a></th>
                  <td className="px-3 py-2">{formatArea(locale, p.areaM2)}</td>
                  <td className="px-3 py-2">{t(`landUse.${p.landUse}`)}</td>
                  <td className="px-3 py-2">{p.priceCnyPerMu === null ? "—" : t("block.perMu", { price: money(p.priceCnyPerMu) })}</td>
                  <td className="px-3 py-2">{p.plotRatioMin ?? "—"}–{p.plotRatioMax ?? "—"}</td>
                  <td className="px-3 py-2">{p.handoverOn ?? "—"}</td>
                  <td className="px-3 py-2" data-testid="parcel-readiness">{readinessCell(p.readiness)}</td>
                  <td className="px-3 py-2">{p.lastVerifiedOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
