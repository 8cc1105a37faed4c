// Every parcel's polygon, packed into typed arrays in the LandIndex's order (parcel i of the
// index is shape i), with a flatbush R-tree over the index's parcel boxes: what a vector tile
// needs to find and draw the parcels under it without a database round trip. At 1,000,000
// parcels of 5 vertices this is ~80 MB of coordinates plus ~40 MB of tree, built once per index
// (bench/map-tiles.ts), instead of a query per tile.
import Flatbush from "flatbush";

/** A polygon's rings of [lng, lat] (GeoJSON Polygon coordinates). */
export type Rings = readonly (readonly (readonly number[])[])[];

export class ParcelShapes {
  private constructor(
    /** parcel i's rings are ringEnd[ringStart[i] .. ringStart[i + 1]) */
    private readonly ringStart: Uint32Array,
    /** end (exclusive, in vertices) of each ring in `coords` */
    private readonly ringEnd: Uint32Array,
    /** lng, lat per vertex */
    private readonly coords: Float64Array,
  ) {}

  /** Shapes for `codes` (the index's order); a parcel without a shape (added since) draws nothing. */
  static build(codes: readonly string[], shapeOf: (code: string, i: number) => Rings | undefined): ParcelShapes {
    const n = codes.length;
    const ringStart = new Uint32Array(n + 1);
    let ringEnd = new Uint32Array(Math.max(16, n));
    let coords = new Float64Array(Math.max(64, n * 10));
    let rings = 0, vertices = 0;
    for (let i = 0; i < n; i++) {
      ringStart[i] = rings;
      const shape = shapeOf(codes[i]!, i);
      for (const ring of shape ?? []) {
        if (rings === ringEnd.length) ringEnd = grow(ringEnd, rings * 2);
        if ((vertices + ring.length) * 2 > coords.length) coords = grow(coords, Math.max(coords.length * 2, (vertices + ring.length) * 2));
        for (const [lng, lat] of ring) {
          coords[vertices * 2] = lng!;
          coords[vertices * 2 + 1] = lat!;
          vertices++;
        }
        ringEnd[rings++] = vertices;
      }
    }
    ringStart[n] = rings;
    return new ParcelShapes(ringStart, ringEnd.slice(0, rings), coords.slice(0, vertices * 2));
  }

  /** Parcel i as GeoJSON Polygon coordinates (fresh arrays: geojson-vt keeps what it is given). */
  rings(i: number): number[][][] {
    const out: number[][][] = [];
    for (let r = this.ringStart[i]!; r < this.ringStart[i + 1]!; r++) {
      const ring: number[][] = [];
      for (let v = r === 0 ? 0 : this.ringEnd[r - 1]!; v < this.ringEnd[r]!; v++) ring.push([this.coords[v * 2]!, this.coords[v * 2 + 1]!]);
      out.push(ring);
    }
    return out;
  }

  get bytes(): number {
    return this.ringStart.byteLength + this.ringEnd.byteLength + this.coords.byteLength;
  }
}

function grow<T extends Uint32Array | Float64Array>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/** An R-tree over parcel boxes ([minLng, minLat, maxLng, maxLat] per parcel, the index's `bbox`): item i is parcel i. */
export function parcelTree(bbox: Float64Array): Flatbush {
  const n = bbox.length / 4;
  const tree = new Flatbush(Math.max(1, n));
  for (let i = 0; i < n; i++) tree.add(bbox[i * 4]!, bbox[i * 4 + 1]!, bbox[i * 4 + 2]!, bbox[i * 4 + 3]!);
  // Flatbush needs at least one item; an empty index gets a box nowhere near the map.
  if (n === 0) tree.add(-1000, -1000, -1000, -1000);
  tree.finish();
  return tree;
}
