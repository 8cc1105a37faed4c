// Invariants of the Jiangmen dataset as loaded into PostgreSQL by `db:seed`.
import area from "@turf/area";
import booleanWithin from "@turf/boolean-within";
import type { Feature, Polygon } from "geojson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { computeAdjacency } from "@/lib/land/adjacency";
import { contiguousBlocks } from "@/lib/land/blocks";
import { polygonAreaM2, validatePolygon, type PolygonGeometry } from "@/lib/land/geometry";
import { muToM2 } from "@/lib/land/units";
import { seededDb } from "./helpers/database";

let db: Db;
let parcels: Awaited<ReturnType<typeof loadParcels>>;

function loadParcels(db: Db) {
  return db.parcel.findMany({
    select: {
      id: true,
      code: true,
      geometry: true,
      areaM2: true,
      status: true,
      minLng: true,
      maxLng: true,
      minLat: true,
      maxLat: true,
      geometryIllustrative: true,
      zone: { select: { allowedLandUses: true, parkId: true } },
      landUse: true,
      parkId: true,
      park: { select: { boundary: true, code: true, county: true } },
    },
    orderBy: { code: "asc" },
  });
}

beforeAll(async () => {
  db = seededDb();
  parcels = await loadParcels(db);
});
afterAll(async () => {
  await db.$disconnect();
});

const polygon = (g: unknown) => g as PolygonGeometry;

