// What the checks need from the database, read in a handful of batched queries: the park (with
// its boundary), its zones and parcels, codes of the file that belong to other parks, and the
// stored parcels near the file's features (for the overlap check).
import type { DbClient } from "../db/client";
import type { LandUse } from "../generated/prisma/enums";
import { ADJACENCY_TOLERANCE_M } from "../land/adjacency";
import { bboxOf, expandBBox, unionBBoxes, type PolygonGeometry } from "../land/geometry";
import { READINESS_ITEMS } from "../land/readiness";
import type { ParcelValues } from "./attributes";
import type { CheckContext, ExistingParcel } from "./checks";
import type { ParsedFeature } from "./parse";

export interface ImportPark {
  id: string;
  code: string;
  boundary: PolygonGeometry | null;
}

const readinessSelect = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, true])) as Record<(typeof READINESS_ITEMS)[number]["column"], true>;
export const existingSelect = {
  id: true,
  code: true,
  version: true,
  geometry: true,
  landUse: true,
  status: true,
  statusReason: true,
  priceCnyPerMu: true,
  plotRatioMin: true,
  plotRatioMax: true,
  powerKva: true,
  powerVoltageKv: true,
  gasM3PerDay: true,
  waterTPerDay: true,
  wastewaterTPerDay: true,
  handoverOn: true,
  lastVerifiedOn: true,
  zone: { select: { code: true } },
  ...readinessSelect,
} as const;

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

type Row = {
  id: string; code: string; version: number; geometry: unknown; landUse: LandUse; status: ExistingParcel["values"]["status"];
  statusReason: string | null; priceCnyPerMu: number | null; plotRatioMin: number | null; plotRatioMax: number | null;
  powerKva: number | null; powerVoltageKv: number | null; gasM3PerDay: number | null; waterTPerDay: number | null; wastewaterTPerDay: number | null;
  handoverOn: Date | null; lastVerifiedOn: Date; zone: { code: string } | null;
} & Record<(typeof READINESS_ITEMS)[number]["column"], Date | null>;

export function toExisting(r: Row): ExistingParcel {
  const values: Required<ParcelValues> = {
    zoneCode: r.zone?.code ?? null,
    landUse: r.landUse,
    status: r.status,
    statusReason: r.statusReason,
    priceCnyPerMu: r.priceCnyPerMu,
    plotRatioMin: r.plotRatioMin,
    plotRatioMax: r.plotRatioMax,
    powerKva: r.powerKva,
    powerVoltageKv: r.powerVoltageKv,
    gasM3PerDay: r.gasM3PerDay,
    waterTPerDay: r.waterTPerDay,
    wastewaterTPerDay: r.wastewaterTPerDay,
    handoverOn: iso(r.handoverOn),
    lastVerifiedOn: iso(r.lastVerifiedOn)!,
    ...(Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, iso(r[i.column])])) as Record<(typeof READINESS_ITEMS)[number]["column"], string | null>),
  };
  return { id: r.id, code: r.code, version: r.version, geometry: r.geometry as PolygonGeometry, values };
}

export async function findImportPark(db: DbClient, code: string): Promise<ImportPark | null> {
  const park = await db.park.findUnique({ where: { code }, select: { id: true, code: true, boundary: true } });
  return park ? { id: park.id, code: park.code, boundary: (park.boundary as PolygonGeometry | null) ?? null } : null;
}

/** Stored parcels whose bbox meets `bbox` (any park). */
export async function parcelsInBox(db: DbClient, [minLng, minLat, maxLng, maxLat]: readonly number[]) {
  return db.parcel.findMany({
    where: { minLng: { lte: maxLng! }, maxLng: { gte: minLng! }, minLat: { lte: maxLat! }, maxLat: { gte: minLat! } },
    select: { id: true, code: true, geometry: true },
  });
}

export async function loadCheckContext(db: DbClient, park: ImportPark, features: readonly ParsedFeature[], mayOverride: boolean): Promise<CheckContext> {
  const codes = [...new Set(features.map((f) => f.code).filter((c): c is string => c !== null))];
  const shapes = features.map((f) => f.geometry).filter((g): g is PolygonGeometry => g !== null);
  const reach = shapes.length ? expandBBox(unionBBoxes(shapes.map(bboxOf)), ADJACENCY_TOLERANCE_M) : null;
  const [zones, parcels, others, near, holds] = await Promise.all([
    db.zone.findMany({ where: { parkId: park.id }, select: { code: true, allowedLandUses: true } }),
    db.parcel.findMany({ where: { parkId: park.id }, select: existingSelect }),
    codes.length
      ? db.parcel.findMany({ where: { code: { in: codes }, parkId: { not: park.id } }, select: { code: true, park: { select: { code: true } } } })
      : Promise.resolve([]),
    reach ? parcelsInBox(db, reach) : Promise.resolve([]),
    db.parcelHold.findMany({ where: { endedAt: null, parcel: { parkId: park.id } }, select: { parcel: { select: { code: true } }, inquiry: { select: { reference: true } } } }),
  ]);
  return {
    zones: new Map(zones.map((z) => [z.code, { allowedLandUses: z.allowedLandUses }])),
    existing: new Map(parcels.map((p) => [p.code, toExisting(p as Row)])),
    otherParks: new Map(others.map((o) => [o.code, o.park.code])),
    neighbours: near.map((n) => ({ code: n.code, geometry: n.geometry as unknown as PolygonGeometry })),
    boundary: park.boundary,
    mayOverride,
    held: new Map(holds.map((h) => [h.parcel.code, h.inquiry.reference])),
  };
}
