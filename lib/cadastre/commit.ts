// A clean plan written in one transaction, all or nothing: parcels created and updated by code
// (each update version-checked against the dry run's read), area, bbox and centroid recomputed
// from the geometry, adjacency recomputed for every parcel whose shape changed and for its
// neighbours, one audit row per parcel plus one for the import. The LandRevision triggers on
// Parcel and ParcelAdjacency move the search index's revision, so the search sees the import.
import type { Db } from "../db/client";
import { randomBytes } from "node:crypto";
import type { Prisma } from "../generated/prisma/client";
import type { AuditEntry } from "../audit/write";
import { chinaDay } from "../calendar/china-time";
import { conflict } from "../errors";
import { ADJACENCY_TOLERANCE_M, computeAdjacency, computeAdjacencyFor, type AdjacencyEdge, type ParcelShape } from "../land/adjacency";
import { bboxOf, expandBBox, unionBBoxes, type PolygonGeometry } from "../land/geometry";
import { createRow, insertAudits, insertEdges, insertParcels, updateParcels, updateRow } from "./bulk-insert";
import { parcelsInBox, type ImportPark } from "./context";
import type { ImportReport, PlannedFeature } from "./plan";

/**
 * Ids shaped like the cuids Prisma gives seeded and staff-created rows ("c" + 24 lower-case
 * characters): every form and schema that names a parcel by id accepts exactly that shape, so
 * an imported parcel can be edited, held and signed like any other.
 */
const newParcelId = () => `c${randomBytes(12).toString("hex")}`;

type Tx = Prisma.TransactionClient;
export type CommitProgress = (phase: "parcels" | "adjacency" | "audit", done: number, total: number) => void;

export interface CommitInput {
  park: ImportPark;
  importId: string;
  planned: readonly PlannedFeature[];
  report: ImportReport;
  actorId: string | null;
  requestId?: string | null;
  /** "web" or "cli": the command line's audit actions end in ".cli" (there is no actor) */
  via: "web" | "cli";
  fileName: string;
  crs: string;
}




// computeAdjacencyFor tests every changed parcel against every neighbour: right for an edit of
// a few parcels, quadratic for a survey of thousands. Past this, the Flatbush-indexed
// computeAdjacency over changed + neighbours, keeping the edges that touch a changed parcel,
// gives the same edges (both measure each pair the same way) in linear time.
export const INDEXED_ADJACENCY_FROM = 200;

export function adjacencyOf(changed: ParcelShape[], near: ParcelShape[]): AdjacencyEdge[] {
  if (changed.length < INDEXED_ADJACENCY_FROM) return computeAdjacencyFor(changed, near);
  const ids = new Set(changed.map((c) => c.id));
  const all = [...changed, ...near.filter((n) => !ids.has(n.id))];
  return computeAdjacency(all).filter((e) => ids.has(e.a) || ids.has(e.b));
}

export interface CommitResult {
  created: number;
  updated: number;
  unchanged: number;
  adjacencyEdges: number;
}

