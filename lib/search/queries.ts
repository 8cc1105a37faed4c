// Loads the LandIndex from PostgreSQL and keeps it in memory until the land revision moves
// (statement triggers bump it on any write to Parcel, ParcelAdjacency, Park or Zone, from any
// app instance), so a search costs one tiny query plus in-memory work.
import { chinaDay } from "../calendar/china-time";
import type { Db } from "../db/client";
import { connectionOf } from "../db/connections";
import type { EdgeLike } from "../land/blocks";
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { LandIndex, toDay, type LandRow } from "./land-index";
import { relaxations, type Relaxation } from "./relax";
import { oneRow, streamLandColumns } from "./stream-load";
import type { LandSearchQuery } from "./schemas";
import { findBlock, lookupBlock, searchLand, type BlockLookup, type SearchContext, type SearchResult } from "./search";

interface Cached {
  revision: bigint;
  index: LandIndex;
  ctx: Omit<SearchContext, "today">;
  /** database time when the rows were read: rows updated after it are patched in */
  readAt: Date;
  /**
   * fingerprint of what patching cannot follow: the parcel set and its shapes (count, areas,
   * boxes), the adjacency table, and every park's county and industries and zone's industries
   * (baked into each row). Any change forces a rebuild.
   */
  shape: string;
}

/** How the cache answered, for the benchmark and tests. */
export type RefreshKind = "hit" | "patched" | "reloaded";

// One cache per database client (tests use several databases in one process).
const caches = new WeakMap<Db, { current?: Cached; loading?: Promise<Cached>; lastRefresh?: RefreshKind }>();

// @updatedAt is stamped by the writing app instance's clock; this margin absorbs clock skew
// between instances (re-patching a few unchanged rows is harmless).
const CLOCK_SKEW_MS = 60_000;
// Past this many changed rows a rebuild is as cheap as patching.
const MAX_PATCH_ROWS = 5_000;

async function currentRevision(db: Db): Promise<bigint> {
  const row = await db.landRevision.findUnique({ where: { id: 1 }, select: { revision: true } });
  return row?.revision ?? BigInt(0);
}

const readinessSelect = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, true])) as Record<(typeof READINESS_ITEMS)[number]["column"], true>;
const parcelSelect = {
  id: true,
  code: true,
  parkId: true,
  zoneId: true,
  landUse: true,
  status: true,
  areaM2: true,
  priceCnyPerMu: true,
  handoverOn: true,
  lastVerifiedOn: true,
  minLng: true,
  minLat: true,
  maxLng: true,
  maxLat: true,
  centroidLng: true,
  centroidLat: true,
  powerKva: true,
  powerVoltageKv: true,
  gasM3PerDay: true,
  waterTPerDay: true,
  wastewaterTPerDay: true,
  ...readinessSelect,
} as const;

async function parksAndZones(db: Db) {
  const [parks, zones] = await Promise.all([
    db.park.findMany({ select: { id: true, code: true, county: true, industries: true } }),
    db.zone.findMany({ select: { id: true, code: true, industries: true } }),
  ]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  type Row = Awaited<ReturnType<typeof db.parcel.findMany<{ select: typeof parcelSelect }>>>[number];
  const toRow = (p: Row): LandRow => {
    const park = parkById.get(p.parkId)!;
    const zone = p.zoneId ? zoneById.get(p.zoneId) : undefined;
    return {
      id: p.id,
      code: p.code,
      parkId: p.parkId,
      zoneId: p.zoneId,
      county: park.county,
      landUse: p.landUse,
      status: p.status,
      areaM2: p.areaM2,
      priceCnyPerMu: p.priceCnyPerMu,
      handoverOn: p.handoverOn,
      lastVerifiedOn: p.lastVerifiedOn,
      readiness: Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, p[i.column]])) as Record<ReadinessKey, Date | null>,
      industries: zone && zone.industries.length > 0 ? zone.industries : park.industries,
      bbox: [p.minLng, p.minLat, p.maxLng, p.maxLat],
      centroid: [p.centroidLng, p.centroidLat],
      powerKva: p.powerKva,
      powerVoltageKv: p.powerVoltageKv,
      gasM3PerDay: p.gasM3PerDay,
      waterTPerDay: p.waterTPerDay,
      wastewaterTPerDay: p.wastewaterTPerDay,
    };
  };
  const ctx = { parkIdByCode: new Map(parks.map((p) => [p.code, p.id])), zoneIdByCode: new Map(zones.map((z) => [z.code, z.id])) };
  return { toRow, ctx };
}

