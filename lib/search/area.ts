// The drawn-area filter of the land search, as the URL carries it (the map writes it):
//   circle  `area=c:<lng>,<lat>,<radiusKm>`
//   polygon `area=p:<lng>,<lat>;<lng>,<lat>;...` (3 to 50 vertices, ring not closed)
// Parsed strictly (a malformed area is refused with the reason, never half-applied) and tested
// against a parcel's centroid. Pure and browser-safe: the map draws with the same parser.
import { distanceKm } from "../location/distance";
import { parseDecimal, plainDecimal } from "../validation/fields";

export type DrawnArea =
  | { kind: "circle"; lng: number; lat: number; radiusKm: number }
  | { kind: "polygon"; ring: [number, number][] };

export const MAX_RADIUS_KM = 100;
export const MIN_VERTICES = 3;
export const MAX_VERTICES = 50;

/** Message keys of the investor.finder.errors block (see lib/search/finder-messages.ts). */
export type AreaProblem = "areaFormat" | "areaVertices" | "areaTooFewVertices" | "areaSelfIntersecting" | "areaRadius" | "areaCoordinates";

const NUMBER = /^-?\d+(?:\.\d+)?$/;
const num = (s: string): number | null => (NUMBER.test(s.trim()) ? parseDecimal(s.trim()) : null);
const inRange = (lng: number, lat: number) => lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

export function parseArea(text: string): { ok: true; area: DrawnArea } | { ok: false; problem: AreaProblem } {
  const s = text.trim();
  if (s.startsWith("c:")) {
    const parts = s.slice(2).split(",");
    if (parts.length !== 3) return { ok: false, problem: "areaFormat" };
    const [lng, lat, r] = parts.map(num);
    if (lng == null || lat == null || r == null) return { ok: false, problem: "areaFormat" };
    if (!inRange(lng, lat)) return { ok: false, problem: "areaCoordinates" };
    if (!(r > 0 && r <= MAX_RADIUS_KM)) return { ok: false, problem: "areaRadius" };
    return { ok: true, area: { kind: "circle", lng, lat, radiusKm: r } };
  }
  if (s.startsWith("p:")) {
    const vertices = s.slice(2).split(";");
    // Too many and too few corners are told apart: the remedy is the opposite one.
    if (vertices.length > MAX_VERTICES) return { ok: false, problem: "areaVertices" };
    if (vertices.length < MIN_VERTICES) return { ok: false, problem: "areaTooFewVertices" };
    const ring: [number, number][] = [];
    for (const v of vertices) {
      const parts = v.split(",");
      if (parts.length !== 2) return { ok: false, problem: "areaFormat" };
      const [lng, lat] = parts.map(num);
      if (lng == null || lat == null) return { ok: false, problem: "areaFormat" };
      if (!inRange(lng, lat)) return { ok: false, problem: "areaCoordinates" };
      ring.push([lng, lat]);
    }
    if (selfIntersects(ring)) return { ok: false, problem: "areaSelfIntersecting" };
    return { ok: true, area: { kind: "polygon", ring } };
  }
  return { ok: false, problem: "areaFormat" };
}

/** The area back to its URL form (never an exponent: parse(format(a)) is a). */
export function formatArea(a: DrawnArea): string {
  const n = plainDecimal;
  if (a.kind === "circle") return `c:${n(a.lng)},${n(a.lat)},${n(a.radiusKm)}`;
  return `p:${a.ring.map(([x, y]) => `${n(x)},${n(y)}`).join(";")}`;
}

// Orientation of the triangle (a, b, c): >0 counter-clockwise, <0 clockwise, 0 collinear.
const orient = (a: [number, number], b: [number, number], c: [number, number]) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
const onSegment = (a: [number, number], b: [number, number], p: [number, number]) =>
  Math.min(a[0], b[0]) <= p[0] && p[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= p[1] && p[1] <= Math.max(a[1], b[1]);

function segmentsTouch(a: [number, number], b: [number, number], c: [number, number], d: [number, number]): boolean {
  const o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) return true;
  return (o1 === 0 && onSegment(a, b, c)) || (o2 === 0 && onSegment(a, b, d)) || (o3 === 0 && onSegment(c, d, a)) || (o4 === 0 && onSegment(c, d, b));
}

/**
 * Whether two non-adjacent edges of the closed ring cross or touch (a figure-eight, a repeated
 * vertex, a spike folding back). At most 50 vertices, so the plain O(n²) test is instant.
 * Adjacent edges share a vertex by construction; they only count when they fold back onto
 * each other (collinear overlap).
 */
export function selfIntersects(ring: readonly [number, number][]): boolean {
  const n = ring.length;
  const edge = (i: number) => [ring[i]!, ring[(i + 1) % n]!] as const;
  for (let i = 0; i < n; i++) {
    const [a, b] = edge(i);
    if (a[0] === b[0] && a[1] === b[1]) return true; // a repeated vertex: a zero-length edge
    for (let j = i + 1; j < n; j++) {
      const [c, d] = edge(j);
      const adjacent = j === i + 1 || (i === 0 && j === n - 1);
      if (adjacent) {
        // Sharing one end is normal; folding back along the other edge is not.
        const shared = j === i + 1 ? b : a;
        const other = j === i + 1 ? d : c;
        const mine = j === i + 1 ? a : b;
        if (orient(mine, shared, other) === 0 && (onSegment(mine, shared, other) || onSegment(shared, other, mine))) return true;
        continue;
      }
      if (segmentsTouch(a, b, c, d)) return true;
    }
  }
  return false;
}

/** Ray casting in lng/lat (a drawn area is a few km to 100 km across: planar is fine there). */
export function pointInRing(lng: number, lat: number, ring: readonly [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!, [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A tester for centroids: true when the point lies inside the drawn area. */
export function areaContains(a: DrawnArea): (lng: number, lat: number) => boolean {
  if (a.kind === "circle") return (lng, lat) => distanceKm({ lng, lat }, a) <= a.radiusKm;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of a.ring) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  // The box test first: most of 100,000 parcels lie far outside a drawn area.
  return (lng, lat) => lng >= minX && lng <= maxX && lat >= minY && lat <= maxY && pointInRing(lng, lat, a.ring);
}
