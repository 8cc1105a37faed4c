import { describe, it, expect } from "vitest";
import {
  ADJACENCY_TOLERANCE_M, MIN_SHARED_BOUNDARY_M, computeAdjacency, computeAdjacencyFor, sharedBoundaryLengthM,
  type ParcelShape,
} from "../../lib/land/adjacency";
import type { PolygonGeometry } from "../../lib/land/geometry";
import { gridId, gridParcels, polygonM, rect, rectRing, rotate } from "./fixtures/land-grid";

const A = rect(0, 0, 100, 100);
const pair = (a: PolygonGeometry, b: PolygonGeometry) => computeAdjacency([{ id: "a", geometry: a }, { id: "b", geometry: b }]);

describe("sharedBoundaryLengthM", () => {
  it("uses the spec's tolerance and minimum", () => {
    expect(ADJACENCY_TOLERANCE_M).toBe(0.5);
    expect(MIN_SHARED_BOUNDARY_M).toBe(1);
  });

  it("measures a full shared edge, both ways", () => {
    const b = rect(100, 0, 100, 100);
    expect(sharedBoundaryLengthM(A, b)).toBeCloseTo(100, 2);
    expect(sharedBoundaryLengthM(b, A)).toBeCloseTo(100, 2);
    expect(pair(A, b)).toEqual([{ a: "a", b: "b", sharedLengthM: expect.closeTo(100, 2) }]);
  });

  it("counts only the overlapping part of two edges", () => {
    expect(sharedBoundaryLengthM(A, rect(100, 50, 100, 100))).toBeCloseTo(50, 2);
    expect(sharedBoundaryLengthM(A, rect(100, -30, 50, 100))).toBeCloseTo(70, 2);
  });

  it("gives nothing for corner-only contact", () => {
    const b = rect(100, 100, 100, 100);
    expect(sharedBoundaryLengthM(A, b)).toBeLessThan(1e-6);
    expect(pair(A, b)).toEqual([]);
  });

  it("gives nothing for boundaries that cross at right angles", () => {
    const bar = rect(0, 40, 100, 20), post = rect(40, 0, 20, 100);
    expect(sharedBoundaryLengthM(bar, post)).toBeLessThan(1e-6);
  });

  it("accepts a 0.3 m gap but not a 0.8 m gap", () => {
    expect(sharedBoundaryLengthM(A, rect(100.3, 0, 100, 100))).toBeCloseTo(100, 2);
    expect(pair(A, rect(100.3, 0, 100, 100))).toHaveLength(1);
    expect(sharedBoundaryLengthM(A, rect(100.8, 0, 100, 100))).toBe(0);
    expect(pair(A, rect(100.8, 0, 100, 100))).toEqual([]);
  });

  it("accepts a 0.3 m overlap", () => {
    // The overlapping 0.3 m of the collinear top and bottom edges also lies on b's boundary.
    const len = sharedBoundaryLengthM(A, rect(99.7, 0, 100, 100));
    expect(len).toBeGreaterThan(99.99);
    expect(len).toBeLessThan(100.7);
    expect(pair(A, rect(99.7, 0, 100, 100))).toHaveLength(1);
  });

  it("accepts a neighbour surveyed slightly askew (0 to 0.4 m off along the edge)", () => {
    const skewed = polygonM([[100, 0], [200, 0], [200, 100], [100.4, 100]]);
    expect(sharedBoundaryLengthM(A, skewed)).toBeCloseTo(100, 2);
    expect(pair(A, skewed)).toHaveLength(1);
  });

  it("rejects a shared edge of 0.6 m (under the 1 m minimum)", () => {
    const b = rect(100, 99.4, 100, 100);
    expect(sharedBoundaryLengthM(A, b)).toBeCloseTo(0.6, 3);
    expect(pair(A, b)).toEqual([]);
  });

  it("handles a T-junction against two parcels", () => {
    const long = rect(0, 0, 200, 100);
    const edges = computeAdjacency([
      { id: "long", geometry: long },
      { id: "left", geometry: rect(0, 100, 100, 100) },
      { id: "right", geometry: rect(100, 100, 100, 100) },
    ]);
    expect(edges.map((e) => [e.a, e.b])).toEqual([["left", "long"], ["left", "right"], ["long", "right"]]);
    for (const e of edges) expect(e.sharedLengthM).toBeCloseTo(100, 2);
  });

  it("handles a long edge against two separate edges of one parcel (a notch)", () => {
    const long = rect(0, 0, 200, 100);
    const notched = polygonM([[0, 100], [60, 100], [60, 150], [140, 150], [140, 100], [200, 100], [200, 200], [0, 200]]);
    expect(sharedBoundaryLengthM(long, notched)).toBeCloseTo(120, 2);
    expect(sharedBoundaryLengthM(notched, long)).toBeCloseTo(120, 2);
  });

  it("does not double-count collinear consecutive edges", () => {
    const long = rect(0, 0, 200, 100);
    const split = polygonM([[0, 100], [50, 100], [100, 100], [200, 100], [200, 200], [0, 200]]);
    expect(sharedBoundaryLengthM(long, split)).toBeCloseTo(200, 2);
    expect(sharedBoundaryLengthM(split, long)).toBeCloseTo(200, 2);
    expect(sharedBoundaryLengthM(rect(0, 0, 100, 100, true), rect(100, 0, 100, 100))).toBeCloseTo(100, 2);
  });

  it("does not double-count a sliver whose two sides are both within the tolerance", () => {
    expect(sharedBoundaryLengthM(A, rect(100, 0, 0.2, 100))).toBeCloseTo(100, 2);
  });

  it("measures a pair rotated by 30°", () => {
    const left = polygonM(rotate(rectRing(0, 0, 80, 50), 30));
    const right = polygonM(rotate(rectRing(80, 0, 60, 50), 30));
    const gapped = polygonM(rotate(rectRing(80.3, 0, 60, 50), 30));
    expect(sharedBoundaryLengthM(left, right)).toBeCloseTo(50, 2);
    expect(sharedBoundaryLengthM(left, gapped)).toBeCloseTo(50, 2);
    expect(pair(left, right)).toHaveLength(1);
  });

  it("counts a parcel enclosed in another's hole", () => {
    const ring = polygonM(rectRing(0, 0, 300, 300), rectRing(100, 100, 100, 100));
    expect(sharedBoundaryLengthM(ring, rect(100, 100, 100, 100))).toBeCloseTo(400, 2);
  });
});

