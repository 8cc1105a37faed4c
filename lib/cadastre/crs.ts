// Coordinate systems a Jiangmen survey or web map may deliver, declared on upload and converted
// to WGS84 [lng, lat] before any check runs. Projections come from proj4 (Gauss-Kruger zones)
// and gcoord (GCJ-02, the offset of Chinese web maps): no hand-written projection maths.
import gcoord from "gcoord";
import proj4 from "proj4";

/**
 * CGCS2000 3-degree Gauss-Kruger zones covering Jiangmen (111.9-113.3°E): central meridians
 * 111°E (zone 37) and 114°E (zone 38). EPSG:4525/4526 write the zone number in front of the
 * easting (37 500 000 m false easting); EPSG:4546/4547 leave it out. CGCS2000's ellipsoid is
 * GRS80 and its frame agrees with WGS84 to centimetres, well under a survey's tolerance.
 */
const TM = (lon0: number, x0: number) => `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
const PROJECTED: Record<string, string> = {
  "EPSG:4525": TM(111, 37_500_000),
  "EPSG:4526": TM(114, 38_500_000),
  "EPSG:4546": TM(111, 500_000),
  "EPSG:4547": TM(114, 500_000),
};
for (const [code, def] of Object.entries(PROJECTED)) proj4.defs(code, def);

import { CRS_CODES, type CrsCode } from "./crs-codes";

export { CRS_CODES, DEFAULT_CRS, type CrsCode } from "./crs-codes";

export function isProjected(crs: CrsCode): boolean {
  return crs in PROJECTED;
}

export function isCrsCode(value: unknown): value is CrsCode {
  return typeof value === "string" && (CRS_CODES as readonly string[]).includes(value);
}

/** Accepts the spellings GIS tools write in a GeoJSON `crs` member ("urn:ogc:def:crs:EPSG::4547"). */
export function normaliseCrs(value: string): CrsCode | null {
  const v = value.trim().toUpperCase();
  if (v === "GCJ02" || v === "GCJ-02") return "GCJ-02";
  if (v === "WGS84" || v === "CRS84" || v.endsWith("OGC:1.3:CRS84")) return "EPSG:4326";
  if (v === "CGCS2000") return "EPSG:4490";
  const m = /EPSG:{1,2}(\d{4,5})$/.exec(v);
  const code = m ? `EPSG:${m[1]}` : null;
  return isCrsCode(code) ? code : null;
}

export type Position = [number, number];
export type Converter = (p: readonly number[]) => Position;

/** A function taking one position in `crs` ([x, y] = [easting, northing] or [lng, lat]) to WGS84. */
export function toWgs84(crs: CrsCode): Converter {
  if (crs === "EPSG:4326" || crs === "EPSG:4490") return (p) => [p[0]!, p[1]!];
  if (crs === "GCJ-02") return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.GCJ02, gcoord.WGS84) as Position;
  const forward = proj4(crs, "WGS84");
  return (p) => forward.forward([p[0]!, p[1]!]) as Position;
}

/** The reverse: WGS84 to `crs` (exports, tests). */
export function fromWgs84(crs: CrsCode): Converter {
  if (crs === "EPSG:4326" || crs === "EPSG:4490") return (p) => [p[0]!, p[1]!];
  if (crs === "GCJ-02") return (p) => gcoord.transform([p[0]!, p[1]!], gcoord.WGS84, gcoord.GCJ02) as Position;
  const t = proj4("WGS84", crs);
  return (p) => t.forward([p[0]!, p[1]!]) as Position;
}
