// Parcel geometry: GeoJSON Polygons in WGS84 ([lng, lat]). Pure functions only, so the same
// code runs in the server, the seed loader and unit tests.
import turfArea from "@turf/area";

export type LngLat = [number, number];
/** Closed ring: first and last positions are equal (RFC 7946). */
export type Ring = LngLat[];
export interface PolygonGeometry {
  type: "Polygon";
  /** [exterior, ...holes] */
  coordinates: Ring[];
}
export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

// WGS84 ellipsoid. Local radii (rather than one sphere) keep tolerances in true ground metres:
// a sphere is off by up to 0.4% in the north-south scale at 22°N.
const WGS84_A = 6378137;
const WGS84_E2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
const RAD = Math.PI / 180;

/** Ground metres per degree of longitude (x) and latitude (y) at a latitude. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const s = Math.sin(lat * RAD);
  const w = 1 - WGS84_E2 * s * s;
  const n = WGS84_A / Math.sqrt(w); // prime-vertical radius
  const m = (WGS84_A * (1 - WGS84_E2)) / (w * Math.sqrt(w)); // meridional radius
  return { x: n * Math.cos(lat * RAD) * RAD, y: m * RAD };
}

export interface LocalProjection {
  toXY(p: readonly [number, number]): [number, number];
  toLngLat(xy: readonly [number, number]): LngLat;
}

/**
 * Equirectangular projection in metres around `origin`, with the scale frozen at the origin's
 * latitude. Why that is good enough: the only error is that cos(lat) (and the radii) change with
 * distance from the origin, a relative scale error of about tan(lat)·Δlat — 2e-4 at 3 km north
 * or south of the origin at 22.6°N. Against Vincenty on WGS84, a point 3 km north-east of the
 * origin is 0.2 m off, but a 0.5 m gap there measures 0.4999 m and a 300 m edge 300.06 m. Only
 * such local distances matter: adjacency re-centres on each pair, so its gaps are exact to
 * micrometres and its edges to millimetres, far under the 0.5 m tolerance. Not for city-wide
 * distances (0.6 m off at 5 km diagonally, growing with the square of the distance).
 */
export function makeLocalProjection(origin: readonly [number, number]): LocalProjection {
  const [lng0, lat0] = origin;
  const k = metresPerDegree(lat0);
  return {
    toXY: ([lng, lat]) => [(lng - lng0) * k.x, (lat - lat0) * k.y],
    toLngLat: ([x, y]) => [lng0 + x / k.x, lat0 + y / k.y],
  };
}

/** Geodesic area in m² (holes subtracted). @turf/area uses a sphere of the mean Earth radius. */
export function polygonAreaM2(geom: PolygonGeometry): number {
  return turfArea(geom);
}

export function bboxOf(geom: PolygonGeometry): BBox {
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const ring of geom.coordinates) {
    for (const [lng, lat] of ring) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** The smallest bbox holding all the given ones. */
export function unionBBoxes(boxes: Iterable<ArrayLike<number>>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    b[0] = Math.min(b[0], box[0]!);
    b[1] = Math.min(b[1], box[1]!);
    b[2] = Math.max(b[2], box[2]!);
    b[3] = Math.max(b[3], box[3]!);
  }
  return b;
}

/** Grow a bbox by `metres` on every side (used to find neighbours within the tolerance). */
export function expandBBox(bbox: BBox, metres: number): BBox {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  // The parallel furthest from the equator has the fewest metres per degree of longitude.
  const k = metresPerDegree(Math.max(Math.abs(minLat), Math.abs(maxLat)));
  const dx = metres / k.x, dy = metres / k.y;
  return [minLng - dx, minLat - dy, maxLng + dx, maxLat + dy];
}

/** Shoelace sums of one ring in projected metres: signed area and first moments. */
function ringMoments(ring: Ring, proj: LocalProjection): { a: number; cx: number; cy: number } {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = proj.toXY(ring[i]!);
    const [x1, y1] = proj.toXY(ring[i + 1]!);
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return { a: a / 2, cx: cx / 6, cy: cy / 6 };
}

