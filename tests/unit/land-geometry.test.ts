import { describe, it, expect } from "vitest";
import {
  bboxOf, centroidOf, expandBBox, makeLocalProjection, metresPerDegree, polygonAreaM2, validatePolygon,
  type PolygonGeometry,
} from "../../lib/land/geometry";
import { ORIGIN, polygonM, rect, rectRing, toLngLat, toXY } from "./fixtures/land-grid";

const near = (a: [number, number], b: [number, number], tol: number) => {
  expect(Math.abs(a[0] - b[0])).toBeLessThan(tol);
  expect(Math.abs(a[1] - b[1])).toBeLessThan(tol);
};

describe("local projection", () => {
  it("matches reference WGS84 degree lengths at the equator", () => {
    const k = metresPerDegree(0);
    expect(k.x).toBeCloseTo(111319.49, 1);
    expect(k.y).toBeCloseTo(110574.27, 1);
  });

  it("gives shorter longitude degrees at Jiangmen's latitude and round-trips", () => {
    const k = metresPerDegree(ORIGIN[1]);
    expect(k.x).toBeGreaterThan(102_700);
    expect(k.x).toBeLessThan(102_900);
    const proj = makeLocalProjection(ORIGIN);
    const p = proj.toLngLat([3000, -2000]);
    near(proj.toXY(p), [3000, -2000], 1e-6);
    near(proj.toXY(ORIGIN), [0, 0], 1e-9);
  });
});

describe("area, bbox and centroid", () => {
  it("measures a 100 m x 100 m square as 10,000 m² within 0.5%", () => {
    expect(Math.abs(polygonAreaM2(rect(0, 0, 100, 100)) - 10_000) / 10_000).toBeLessThan(0.005);
  });

  it("subtracts holes", () => {
    const g = polygonM(rectRing(0, 0, 100, 100), rectRing(60, 60, 20, 20));
    expect(polygonAreaM2(g)).toBeGreaterThan(9600 * 0.995);
    expect(polygonAreaM2(g)).toBeLessThan(9600 * 1.005);
  });

  it("returns the bbox corners", () => {
    const [minLng, minLat, maxLng, maxLat] = bboxOf(rect(10, 20, 30, 40));
    near([minLng, minLat], toLngLat([10, 20]), 1e-12);
    near([maxLng, maxLat], toLngLat([40, 60]), 1e-12);
  });

  it("grows a bbox by metres", () => {
    const [x0, y0, x1, y1] = expandBBox(bboxOf(rect(0, 0, 100, 100)), 0.5);
    near(toXY([x0, y0]), [-0.5, -0.5], 1e-3);
    near(toXY([x1, y1]), [100.5, 100.5], 1e-3);
  });

  it("weights the centroid by area, for an L shape and with a hole", () => {
    const l = polygonM([[0, 0], [20, 0], [20, 10], [10, 10], [10, 20], [0, 20]]);
    near(toXY(centroidOf(l)), [25 / 3, 25 / 3], 1e-3);
    const holed = polygonM(rectRing(0, 0, 100, 100), rectRing(60, 60, 20, 20));
    const c = (100 * 100 * 50 - 400 * 70) / 9600;
    near(toXY(centroidOf(holed)), [c, c], 1e-3);
  });

  it("does not depend on winding", () => {
    const cw = polygonM([...rectRing(0, 0, 40, 40)].reverse());
    near(toXY(centroidOf(cw)), [20, 20], 1e-3);
    expect(polygonAreaM2(cw)).toBeGreaterThan(1590);
  });
});

describe("validatePolygon", () => {
  const ll = (xs: [number, number][]) => xs.map(toLngLat);

  it("accepts valid parcels, with holes and repeated positions", () => {
    expect(validatePolygon(rect(0, 0, 100, 50))).toEqual([]);
    expect(validatePolygon(polygonM(rectRing(0, 0, 100, 100), rectRing(10, 10, 20, 20)))).toEqual([]);
    const repeated = ll([[0, 0], [50, 0], [50, 0], [50, 50], [0, 50], [0, 0]]);
    expect(validatePolygon({ type: "Polygon", coordinates: [repeated] })).toEqual([]);
  });

  it("rejects non-polygons", () => {
    expect(validatePolygon(null)).toEqual(["geometry is not a Polygon"]);
    expect(validatePolygon({ type: "Point", coordinates: [113, 22] })).toEqual(["geometry is not a Polygon"]);
    expect(validatePolygon({ type: "Polygon", coordinates: [] })).toEqual(["polygon has no rings"]);
  });

  it("reports unclosed, short and non-finite rings", () => {
    const open = { type: "Polygon", coordinates: [ll([[0, 0], [10, 0], [10, 10], [0, 10]])] };
    expect(validatePolygon(open)).toEqual(["exterior ring is not closed (first and last positions differ)"]);
    const short = { type: "Polygon", coordinates: [ll([[0, 0], [10, 0], [0, 0]])] };
    expect(validatePolygon(short)).toEqual(["exterior ring has 3 positions; a ring needs at least 4"]);
    const nan = { type: "Polygon", coordinates: [[[113, 22], [Number.NaN, 22], [113.1, 22.1], [113, 22]]] };
    expect(validatePolygon(nan)).toEqual(["exterior ring position 2 is not a pair of finite numbers [lng, lat]"]);
  });

  it("reports out-of-range coordinates", () => {
    const g = { type: "Polygon", coordinates: [[[113, 22], [113, 95], [113.1, 22], [113, 22]]] };
    expect(validatePolygon(g)[0]).toMatch(/^exterior ring position 2 .* is out of range/);
  });

  it("reports a self-intersecting (bow-tie) ring with the crossing edges", () => {
    const bowtie = polygonM([[0, 0], [100, 100], [100, 0], [0, 100]]);
    expect(validatePolygon(bowtie)).toEqual(["exterior ring intersects itself (edges 1 and 3 meet)"]);
  });

  it("reports a ring that touches itself at a vertex", () => {
    const pinched = polygonM([[0, 0], [100, 0], [50, 50], [100, 100], [0, 100], [50, 50]]);
    expect(validatePolygon(pinched).some((p) => p.startsWith("exterior ring intersects itself"))).toBe(true);
  });

  it("reports zero area", () => {
    const flat: PolygonGeometry = polygonM([[0, 0], [50, 0], [100, 0], [20, 0]]);
    expect(validatePolygon(flat)).toContain("polygon has zero area");
  });

  it("reports holes outside or across the shell", () => {
    expect(validatePolygon(polygonM(rectRing(0, 0, 100, 100), rectRing(200, 0, 10, 10)))).toEqual([
      "hole 1 lies outside the exterior ring",
    ]);
    const concave = polygonM([[0, 0], [100, 0], [100, 100], [60, 100], [60, 40], [40, 40], [40, 100], [0, 100]]);
    const across = polygonM(
      concave.coordinates[0]!.slice(0, -1).map(toXY),
      [[20, 60], [80, 60], [80, 80], [20, 80]],
    );
    expect(validatePolygon(concave)).toEqual([]);
    // Every vertex is inside the U, but the edges span its notch.
    expect(validatePolygon(across)).toEqual(["hole 1 crosses the exterior ring"]);
    const poking = polygonM(concave.coordinates[0]!.slice(0, -1).map(toXY), [[30, 20], [70, 20], [50, 60]]);
    expect(validatePolygon(poking)).toEqual(["hole 1 lies outside the exterior ring"]);
  });
});
