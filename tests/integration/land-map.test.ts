// The results map's data on the seeded Jiangmen cadastre: every matching block is on the map
// (as polygons, or as a point past the budget), the listed page is marked, and the shapes are
// the parcels' own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { BlockPointProps, ParcelProps } from "@/lib/map/features";
import { landMapData } from "@/lib/search/map";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterAll(async () => {
  await db.$disconnect();
});

const parcelsOf = (fc: Awaited<ReturnType<typeof landMapData>>) =>
  fc.features.filter((f) => f.properties.kind === "parcel").map((f) => f.properties as ParcelProps);
const pointsOf = (fc: Awaited<ReturnType<typeof landMapData>>) =>
  fc.features.filter((f) => f.properties.kind === "point").map((f) => f.properties as BlockPointProps);

describe("landMapData", () => {
  it("draws every matching block, the listed page's in colour", async () => {
    const q = landSearchSchema.parse({ page: "2" });
    const [{ result: listed }, { result: parcelView }, map] = await Promise.all([
      runLandSearch(db, q),
      runLandSearch(db, landSearchSchema.parse({ view: "parcels" })),
      landMapData(db, q),
    ]);
    expect(listed.total).toBeGreaterThan(20);
    const parcels = parcelsOf(map);
    // 418 available parcels fit the budget: every block is drawn, and has its point.
    const points = pointsOf(map);
    expect(points).toHaveLength(listed.total);
    expect(points.every((p) => p.polygons === 1)).toBe(true);
    expect(map.pointBlocks).toBe(0);
    // Points on the listed page are numbered like the list.
    expect(points.filter((p) => p.page === 1).map((p) => [p.label, p.block])).toEqual(listed.results.map((b, i) => [i + 1, b.key]));
    expect(new Set(parcels.map((p) => p.block)).size).toBe(listed.total);
    expect(parcels).toHaveLength(parcelView.total);
    const onPage = new Set(parcels.filter((p) => p.page === 1).map((p) => p.block));
    expect(onPage).toEqual(new Set(listed.results.map((b) => b.key)));
    for (const p of parcels) expect(p.colour !== "").toBe(p.page === 1);
  });

  it("switches the lowest-ranked blocks to points past the polygon budget", async () => {
    const q = landSearchSchema.parse({});
    const { result } = await runLandSearch(db, q);
    const map = await landMapData(db, q, { parcels: 60, points: 10_000 });
    const parcels = parcelsOf(map);
    const points = pointsOf(map).filter((p) => p.polygons === 0);
    expect(points.length).toBeGreaterThan(0);
    expect(map.pointBlocks).toBe(points.length);
    // Page blocks are always polygons; the total still counts every block once.
    const polygonBlocks = new Set(parcels.map((p) => p.block));
    for (const b of result.results) expect(polygonBlocks.has(b.key)).toBe(true);
    expect(polygonBlocks.size + points.length).toBe(result.total);
    for (const p of points) expect(polygonBlocks.has(p.block)).toBe(false);
  });

  it("bounds the payload: past the point budget, results are counted, not sent", async () => {
    const q = landSearchSchema.parse({ view: "parcels" });
    const { result } = await runLandSearch(db, q);
    const map = await landMapData(db, q, { parcels: 40, points: 100 });
    const parcels = parcelsOf(map);
    const points = pointsOf(map);
    expect(parcels).toHaveLength(40);
    // Points: the page's 20 (also drawn as parcels) and 100 past the polygon budget; in the
    // parcels view a drawn parcel gets no extra dot.
    expect(points.filter((p) => p.polygons === 0)).toHaveLength(100);
    expect(points.filter((p) => p.polygons === 1).every((p) => p.page === 1)).toBe(true);
    expect(map.hiddenBlocks).toBe(result.total - 40 - 100);
  });

  it("marks the last page when asked for a page past the end, like the list", async () => {
    const q = landSearchSchema.parse({ minArea: "500", page: "99" });
    const [{ result }, map] = await Promise.all([runLandSearch(db, q), landMapData(db, q)]);
    expect(result.page).toBe(result.pageCount);
    const labelled = pointsOf(map).filter((p) => p.label > 0).sort((a, b) => a.label - b.label);
    expect(labelled.map((p) => p.block)).toEqual(result.results.map((b) => b.key));
  });

  it("returns an empty collection when nothing matches", async () => {
    const map = await landMapData(db, landSearchSchema.parse({ minArea: "999999" }));
    expect(map.features).toEqual([]);
  });
});