/**
 * The database's clock and the shape fingerprint, in one statement (one snapshot). Park and
 * zone edits do not touch a parcel's updatedAt, so patching by updatedAt would never see a
 * zone's new industries or a park's new county: their fingerprint is part of the shape. The
 * parcels' areas and boxes are too, so a geometry written by any means (an import's raw SQL
 * leaves updatedAt alone) rebuilds the index and its graph. Sums of per-row hashes, not of
 * floats: an integer sum does not depend on the order rows are scanned in (an update moves
 * its row; past a million edges PostgreSQL sums in parallel workers, and a float sum of the
 * shared lengths changed between two reads of the same table, reloading the index on every
 * status change), so an unchanged set always gives the same fingerprint.
 */
interface SnapshotRow {
  now: Date;
  parcels: string;
  edges: string;
  parks: string | null;
  zones: string | null;
}
const SNAPSHOT_SQL = `
    SELECT now() AS now,
      (SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws('|', id, "parkId", "areaM2", "minLng", "minLat", "maxLng", "maxLat", "centroidLng", "centroidLat"))), 0)
         FROM "Parcel") AS parcels,
      (SELECT count(*) || ':' || coalesce(sum(hashtext(concat_ws('|', "parcelAId", "parcelBId", "sharedLengthM"))), 0) FROM "ParcelAdjacency") AS edges,
      (SELECT md5(string_agg(id || '|' || code || '|' || coalesce(county::text, '') || '|' || industries::text, ',' ORDER BY id)) FROM "Park") AS parks,
      (SELECT md5(string_agg(id || '|' || code || '|' || "parkId" || '|' || industries::text, ',' ORDER BY id)) FROM "Zone") AS zones`;
const shapeOf = (row: SnapshotRow) => ({ readAt: row.now, shape: `${row.parcels}/${row.edges}/${row.parks ?? ""}/${row.zones ?? ""}` });

async function snapshot(db: Db): Promise<{ readAt: Date; shape: string }> {
  // It hashes every parcel and edge: seconds at a million parcels, past the app's 5 s
  // per-statement timeout on a busy machine (the portal answered 503 after any write). On a
  // connection of its own, like the streamed load, when the client says where it connects.
  const settings = connectionOf(db);
  if (settings) return shapeOf((await oneRow(settings, SNAPSHOT_SQL)) as unknown as SnapshotRow);
  const [row] = await db.$queryRawUnsafe<SnapshotRow[]>(SNAPSHOT_SQL);
  return shapeOf(row!);
}

async function load(db: Db, revision: bigint): Promise<Cached> {
  // Streamed into columns when the client says where it connects (every client made by
  // createPrismaClient); else, or for codes the byte order does not sort, from rows. The
  // fingerprint is then read in the stream's own snapshot: consistent with the rows, and not
  // under the app's per-statement timeout (it hashes every parcel and edge: seconds at 1M).
  const settings = connectionOf(db);
  if (settings) {
    const [{ columns, first }, { ctx }] = await Promise.all([streamLandColumns(settings, SNAPSHOT_SQL), parksAndZones(db)]);
    if (columns) return { revision, index: LandIndex.fromColumns(columns), ctx, ...shapeOf(first as unknown as SnapshotRow) };
  }
  const { readAt, shape } = await snapshot(db);
  const [{ rows, edges }, { ctx }] = await Promise.all([landRows(db), parksAndZones(db)]);
  return { revision, index: new LandIndex(rows, edges), ctx, readAt, shape };
}

