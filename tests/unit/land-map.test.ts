import { describe, expect, it } from "vitest";
import area from "@turf/area";
import { blockOutline } from "@/lib/land/outline";
import { unionBBoxes, type PolygonGeometry } from "@/lib/land/geometry";
import { planMap } from "@/lib/search/map";
import { roundCoordinates } from "@/lib/map/features";
import { blockMapFeatures, parcelMapFeatures } from "@/lib/map/block";

// A 0.001 degree square (about 100 m) with its south-west corner at (x, y) in grid steps.
const D = 0.001;
const square = (x: number, y: number): PolygonGeometry => {
  const [lng, lat] = [113 + x * D, 22.5 + y * D];
  return { type: "Polygon", coordinates: [[[lng, lat], [lng + D, lat], [lng + D, lat + D], [lng, lat + D], [lng, lat]]] };
};
const areaOf = (g: PolygonGeometry | { type: "MultiPolygon"; coordinates: unknown }) => area(g as Parameters<typeof area>[0]);

describe("blockOutline", () => {
  it("merges parcels sharing edges into one polygon with the same area", () => {
    const parcels = [square(0, 0), square(1, 0), square(2, 0), square(0, 1)];
    const outline = blockOutline(parcels);
    expect(outline.coordinates).toHaveLength(1);
    expect(outline.coordinates[0]).toHaveLength(1); // no hole
    const sum = parcels.reduce((s, p) => s + areaOf(p), 0);
    expect(areaOf(outline)).toBeCloseTo(sum, 0);
    // The shared edges are gone: an L of 4 squares has 6 corners (7 with the closing point).
    expect(outline.coordinates[0]![0]).toHaveLength(7);
  });

  it("keeps a hole where a parcel in the middle is not part of the block", () => {
    const ring = [];
    for (let x = 0; x < 3; x++) for (let y = 0; y < 3; y++) if (x !== 1 || y !== 1) ring.push(square(x, y));
    const outline = blockOutline(ring);
    expect(outline.coordinates).toHaveLength(1);
    expect(outline.coordinates[0]).toHaveLength(2); // outer ring + hole
  });

  it("leaves parcels touching only at a corner as separate polygons", () => {
    expect(blockOutline([square(0, 0), square(1, 1)]).coordinates).toHaveLength(2);
    expect(blockOutline([]).coordinates).toEqual([]);
  });
});

describe("planMap", () => {
  const blocks = (...sizes: number[]) => sizes.map((n) => ({ members: Array.from({ length: n }, (_, i) => i) }));

  it("draws every block as polygons when the budget allows", () => {
    expect(planMap(blocks(3, 2, 1), 1, 100, 2)).toEqual({ polygons: [0, 1, 2], points: [], hidden: 0, pageStart: 0, pageEnd: 2 });
  });

  it("always draws the listed page, then the others by rank while the budget lasts, never half a block", () => {
    // page 2 of size 2 = ranks 2 and 3 (5 + 1 parcels), budget 9 leaves 3 for the rest.
    const plan = planMap(blocks(4, 2, 5, 1, 1, 1), 2, 9, 2);
    expect(plan.pageStart).toBe(2);
    expect(plan.pageEnd).toBe(4);
    expect(plan.polygons).toEqual([2, 3, 1, 4]);
    expect(plan.points).toEqual([0, 5]);
    // Every block is on the map exactly once.
    expect([...plan.polygons, ...plan.points].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("draws the page even when it alone is over the budget", () => {
    const plan = planMap(blocks(10, 10, 1), 1, 5, 2);
    expect(plan.polygons).toEqual([0, 1]);
    expect(plan.points).toEqual([2]);
  });

  it("handles no results", () => {
    expect(planMap([], 1)).toEqual({ polygons: [], points: [], hidden: 0, pageStart: 0, pageEnd: 0 });
  });

  it("counts, without sending, the blocks past the point budget too", () => {
    const plan = planMap(blocks(1, 1, 5, 5, 5, 5), 1, 2, 2, 3);
    expect(plan.polygons).toEqual([0, 1]);
    expect(plan.points).toEqual([2, 3, 4]);
    expect(plan.hidden).toBe(1);
  });
});

describe("blockMapFeatures", () => {
  it("draws every parcel around by status, and outlines the members only", () => {
    const around = [
      { code: "A", status: "AVAILABLE" as const, geometry: square(0, 0) },
      { code: "B", status: "AVAILABLE" as const, geometry: square(1, 0) },
      { code: "C", status: "SOLD" as const, geometry: square(2, 0) },
    ];
    const fc = blockMapFeatures("A", around, new Set(["A", "B"]));
    const parcels = fc.features.filter((f) => f.properties.kind === "parcel");
    expect(parcels.map((f) => [f.properties.kind === "parcel" && f.properties.status, f.properties.block])).toEqual([
      ["AVAILABLE", "A"],
      ["AVAILABLE", "A"],
      ["SOLD", ""],
    ]);
    const outline = fc.features.find((f) => f.properties.kind === "outline")!;
    // Two squares side by side: one polygon spanning x 0..2, not 3.
    const xs = (outline.geometry.coordinates as number[][][][])[0]![0]!.map(([lng]) => lng!);
    expect(Math.max(...xs)).toBeCloseTo(113 + 2 * D, 9);
  });
});

describe("parcelMapFeatures (the parcel page's context map)", () => {
  it("outlines the parcel alone among its neighbours, and draws it even when the capped box query missed it", () => {
    const parcel = { code: "B", status: "RESERVED" as const, geometry: square(1, 0) };
    const neighbours = [
      { code: "A", status: "AVAILABLE" as const, geometry: square(0, 0) },
      { code: "C", status: "SOLD" as const, geometry: square(2, 0) },
    ];
    for (const around of [[...neighbours, parcel], neighbours]) {
      const { shapes, features } = parcelMapFeatures(parcel, around);
      expect(shapes.map((s) => s.code)).toEqual(["A", "C", "B"]);
      const drawn = features.features.filter((f) => f.properties.kind === "parcel");
      expect(drawn.map((f) => [f.properties.kind === "parcel" && f.properties.code, f.properties.block])).toEqual([["A", ""], ["C", ""], ["B", "B"]]);
      const outlines = features.features.filter((f) => f.properties.kind === "outline");
      expect(outlines).toHaveLength(1);
      const xs = (outlines[0]!.geometry.coordinates as number[][][][])[0]![0]!.map(([lng]) => lng!);
      expect([Math.min(...xs), Math.max(...xs)].map((x) => Math.round((x - 113) / D))).toEqual([1, 2]);
    }
  });
});

describe("map helpers", () => {
  it("rounds coordinates to 6 decimals at any depth", () => {
    expect(roundCoordinates([[[113.12345678, 22.00000049]]])).toEqual([[[113.123457, 22]]]);
  });

  it("unions bboxes", () => {
    expect(unionBBoxes([[1, 2, 3, 4], Float64Array.from([0, 3, 2, 5])])).toEqual([0, 2, 3, 5]);
  });
});
