// Which parcels touch: the basis of contiguous-land search. Two parcels are adjacent when at
// least MIN_SHARED_BOUNDARY_M of boundary runs alongside, allowing ADJACENCY_TOLERANCE_M of
// survey error (gap or overlap). Corner-only contact does not count.
import Flatbush from "flatbush";
import { bboxOf, expandBBox, metresPerDegree, type BBox, type PolygonGeometry } from "./geometry";

export const ADJACENCY_TOLERANCE_M = 0.5;
export const MIN_SHARED_BOUNDARY_M = 1;
/**
 * Edges further apart in direction than this are never "alongside". Without it, any crossing
 * or corner would count the 2·tolerance/sin(angle) of boundary that passes within the band.
 * With it, the smallest crossing that can count is at 10°, where the boundaries really do run
 * within 0.5 m of each other for 5.7 m (a sliver overlap, which we call adjacent).
 */
export const MAX_ALONGSIDE_ANGLE_DEG = 10;
const SIN_MAX = Math.sin((MAX_ALONGSIDE_ANGLE_DEG * Math.PI) / 180);
const MIN_EDGE_M = 1e-6; // repeated positions give zero-length edges; they share nothing

export interface ParcelShape {
  id: string;
  geometry: PolygonGeometry;
}
export interface AdjacencyEdge {
  /** a < b in UTF-16 code-unit order (plain `<`, not localeCompare) */
  a: string;
  b: string;
  sharedLengthM: number;
}
export interface AdjacencyOptions {
  toleranceM?: number;
  minSharedM?: number;
}

/**
 * All rings of many parcels in flat typed arrays, so 100k parcels cost a handful of
 * allocations. Rings are stored closed (the closing position is added if missing).
 */
class RingStore {
  coords: Float64Array; // lng, lat, lng, lat, ...
  ringStart: Int32Array; // vertex offset of ring r; ringStart[r + 1] ends it
  parcelRing: Int32Array; // ring offset of parcel p; parcelRing[p + 1] ends it
  bboxes: BBox[];

  constructor(geoms: readonly PolygonGeometry[]) {
    let vertices = 0, rings = 0;
    for (const g of geoms) {
      for (const ring of g.coordinates) {
        vertices += ring.length + 1; // room for a closing position
        rings++;
      }
    }
    this.coords = new Float64Array(vertices * 2);
    this.ringStart = new Int32Array(rings + 1);
    this.parcelRing = new Int32Array(geoms.length + 1);
    this.bboxes = new Array<BBox>(geoms.length);
    let v = 0, r = 0;
    geoms.forEach((g, p) => {
      this.parcelRing[p] = r;
      let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (const ring of g.coordinates) {
        this.ringStart[r++] = v;
        for (const [x, y] of ring) {
          this.coords[2 * v] = x;
          this.coords[2 * v + 1] = y;
          v++;
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
        const first = ring[0], last = ring[ring.length - 1];
        if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
          this.coords[2 * v] = first[0];
          this.coords[2 * v + 1] = first[1];
          v++;
        }
      }
      this.bboxes[p] = [minX, minY, maxX, maxY];
    });
    this.ringStart[r] = v;
    this.parcelRing[geoms.length] = r;
  }
}

// Scratch space reused across pairs: projected vertices and the t-intervals of one A edge.
let bufA: Float64Array = new Float64Array(64);
let bufB: Float64Array = new Float64Array(64);
let intervals: Float64Array = new Float64Array(64);

/** Writes parcel p's vertices, in metres around (lng0, lat0), into buf; returns it (grown). */
function project(s: RingStore, p: number, lng0: number, lat0: number, kx: number, ky: number, buf: Float64Array): Float64Array {
  const from = s.ringStart[s.parcelRing[p]!]!, to = s.ringStart[s.parcelRing[p + 1]!]!;
  if (buf.length < (to - from) * 2) buf = new Float64Array((to - from) * 4);
  for (let v = from, o = 0; v < to; v++, o += 2) {
    buf[o] = (s.coords[2 * v]! - lng0) * kx;
    buf[o + 1] = (s.coords[2 * v + 1]! - lat0) * ky;
  }
  return buf;
}

