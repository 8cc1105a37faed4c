// Every parcel's polygon, packed into typed arrays in the LandIndex's order (parcel i of the
// index is shape i), with a flatbush R-tree over the index's parcel boxes: what a vector tile
// needs to find and draw the parcels under it without a database round trip. At 1,000,000
// parcels of 5 vertices this is ~80 MB of coordinates plus ~40 MB of tree, built once per index
// (bench/map-tiles.ts), instead of a query per tile.
import Flatbush from "flatbush";

/** A polygon's rings of [lng, lat] (GeoJSON Polygon coordinates). */
export type Rings = readonly (readonly (readonly number[])[])[];

export class ParcelShapes {
  constructor(
    /** parcel i's rings are ringFirst[i] .. ringFirst[i] + ringCount[i] - 1 */
    private readonly ringFirst: Uint32Array,
    private readonly ringCount: Uint32Array,
    /** end (exclusive, in vertices) of each ring in `coords`; a ring starts where the one before ends */
    private readonly ringEnd: Uint32Array,
    /** lng, lat per vertex */
    private readonly coords: Float64Array,
  ) {}

  /** Shapes for `codes` (the index's order); a parcel without a shape (added since) draws nothing. */
  static build(codes: readonly string[], shapeOf: (code: string, i: number) => Rings | undefined): ParcelShapes {
    const b = new ParcelShapesBuilder(codes.length);
    codes.forEach((code, i) => {
      const shape = shapeOf(code, i);
      if (shape) b.set(i, shape);
    });
    return b.finish();
  }

  /** Parcel i as GeoJSON Polygon coordinates (fresh arrays: geojson-vt keeps what it is given). */
  rings(i: number): number[][][] {
    const out: number[][][] = [];
    for (let r = this.ringFirst[i]!; r < this.ringFirst[i]! + this.ringCount[i]!; r++) {
      const ring: number[][] = [];
      for (let v = r === 0 ? 0 : this.ringEnd[r - 1]!; v < this.ringEnd[r]!; v++) ring.push([this.coords[v * 2]!, this.coords[v * 2 + 1]!]);
      out.push(ring);
    }
    return out;
  }

  get bytes(): number {
    return this.ringFirst.byteLength + this.ringCount.byteLength + this.ringEnd.byteLength + this.coords.byteLength;
  }
}

/**
 * Packs shapes as they arrive, in any order (the database's batches), so only one batch of
 * parsed GeoJSON is alive at a time: at 1,000,000 parcels holding every parsed polygon first
 * would cost several hundred MB more.
 */
export class ParcelShapesBuilder {
  private readonly ringFirst: Uint32Array;
  private readonly ringCount: Uint32Array;
  private ringEnd: Uint32Array;
  private coords: Float64Array;
  private rings = 0;
  private vertices = 0;

  constructor(size: number) {
    this.ringFirst = new Uint32Array(size);
    this.ringCount = new Uint32Array(size);
    this.ringEnd = new Uint32Array(Math.max(16, size));
    // Room for 5-vertex parcels (a closed quadrilateral) before any growth.
    this.coords = new Float64Array(Math.max(64, size * 10));
  }

  set(i: number, shape: Rings): void {
    this.ringFirst[i] = this.rings;
    this.ringCount[i] = shape.length;
    for (const ring of shape) {
      if (this.rings === this.ringEnd.length) this.ringEnd = grow(this.ringEnd, this.rings * 2);
      const need = (this.vertices + ring.length) * 2;
      if (need > this.coords.length) this.coords = grow(this.coords, Math.max(this.coords.length * 2, need));
      for (const [lng, lat] of ring) {
        this.coords[this.vertices * 2] = lng!;
        this.coords[this.vertices * 2 + 1] = lat!;
        this.vertices++;
      }
      this.ringEnd[this.rings++] = this.vertices;
    }
  }

  finish(): ParcelShapes {
    return new ParcelShapes(this.ringFirst, this.ringCount, this.ringEnd.slice(0, this.rings), this.coords.slice(0, this.vertices * 2));
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
