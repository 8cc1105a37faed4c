// Bulk writes of an import as one JSON parameter per chunk, unpacked by PostgreSQL
// (json_populate_recordset against the table's own row type). Why not Prisma's createMany: it
// binds one parameter per cell, and the benchmark's 10,000 parcels (30 columns) took ~30 s and
// their 10,000 audit rows ~13 s that way; this takes about a second each.
import { Prisma } from "../generated/prisma/client";
import { auditJson, type AuditEntry } from "../audit/write";
import type { AdjacencyEdge } from "../land/adjacency";
import { READINESS_ITEMS } from "../land/readiness";
import { shapeColumns } from "./shape";
import type { PlannedFeature } from "./plan";

type Tx = Prisma.TransactionClient;
const CHUNK = 2000;

const INSERT_COLUMNS = [
  "id", "code", "parkId", "zoneId", "geometry", "geometryIllustrative", "areaM2", "minLng", "minLat", "maxLng", "maxLat", "centroidLng", "centroidLat",
  "landUse", "status", "statusReason", "statusChangedAt", ...READINESS_ITEMS.map((i) => i.column), "priceCnyPerMu", "plotRatioMin", "plotRatioMax",
  "powerKva", "powerVoltageKv", "gasM3PerDay", "waterTPerDay", "wastewaterTPerDay", "handoverOn", "lastVerifiedOn", "updatedAt",
] as const;
const AUDIT_COLUMNS = ["actorId", "action", "entity", "entityId", "before", "after", "requestId"] as const;
const EDGE_COLUMNS = ["parcelAId", "parcelBId", "sharedLengthM"] as const;
const list = (columns: readonly string[]) => Prisma.raw(columns.map((c) => `"${c}"`).join(", "));

/** A new parcel as a row of the Parcel table (JSON types: dates as ISO strings). */
export function createRow(p: PlannedFeature, id: string, parkId: string, zoneIds: Map<string, string>, now: Date, today: Date): Record<(typeof INSERT_COLUMNS)[number], unknown> {
  const v = p.values;
  const shape = shapeColumns(p.geometry);
  return {
    id, code: p.code, parkId, zoneId: v.zoneCode ? zoneIds.get(v.zoneCode)! : null,
    geometry: p.geometry, geometryIllustrative: false, areaM2: shape.areaM2, minLng: shape.minLng, minLat: shape.minLat, maxLng: shape.maxLng, maxLat: shape.maxLat,
    centroidLng: shape.centroidLng, centroidLat: shape.centroidLat, landUse: v.landUse, status: v.status, statusReason: v.statusReason ?? null,
    statusChangedAt: now.toISOString(),
    ...(Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, v[i.column] ?? null])) as Record<(typeof READINESS_ITEMS)[number]["column"], string | null>),
    priceCnyPerMu: v.priceCnyPerMu ?? null, plotRatioMin: v.plotRatioMin ?? null, plotRatioMax: v.plotRatioMax ?? null,
    powerKva: v.powerKva ?? null, powerVoltageKv: v.powerVoltageKv ?? null, gasM3PerDay: v.gasM3PerDay ?? null, waterTPerDay: v.waterTPerDay ?? null, wastewaterTPerDay: v.wastewaterTPerDay ?? null,
    handoverOn: v.handoverOn ?? null, lastVerifiedOn: v.lastVerifiedOn ?? today.toISOString().slice(0, 10), updatedAt: now.toISOString(),
  };
}

async function insertJson(tx: Tx, table: string, columns: readonly string[], rows: readonly object[]): Promise<void> {
  const cols = list(columns);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const json = JSON.stringify(rows.slice(i, i + CHUNK));
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${Prisma.raw(`"${table}"`)}, ${json}::json)`;
  }
}

export const insertParcels = (tx: Tx, rows: readonly Record<string, unknown>[]) => insertJson(tx, "Parcel", INSERT_COLUMNS, rows);

export const insertEdges = (tx: Tx, edges: readonly AdjacencyEdge[]) =>
  insertJson(tx, "ParcelAdjacency", EDGE_COLUMNS, edges.map((e) => ({ parcelAId: e.a, parcelBId: e.b, sharedLengthM: e.sharedLengthM })));

/** Audit rows in the given order (the ids follow it), as lib/audit/write.ts would write them. */
export const insertAudits = (tx: Tx, entries: readonly AuditEntry[]) =>
  insertJson(tx, "AuditLog", AUDIT_COLUMNS, entries.map((e) => ({
    actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId,
    before: e.before == null ? null : auditJson(e.before), after: e.after == null ? null : auditJson(e.after), requestId: e.requestId ?? null,
  })));

const VALUE_COLUMNS = [
  "zoneId", "landUse", "status", "statusReason", ...READINESS_ITEMS.map((i) => i.column), "priceCnyPerMu", "plotRatioMin", "plotRatioMax", "powerKva", "powerVoltageKv", "gasM3PerDay", "waterTPerDay", "wastewaterTPerDay", "handoverOn", "lastVerifiedOn",
] as const;
const SHAPE_COLUMNS = ["geometry", "geometryIllustrative", "areaM2", "minLng", "minLat", "maxLng", "maxLat", "centroidLng", "centroidLat"] as const;

/** An updated parcel's row: the stored values with the file's given ones laid over them. */
export function updateRow(p: PlannedFeature, zoneIds: Map<string, string>): Record<string, unknown> {
  const v = { ...p.existing!.values, ...p.values };
  return {
    id: p.existing!.id, version: p.existing!.version, zoneId: v.zoneCode ? zoneIds.get(v.zoneCode)! : null,
    landUse: v.landUse, status: v.status, statusReason: v.statusReason,
    ...Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, v[i.column]])),
    priceCnyPerMu: v.priceCnyPerMu, plotRatioMin: v.plotRatioMin, plotRatioMax: v.plotRatioMax, handoverOn: v.handoverOn, lastVerifiedOn: v.lastVerifiedOn,
    powerKva: v.powerKva, powerVoltageKv: v.powerVoltageKv, gasM3PerDay: v.gasM3PerDay, waterTPerDay: v.waterTPerDay, wastewaterTPerDay: v.wastewaterTPerDay,
    ...(p.geometryChanged ? { ...shapeColumns(p.geometry), geometry: p.geometry } : {}),
  };
}

/** Version-checked UPDATE of many parcels in one statement; returns the ids it updated. */
export async function updateParcels(tx: Tx, rows: readonly Record<string, unknown>[], withShape: boolean, now: Date): Promise<Set<string>> {
  const columns = withShape ? [...VALUE_COLUMNS, ...SHAPE_COLUMNS] : VALUE_COLUMNS;
  const set = Prisma.raw(columns.map((c) => `"${c}" = u."${c}"`).join(", "));
  const updated = await tx.$queryRaw<{ id: string }[]>`UPDATE "Parcel" AS p SET ${set},
      "statusChangedAt" = CASE WHEN p."status" IS DISTINCT FROM u."status" THEN ${now} ELSE p."statusChangedAt" END,
      "version" = p."version" + 1, "updatedAt" = ${now}
    FROM json_populate_recordset(NULL::"Parcel", ${JSON.stringify(rows)}::json) AS u
    WHERE p."id" = u."id" AND p."version" = u."version"
    RETURNING p."id"`;
  return new Set(updated.map((r) => r.id));
}
