// The results map's vector tiles on the app's database: the index comes from getLandIndex (one
// tiny query while the land revision stands), each index gets its parcel shapes and R-tree once,
// each (revision, day, query) its matching set once (a small LRU: a visitor pans and zooms one
// search), and each tile's bytes are kept in a byte-bounded LRU. A status change moves the
// revision, so the next tile is cut from a fresh matching set.
import type { Db } from "../db/client";
import { Lru } from "../map/lru";
import { ParcelShapesBuilder, parcelTree, type ParcelShapes, type Rings } from "../map/parcel-shapes";
import { tileMatches, type TileMatches } from "../map/tile-matches";
import { POLYGON_MIN_ZOOM, type TileCoord } from "../map/tile-math";
import { encodeLandTile, type TileData } from "../map/vector-tile";
import type { LandIndex } from "./land-index";
import { getLandIndex, todayDay } from "./queries";
import { PAGE_SIZE, toSearchParams, type LandSearchQuery } from "./schemas";
import { clampPage, rankBlocks } from "./search";

const SHAPE_BATCH = 20_000;
const MATCH_SETS = 8;
const TILE_BYTES = 32 * 1024 * 1024;

interface Slot {
  data?: { index: LandIndex; shapesAt: bigint; data: Promise<TileData> };
  matches: Lru<string, TileMatches>;
  tiles: Lru<string, Uint8Array>;
}
const slots = new WeakMap<Db, Slot>();

/**
 * Every parcel's polygon, read in code-ordered batches and packed as each arrives (one
 * 1,000,000-row answer would hold all of it as parsed JSON at once).
 */
async function loadShapes(db: Db, index: LandIndex): Promise<ParcelShapes> {
  const position = new Map(index.codes.map((c, i) => [c, i]));
  const shapes = new ParcelShapesBuilder(index.size);
  let after: string | undefined;
  for (;;) {
    const rows = await db.parcel.findMany({
      select: { code: true, geometry: true },
      orderBy: { code: "asc" },
      take: SHAPE_BATCH,
      ...(after === undefined ? {} : { cursor: { code: after }, skip: 1 }),
    });
    for (const r of rows) {
      // A parcel added after the index was read is not in it: the next index will have it.
      const i = position.get(r.code);
      if (i !== undefined) shapes.set(i, (r.geometry as unknown as { coordinates: Rings }).coordinates);
    }
    if (rows.length < SHAPE_BATCH) break;
    after = rows[rows.length - 1]!.code;
  }
  return shapes.finish();
}

/**
 * Shapes and tree for this index. Keyed by the index object and the revision its shapes last
 * changed at: a status patch keeps both, a reload or a geometry change replaces them.
 */
function tileData(db: Db, slot: Slot, index: LandIndex, shapesAt: bigint): Promise<TileData> {
  if (slot.data?.index !== index || slot.data.shapesAt !== shapesAt) {
    const data = loadShapes(db, index).then((shapes) => ({ index, shapes, tree: parcelTree(index.bbox) }));
    // A failed load (database down) is not kept: the next tile tries again.
    data.catch(() => slot.data?.data === data && (slot.data = undefined));
    slot.data = { index, shapesAt, data };
  }
  return slot.data.data;
}

/** The search as a cache key: the page only changes which blocks are strong, not what matches. */
export function matchKey(q: LandSearchQuery): string {
  return toSearchParams({ ...q, page: 1 }).toString();
}

export async function landTile(db: Db, q: LandSearchQuery, tile: TileCoord, now = new Date(), retried = false): Promise<{ bytes: Uint8Array; revision: string }> {
  let slot = slots.get(db);
  if (!slot) slots.set(db, (slot = { matches: new Lru(MATCH_SETS), tiles: new Lru(TILE_BYTES, (b) => b.byteLength + 100) }));
  const cached = await getLandIndex(db);
  const ready = slot.data?.index === cached.index && slot.data.shapesAt === cached.shapesAt;
  const data = await tileData(db, slot, cached.index, cached.shapesAt);
  // Loading shapes took a while: if the land moved meanwhile, start again on the new index, so
  // the revision a tile is labelled with is the one its parcels come from.
  if (!ready && !retried && (await getLandIndex(db)) !== cached) return landTile(db, q, tile, now, true);
  const today = todayDay(now);
  const key = `${cached.revision}|${today}|${matchKey(q)}`;
  let matches = slot.matches.get(key);
  if (!matches) {
    const { ranked } = rankBlocks(cached.index, q, { ...cached.ctx, today });
    matches = tileMatches(cached.index, ranked);
    slot.matches.set(key, matches);
  }
  const { page } = clampPage(q, matches.blocks);
  const start = (page - 1) * PAGE_SIZE;
  // Below the polygon zoom a tile holds clusters only, the same on every page.
  const tileKey = `${key}|${tile.z >= POLYGON_MIN_ZOOM ? page : 0}|${tile.z}/${tile.x}/${tile.y}`;
  let bytes = slot.tiles.get(tileKey);
  if (!bytes) {
    bytes = encodeLandTile(data, matches, { start, end: Math.min(matches.blocks, start + PAGE_SIZE) }, tile);
    slot.tiles.set(tileKey, bytes);
  }
  return { bytes, revision: String(cached.revision) };
}
