import { describe, expect, it } from "vitest";
import data from "@/lib/map/context/jiangmen-context.json";
import { CONTEXT_BBOX, labelsAt, PLACES, type ContextCollection, type CountyProps } from "@/lib/map/context/schema";
import type { PolygonGeometry } from "@/lib/land/geometry";
import { bboxCentre, formatKm, parkLocationBox, roundKm } from "@/lib/location/site";

const context = data as unknown as ContextCollection;
const counties = context.features.filter((f) => f.properties.kind === "county").map((f) => f.properties as CountyProps);

describe("the context asset (scripts/context-geodata.ts)", () => {
  it("holds Jiangmen's 7 county-level divisions and the coastline, with provenance and licence", () => {
    expect(counties.map((c) => c.nameEn).sort()).toEqual(["Enping", "Heshan", "Jianghai", "Kaiping", "Pengjiang", "Taishan", "Xinhui"]);
    expect(counties.map((c) => c.nameZh).sort()).toEqual(["台山市", "开平市", "恩平市", "新会区", "江海区", "蓬江区", "鹤山市"].sort());
    expect(context.features.filter((f) => f.properties.kind === "coast")).toHaveLength(1);
    expect(context.provenance.countiesLicence).toMatch(/AMap/);
    expect(context.provenance.coastLicence).toMatch(/public domain/);
  });

  it("is small enough to ship with a page and lies in WGS-84 inside the context box", () => {
    expect(JSON.stringify(data).length).toBeLessThan(120_000);
    const [w, s, e, n] = CONTEXT_BBOX;
    for (const c of counties) {
      expect(c.labelLng).toBeGreaterThan(w);
      expect(c.labelLng).toBeLessThan(e);
      expect(c.labelLat).toBeGreaterThan(s);
      expect(c.labelLat).toBeLessThan(n);
    }
    // Pengjiang is the city's core district: its label lies within ~10 km of the city centre.
    const peng = counties.find((c) => c.id === "pengjiang")!;
    expect(Math.abs(peng.labelLng - 113.08)).toBeLessThan(0.1);
  });
});

describe("labelsAt", () => {
  it("shows county names and the big neighbouring cities at city scale, in the page's language", () => {
    const en = labelsAt(8, "en", counties);
    expect(en.filter((l) => l.kind === "county").map((l) => l.text)).toContain("Taishan");
    expect(en.filter((l) => l.kind === "city").map((l) => l.text)).toEqual(["Guangzhou", "Foshan", "Zhongshan", "Zhuhai", "Macao", "Shenzhen", "Hong Kong"]);
    expect(en.some((l) => l.kind === "town")).toBe(false);
    expect(labelsAt(8, "zh", counties).map((l) => l.text)).toContain("台山市");
  });

  it("adds towns as the map comes closer and drops every label at block scale", () => {
    const at10 = labelsAt(10, "en", counties).filter((l) => l.kind === "town").map((l) => l.text);
    expect(at10).toEqual(PLACES.filter((p) => !p.outside).map((p) => p.nameEn));
    expect(labelsAt(9, "en", counties).map((l) => l.text)).not.toContain("Huicheng");
    expect(labelsAt(13, "en", counties)).toEqual([]);
  });
});

describe("distance figures on the pages", () => {
  it("keeps a decimal under 10 km and rounds to whole km above", () => {
    expect(roundKm(3.449)).toBe(3.4);
    expect(roundKm(9.96)).toBe(10);
    expect(roundKm(12.5)).toBe(13);
    expect(formatKm("en", 1234.4)).toBe("1,234");
    expect(formatKm("zh", 3.46)).toBe("3.5");
  });

  it("measures a block from the middle of its box", () => {
    expect(bboxCentre([113, 22, 113.2, 22.4])).toEqual({ lng: 113.1, lat: 22.2 });
  });
});

describe("parkLocationBox", () => {
  it("frames a park with its nearest rail station and expressway interchange", () => {
    // A park with no parcels at 112.96, 22.56: nearest rail is Xinhui Station (113.037, 22.485),
    // nearest interchange Xinhui (113.05, 22.47).
    expect(parkLocationBox({ lng: 112.96, lat: 22.56 }, [])).toEqual([112.96, 22.47, 113.05, 22.56]);
    const parcel = { geometry: { type: "Polygon", coordinates: [[[112.9, 22.6], [112.91, 22.6], [112.91, 22.61], [112.9, 22.6]]] } as PolygonGeometry };
    expect(parkLocationBox({ lng: 112.96, lat: 22.56 }, [parcel])).toEqual([112.9, 22.47, 113.05, 22.61]);
  });
});
