// Exports: a park's parcels (staff: with the status reason) and an investor search's parcels
// (public: no staff-only field), each as GeoJSON or CSV. The column names are the import's, so
// an exported park imports back as a no-op.
import type { Db } from "../db/client";
import { READINESS_ITEMS } from "../land/readiness";
import { CSV_BOM, csvRow, type CsvValue } from "../leads/csv";
import { getLandIndex, todayDay } from "../search/queries";
import type { LandSearchQuery } from "../search/schemas";
import { rankBlocks } from "../search/search";
import { CAPACITY_COLUMNS } from "../land/capacity-limits";
import { existingSelect, toExisting } from "./context";

const READINESS = READINESS_ITEMS.map((i) => i.column);
/** Utility capacities, last so that files exported before they existed keep their column order. */
const CAPACITIES = CAPACITY_COLUMNS.map((c) => c.field);
/** What an investor may see of a parcel. */
const PUBLIC_COLUMNS = ["code", "park", "zone", "landUse", "status", "areaM2", "priceCnyPerMu", "plotRatioMin", "plotRatioMax", "handoverOn", "lastVerifiedOn", ...READINESS, ...CAPACITIES] as const;
/** Staff see why a parcel has its status too. */
const STAFF_COLUMNS = [...PUBLIC_COLUMNS.slice(0, 5), "statusReason", ...PUBLIC_COLUMNS.slice(5)] as const;

type Props = Record<string, string | number | null>;
export interface ExportParcel {
  properties: Props;
  geometry: unknown;
}

async function exportRows(db: Db, where: { parkId?: string; code?: { in: string[] } }, staff: boolean, parkCode?: string): Promise<ExportParcel[]> {
  const rows = await db.parcel.findMany({ where, select: { ...existingSelect, areaM2: true, park: { select: { code: true } } }, orderBy: { code: "asc" } });
  return rows.map((r) => {
    const e = toExisting(r as unknown as Parameters<typeof toExisting>[0]);
    const v = e.values;
    const props: Props = {
      code: r.code,
      park: parkCode ?? r.park.code,
      zone: v.zoneCode,
      landUse: v.landUse,
      status: v.status,
      ...(staff ? { statusReason: v.statusReason } : {}),
      areaM2: Math.round(r.areaM2 * 100) / 100,
      priceCnyPerMu: v.priceCnyPerMu,
      plotRatioMin: v.plotRatioMin,
      plotRatioMax: v.plotRatioMax,
      handoverOn: v.handoverOn,
      lastVerifiedOn: v.lastVerifiedOn,
      ...Object.fromEntries(READINESS.map((c) => [c, v[c]])),
      ...Object.fromEntries(CAPACITIES.map((c) => [c, v[c]])),
    };
    return { properties: props, geometry: r.geometry };
  });
}

export async function parkExport(db: Db, parkCode: string): Promise<ExportParcel[] | null> {
  const park = await db.park.findUnique({ where: { code: parkCode }, select: { id: true } });
  return park ? exportRows(db, { parkId: park.id }, true, parkCode) : null;
}

/** Every parcel of every block the search finds (all pages), in code order. */
export async function searchExport(db: Db, q: LandSearchQuery, now = new Date()): Promise<ExportParcel[]> {
  const cached = await getLandIndex(db);
  const { ranked } = rankBlocks(cached.index, q, { ...cached.ctx, today: todayDay(now) });
  const codes = ranked.flatMap((c) => c.members.map((i) => cached.index.codes[i]!));
  const out: ExportParcel[] = [];
  // Batches keep each `in` list (and statement) small on a city-wide search.
  for (let i = 0; i < codes.length; i += 2000) out.push(...(await exportRows(db, { code: { in: codes.slice(i, i + 2000) } }, false)));
  return out.sort((a, b) => (String(a.properties.code) < String(b.properties.code) ? -1 : 1));
}

export function toGeoJson(parcels: readonly ExportParcel[]): string {
  return JSON.stringify({ type: "FeatureCollection", features: parcels.map((p) => ({ type: "Feature", properties: p.properties, geometry: p.geometry })) });
}

export function toCsv(parcels: readonly ExportParcel[], staff: boolean): string {
  const columns = staff ? STAFF_COLUMNS : PUBLIC_COLUMNS;
  return CSV_BOM + csvRow(columns) + parcels.map((p) => csvRow(columns.map((c) => p.properties[c] as CsvValue))).join("");
}
