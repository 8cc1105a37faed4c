// Web-Mercator tile arithmetic for the results map's vector tiles (z/x/y as MapLibre asks for
// them, 512-px tiles): which lng/lat box a tile covers, and whether z/x/y names a tile at all.

/** From this zoom on a tile carries the matching parcels' polygons; below it, clusters of blocks.
 * At 15 a 1280 x 800 view spans about 2.8 x 1.8 km (a park) and the tiles under it hold about
 * 1,500 matching parcels of the benchmark's densest city (every parcel 80 m): ~100 KB. One zoom
 * out that is four times as many, over the 300 KB budget per view (bench/map-tiles.ts). */
export const POLYGON_MIN_ZOOM = 15;
/** Deepest tile the route answers; MapLibre over-zooms the source's maxzoom beyond it. */
export const MAX_TILE_ZOOM = 22;
/** The tiles' own maxzoom: past it MapLibre scales z16 tiles (0.15 m precision, plenty). */
export const SOURCE_MAX_ZOOM = 16;
export const TILE_EXTENT = 4096;
/** The tiles' layers: matching parcels from POLYGON_MIN_ZOOM, clusters of matching blocks below. */
export const PARCEL_LAYER = "parcels";
export const CLUSTER_LAYER = "clusters";
/** Tile units drawn beyond each edge, so outlines meet cleanly across tile seams. */
export const TILE_BUFFER = 64;

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

const lngOf = (x: number, z: number) => (x / 2 ** z) * 360 - 180;
const latOf = (y: number, z: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/** [minLng, minLat, maxLng, maxLat] of a tile, grown by `buffer` tile units on each side. */
export function tileBounds({ z, x, y }: TileCoord, buffer = 0): [number, number, number, number] {
  const b = buffer / TILE_EXTENT;
  return [lngOf(x - b, z), latOf(y + 1 + b, z), lngOf(x + 1 + b, z), latOf(y - b, z)];
}

/** The tile under a point at zoom z (for tests and the benchmark's views). */
export function tileOf(lng: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** z/x/y from the URL's segments, or what is wrong with them (a sentence for the 400). */
export function parseTileCoord(raw: { z: string; x: string; y: string }): { ok: true; tile: TileCoord } | { ok: false; message: string } {
  // Digits only: "1e1", " 3", "-0" and "0x1" are not tile numbers, whatever Number() says.
  if (!/^\d{1,2}$/.test(raw.z) || Number(raw.z) > MAX_TILE_ZOOM) return { ok: false, message: `z must be a whole number from 0 to ${MAX_TILE_ZOOM}` };
  const z = Number(raw.z);
  const max = 2 ** z - 1;
  for (const k of ["x", "y"] as const) {
    if (!/^\d{1,8}$/.test(raw[k]) || Number(raw[k]) > max) return { ok: false, message: `${k} must be a whole number from 0 to ${max} at zoom ${z}` };
  }
  return { ok: true, tile: { z, x: Number(raw.x), y: Number(raw.y) } };
}
