// Results-map vector tiles in process (no database, no HTTP): the synthetic cadastre straight
// into a LandIndex, its parcel shapes and R-tree, then for a broad and the default search the
// matching set once and every tile of 1280 x 800 views at city, county, district, park and
// street zooms, cut cold (no tile cache). Prints tile p50/p95/max and bytes per view.
import { computeAdjacency } from "../lib/land/adjacency";
import { bboxOf, centroidOf, polygonAreaM2 } from "../lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "../lib/land/readiness";
import { ParcelShapes, parcelTree } from "../lib/map/parcel-shapes";
import { tileMatches } from "../lib/map/tile-matches";
import { POLYGON_MIN_ZOOM, type TileCoord } from "../lib/map/tile-math";
import { encodeLandTile, type TileData } from "../lib/map/vector-tile";
import { LandIndex, toDay, type LandRow } from "../lib/search/land-index";
import { landSearchSchema } from "../lib/search/schemas";
import { clampPage, rankBlocks } from "../lib/search/search";
import { createRng } from "../seeds/random";
import { syntheticCadastre } from "./synthetic-cadastre";

const VIEW = { width: 1280, height: 800 };
const ZOOMS: [string, number][] = [["city", 10], ["county", 12], ["district", POLYGON_MIN_ZOOM - 1], ["park", POLYGON_MIN_ZOOM], ["street", 17]];
const QUERIES: [string, Record<string, string>][] = [["broad (available or reserved)", { reserved: "1" }], ["default", {}]];
const VIEWS_PER_ZOOM = 6;

const date = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;

/** The 512-px tiles a view of VIEW pixels centred on (lng, lat) at integer zoom z needs. */
export function viewTiles(lng: number, lat: number, z: number): TileCoord[] {
  const world = 512 * 2 ** z;
  const px = ((lng + 180) / 360) * world;
  const r = (lat * Math.PI) / 180;
  const py = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world;
  const tiles: TileCoord[] = [];
  for (let x = Math.floor((px - VIEW.width / 2) / 512); x <= Math.floor((px + VIEW.width / 2) / 512); x++)
    for (let y = Math.floor((py - VIEW.height / 2) / 512); y <= Math.floor((py + VIEW.height / 2) / 512); y++) tiles.push({ z, x, y });
  return tiles;
}

export async function benchMapTiles(sizes: number[]): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
    console.log(line);
  };
  for (const size of sizes) {
    const parcels = syntheticCadastre(size);
    const rows: LandRow[] = parcels.map((p) => ({
      id: p.code,
      code: p.code,
      parkId: "park",
      zoneId: null,
      county: "XINHUI",
      landUse: "INDUSTRIAL_M1",
      status: p.status,
      areaM2: polygonAreaM2(p.geometry),
      priceCnyPerMu: p.priceCnyPerMu,
      handoverOn: date(p.handoverOn),
      readiness: Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, date(p.readiness[i.key] ?? null)])) as Record<ReadinessKey, Date | null>,
      industries: [],
      bbox: bboxOf(p.geometry),
      centroid: centroidOf(p.geometry),
    }));
    const index = new LandIndex(rows, computeAdjacency(parcels.map((p) => ({ id: p.code, geometry: p.geometry }))));
    const heapBefore = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    const byCode = new Map(parcels.map((p) => [p.code, p.geometry.coordinates]));
    const shapes = ParcelShapes.build(index.codes, (c) => byCode.get(c));
    const tree = parcelTree(index.bbox);
    const buildMs = performance.now() - t0;
    byCode.clear();
    const data: TileData = { index, shapes, tree };
    const treeBytes = tree.data.byteLength;
    log(
      `map tiles, ${size.toLocaleString("en")} parcels: shapes + R-tree built in ${buildMs.toFixed(0)} ms ` +
        `(${(shapes.bytes / 2 ** 20).toFixed(0)} MB shapes + ${(treeBytes / 2 ** 20).toFixed(0)} MB tree; heap +${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MB)`,
    );
    const [minLng, minLat, maxLng, maxLat] = [0, 1, 2, 3].map((k) => (k < 2 ? Math.min : Math.max)(...Array.from({ length: 64 }, (_, s) => index.bbox[Math.floor((s / 63) * (index.size - 1)) * 4 + k]!)));
    const rng = createRng("bench:tiles");
    // View centres: the city's middle for the widest views, random places inside it closer in.
    const centres = ZOOMS.map(([, z]) =>
      Array.from({ length: z <= 10 ? 1 : VIEWS_PER_ZOOM }, (_, k) =>
        k === 0 ? [(minLng! + maxLng!) / 2, (minLat! + maxLat!) / 2] : [minLng! + rng.next() * (maxLng! - minLng!), minLat! + rng.next() * (maxLat! - minLat!)],
      ),
    );
    const today = toDay(new Date("2026-11-23T00:00:00Z"));
    for (const [name, raw] of QUERIES) {
      const q = landSearchSchema.parse(raw);
      const s0 = performance.now();
      const { ranked } = rankBlocks(index, q, { today, parkIdByCode: new Map(), zoneIdByCode: new Map() });
      const rankMs = performance.now() - s0;
      const m = tileMatches(index, ranked);
      const ranksMs = performance.now() - s0 - rankMs;
      void m.clusters;
      const setMs = performance.now() - s0;
      const { page } = clampPage(q, m.blocks);
      const pageRange = { start: (page - 1) * 20, end: Math.min(m.blocks, page * 20) };
      const times: number[] = [];
      const perZoom: string[] = [];
      let worstView = 0;
      ZOOMS.forEach(([label, z], zi) => {
        const views: number[] = [];
        for (const [lng, lat] of centres[zi]!) {
          let bytes = 0;
          for (const t of viewTiles(lng!, lat!, z)) {
            const start = performance.now();
            bytes += encodeLandTile(data, m, pageRange, t).byteLength;
            times.push(performance.now() - start);
          }
          views.push(bytes);
        }
        const max = Math.max(...views);
        worstView = Math.max(worstView, max);
        perZoom.push(`${label} z${z} ${(max / 1024).toFixed(0)} KB`);
      });
      times.sort((a, b) => a - b);
      log(
        `map tiles, ${size.toLocaleString("en")} parcels, ${name} search (${m.blocks.toLocaleString("en")} blocks, ${m.parcels.toLocaleString("en")} parcels): ` +
          `matching set ${setMs.toFixed(0)} ms once (search ${rankMs.toFixed(0)} ms, ranks ${ranksMs.toFixed(0)} ms, clusters ${(setMs - rankMs - ranksMs).toFixed(0)} ms, built on the first tile below z${POLYGON_MIN_ZOOM}); tile p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${times.length} tiles; ` +
          `largest 1280x800 view per zoom: ${perZoom.join(", ")} (worst ${(worstView / 1024).toFixed(0)} KB)`,
      );
    }
  }
  return lines;
}
