// A sheet from the database: reads (queries.ts) -> pure model (block-model.ts, park-model.ts).
// A block exists relative to the search that found it, so its sheet is rebuilt from the same
// query as its page (lookupBlock: found, gone, or unknown).
import type { Db } from "../db/client";
import type { PolygonGeometry } from "../land/geometry";
import { expandBBox, bboxOf, unionBBoxes } from "../land/geometry";
import { nearestByKind } from "../location/distance";
import { latestRates } from "../money/rates";
import { lookupLandBlock } from "../search/queries";
import { toSearchParams, type LandSearchQuery } from "../search/schemas";
import { blockSheet, parcelSheet } from "./block-model";
import { parkSheet } from "./park-model";
import { sheetArticles, sheetNeighbours, sheetParcels, sheetParkInfos, sheetTerms } from "./queries";
import type { SheetLocale, SheetModel } from "./sheet";

export type SheetLookup = { kind: "found"; model: SheetModel } | { kind: "gone" } | { kind: "unknown" };

interface Common {
  locale: SheetLocale;
  /** the portal's public address, no trailing slash */
  baseUrl: string;
  now: Date;
}

// Grey context around the subject: about 300 m, as on the parcel page's plan.
const CONTEXT_M = 300;

/** The centre the distances are measured from: the members' centroids weighted by area. */
function centreOf(parcels: { areaM2: number; centroid: { lng: number; lat: number } }[]) {
  const total = parcels.reduce((a, p) => a + p.areaM2, 0) || 1;
  return {
    lng: parcels.reduce((a, p) => a + p.centroid.lng * p.areaM2, 0) / total,
    lat: parcels.reduce((a, p) => a + p.centroid.lat * p.areaM2, 0) / total,
  };
}

export async function buildBlockSheet(db: Db, c: Common & { key: string; query: LandSearchQuery }): Promise<SheetLookup> {
  const found = await lookupLandBlock(db, c.query, c.key, c.now);
  if (found.kind !== "found") return found;
  const block = found.block;
  const parcels = await sheetParcels(db, block.parcelCodes);
  const first = parcels[0];
  if (!first) return { kind: "gone" };
  const box = expandBBox(unionBBoxes(parcels.map((p) => bboxOf(p.geometry))), CONTEXT_M);
  // The conditions of the zone (or park) most of the block lies in: the key parcel's.
  const [neighbours, terms, parks, articles, rates] = await Promise.all([
    sheetNeighbours(db, box, block.parcelCodes),
    sheetTerms(db, first.parkId, first.zoneId),
    sheetParkInfos(db, [...new Set(parcels.map((p) => p.parkId))]),
    sheetArticles(db),
    latestRates(db),
  ]);
  const qs = toSearchParams({ ...c.query, page: 1 }).toString();
  const url = `${c.baseUrl}/${c.locale}/blocks/${encodeURIComponent(block.key)}${qs ? `?${qs}` : ""}`;
  return {
    kind: "found",
    model: blockSheet({ locale: c.locale, block, parcels, neighbours, terms, parks, ctx: { url, now: c.now, articles, distances: nearestByKind(centreOf(parcels)), rates } }),
  };
}

export async function buildParcelSheet(db: Db, c: Common & { code: string }): Promise<SheetLookup> {
  const [parcel] = await sheetParcels(db, [c.code]);
  if (!parcel) return { kind: "unknown" };
  const [neighbours, terms, parks, articles, rates] = await Promise.all([
    sheetNeighbours(db, expandBBox(bboxOf(parcel.geometry), CONTEXT_M), [parcel.code]),
    sheetTerms(db, parcel.parkId, parcel.zoneId),
    sheetParkInfos(db, [parcel.parkId]),
    sheetArticles(db),
    latestRates(db),
  ]);
  const url = `${c.baseUrl}/${c.locale}/parcels/${encodeURIComponent(parcel.code)}`;
  return {
    kind: "found",
    model: parcelSheet({ locale: c.locale, parcel, neighbours, terms, park: parks[0]!, ctx: { url, now: c.now, articles, distances: nearestByKind(parcel.centroid), rates } }),
  };
}

export async function buildParkSheet(db: Db, c: Common & { code: string }): Promise<SheetLookup> {
  const park = await db.park.findUnique({
    where: { code: c.code },
    select: {
      id: true, level: true, county: true, plannedAreaKm2: true, industries: true, centerLng: true, centerLat: true,
      zones: { select: { nameZh: true, nameEn: true, industries: true }, orderBy: { code: "asc" } },
      figures: { select: { labelZh: true, labelEn: true, value: true, unit: true, asOf: true, articleId: true }, orderBy: { sortOrder: "asc" } },
    },
  });
  if (!park) return { kind: "unknown" };
  const [parcels, terms, infos, articles] = await Promise.all([
    db.parcel.findMany({
      where: { parkId: park.id },
      orderBy: { code: "asc" },
      select: { code: true, status: true, areaM2: true, priceCnyPerMu: true, geometry: true, geometryIllustrative: true, lastVerifiedOn: true },
    }),
    sheetTerms(db, park.id, null),
    sheetParkInfos(db, [park.id]),
    sheetArticles(db),
  ]);
  const url = `${c.baseUrl}/${c.locale}/parks/${encodeURIComponent(c.code)}`;
  return {
    kind: "found",
    model: parkSheet({
      locale: c.locale,
      park: { ...infos[0]!, ...park },
      parcels: parcels.map((p) => ({
        code: p.code,
        status: p.status,
        areaM2: p.areaM2,
        priceCnyPerMu: p.priceCnyPerMu,
        geometry: p.geometry as unknown as PolygonGeometry,
        illustrative: p.geometryIllustrative,
        lastVerifiedOn: p.lastVerifiedOn.toISOString().slice(0, 10),
      })),
      terms,
      ctx: { url, now: c.now, articles, distances: nearestByKind({ lng: park.centerLng, lat: park.centerLat }) },
    }),
  };
}
