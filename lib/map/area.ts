// The search area drawn on the map, as it lives in the URL (`area`), shared with the search
// stream's parser: circle `c:<lng>,<lat>,<radiusKm>`, polygon `p:<lng>,<lat>;<lng>,<lat>;...`
// (3 to 50 vertices, not closed; 5 decimals for degrees, up to 3 for the radius). The map writes
// it and reads it back for display only; the search filters on it. Pure and browser-safe.

export type SearchArea =
  | { kind: "circle"; center: [number, number]; radiusKm: number }
  | { kind: "polygon"; vertices: [number, number][] };

export const AREA_PARAM = "area";
export const MAX_VERTICES = 50;
export const MIN_VERTICES = 3;
/** a circle this large covers all Jiangmen and more: anything bigger is a mistake */
export const MAX_RADIUS_KM = 200;

const deg = (v: number) => String(Math.round(v * 1e5) / 1e5);
const km = (v: number) => String(Math.round(v * 1e3) / 1e3);

export function formatSearchArea(area: SearchArea): string {
  if (area.kind === "circle") return `c:${deg(area.center[0])},${deg(area.center[1])},${km(area.radiusKm)}`;
  return `p:${area.vertices.map(([lng, lat]) => `${deg(lng)},${deg(lat)}`).join(";")}`;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const lngLat = (pair: string): [number, number] | null => {
  const parts = pair.split(",");
  if (parts.length !== 2 || !parts.every((p) => NUMBER.test(p))) return null;
  const [lng, lat] = parts.map(Number) as [number, number];
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 90 ? [lng, lat] : null;
};

/** The area in a URL parameter, or null when there is none or it is malformed (not drawn). */
export function parseSearchArea(value: string | null | undefined): SearchArea | null {
  if (!value) return null;
  if (value.startsWith("c:")) {
    const parts = value.slice(2).split(",");
    if (parts.length !== 3) return null;
    const center = lngLat(`${parts[0]},${parts[1]}`);
    if (!center || !NUMBER.test(parts[2]!)) return null;
    const radiusKm = Number(parts[2]);
    return radiusKm > 0 && radiusKm <= MAX_RADIUS_KM ? { kind: "circle", center, radiusKm } : null;
  }
  if (value.startsWith("p:")) {
    const vertices = value.slice(2).split(";").map(lngLat);
    if (vertices.length < MIN_VERTICES || vertices.length > MAX_VERTICES || vertices.some((v) => v === null)) return null;
    return { kind: "polygon", vertices: vertices as [number, number][] };
  }
  return null;
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