describe("the Jiangmen dataset", () => {
  it("has every county, the eleven specialty parks' kind of entries, and the city-wide platforms", async () => {
    const parks = await db.park.findMany({ select: { code: true, county: true, level: true } });
    const counties = new Set(parks.map((p) => p.county).filter(Boolean));
    expect([...counties].sort()).toEqual(["ENPING", "HESHAN", "JIANGHAI", "KAIPING", "PENGJIANG", "TAISHAN", "XINHUI"]);
    const levels = new Set(parks.map((p) => p.level));
    for (const level of ["CLUSTER", "PLATFORM", "STARTUP_AREA", "NATIONAL_ZONE", "COOPERATION_ZONE", "SPECIALTY"] as const) {
      expect(levels, `a park of level ${level}`).toContain(level);
    }
    expect(parks.filter((p) => p.level === "STARTUP_AREA")).toHaveLength(3);
  });

  it("has a specialty park for every specialty the 2025 article names, and records its count of 11", async () => {
    // Article 000 names ten specialties and says "等11个": the eleventh is not named anywhere,
    // so the dataset models the named ones and quotes the count as a figure.
    const specialty = await db.park.findMany({ where: { level: { in: ["SPECIALTY", "NATIONAL_SPECIALTY"] } }, select: { industries: true } });
    const covered = new Set(specialty.flatMap((p) => p.industries));
    for (const industry of ["SILICON_ENERGY", "NEW_ENERGY_BATTERY", "ENERGY_STORAGE", "SAFETY_EMERGENCY", "SMART_HOME", "HEALTHY_FOOD", "RAIL_TRANSIT", "METAL_MATERIALS", "PLUMBING_SANITARY", "CNC_MACHINE_TOOLS"] as const) {
      expect(covered, industry).toContain(industry);
    }
    const eleven = await db.parkFigure.findFirst({ where: { value: 11, unit: "count", park: { level: "CLUSTER" } }, select: { articleId: true } });
    expect(eleven?.articleId).toBe("000");
  });

  it("every county has a park with available land", () => {
    const counties = new Set(parcels.filter((p) => p.status === "AVAILABLE").map((p) => p.park.county));
    expect(counties.size).toBe(7);
  });

  it("names the enterprise projects the articles report, each in a park, on its parcels", async () => {
    const projects = await db.enterpriseProject.findMany({
      select: { companyZh: true, companyEn: true, sourceArticles: true, parcels: { select: { status: true } } },
    });
    const text = projects.map((p) => `${p.companyZh} ${p.companyEn}`).join(" | ");
    for (const name of ["中创新航", "隆基", "信义玻璃", "丰江", "富华重工", "欣龙隧道", "李锦记", "科达利", "天赐", "精测电子"]) {
      expect(text).toContain(name);
    }
    for (const p of projects) {
      expect(p.sourceArticles.length, p.companyEn).toBeGreaterThan(0);
      for (const parcel of p.parcels) expect(["SOLD", "LEASED"]).toContain(parcel.status);
    }
  });

  it("quotes the articles' figures with their source", async () => {
    const figures = await db.parkFigure.findMany({ select: { value: true, unit: true, articleId: true, park: { select: { level: true } } } });
    expect(figures.length).toBeGreaterThan(15);
    const values = figures.map((f) => `${f.value}:${f.unit}`);
    expect(values).toContain("1395:km2");
    expect(values).toContain("78.5:km2");
    expect(values).toContain("19:count");
    expect(values).toContain("428332000000:CNY");
    const articles = new Set((await db.article.findMany({ select: { id: true } })).map((a) => a.id));
    expect([...articles].sort()).toEqual(["000", "001", "002", "003", "004"]);
    for (const f of figures) expect(articles).toContain(f.articleId);
  });

  it("has at least 600 illustrative parcels with a realistic mix of statuses", () => {
    expect(parcels.length).toBeGreaterThanOrEqual(600);
    expect(parcels.every((p) => p.geometryIllustrative)).toBe(true);
    const share = (s: string) => parcels.filter((p) => p.status === s).length / parcels.length;
    expect(share("AVAILABLE")).toBeGreaterThan(0.3);
    expect(share("AVAILABLE")).toBeLessThan(0.7);
    for (const s of ["RESERVED", "UNDER_NEGOTIATION", "SOLD", "LEASED", "NOT_OFFERED"]) expect(share(s), s).toBeGreaterThan(0.02);
  });

  it("every parcel's geometry is a valid polygon inside its park's boundary, with a land use its zone allows", () => {
    for (const p of parcels) {
      expect(validatePolygon(p.geometry), p.code).toEqual([]);
      const feature = (g: unknown): Feature<Polygon> => ({ type: "Feature", properties: {}, geometry: g as Polygon });
      expect(p.park.boundary, `${p.park.code} has a boundary`).not.toBeNull();
      expect(booleanWithin(feature(p.geometry), feature(p.park.boundary)), `${p.code} inside ${p.park.code}`).toBe(true);
      expect(p.zone?.parkId).toBe(p.parkId);
      expect(p.zone?.allowedLandUses).toContain(p.landUse);
    }
  });

  it("stores the area computed from the geometry, and a bbox that matches it", () => {
    for (const p of parcels) {
      const g = polygon(p.geometry);
      expect(p.areaM2).toBeCloseTo(polygonAreaM2(g), 3);
      // Independent check with turf directly: the stored number is a geodesic area in m².
      expect(Math.abs(p.areaM2 - area(g as Polygon)) / p.areaM2).toBeLessThan(1e-9);
      const lngs = g.coordinates[0]!.map((c) => c[0]);
      expect(p.minLng).toBe(Math.min(...lngs));
      expect(p.maxLng).toBe(Math.max(...lngs));
    }
  });

  it("stores exactly the adjacency the geometry implies, never a hand-made list", async () => {
    const stored = await db.parcelAdjacency.findMany({ select: { parcelAId: true, parcelBId: true, sharedLengthM: true } });
    const byId = new Map(parcels.map((p) => [p.id, p.code]));
    const storedPairs = stored.map((e) => [byId.get(e.parcelAId)!, byId.get(e.parcelBId)!].sort().join("~")).sort();
    const recomputed = computeAdjacency(parcels.map((p) => ({ id: p.code, geometry: polygon(p.geometry) })));
    expect(storedPairs).toEqual(recomputed.map((e) => [e.a, e.b].sort().join("~")).sort());
    expect(stored.every((e) => e.parcelAId < e.parcelBId && e.sharedLengthM >= 1)).toBe(true);
    expect(stored.length).toBeGreaterThan(parcels.length / 2);
  });

  it("has at least 19 contiguous blocks of available land of 500 mu or more, as the 2023 article reports", async () => {
    const available = parcels.filter((p) => p.status === "AVAILABLE");
    const edges = await db.parcelAdjacency.findMany({ select: { parcelAId: true, parcelBId: true } });
    const blocks = contiguousBlocks(
      available.map((p) => p.id),
      edges.map((e) => ({ a: e.parcelAId, b: e.parcelBId })),
    );
    const areaOf = new Map(available.map((p) => [p.id, p.areaM2]));
    const large = blocks.filter((b) => b.reduce((s, id) => s + areaOf.get(id)!, 0) >= muToM2(500));
    expect(large.length).toBeGreaterThanOrEqual(19);
    // Blocks are real neighbourhoods: more than one parcel each.
    expect(large.every((b) => b.length > 1)).toBe(true);
  });
});