/** Every parcel as a LandRow and every edge: the index's input before streaming (and its check). */
export async function landRows(db: Db): Promise<{ rows: LandRow[]; edges: EdgeLike[] }> {
  const [parcels, edges, { toRow }] = await Promise.all([
    db.parcel.findMany({ select: parcelSelect, orderBy: { code: "asc" } }),
    db.parcelAdjacency.findMany({ select: { parcelAId: true, parcelBId: true } }),
    parksAndZones(db),
  ]);
  return { rows: parcels.map(toRow), edges: edges.map((e) => ({ a: e.parcelAId, b: e.parcelBId })) };
}

/**
 * After a write: when the parcel set and adjacency are unchanged, patch the changed rows into
 * the index in place (a status or price change is the common write); otherwise rebuild.
 */
async function refresh(db: Db, cached: Cached, revision: bigint): Promise<{ cache: Cached; kind: RefreshKind }> {
  const now = await snapshot(db);
  if (now.shape === cached.shape) {
    const changed = await db.parcel.findMany({
      where: { updatedAt: { gt: new Date(cached.readAt.getTime() - CLOCK_SKEW_MS) } },
      select: parcelSelect,
      take: MAX_PATCH_ROWS + 1,
    });
    if (changed.length <= MAX_PATCH_ROWS) {
      const { toRow, ctx } = await parksAndZones(db);
      const rows = changed.map(toRow);
      // Check every row before touching any, so a refused patch leaves the index as it was.
      if (rows.every((r) => cached.index.canPatch(r))) {
        for (const r of rows) cached.index.patch(r);
        return { cache: { ...cached, revision, ctx, readAt: now.readAt }, kind: "patched" };
      }
    }
  }
  return { cache: await load(db, revision), kind: "reloaded" };
}

/** The index for the database's current land revision (refreshed at most once per revision). */
export async function getLandIndex(db: Db): Promise<Cached> {
  let slot = caches.get(db);
  if (!slot) caches.set(db, (slot = {}));
  const revision = await currentRevision(db);
  if (slot.current && slot.current.revision === revision) {
    slot.lastRefresh = "hit";
    return slot.current;
  }
  // Concurrent searches after a write share one refresh instead of each loading 100k rows.
  const s = slot;
  s.loading ??= (s.current ? refresh(db, s.current, revision) : load(db, revision).then((cache) => ({ cache, kind: "reloaded" as const })))
    .then(({ cache, kind }) => {
      s.lastRefresh = kind;
      return (s.current = cache);
    })
    .finally(() => (s.loading = undefined));
  return s.loading;
}

/** How the last getLandIndex call for this client was answered. */
export function lastRefreshKind(db: Db): RefreshKind | undefined {
  return caches.get(db)?.lastRefresh;
}

export function todayDay(now = new Date()): number {
  // Land is handed over by calendar day in China.
  return toDay(chinaDay(now));
}

export async function runLandSearch(db: Db, q: LandSearchQuery, now = new Date()): Promise<{ result: SearchResult; index: LandIndex; revision: bigint }> {
  const cached = await getLandIndex(db);
  const result = searchLand(cached.index, q, { ...cached.ctx, today: todayDay(now) });
  return { result, index: cached.index, revision: cached.revision };
}

export async function findLandBlock(db: Db, q: LandSearchQuery, code: string, now = new Date()) {
  const cached = await getLandIndex(db);
  return findBlock(cached.index, q, { ...cached.ctx, today: todayDay(now) }, code);
}

/** The block page's lookup: found, gone (existed under these filters, no longer), or unknown. */
export async function lookupLandBlock(db: Db, q: LandSearchQuery, key: string, now = new Date()): Promise<BlockLookup> {
  const cached = await getLandIndex(db);
  return lookupBlock(cached.index, q, { ...cached.ctx, today: todayDay(now) }, key);
}

/** For a search that found nothing: what each active filter costs (lib/search/relax.ts). */
export async function diagnoseLandSearch(db: Db, q: LandSearchQuery, now = new Date()): Promise<Relaxation[]> {
  const cached = await getLandIndex(db);
  return relaxations(cached.index, q, { ...cached.ctx, today: todayDay(now) });
}
