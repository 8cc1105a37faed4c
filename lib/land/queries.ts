// Parcel reads for the block, parcel and park pages and the data sheets.
import type { Db } from "../db/client";
import type { LandUse, ParcelStatus } from "../generated/prisma/enums";
import type { PolygonGeometry } from "./geometry";
import { READINESS_ITEMS, type ReadinessKey } from "./readiness";

export interface ParcelDto {
  code: string;
  status: ParcelStatus;
  landUse: LandUse;
  areaM2: number;
  priceCnyPerMu: number | null;
  plotRatioMin: number | null;
  plotRatioMax: number | null;
  handoverOn: string | null;
  lastVerifiedOn: string;
  readiness: Record<ReadinessKey, string | null>;
  /** Utility capacities as stated (null = not stated): kVA, kV, m³/day, t/day. */
  powerKva: number | null;
  powerVoltageKv: number | null;
  gasM3PerDay: number | null;
  waterTPerDay: number | null;
  wastewaterTPerDay: number | null;
  geometry: PolygonGeometry;
  /** the outline is invented for the demo (labelled so wherever it is drawn) */
  illustrative: boolean;
  centroid: { lng: number; lat: number };
  parkId: string;
  zoneId: string | null;
  park: { code: string; nameZh: string; nameEn: string };
  zone: { code: string; nameZh: string; nameEn: string } | null;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const readinessSelect = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, true])) as Record<(typeof READINESS_ITEMS)[number]["column"], true>;

const parcelSelect = {
  code: true,
  status: true,
  landUse: true,
  areaM2: true,
  priceCnyPerMu: true,
  plotRatioMin: true,
  plotRatioMax: true,
  handoverOn: true,
  lastVerifiedOn: true,
  powerKva: true,
  powerVoltageKv: true,
  gasM3PerDay: true,
  waterTPerDay: true,
  wastewaterTPerDay: true,
  geometry: true,
  geometryIllustrative: true,
  centroidLng: true,
  centroidLat: true,
  parkId: true,
  zoneId: true,
  park: { select: { code: true, nameZh: true, nameEn: true } },
  zone: { select: { code: true, nameZh: true, nameEn: true } },
  ...readinessSelect,
} as const;

export async function getParcelsByCodes(db: Db, codes: string[]): Promise<ParcelDto[]> {
  const rows = await db.parcel.findMany({ where: { code: { in: codes } }, select: parcelSelect, orderBy: { code: "asc" } });
  return rows.map((r) => ({
    code: r.code,
    status: r.status,
    landUse: r.landUse,
    areaM2: r.areaM2,
    priceCnyPerMu: r.priceCnyPerMu,
    plotRatioMin: r.plotRatioMin,
    plotRatioMax: r.plotRatioMax,
    handoverOn: iso(r.handoverOn),
    lastVerifiedOn: iso(r.lastVerifiedOn)!,
    readiness: Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, iso(r[i.column])])) as Record<ReadinessKey, string | null>,
    powerKva: r.powerKva,
    powerVoltageKv: r.powerVoltageKv,
    gasM3PerDay: r.gasM3PerDay,
    waterTPerDay: r.waterTPerDay,
    wastewaterTPerDay: r.wastewaterTPerDay,
    geometry: r.geometry as unknown as PolygonGeometry,
    illustrative: r.geometryIllustrative,
    centroid: { lng: r.centroidLng, lat: r.centroidLat },
    parkId: r.parkId,
    zoneId: r.zoneId,
    park: r.park,
    zone: r.zone,
  }));
}

/** Parcels whose bbox meets the given one: the surroundings drawn on a block's site plan. */
export async function getParcelShapesInBox(db: Db, bbox: [number, number, number, number], limit = 2000) {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  return db.parcel.findMany({
    where: { minLng: { lte: maxLng }, maxLng: { gte: minLng }, minLat: { lte: maxLat }, maxLat: { gte: minLat } },
    select: { code: true, status: true, geometry: true },
    take: limit,
  });
}

export async function getParcelShapesByCodes(db: Db, codes: string[]) {
  return db.parcel.findMany({ where: { code: { in: codes } }, select: { code: true, status: true, geometry: true } });
}
