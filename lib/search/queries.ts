// Loads the LandIndex from PostgreSQL and keeps it in memory until the land revision moves
// (statement triggers bump it on any write to Parcel, ParcelAdjacency, Park or Zone, from any
// app instance), so a search costs one tiny query plus in-memory work. When it moves, the
// change log written by the same triggers says what changed, and only that is read again and
// patched in (lib/search/index-refresh.ts), geometry and adjacency included.
import { chinaDay } from "../calendar/china-time";
import type { Db, DbClient } from "../db/client";
import { connectionOf } from "../db/connections";
import type { EdgeLike } from "../land/blocks";
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { edgesTouching, patchIndex, readLog, structuralPart, touchedIds } from "./index-refresh";
import { LandIndex, toDay, type LandRow } from "./land-index";
import { relaxations, type Relaxation } from "./relax";
import { streamLandColumns } from "./stream-load";
import type { LandSearchQuery } from "./schemas";
import { findBlock, lookupBlock, searchLand, type BlockLookup, type SearchContext, type SearchResult } from "./search";

interface Cached {
  revision: bigint;
  index: LandIndex;
  ctx: Omit<SearchContext, "today">;
  /**
   * the revision at which a parcel's shape last changed (added, removed, redrawn): what reads
   * every parcel's geometry (the map tiles, lib/search/tiles.ts) keys on. A status or price
   * patch leaves it.
   */
  shapesAt: bigint;
}

/** How the cache answered, for the benchmark and tests. */
export type RefreshKind = "hit" | "patched" | "reloaded";

// One cache per database client (tests use several databases in one process).
const caches = new WeakMap<Db, { current?: Cached; loading?: Promise<Cached>; lastRefresh?: RefreshKind }>();

// Past this many changed parcels, reading them one by one costs about what a reload does.
const MAX_PATCH_ROWS = 20_000;

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

async function parksAndZones(db: DbClient) {
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
  // A park's county and the industries of the zone (or, without any, of the park), as toRow bakes them in.
  const areaOf = (parkId: string, zoneId: string | null) => {
    const park = parkById.get(parkId);
    if (!park) return undefined;
    const zone = zoneId ? zoneById.get(zoneId) : undefined;
    return { county: park.county, industries: zone && zone.industries.length > 0 ? zone.industries : park.industries };
  };
  return { toRow, ctx, areaOf };
}

const REVISION_SQL = `SELECT revision FROM "LandRevision" WHERE id = 1`;

// From rows, the revision is the caller's, read before them: a write that lands in between is
// in the rows and in the log after `revision`, and replaying it on the next refresh is harmless
// (patches re-read current rows).

async function load(db: Db, revision: bigint): Promise<Cached> {
  // Streamed into columns when the client says where it connects (every client made by
  // createPrismaClient); else, or for codes the byte order does not sort, from rows. Streamed,
  // the revision is read in the stream's own snapshot: exactly the one its rows are at.
  const settings = connectionOf(db);
  if (settings) {
    const [{ columns, first }, { ctx }] = await Promise.all([streamLandColumns(settings, REVISION_SQL), parksAndZones(db)]);
    if (columns) {
      const at = first?.revision === undefined || first.revision === null ? revision : BigInt(first.revision as string);
      return { revision: at, index: LandIndex.fromColumns(columns), ctx, shapesAt: at };
    }
  }
  const [{ rows, edges }, { ctx }] = await Promise.all([landRows(db), parksAndZones(db)]);
  return { revision, index: new LandIndex(rows, edges), ctx, shapesAt: revision };
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
 * After a write: read the change log since the cached revision and patch what it names (status
 * edits in place; added, removed, redrawn parcels and new edges into a new index, see
 * index-patch.ts); park and zone edits restamp their parcels. Reload only when the log cannot
 * cover the gap (pruned, a TRUNCATE) or names more parcels than a reload costs.
 */
async function refresh(db: Db, cached: Cached, revision: bigint): Promise<{ cache: Cached; kind: RefreshKind }> {
  const patched = await db.$transaction(
    async (tx) => {
      const read = await readLog(tx, cached.revision);
      const ids = touchedIds(read.log);
      if (read.gap || read.log.reset || ids.length > MAX_PATCH_ROWS) return null;
      const [changed, { toRow, ctx, areaOf }] = await Promise.all([
        ids.length ? tx.parcel.findMany({ where: { id: { in: ids } }, select: parcelSelect }) : [],
        parksAndZones(tx),
      ]);
      const rows = changed.map(toRow);
      const edges = structuralPart(cached.index, read.log, rows).structural ? await edgesTouching(tx, ids) : null;
      // Before patching (an in-place patch changes what canPatch compares with).
      const reshaped = rows.some((r) => !cached.index.canPatch(r)) || rows.length < ids.length;
      const index = patchIndex(cached.index, read.log, rows, edges, areaOf);
      // The snapshot's revision, not the caller's: the log was read up to it.
      return { revision: read.revision, index, ctx, shapesAt: reshaped || index !== cached.index ? read.revision : cached.shapesAt };
    },
    { isolationLevel: "RepeatableRead", maxWait: 10_000, timeout: 60_000 },
  );
  if (patched) return { cache: patched, kind: "patched" };
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