/** Area-weighted centroid (exterior minus holes); the vertex mean for a degenerate polygon. */
export function centroidOf(geom: PolygonGeometry): LngLat {
  const shell = geom.coordinates[0];
  if (!shell || shell.length === 0) throw new Error("centroidOf: polygon has no exterior ring");
  const proj = makeLocalProjection(shell[0]!);
  let area = 0, mx = 0, my = 0;
  geom.coordinates.forEach((ring, r) => {
    const m = ringMoments(ring, proj);
    // Winding is not trusted (RFC 7946 says parsers must not reject either): exterior counts
    // positive and holes negative whatever their orientation.
    const sign = (r === 0 ? 1 : -1) * Math.sign(m.a);
    area += sign * m.a;
    mx += sign * m.cx;
    my += sign * m.cy;
  });
  if (Math.abs(area) < 1e-9) {
    const pts = shell.slice(0, -1);
    let sx = 0, sy = 0;
    for (const p of pts) {
      const [x, y] = proj.toXY(p);
      sx += x;
      sy += y;
    }
    return proj.toLngLat([sx / pts.length, sy / pts.length]);
  }
  return proj.toLngLat([mx / area, my / area]);
}

type XY = [number, number];

// Below this a point is "on" a line: 0.1 mm, well under any survey precision.
const ON_LINE_M = 1e-4;

/** Signed distance of p from the line a→b (positive on the left). */
function side(a: XY, b: XY, p: XY): number {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  return (dx * (p[1] - a[1]) - dy * (p[0] - a[0])) / Math.hypot(dx, dy);
}

function onSegment(a: XY, b: XY, p: XY): boolean {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  const slack = ON_LINE_M / Math.sqrt(len2);
  return t >= -slack && t <= 1 + slack && Math.abs(side(a, b, p)) <= ON_LINE_M;
}

/** True when the closed segments share any point (crossing, touching or overlapping). */
function segmentsMeet(a: XY, b: XY, c: XY, d: XY): boolean {
  const d1 = side(a, b, c), d2 = side(a, b, d), d3 = side(c, d, a), d4 = side(c, d, b);
  const clear = (u: number, v: number) => (u > ON_LINE_M && v > ON_LINE_M) || (u < -ON_LINE_M && v < -ON_LINE_M);
  if (clear(d1, d2) || clear(d3, d4)) return false;
  const strict = (u: number, v: number) => (u > ON_LINE_M && v < -ON_LINE_M) || (u < -ON_LINE_M && v > ON_LINE_M);
  if (strict(d1, d2) && strict(d3, d4)) return true;
  return onSegment(a, b, c) || onSegment(a, b, d) || onSegment(c, d, a) || onSegment(c, d, b);
}

/** Ring vertices in metres, closing position dropped and repeated positions collapsed. */
function projectRing(ring: Ring, proj: LocalProjection): XY[] {
  const out: XY[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const p = proj.toXY(ring[i]!);
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > ON_LINE_M) out.push(p);
  }
  const first = out[0], last = out[out.length - 1];
  if (out.length > 1 && first && last && Math.hypot(first[0] - last[0], first[1] - last[1]) <= ON_LINE_M) out.pop();
  return out;
}

/** First pair of non-adjacent edges that meet, or null for a simple ring. O(n²). */
function selfIntersection(pts: XY[]): [number, number] | null {
  const n = pts.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 2; j < n; j++) {
      if (i === 0 && j === n - 1) continue; // adjacent through the closing vertex
      if (segmentsMeet(pts[i]!, pts[(i + 1) % n]!, pts[j]!, pts[(j + 1) % n]!)) return [i + 1, j + 1];
    }
  }
  return null;
}

/**
 * All vertices on one line (within 1 mm). Tested this way rather than by shoelace area, which is
 * also zero for a symmetric bow-tie that does enclose land.
 */
