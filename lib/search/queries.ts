// Loads the LandIndex from PostgreSQL and keeps it in memory until the land revision moves
// (a trigger bumps it on any write to Parcel or ParcelAdjacency, from any app instance), so a
// search costs one tiny query plus in-memory work.
import type { Db } from "../db/client";
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { LandIndex, toDay, type LandRow } from "./land-index";
import type { LandSearchQuery } from "./schemas";
import { findBlock, searchLand, type SearchContext, type SearchResult } from "./search";

interface Cached {
  revision: bigint;
  index: LandIndex;
  ctx: Omit<SearchContext, "today">;
}

// One cache per database client (tests use several databases in one process).
const caches = new WeakMap<Db, { current?: Cached; loading?: Promise<Cached> }>();

async function currentRevision(db: Db): Promise<bigint> {
  const row = await db.landRevision.findUnique({ where: { id: 1 }, select: { revision: true } });
  return row?.revision ?? BigInt(0);
}

const readinessSelect = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, true])) as Record<(typeof READINESS_ITEMS)[number]["column"], true>;

async function load(db: Db, revision: bigint): Promise<Cached> {
  const [parcels, edges, parks, zones] = await Promise.all([
    db.parcel.findMany({
      select: {
        id: true,
        code: true,
        parkId: true,
        zoneId: true,
        landUse: true,
        status: true,
        areaM2: true,
        priceCnyPerMu: true,
        handoverOn: true,
        minLng: true,
        minLat: true,
        maxLng: true,
        maxLat: true,
        ...readinessSelect,
      },
      orderBy: { code: "asc" },
    }),
    db.parcelAdjacency.findMany({ select: { parcelAId: true, parcelBId: true } }),
    db.park.findMany({ select: { id: true, code: true, county: true, industries: true } }),
    db.zone.findMany({ select: { id: true, code: true, industries: true } }),
  ]);
  const parkById = new Map(parks.map((p) => [p.id, p]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const rows: LandRow[] = parcels.map((p) => {
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
      readiness: Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, p[i.column]])) as Record<ReadinessKey, Date | null>,
      industries: zone && zone.industries.length > 0 ? zone.industries : park.industries,
      bbox: [p.minLng, p.minLat, p.maxLng, p.maxLat],
    };
  });
  return {
    revision,
    index: new LandIndex(rows, edges.map((e) => ({ a: e.parcelAId, b: e.parcelBId }))),
    ctx: {
      parkIdByCode: new Map(parks.map((p) => [p.code, p.id])),
      zoneIdByCode: new Map(zones.map((z) => [z.code, z.id])),
    },
  };
}

/** The index for the database's current land revision (reloaded at most once per revision). */
export async function getLandIndex(db: Db): Promise<Cached> {
  let slot = caches.get(db);
  if (!slot) caches.set(db, (slot = {}));
  const revision = await currentRevision(db);
  if (slot.current && slot.current.revision === revision) return slot.current;
  // Concurrent searches after a write share one reload instead of each loading 100k rows.
  const s = slot;
  s.loading ??= load(db, revision)
    .then((c) => (s.current = c))
    .finally(() => (s.loading = undefined));
  return s.loading;
}

export function todayDay(now = new Date()): number {
  // Land is handed over by calendar day in China Standard Time (UTC+8).
  return toDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), now.getUTCHours() + 8)));
}

export async function runLandSearch(db: Db, q: LandSearchQuery, now = new Date()): Promise<{ result: SearchResult; index: LandIndex }> {
  const cached = await getLandIndex(db);
  const result = searchLand(cached.index, q, { ...cached.ctx, today: todayDay(now) });
  return { result, index: cached.index };
}

export async function findLandBlock(db: Db, q: LandSearchQuery, code: string, now = new Date()) {
  const cached = await getLandIndex(db);
  return findBlock(cached.index, q, { ...cached.ctx, today: todayDay(now) }, code);
}
