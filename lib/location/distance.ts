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
