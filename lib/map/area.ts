// The search area drawn on the map, as it lives in the URL (`area`), read with the search's
// parser: circle `c:<lng>,<lat>,<radiusKm>`, polygon `p:<lng>,<lat>;<lng>,<lat>;...`
// (3 to 50 vertices, not closed; 5 decimals for degrees, up to 3 for the radius). The map writes
// it and reads it back for display only; the search filters on it. Pure and browser-safe.

import { MAX_RADIUS_KM, MAX_VERTICES, MIN_VERTICES, parseArea } from "../search/area";

export { MAX_RADIUS_KM, MAX_VERTICES, MIN_VERTICES };

export type SearchArea =
  | { kind: "circle"; center: [number, number]; radiusKm: number }
  | { kind: "polygon"; vertices: [number, number][] };

export const AREA_PARAM = "area";

const deg = (v: number) => String(Math.round(v * 1e5) / 1e5);
const km = (v: number) => String(Math.round(v * 1e3) / 1e3);

export function formatSearchArea(area: SearchArea): string {
  if (area.kind === "circle") return `c:${deg(area.center[0])},${deg(area.center[1])},${km(area.radiusKm)}`;
  return `p:${area.vertices.map(([lng, lat]) => `${deg(lng)},${deg(lat)}`).join(";")}`;
}

/**
 * The area in a URL parameter, or null when there is none or the search refuses it: read by the
 * search's own parser (lib/search/area.ts), so the map never draws an area the search ignores.
 */
export function parseSearchArea(value: string | null | undefined): SearchArea | null {
  if (!value) return null;
  const parsed = parseArea(value);
  if (!parsed.ok) return null;
  const a = parsed.area;
  return a.kind === "circle" ? { kind: "circle", center: [a.lng, a.lat], radiusKm: a.radiusKm } : { kind: "polygon", vertices: a.ring };
}

/** The search's query string with the area set (or removed), back on page 1, all else kept. */
export function withSearchArea(search: string, area: SearchArea | null): string {
  const params = new URLSearchParams(search);
  if (area) params.set(AREA_PARAM, formatSearchArea(area));
  else params.delete(AREA_PARAM);
  params.delete("page");
  return params.toString();
}

/**
 * The ring MapLibre draws for an area (closed, as GeoJSON wants): a polygon's vertices, or a
 * circle as `steps` points at its radius on the sphere.
 */
export function areaRing(area: SearchArea, steps = 64): [number, number][] {
  if (area.kind === "polygon") return [...area.vertices, area.vertices[0]!];
  const [lng, lat] = area.center;
  const rad = Math.PI / 180;
  const d = area.radiusKm / 6371.0088;
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const bearing = (2 * Math.PI * (i % steps)) / steps;
    const lat2 = Math.asin(Math.sin(lat * rad) * Math.cos(d) + Math.cos(lat * rad) * Math.sin(d) * Math.cos(bearing));
    const lng2 = lng * rad + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat * rad), Math.cos(d) - Math.sin(lat * rad) * Math.sin(lat2));
    ring.push([Math.round((lng2 / rad) * 1e6) / 1e6, Math.round((lat2 / rad) * 1e6) / 1e6]);
  }
  return ring;
}
