// What the results map's tiles draw for one search: every matching parcel's block rank (so a
// tile only looks its parcels up), and a supercluster index over the matching blocks' centres
// for the zooms where parcels are specks. Built once per (land revision, query): the map's
// tiles are then cheap lookups, whatever the page, zoom or pan.
import Supercluster, { type PointFeature } from "supercluster";
import type { LandIndex } from "../search/land-index";
import type { Candidate } from "../search/search";
import { POLYGON_MIN_ZOOM, TILE_EXTENT } from "./tile-math";

export interface BlockPointTags {
  /** matching blocks under the point (1 for a lone block) */
  count: number;
  /** their parcels, and their total area */
  parcels: number;
  areaM2: number;
  /** a lone block's key; clusters have none */
  block?: string;
}

export interface TileMatches {
  /** per parcel of the index: its block's rank in result order (0-based), -1 when it does not match */
  rankOf: Int32Array;
  /** block key (smallest member code) per rank */
  keys: string[];
  blocks: number;
  parcels: number;
  /** built on first use */
  readonly clusters: Supercluster<BlockPointTags, BlockPointTags>;
}

export function tileMatches(index: LandIndex, ranked: readonly Pick<Candidate, "members" | "areaM2">[]): TileMatches {
  const rankOf = new Int32Array(index.size).fill(-1);
  const keys: string[] = [];
  let parcels = 0;
  const points: PointFeature<BlockPointTags>[] = [];
  ranked.forEach((c, r) => {
    let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
    const bbox = index.bbox;
    for (const i of c.members) {
      rankOf[i] = r;
      if (bbox[i * 4]! < minLng) minLng = bbox[i * 4]!;
      if (bbox[i * 4 + 1]! < minLat) minLat = bbox[i * 4 + 1]!;
      if (bbox[i * 4 + 2]! > maxLng) maxLng = bbox[i * 4 + 2]!;
      if (bbox[i * 4 + 3]! > maxLat) maxLat = bbox[i * 4 + 3]!;
    }
    parcels += c.members.length;
    const key = index.codes[c.members[0]!]!;
    keys.push(key);
    // The middle of the block's box, as the GeoJSON map's block points (lib/search/map.ts).
    points.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [(minLng + maxLng) / 2, (minLat + maxLat) / 2] },
      properties: { count: 1, parcels: c.members.length, areaM2: Math.round(c.areaM2), block: key },
    });
  });
  // Built on the first tile below the polygon zoom (about 1 s for 77,000 blocks): a map opened
  // at street zoom never pays for it.
  let clusters: Supercluster<BlockPointTags, BlockPointTags> | undefined;
  const cluster = () => new Supercluster<BlockPointTags, BlockPointTags>({
    // Below the polygon zoom only: from there on a tile draws the parcels themselves.
    maxZoom: POLYGON_MIN_ZOOM - 1,
    extent: TILE_EXTENT,
    // Relative to the extent: 40 px of a 512-px tile, so dots do not sit on each other and a
    // city-wide view holds a few hundred of them, not one per block.
    radius: (40 * TILE_EXTENT) / 512,
    map: (p) => ({ count: 1, parcels: p.parcels, areaM2: p.areaM2 }),
    reduce: (acc, p) => {
      acc.count += p.count;
      acc.parcels += p.parcels;
      acc.areaM2 += p.areaM2;
    },
  }).load(points);
  return {
    rankOf,
    keys,
    blocks: ranked.length,
    parcels,
    get clusters() {
      return (clusters ??= cluster());
    },
  };
}