/** Length of parcel a's boundary lying within `tol` of b's boundary and running alongside it. */
function sharedLength(s: RingStore, a: number, b: number, tol: number): number {
  // Centre the projection on this pair so the equirectangular error stays negligible.
  const lng0 = s.coords[2 * s.ringStart[s.parcelRing[a]!]!]!;
  const lat0 = s.coords[2 * s.ringStart[s.parcelRing[a]!]! + 1]!;
  const k = metresPerDegree(lat0);
  const A = (bufA = project(s, a, lng0, lat0, k.x, k.y, bufA));
  const B = (bufB = project(s, b, lng0, lat0, k.x, k.y, bufB));
  const aBase = s.ringStart[s.parcelRing[a]!]!, bBase = s.ringStart[s.parcelRing[b]!]!;
  let total = 0;

  for (let ra = s.parcelRing[a]!; ra < s.parcelRing[a + 1]!; ra++) {
    for (let i = s.ringStart[ra]! - aBase; i + 1 < s.ringStart[ra + 1]! - aBase; i++) {
      const px = A[2 * i]!, py = A[2 * i + 1]!;
      const dx = A[2 * i + 2]! - px, dy = A[2 * i + 3]! - py;
      const la = Math.hypot(dx, dy);
      if (la < MIN_EDGE_M) continue;
      const loX = Math.min(px, px + dx) - tol, hiX = Math.max(px, px + dx) + tol;
      const loY = Math.min(py, py + dy) - tol, hiY = Math.max(py, py + dy) + tol;
      let n = 0;

      for (let rb = s.parcelRing[b]!; rb < s.parcelRing[b + 1]!; rb++) {
        for (let j = s.ringStart[rb]! - bBase; j + 1 < s.ringStart[rb + 1]! - bBase; j++) {
          const qx = B[2 * j]!, qy = B[2 * j + 1]!, q1x = B[2 * j + 2]!, q1y = B[2 * j + 3]!;
          if (Math.max(qx, q1x) < loX || Math.min(qx, q1x) > hiX || Math.max(qy, q1y) < loY || Math.min(qy, q1y) > hiY) continue;
          const lb = Math.hypot(q1x - qx, q1y - qy);
          if (lb < MIN_EDGE_M) continue;
          const ux = (q1x - qx) / lb, uy = (q1y - qy) / lb;
          // Opposite directions are normal: neighbours wind their shared edge both ways.
          if (Math.abs(dx * uy - dy * ux) > SIN_MAX * la) continue;
          // Offset from b's line (d) and position along b's segment (u), both linear in t.
          const d0 = (px - qx) * -uy + (py - qy) * ux, dd = dx * -uy + dy * ux;
          let lo = 0, hi = 1;
          if (Math.abs(dd) < 1e-12) {
            if (Math.abs(d0) > tol) continue;
          } else {
            const t1 = (-tol - d0) / dd, t2 = (tol - d0) / dd;
            lo = Math.max(lo, Math.min(t1, t2));
            hi = Math.min(hi, Math.max(t1, t2));
          }
          const u0 = (px - qx) * ux + (py - qy) * uy, du = dx * ux + dy * uy; // |du| ≥ la·cos 10°
          const t3 = -u0 / du, t4 = (lb - u0) / du;
          lo = Math.max(lo, Math.min(t3, t4));
          hi = Math.min(hi, Math.max(t3, t4));
          if (hi <= lo) continue;
          if (intervals.length < 2 * n + 2) intervals = growCopy(intervals);
          intervals[2 * n] = lo;
          intervals[2 * n + 1] = hi;
          n++;
        }
      }
      total += la * unionLength(intervals, n);
    }
  }
  return total;
}

function growCopy(buf: Float64Array): Float64Array {
  const next = new Float64Array(buf.length * 2);
  next.set(buf);
  return next;
}

/**
 * Covered length of n intervals in [0, 1]. The union is what stops double counting when b has
 * collinear consecutive edges, or two edges (a sliver) both within the band. Insertion sort:
 * n is almost always 0–2.
 */
function unionLength(iv: Float64Array, n: number): number {
  if (n === 0) return 0;
  for (let i = 1; i < n; i++) {
    const lo = iv[2 * i]!, hi = iv[2 * i + 1]!;
    let j = i - 1;
    while (j >= 0 && iv[2 * j]! > lo) {
      iv[2 * j + 2] = iv[2 * j]!;
      iv[2 * j + 3] = iv[2 * j + 1]!;
      j--;
    }
    iv[2 * j + 2] = lo;
    iv[2 * j + 3] = hi;
  }
  let covered = 0, curLo = iv[0]!, curHi = iv[1]!;
  for (let i = 1; i < n; i++) {
    const lo = iv[2 * i]!, hi = iv[2 * i + 1]!;
    if (lo > curHi) {
      covered += curHi - curLo;
      curLo = lo;
      curHi = hi;
    } else if (hi > curHi) curHi = hi;
  }
  return covered + (curHi - curLo);
}

/**
 * Total length (m) of a's boundary (holes included) within `toleranceM` of b's boundary and
 * running alongside it. Measured along a, so it can differ from (b, a) by a cosine of at most
 * 10° when the edges are skewed; for parcels sharing vertices the two agree.
 */
