// Follows the land change log (prisma/migrations/20261202000100_land_change_log) from the
// revision an instance's index was built at to the database's current one, and turns what it
// names into one IndexChange: only the changed parcels and their edges are read again. Each
// instance does this on its own, so a write made through any instance (or by raw SQL, or psql)
// reaches every index. The pure part (planChange) is unit-tested against full rebuilds.
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { applyChange, restampAreas, type IndexChange } from "./index-patch";
import type { LandIndex, LandRow } from "./land-index";

type Tx = Prisma.TransactionClient;

/** What the log says changed between two revisions. */
export interface LoggedChanges {
  /** parcel id -> codes it had before each logged write (the index finds slots by code) */
  parcels: Map<string, Set<string>>;
  /** parcels at either end of an added or removed edge */
  edgeParcels: Set<string>;
  parks: Set<string>;
  zones: Set<string>;
  /** a TRUNCATE: the log cannot say what went */
  reset: boolean;
}

export function emptyLog(): LoggedChanges {
  return { parcels: new Map(), edgeParcels: new Set(), parks: new Set(), zones: new Set(), reset: false };
}

export function addLogRow(log: LoggedChanges, row: { kind: string; entityId: string | null; otherId: string | null; code: string | null }): void {
  if (row.kind === "reset") log.reset = true;
  else if (row.kind === "park") log.parks.add(row.entityId!);
  else if (row.kind === "zone") log.zones.add(row.entityId!);
  else if (row.kind === "edge") {
    log.edgeParcels.add(row.entityId!);
    log.edgeParcels.add(row.otherId!);
  } else if (row.kind === "parcel") {
    const codes = log.parcels.get(row.entityId!) ?? new Set<string>();
    if (row.code) codes.add(row.code);
    log.parcels.set(row.entityId!, codes);
  }
}

/** Every parcel whose row or edges must be read again. */
export const touchedIds = (log: LoggedChanges): string[] => [...new Set([...log.parcels.keys(), ...log.edgeParcels])];

/** The slot a parcel holds in the index now, by any code the log or its current row names. */
function slotOf(index: LandIndex, id: string, codes: Iterable<string>): number {
  for (const c of codes) {
    const i = index.positionOf(c);
    if (i >= 0 && index.ids[i] === id) return i;
  }
  return -1;
}

/**
 * Removals (parcels gone or renamed) and whether the graph must be rebuilt: a parcel gone,
 * new, renamed or reshaped, or an edge logged. Without that the change patches in place.
 */
export function structuralPart(index: LandIndex, log: LoggedChanges, rows: readonly LandRow[]): { remove: string[]; structural: boolean } {
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const remove: string[] = [];
  let structural = log.edgeParcels.size > 0;
  for (const id of touchedIds(log)) {
    const row = rowById.get(id);
    const slot = slotOf(index, id, [...(log.parcels.get(id) ?? []), ...(row ? [row.code] : [])]);
    if (slot >= 0 && (!row || row.code !== index.codes[slot])) remove.push(index.codes[slot]!);
    if (slot >= 0 !== !!row || (row && !index.canPatch(row))) structural = true;
  }
  return { remove, structural: structural || remove.length > 0 };
}

/** The change for applyChange, given the touched parcels' current rows and (if structural) their edges by code. */
export function planChange(index: LandIndex, log: LoggedChanges, rows: readonly LandRow[], edges: readonly { a: string; b: string }[] | null): IndexChange {
  const { remove } = structuralPart(index, log, rows);
  const present = new Map(rows.map((r) => [r.id, r.code]));
  const edgeParcels = [...log.edgeParcels].flatMap((id) => (present.has(id) ? [present.get(id)!] : []));
  return { remove, upsert: rows, ...(edges ? { edgeParcels, edges } : {}) };
}

type AreaOf = Parameters<typeof restampAreas>[3];

/** Applies a planned change and the park/zone restamp: the index to cache (maybe `index` itself). */
export function patchIndex(index: LandIndex, log: LoggedChanges, rows: readonly LandRow[], edges: readonly { a: string; b: string }[] | null, areaOf: AreaOf): LandIndex {
  const next = applyChange(index, planChange(index, log, rows, edges));
  if (log.parks.size || log.zones.size) restampAreas(next, log.parks, log.zones, areaOf);
  return next;
}

// ---- reading the log (one REPEATABLE READ snapshot: the log, the rows and the revision agree)

export interface LogRead {
  revision: bigint;
  /** the log no longer holds every change after `since` (pruned): reload */
  gap: boolean;
  log: LoggedChanges;
}

export async function readLog(tx: Tx, since: bigint): Promise<LogRead> {
  const [head] = await tx.$queryRaw<{ revision: bigint; prunedThrough: bigint | null }[]>`
    SELECT r."revision", h."prunedThrough" FROM "LandRevision" r LEFT JOIN "LandChangeHorizon" h ON h."id" = 1 WHERE r."id" = 1`;
  const revision = head?.revision ?? BigInt(0);
  const log = emptyLog();
  if (since < (head?.prunedThrough ?? BigInt(0))) return { revision, gap: true, log };
  const rows = await tx.landChange.findMany({
    where: { revision: { gt: since, lte: revision } },
    select: { kind: true, entityId: true, otherId: true, code: true },
  });
  for (const r of rows) addLogRow(log, r);
  return { revision, gap: false, log };
}

/** Every stored edge touching one of `ids`, by the codes of both ends. */
export async function edgesTouching(tx: Tx, ids: readonly string[]): Promise<{ a: string; b: string }[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<{ a: string; b: string }[]>`
    SELECT pa."code" AS a, pb."code" AS b FROM "ParcelAdjacency" e
      JOIN "Parcel" pa ON pa."id" = e."parcelAId" JOIN "Parcel" pb ON pb."id" = e."parcelBId"
      WHERE e."parcelAId" = ANY(${ids}::text[]) OR e."parcelBId" = ANY(${ids}::text[])`;
}

/** How long log rows are kept: an instance idle for longer reloads on its next search. */
export const LOG_RETENTION_MS = 24 * 3_600_000;

/**
 * Drops log rows older than `before` and moves the horizon past them, in one transaction.
 * Rows are dropped by revision (all rows up to the newest old one), so the horizon is exact.
 */
export async function pruneLandChanges(db: Db, before: Date): Promise<{ deleted: number; prunedThrough: bigint }> {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ through: bigint | null }[]>`SELECT max("revision") AS through FROM "LandChange" WHERE "at" < ${before}`;
    const through = row?.through ?? null;
    const horizon = await tx.landChangeHorizon.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: { prunedThrough: true } });
    if (through === null || through <= horizon.prunedThrough) return { deleted: 0, prunedThrough: horizon.prunedThrough };
    const { count } = await tx.landChange.deleteMany({ where: { revision: { lte: through } } });
    await tx.landChangeHorizon.update({ where: { id: 1 }, data: { prunedThrough: through } });
    return { deleted: count, prunedThrough: through };
  });
}
