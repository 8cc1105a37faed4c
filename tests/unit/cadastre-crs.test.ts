// CRS conversion of the cadastre import: every declared system both ways within 0.1 m, and an
// independent check of the Gauss-Kruger projection on its central meridian (the meridian arc of
// GRS80, computed here from Helmert's series, not by proj4).
import { describe, expect, it } from "vitest";
import { CRS_CODES, fromWgs84, isProjected, normaliseCrs, toWgs84, type CrsCode } from "../../lib/cadastre/crs";
import { metresPerDegree } from "../../lib/land/geometry";

/** Ground distance in metres between two nearby WGS84 points. */
function groundM(a: readonly number[], b: readonly number[]): number {
  const k = metresPerDegree((a[1]! + b[1]!) / 2);
  return Math.hypot((a[0]! - b[0]!) * k.x, (a[1]! - b[1]!) * k.y);
}

/** GRS80 meridian arc from the equator to `latDeg` (Helmert's series, sub-millimetre). */
function meridianArcM(latDeg: number): number {
  const a = 6378137, f = 1 / 298.257222101;
  const n = f / (2 - f);
  const A = (a / (1 + n)) * (1 + n ** 2 / 4 + n ** 4 / 64);
  const phi = (latDeg * Math.PI) / 180;
  const b1 = (-3 / 2) * n + (9 / 16) * n ** 3, b2 = (15 / 16) * n ** 2 - (15 / 32) * n ** 4, b3 = (-35 / 48) * n ** 3, b4 = (315 / 512) * n ** 4;
  return A * (phi + b1 * Math.sin(2 * phi) + b2 * Math.sin(4 * phi) + b3 * Math.sin(6 * phi) + b4 * Math.sin(8 * phi));
}

// Jiangmen's city centre, Taishan's coast and Enping in the west (near the 112.5° zone edge).
const POINTS = [[113.08, 22.58], [112.79, 21.9], [112.05, 22.2]] as const;

describe("CRS conversion", () => {
  it("lists WGS84, CGCS2000 geographic, the four Gauss-Kruger zones and GCJ-02", () => {
    expect(CRS_CODES).toEqual(["EPSG:4326", "EPSG:4490", "EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547", "GCJ-02"]);
    expect(CRS_CODES.filter(isProjected)).toEqual(["EPSG:4525", "EPSG:4526", "EPSG:4546", "EPSG:4547"]);
  });

  it.each(CRS_CODES)("%s: WGS84 -> CRS -> WGS84 returns within 0.1 m", (crs: CrsCode) => {
    for (const p of POINTS) expect(groundM(toWgs84(crs)(fromWgs84(crs)(p)), p)).toBeLessThan(0.1);
  });

  it("projects a point of the 114°E meridian to easting 500 000 m and the GRS80 meridian arc", () => {
    const [e, n] = fromWgs84("EPSG:4547")([114, 22.5]);
    expect(Math.abs(e - 500_000)).toBeLessThan(0.001);
    expect(Math.abs(n - meridianArcM(22.5))).toBeLessThan(0.01);
    expect(Math.round(n)).toBe(2_489_167);
    // and back: the arc's northing on the meridian is 22.5°N to 0.1 m
    expect(groundM(toWgs84("EPSG:4547")([500_000, meridianArcM(22.5)]), [114, 22.5])).toBeLessThan(0.1);
    expect(groundM(toWgs84("EPSG:4546")([500_000, meridianArcM(22.2)]), [111, 22.2])).toBeLessThan(0.1);
  });

  it("zone-prefixed eastings differ from the plain ones by exactly the zone number", () => {
    const [e38, n38] = fromWgs84("EPSG:4526")([113.08, 22.58]);
    const [e, n] = fromWgs84("EPSG:4547")([113.08, 22.58]);
    expect(e38 - e).toBeCloseTo(38_000_000, 3);
    expect(n38).toBeCloseTo(n, 6);
    // west of the 114° meridian the easting is under 500 km: 0.92° of longitude at 22.58°N ≈ 94.6 km
    expect(Math.round((500_000 - e) / 100) * 100).toBe(94_600);
    const [e37] = fromWgs84("EPSG:4525")([112.05, 22.2]);
    expect(Math.floor(e37 / 1_000_000)).toBe(37);
  });

  it("CGCS2000 geographic is taken as WGS84 unchanged", () => {
    expect(toWgs84("EPSG:4490")([113.08, 22.58])).toEqual([113.08, 22.58]);
  });

  it("GCJ-02 near Jiangmen is offset a few hundred metres (east ~560 m, south ~300 m)", () => {
    const g = fromWgs84("GCJ-02")([113.08, 22.58]);
    const k = metresPerDegree(22.58);
    expect(Math.round((g[0] - 113.08) * k.x / 10) * 10).toBe(560);
    expect(Math.round((g[1] - 22.58) * k.y / 10) * 10).toBe(-300);
    expect(groundM(g, [113.08, 22.58])).toBeGreaterThan(500);
    expect(groundM(g, [113.08, 22.58])).toBeLessThan(700);
  });

  it("reads the CRS names GIS tools write", () => {
    expect(normaliseCrs("urn:ogc:def:crs:EPSG::4547")).toBe("EPSG:4547");
    expect(normaliseCrs("urn:ogc:def:crs:OGC:1.3:CRS84")).toBe("EPSG:4326");
    expect(normaliseCrs("EPSG:4490")).toBe("EPSG:4490");
    expect(normaliseCrs("gcj02")).toBe("GCJ-02");
    expect(normaliseCrs("EPSG:3857")).toBeNull();
  });
});
