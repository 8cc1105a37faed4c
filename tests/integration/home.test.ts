import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { getHomePageData, largeBlockSearch, type HomePageData } from "@/lib/home/queries";
import { m2ToMu } from "@/lib/land/units";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { seededDb, testDb } from "./helpers/database";

let db: Db;
let data: HomePageData;

beforeAll(async () => {
  db = seededDb();
  data = await getHomePageData(db);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("getHomePageData", () => {
  it("lists every park once, city-wide entities first, then by county", async () => {
    expect(data.parks).toHaveLength(await db.park.count());
    expect(new Set(data.parks.map((p) => p.code)).size).toBe(data.parks.length);
    const firstCounty = data.parks.findIndex((p) => p.county !== null);
    expect(data.parks.slice(0, firstCounty).every((p) => p.county === null)).toBe(true);
    expect(data.parks.slice(firstCounty).every((p) => p.county !== null)).toBe(true);
  });

  it("sums available land per park from the parcels", async () => {
    for (const park of data.parks.filter((p) => p.available.parcels > 0).slice(0, 5)) {
      const rows = await db.parcel.findMany({ where: { park: { code: park.code }, status: "AVAILABLE" }, select: { areaM2: true } });
      expect(park.available.parcels).toBe(rows.length);
      expect(park.available.areaM2).toBeCloseTo(rows.reduce((s, r) => s + r.areaM2, 0), 3);
    }
  });

  it("computes the live land figures from the database", async () => {
    const available = await db.parcel.aggregate({ where: { status: "AVAILABLE" }, _count: { _all: true }, _sum: { areaM2: true } });
    expect(data.land.availableParcels).toBe(available._count._all);
    expect(data.land.availableAreaM2).toBeCloseTo(available._sum.areaM2 ?? 0, 3);
    expect(data.land.parksWithLand).toBe(data.parks.filter((p) => p.available.parcels > 0).length);
  });

  it("counts the large blocks exactly as the land search does for /zh/search?minArea=500: 28 blocks, 22,525 mu", async () => {
    expect(data.land.largeBlocks).toBe(28);
    expect(Math.round(m2ToMu(data.land.largeBlocksAreaM2))).toBe(22_525);
    // The same figure the search page lists for the URL the home page links to.
    expect(largeBlockSearch()).toBe("minArea=500");
    const query = landSearchSchema.parse(searchParamsToObject(new URLSearchParams("minArea=500")));
    const { result } = await runLandSearch(db, query);
    expect([result.total, result.totalAreaM2]).toEqual([data.land.largeBlocks, data.land.largeBlocksAreaM2]);
  });

  it("returns headline figures of the cluster and the main platform, each with its article", () => {
    expect(data.figures.length).toBeGreaterThan(0);
    for (const f of data.figures) {
      expect(f.source.id).toMatch(/^00[0-4]$/);
      expect(f.source.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.labelZh.length).toBeGreaterThan(0);
      expect(f.labelEn.length).toBeGreaterThan(0);
    }
  });

  it("answers on an empty database without failing", async () => {
    const empty = testDb();
    try {
      const result = await getHomePageData(empty);
      expect(result).toEqual({ figures: [], parks: [], land: { availableParcels: 0, availableAreaM2: 0, largeBlocks: 0, largeBlocksAreaM2: 0, parksWithLand: 0 } });
    } finally {
      await empty.$disconnect();
    }
  });
});