export async function commitPlan(db: Db, input: CommitInput, onProgress?: CommitProgress): Promise<CommitResult> {
  const { park, planned, via } = input;
  const suffix = via === "cli" ? ".cli" : "";
  const creates = planned.filter((p) => p.action === "create");
  const updates = planned.filter((p) => p.action === "update");
  const now = new Date();
  const today = chinaDay(now);
  return db.$transaction(
    async (tx: Tx) => {
      const zoneIds = new Map((await tx.zone.findMany({ where: { parkId: park.id }, select: { id: true, code: true } })).map((z) => [z.code, z.id]));
      const audits: AuditEntry[] = [];
      const total = creates.length + updates.length;
      let done = 0;
      const createdIds = new Map(creates.map((p) => [p.code, newParcelId()]));
      for (let i = 0; i < creates.length; i += 2000) {
        const chunk = creates.slice(i, i + 2000);
        await insertParcels(tx, chunk.map((p) => createRow(p, createdIds.get(p.code)!, park.id, zoneIds, now, today)));
        onProgress?.("parcels", (done += chunk.length), total);
      }
      for (const p of creates) {
        audits.push({ actorId: input.actorId, requestId: input.requestId, action: `parcel.import${suffix}`, entity: "Parcel", entityId: createdIds.get(p.code)!, after: { code: p.code, ...p.values, geometry: p.geometry } });
      }
      // Updates in two statements (with and without a new shape), each version-checked per row.
      for (const reshapedOnly of [true, false]) {
        const group = updates.filter((p) => p.geometryChanged === reshapedOnly);
        for (let i = 0; i < group.length; i += 2000) {
          const chunk = group.slice(i, i + 2000);
          const updated = await updateParcels(tx, chunk.map((p) => updateRow(p, zoneIds)), reshapedOnly, now);
          // Someone saved one of these parcels after the dry run read it: nothing of the import is kept.
          const stale = chunk.find((p) => !updated.has(p.existing!.id));
          if (stale) throw conflict("cadastreChangedSinceCheck", { code: stale.code });
          onProgress?.("parcels", (done += chunk.length), total);
        }
      }
      for (const p of updates) {
        const current = p.existing!;
        const before: Record<string, unknown> = {}, after: Record<string, unknown> = {};
        for (const k of p.changed) {
          before[k] = current.values[k];
          after[k] = p.values[k];
        }
        if (p.geometryChanged) {
          before.geometry = current.geometry;
          after.geometry = p.geometry;
        }
        audits.push({ actorId: input.actorId, requestId: input.requestId, action: `parcel.import${suffix}`, entity: "Parcel", entityId: current.id, before: { code: p.code, version: current.version, ...before }, after: { code: p.code, version: current.version + 1, ...after } });
      }
      onProgress?.("parcels", total, total);

      const reshaped = [...creates.map((p) => ({ id: createdIds.get(p.code)!, geometry: p.geometry })), ...updates.filter((p) => p.geometryChanged).map((p) => ({ id: p.existing!.id, geometry: p.geometry }))];
      let adjacencyEdges = 0;
      if (reshaped.length) {
        onProgress?.("adjacency", 0, reshaped.length);
        const reach = expandBBox(unionBBoxes(reshaped.map((r) => bboxOf(r.geometry))), ADJACENCY_TOLERANCE_M);
        const near = (await parcelsInBox(tx, reach)).map((n) => ({ id: n.id, geometry: n.geometry as unknown as PolygonGeometry }));
        const edges = adjacencyOf(reshaped, near);
        const ids = reshaped.map((r) => r.id);
        await tx.$executeRaw`DELETE FROM "ParcelAdjacency" WHERE "parcelAId" = ANY(${ids}::text[]) OR "parcelBId" = ANY(${ids}::text[])`;
        await insertEdges(tx, edges);
        adjacencyEdges = edges.length;
        onProgress?.("adjacency", reshaped.length, reshaped.length);
      }

      const result: CommitResult = { created: creates.length, updated: updates.length, unchanged: planned.length - total, adjacencyEdges };
      audits.push({
        actorId: input.actorId,
        requestId: input.requestId,
        action: `cadastre.import${suffix}`,
        entity: "CadastreImport",
        entityId: input.importId,
        after: { park: park.code, fileName: input.fileName, crs: input.crs, ...result },
      });
      onProgress?.("audit", 0, audits.length);
      await insertAudits(tx, audits);
      onProgress?.("audit", audits.length, audits.length);
      await tx.cadastreImport.update({
        where: { id: input.importId },
        data: { status: "COMMITTED", processed: input.report.summary.features, report: input.report as unknown as Prisma.InputJsonValue, finishedAt: new Date() },
      });
      return result;
    },
    { timeout: 15 * 60_000, maxWait: 10_000 },
  );
}