function isFlat(pts: XY[]): boolean {
  const o = pts[0];
  if (!o || pts.length < 3) return true;
  let far = o, best = 0;
  for (const p of pts) {
    const d = Math.hypot(p[0] - o[0], p[1] - o[1]);
    if (d > best) {
      best = d;
      far = p;
    }
  }
  return best < 1e-3 || pts.every((p) => Math.abs(side(o, far, p)) < 1e-3);
}

/** Even-odd test; points on the boundary count as inside (a hole may touch its shell). */
function insideOrOn(p: XY, ring: XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[j]!, b = ring[i]!;
    if (onSegment(a, b, p)) return true;
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < a[0] + ((p[1] - a[1]) * (b[0] - a[0])) / (b[1] - a[1])) inside = !inside;
  }
  return inside;
}

function structuralProblem(ring: unknown, name: string): string | null {
  if (!Array.isArray(ring)) return `${name} is not an array of positions`;
  if (ring.length < 4) return `${name} has ${ring.length} positions; a ring needs at least 4`;
  for (let k = 0; k < ring.length; k++) {
    const p: unknown = ring[k];
    if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      return `${name} position ${k + 1} is not a pair of finite numbers [lng, lat]`;
    const [lng, lat] = p as [number, number];
    if (lng < -180 || lng > 180 || lat < -90 || lat > 90)
      return `${name} position ${k + 1} [${lng}, ${lat}] is out of range (lng -180..180, lat -90..90)`;
  }
  const first = ring[0] as number[], last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) return `${name} is not closed (first and last positions differ)`;
  return null;
}

/**
 * Human-readable problems with a parcel geometry; empty means valid. Takes `unknown` because it
 * guards JSON from forms and files. Winding order is not checked (RFC 7946 asks parsers not to
 * reject it), and repeated consecutive positions are tolerated.
 */
export function validatePolygon(geom: unknown): string[] {
  const g = geom as { type?: unknown; coordinates?: unknown } | null;
  if (typeof g !== "object" || g === null || g.type !== "Polygon") return ["geometry is not a Polygon"];
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return ["polygon has no rings"];
  const rings = g.coordinates as unknown[];
  const name = (r: number) => (r === 0 ? "exterior ring" : `hole ${r}`);
  const problems: string[] = [];
  rings.forEach((ring, r) => {
    const p = structuralProblem(ring, name(r));
    if (p) problems.push(p);
  });
  if (problems.length) return problems;

  const typed = rings as Ring[];
  const proj = makeLocalProjection(typed[0]![0]!);
  const projected = typed.map((ring) => projectRing(ring, proj));
  projected.forEach((pts, r) => {
    const hit = selfIntersection(pts);
    if (hit) problems.push(`${name(r)} intersects itself (edges ${hit[0]} and ${hit[1]} meet)`);
  });
  const shell = projected[0]!;
  if (isFlat(shell)) problems.push("polygon has zero area");
  for (let r = 1; r < projected.length; r++) {
    const hole = projected[r]!;
    if (!hole.every((p) => insideOrOn(p, shell))) problems.push(`hole ${r} lies outside the exterior ring`);
    else if (crossesRing(hole, shell)) problems.push(`hole ${r} crosses the exterior ring`);
  }
  return problems;
}

/** Proper crossings only: a hole may touch its shell at a point. */
function crossesRing(a: XY[], b: XY[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const p = a[i]!, q = a[(i + 1) % a.length]!;
    for (let j = 0; j < b.length; j++) {
      const r = b[j]!, s = b[(j + 1) % b.length]!;
      const d1 = side(p, q, r), d2 = side(p, q, s), d3 = side(r, s, p), d4 = side(r, s, q);
      if (d1 * d2 < 0 && d3 * d4 < 0 && Math.min(Math.abs(d1), Math.abs(d2), Math.abs(d3), Math.abs(d4)) > ON_LINE_M) return true;
    }
  }
  return false;
}
