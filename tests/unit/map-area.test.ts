import { describe, expect, it } from "vitest";
import { areaRing, formatSearchArea, parseSearchArea, withSearchArea } from "@/lib/map/area";
import { distanceKm } from "@/lib/location/distance";

describe("search area in the URL", () => {
  it("writes a circle as c:<lng>,<lat>,<radiusKm> with 5 and 3 decimals", () => {
    expect(formatSearchArea({ kind: "circle", center: [113.0812345678, 22.5798765], radiusKm: 4.56789 })).toBe("c:113.08123,22.57988,4.568");
    expect(formatSearchArea({ kind: "circle", center: [113, 22.5], radiusKm: 5 })).toBe("c:113,22.5,5");
  });

  it("writes a polygon as p:<lng>,<lat>;... not closed", () => {
    const area = { kind: "polygon" as const, vertices: [[113.1, 22.5], [113.2, 22.5], [113.15, 22.612345678]] as [number, number][] };
    expect(formatSearchArea(area)).toBe("p:113.1,22.5;113.2,22.5;113.15,22.61235");
  });

  it("reads back what it writes", () => {
    for (const s of ["c:113.08123,22.57988,4.568", "p:113.1,22.5;113.2,22.5;113.15,22.61235"]) expect(formatSearchArea(parseSearchArea(s)!)).toBe(s);
  });

  it("reads nothing from malformed or out-of-range values", () => {
    for (const bad of ["", "x:1,2", "c:113,22", "c:113,22,0", "c:113,22,-1", "c:113,22,250", "c:200,22,1", "c:113,95,1", "c:a,b,c", "p:113,22;113.1,22", "p:113,22;113.1,22;abc", "p:1,2;3,4;5,6,7", "c:113,22,101", "p:113,22;113.1,22.1;113.1,22;113,22.1"])
      expect(parseSearchArea(bad), bad).toBeNull();
    expect(parseSearchArea(null)).toBeNull();
    // 50 corners of a convex ring (collinear corners would be a degenerate, self-touching ring,
    // which the search refuses and the map therefore does not draw).
    const fifty = Array.from({ length: 50 }, (_, i) => `${(113 + 0.1 * Math.cos((2 * Math.PI * i) / 50)).toFixed(5)},${(22.5 + 0.1 * Math.sin((2 * Math.PI * i) / 50)).toFixed(5)}`).join(";");
    expect(parseSearchArea(`p:${fifty}`)?.kind).toBe("polygon");
    expect(parseSearchArea(`p:${fifty};114,23`)).toBeNull();
  });

  it("sets the area on the search's query, back on page 1, other filters kept", () => {
    const area = { kind: "circle" as const, center: [113.08, 22.58] as [number, number], radiusKm: 5 };
    expect(withSearchArea("county=XINHUI&minMu=50&page=3", area)).toBe("county=XINHUI&minMu=50&area=c%3A113.08%2C22.58%2C5");
    expect(withSearchArea("?county=XINHUI&area=c%3A1%2C2%2C3&page=2", null)).toBe("county=XINHUI");
    expect(new URLSearchParams(withSearchArea("", area)).get("area")).toBe("c:113.08,22.58,5");
  });

  it("draws a circle as a closed ring of points at the radius", () => {
    const ring = areaRing({ kind: "circle", center: [113.08, 22.58], radiusKm: 5 }, 32);
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual(ring[32]);
    for (const [lng, lat] of ring) expect(distanceKm({ lng: 113.08, lat: 22.58 }, { lng, lat })).toBeCloseTo(5, 3);
    expect(areaRing({ kind: "polygon", vertices: [[1, 1], [2, 1], [2, 2]] })).toEqual([[1, 1], [2, 1], [2, 2], [1, 1]]);
  });
});