export function sharedBoundaryLengthM(a: PolygonGeometry, b: PolygonGeometry, toleranceM = ADJACENCY_TOLERANCE_M): number {
  return sharedLength(new RingStore([a, b]), 0, 1, toleranceM);
}

function edgeFor(s: RingStore, ids: readonly string[], i: number, j: number, tol: number, min: number): AdjacencyEdge | null {
  // Measuring from the smaller id makes the result independent of input order.
  const [x, y] = ids[i]! < ids[j]! ? [i, j] : [j, i];
  const len = sharedLength(s, x, y, tol);
  return len >= min ? { a: ids[x]!, b: ids[y]!, sharedLengthM: len } : null;
}

const byIds = (p: AdjacencyEdge, q: AdjacencyEdge) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0);

function assertUniqueIds(ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw new Error("computeAdjacency: parcel ids must be unique");
}

/**
 * Every adjacent pair among `parcels`, sorted by (a, b). Candidates come from a Flatbush index
 * of bboxes grown by the tolerance, so the cost is linear in the number of touching pairs.
 */
export function computeAdjacency(parcels: readonly ParcelShape[], opts: AdjacencyOptions = {}): AdjacencyEdge[] {
  const tol = opts.toleranceM ?? ADJACENCY_TOLERANCE_M;
  const min = opts.minSharedM ?? MIN_SHARED_BOUNDARY_M;
  const ids = parcels.map((p) => p.id);
  assertUniqueIds(ids);
  const edges: AdjacencyEdge[] = [];
  if (parcels.length < 2) return edges;
  const s = new RingStore(parcels.map((p) => p.geometry));
  const index = new Flatbush(parcels.length);
  for (const bbox of s.bboxes) {
    const [x0, y0, x1, y1] = expandBBox(bbox, tol);
    index.add(x0, y0, x1, y1);
  }
  index.finish();
  for (let i = 0; i < parcels.length; i++) {
    const [x0, y0, x1, y1] = s.bboxes[i]!;
    // The filter does the work and returns false, so no result array is built per query.
    index.search(x0, y0, x1, y1, (j) => {
      if (j > i) {
        const e = edgeFor(s, ids, i, j, tol, min);
        if (e) edges.push(e);
      }
      return false;
    });
  }
  return edges.sort(byIds);
}

/**
 * Adjacency edges of a few edited parcels (`changed`) against each other and `neighbours`,
 * sorted like computeAdjacency. Replace every stored edge touching a changed id with these.
 * `neighbours` may be the whole city, but a database query on the stored bbox columns grown by
 * expandBBox(bbox, ADJACENCY_TOLERANCE_M) saves loading it. A neighbour whose id is also in
 * `changed` is its stale copy and is skipped. Cost O(changed × neighbours) bbox tests.
 */
export function computeAdjacencyFor(
  changed: readonly ParcelShape[],
  neighbours: readonly ParcelShape[],
  opts: AdjacencyOptions = {},
): AdjacencyEdge[] {
  const tol = opts.toleranceM ?? ADJACENCY_TOLERANCE_M;
  const min = opts.minSharedM ?? MIN_SHARED_BOUNDARY_M;
  const changedIds = new Set(changed.map((p) => p.id));
  if (changedIds.size !== changed.length) throw new Error("computeAdjacencyFor: changed ids must be unique");
  // Cheap bbox pre-filter, so passing the whole city costs one bbox pass, not a RingStore of it.
  const reach = changed.map((p) => expandBBox(bboxOf(p.geometry), tol));
  const others = neighbours.filter((p) => {
    if (changedIds.has(p.id)) return false;
    const [u0, v0, u1, v1] = bboxOf(p.geometry);
    return reach.some(([x0, y0, x1, y1]) => u0 <= x1 && u1 >= x0 && v0 <= y1 && v1 >= y0);
  });
  const all = [...changed, ...others];
  const ids = all.map((p) => p.id);
  assertUniqueIds(ids);
  const s = new RingStore(all.map((p) => p.geometry));
  const edges: AdjacencyEdge[] = [];
  for (let i = 0; i < changed.length; i++) {
    const [x0, y0, x1, y1] = expandBBox(s.bboxes[i]!, tol);
    for (let j = i + 1; j < all.length; j++) {
      const [u0, v0, u1, v1] = s.bboxes[j]!;
      if (u0 > x1 || u1 < x0 || v0 > y1 || v1 < y0) continue;
      const e = edgeFor(s, ids, i, j, tol, min);
      if (e) edges.push(e);
    }
  }
  return edges.sort(byIds);
}
