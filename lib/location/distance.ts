// Distances and typical drive times from a site to the logistics layer (seeds/data/logistics.ts).
// Pure and browser-safe. Straight-line distance is exact for the given points; the drive is an
// ESTIMATE: roads are longer than the straight line (circuity) and a trip has a slow start and
// end, so pages show it as "about N min", never as a route.
import { LOGISTICS_KINDS, logisticsPoints, type LogisticsKind, type LogisticsPoint } from "../../seeds/data/logistics";

const EARTH_RADIUS_KM = 6371.0088; // mean radius (IUGG)

/** Great-circle distance in km (haversine). */
export function distanceKm(a: { lng: number; lat: number }, b: { lng: number; lat: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Nearest point of each kind for many sites: distanceKm's value exactly (the same expression,
 * with each cosine computed once), skipping a point whose latitude alone puts it further than
 * the best so far (the great-circle distance is at least R·|Δlat|). A million parcels x 29
 * points was 29 million haversines per index build.
 */
export function nearestKmOfKind(points: readonly LogisticsPoint[]): (lng: number, lat: number, kind: LogisticsKind) => number {
  const rad = Math.PI / 180;
  const byKind = new Map<LogisticsKind, { lng: number; lat: number; cos: number }[]>();
  for (const p of points) {
    const list = byKind.get(p.kind) ?? [];
    list.push({ lng: p.lng, lat: p.lat, cos: Math.cos(p.lat * rad) });
    byKind.set(p.kind, list);
  }
  const last = new Map<LogisticsKind, number>();
  // Defined once, not per call: a closure per site and kind was millions of allocations.
  const exact = (p: { lng: number; lat: number; cos: number }, lng: number, lat: number, cosA: number) => {
    const dLat = (p.lat - lat) * rad;
    const dLng = (p.lng - lng) * rad;
    const h = Math.sin(dLat / 2) ** 2 + cosA * p.cos * Math.sin(dLng / 2) ** 2;
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  };
  return (lng, lat, kind) => {
    const list = byKind.get(kind);
    if (!list) return Infinity;
    const cosA = Math.cos(lat * rad);
    // Neighbouring sites usually share their nearest point: start from the last one found.
    let bestK = last.get(kind) ?? 0;
    let best = exact(list[bestK]!, lng, lat, cosA);
    for (let k = 0; k < list.length; k++) {
      if (k === bestK) continue;
      const p = list[k]!;
      // 1e-9 km of slack covers rounding in either figure; a closer point is never skipped.
      if (EARTH_RADIUS_KM * Math.abs((p.lat - lat) * rad) > best + 1e-9) continue;
      const km = exact(p, lng, lat, cosA);
      if (km < best) {
        best = km;
        bestK = k;
      }
    }
    last.set(kind, bestK);
    return best;
  };
}

/**
 * Road distance ≈ straight line × 1.3 (a usual circuity factor for a dense expressway network);
 * time = 10 minutes of local roads at each end of the trip, plus the road distance at an average
 * 70 km/h (expressway minus junctions and tolls), rounded up to 5 minutes.
 */
export const CIRCUITY = 1.3;
export const AVERAGE_KMH = 70;
export const ACCESS_MINUTES = 10;

export interface DriveEstimate {
  straightKm: number;
  roadKm: number;
  minutes: number;
}

export function driveEstimate(straightKm: number): DriveEstimate {
  const roadKm = straightKm * CIRCUITY;
  const minutes = Math.ceil((ACCESS_MINUTES + (roadKm / AVERAGE_KMH) * 60) / 5) * 5;
  return { straightKm, roadKm, minutes };
}

export interface NearestPoint extends DriveEstimate {
  point: LogisticsPoint;
}

/** The nearest point of `kind` to a site (ties: the first in the layer's order). */
export function nearestOfKind(site: { lng: number; lat: number }, kind: LogisticsKind, points: readonly LogisticsPoint[] = logisticsPoints): NearestPoint | null {
  let best: LogisticsPoint | null = null;
  let bestKm = Infinity;
  for (const p of points) {
    if (p.kind !== kind) continue;
    const km = distanceKm(site, p);
    if (km < bestKm) {
      bestKm = km;
      best = p;
    }
  }
  return best ? { point: best, ...driveEstimate(bestKm) } : null;
}

/** The nearest point of every kind, in the layer's kind order (kinds with no point left out). */
export function nearestByKind(site: { lng: number; lat: number }, points: readonly LogisticsPoint[] = logisticsPoints): NearestPoint[] {
  return LOGISTICS_KINDS.map((k) => nearestOfKind(site, k, points)).filter((n): n is NearestPoint => n !== null);
}

export { LOGISTICS_KINDS, logisticsPoints, type LogisticsKind, type LogisticsPoint };