describe("computeAdjacency", () => {
  it("finds the 12 edge neighbours of a 3x3 grid and no diagonals", () => {
    const edges = computeAdjacency(gridParcels(3, 3));
    const expected: string[] = [];
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) {
        if (c < 2) expected.push(`${gridId(c, r)}|${gridId(c + 1, r)}`);
        if (r < 2) expected.push(`${gridId(c, r)}|${gridId(c, r + 1)}`);
      }
    expect(edges).toHaveLength(12);
    expect(edges.map((e) => `${e.a}|${e.b}`).sort()).toEqual(expected.sort());
    for (const e of edges) expect(e.sharedLengthM).toBeCloseTo(100, 2);
  });

  it("orders each pair and the list by id", () => {
    const edges = computeAdjacency(gridParcels(4, 4).reverse());
    for (const e of edges) expect(e.a < e.b).toBe(true);
    const keys = edges.map((e) => `${e.a}|${e.b}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("does not depend on input order", () => {
    const parcels = gridParcels(6, 5);
    let seed = 42;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const shuffled = [...parcels];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(computeAdjacency(shuffled)).toEqual(computeAdjacency(parcels));
  });

  it("applies custom thresholds and rejects duplicate ids", () => {
    expect(pair(A, rect(100.8, 0, 100, 100))).toEqual([]);
    expect(computeAdjacency([{ id: "a", geometry: A }, { id: "b", geometry: rect(100.8, 0, 100, 100) }], { toleranceM: 1 })).toHaveLength(1);
    expect(computeAdjacency([{ id: "a", geometry: A }, { id: "b", geometry: rect(100, 50, 100, 100) }], { minSharedM: 60 })).toEqual([]);
    expect(() => computeAdjacency([{ id: "a", geometry: A }, { id: "a", geometry: A }])).toThrow(/unique/);
  });
});

describe("computeAdjacencyFor", () => {
  it("recomputes an edited parcel's edges like a full run would, skipping its stale copy", () => {
    const grid = gridParcels(5, 5);
    const id = gridId(2, 2);
    // The edit pulls the west boundary 1 m east: no longer adjacent to (1,2).
    const edited: ParcelShape = { id, geometry: rect(201, 200, 99, 100) };
    const updated = grid.map((p) => (p.id === id ? edited : p));
    const expected = computeAdjacency(updated).filter((e) => e.a === id || e.b === id);
    const got = computeAdjacencyFor([edited], grid);
    expect(got).toEqual(expected);
    expect(got.map((e) => (e.a === id ? e.b : e.a)).sort()).toEqual([gridId(2, 1), gridId(2, 3), gridId(3, 2)].sort());
  });

  it("includes edges among several changed parcels", () => {
    const grid = gridParcels(3, 1);
    const changed = [grid[0]!, grid[1]!];
    expect(computeAdjacencyFor(changed, [grid[2]!])).toEqual(computeAdjacency(grid));
  });
});
