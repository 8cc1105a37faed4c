// Reads for the data sheets: the parcels with their capacities and geometry, the neighbours
// drawn grey, the allotment conditions (zone over park, field by field), the parks' contacts
// and the articles cited. One round of batched queries per sheet.
import type { Db } from "../db/client";
import type { PolygonGeometry } from "../land/geometry";
import { getParcelsByCodes } from "../land/queries";
import { publicContact } from "../parks/contact";
import { listArticles, type ArticleRef } from "../articles/queries";
import { resolveTerms } from "../costs/terms-resolve";
import { EMPTY_TERMS, TERMS_KEYS } from "../costs/terms-schemas";
import type { SheetNeighbour, SheetParcel, SheetParkInfo, SheetTerms } from "./inputs";


/** The subject parcels: the same read as the block and parcel pages, so a sheet never differs. */
export const sheetParcels = (db: Db, codes: string[]): Promise<SheetParcel[]> => getParcelsByCodes(db, codes);

/** Parcels whose box meets `bbox`, except `exclude`: the grey context around the subject. */
export async function sheetNeighbours(db: Db, bbox: [number, number, number, number], exclude: string[], limit = 400): Promise<SheetNeighbour[]> {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const rows = await db.parcel.findMany({
    where: { minLng: { lte: maxLng }, maxLng: { gte: minLng }, minLat: { lte: maxLat }, maxLat: { gte: minLat }, code: { notIn: exclude } },
    select: { geometry: true, geometryIllustrative: true },
    take: limit,
  });
  return rows.map((r) => ({ geometry: r.geometry as unknown as PolygonGeometry, illustrative: r.geometryIllustrative }));
}

const termsSelect = {
  minInvestmentWanPerMu: true, taxWanPerMuYear: true, plotRatioMin: true, plotRatioMax: true, buildingDensityMinPct: true,
  buildingDensityMaxPct: true, landUseTermYears: true, methods: true, incentivesZh: true, incentivesEn: true, sources: true,
} as const;

/**
 * The zone's row over the park's, field by field: the same rule as the investor pages
 * (lib/costs/terms-resolve.ts), so a sheet never states what the page does not.
 */
export function mergeTerms(park: SheetTerms | null, zone: SheetTerms | null): SheetTerms | null {
  if (!park && !zone) return null;
  const resolved = resolveTerms(park, zone);
  return Object.fromEntries(TERMS_KEYS.map((k) => [k, resolved[k]?.value ?? EMPTY_TERMS[k]])) as unknown as SheetTerms;
}

export async function sheetTerms(db: Db, parkId: string, zoneId: string | null): Promise<SheetTerms | null> {
  const rows = await db.allotmentTerms.findMany({
    where: { OR: [{ parkId }, ...(zoneId ? [{ zoneId }] : [])] },
    select: { ...termsSelect, parkId: true, zoneId: true },
  });
  const strip = (r: (typeof rows)[number] | undefined): SheetTerms | null => {
    if (!r) return null;
    const { parkId: _p, zoneId: _z, ...terms } = r;
    void _p;
    void _z;
    return terms;
  };
  return mergeTerms(strip(rows.find((r) => r.parkId === parkId)), strip(rows.find((r) => zoneId !== null && r.zoneId === zoneId)));
}

export async function sheetParkInfos(db: Db, parkIds: string[]): Promise<SheetParkInfo[]> {
  const rows = await db.park.findMany({
    where: { id: { in: parkIds } },
    orderBy: { sortOrder: "asc" },
    select: { code: true, nameZh: true, nameEn: true, contactNameZh: true, contactNameEn: true, contactPhone: true, contactEmail: true, addressZh: true, addressEn: true, sourceArticles: true },
  });
  return rows.map((r) => ({
    code: r.code,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    contact: publicContact({ nameZh: r.contactNameZh, nameEn: r.contactNameEn, phone: r.contactPhone, email: r.contactEmail }),
    addressZh: r.addressZh,
    addressEn: r.addressEn,
    sourceArticles: r.sourceArticles,
  }));
}

/** The source articles by id (the one reader of the Article table, lib/articles/queries.ts). */
export const sheetArticles = (db: Db): Promise<Map<string, ArticleRef>> => listArticles(db);

/** Each parcel's conditions (its zone's over its park's), in two queries for any number of parcels. */
export async function termsForParcels(db: Db, codes: string[]): Promise<Map<string, SheetTerms | null>> {
  const parcels = await db.parcel.findMany({ where: { code: { in: codes } }, select: { code: true, parkId: true, zoneId: true } });
  const zoneIds = parcels.map((p) => p.zoneId).filter((z): z is string => z !== null);
  const rows = await db.allotmentTerms.findMany({
    where: { OR: [{ parkId: { in: parcels.map((p) => p.parkId) } }, { zoneId: { in: zoneIds } }] },
    select: { ...termsSelect, parkId: true, zoneId: true },
  });
  const strip = (r: (typeof rows)[number] | undefined): SheetTerms | null => {
    if (!r) return null;
    const { parkId: _p, zoneId: _z, ...terms } = r;
    void _p;
    void _z;
    return terms;
  };
  return new Map(parcels.map((p) => [p.code, mergeTerms(strip(rows.find((r) => r.parkId === p.parkId)), strip(rows.find((r) => p.zoneId !== null && r.zoneId === p.zoneId)))]));
}
