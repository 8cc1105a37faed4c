// The search's second-round filters on a small grid: block capacities (sums), distance to a
// logistics point, the drawn area, units, larger blocks offered in part, zero-result relaxations.
import { describe, expect, it } from "vitest";
import { computeAdjacency } from "@/lib/land/adjacency";
import { bboxOf, polygonAreaM2 } from "@/lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { M2_PER_ACRE, M2_PER_MU } from "@/lib/land/units";
import type { LogisticsPoint } from "@/lib/location/distance";
import { LandIndex, toDay, type LandRow } from "@/lib/search/land-index";
import { relaxations } from "@/lib/search/relax";
import { landSearchSchema, toSearchParams, type LandSearchQuery } from "@/lib/search/schemas";
import { findBlock, searchLand, type SearchContext } from "@/lib/search/search";
import { gridParcels, toLngLat } from "./fixtures/land-grid";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const allReady = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, d("2025-01-01")])) as Record<ReadinessKey, Date | null>;
const ctx: SearchContext = { today: toDay(d("2026-11-23")), parkIdByCode: new Map(), zoneIdByCode: new Map() };
const query = (input: Record<string, unknown> = {}): LandSearchQuery => landSearchSchema.parse(input);
const id = (col: number, row = 0) => `p-${String(row).padStart(4, "0")}-${String(col).padStart(4, "0")}`;

// A port 1 km west of the grid's first parcel centre (parcels are 100 m, centres at x = 50, 150...).
const PORT: LogisticsPoint = { id: "port-test", kind: "port", nameZh: "测试港", nameEn: "Test port", lng: toLngLat([-950, 50])[0], lat: toLngLat([-950, 50])[1], inJiangmen: true };

function makeIndex(cols: number, rows: number, extra: Record<string, Partial<LandRow>> = {}) {
  const grid = gridParcels(cols, rows);
  const landRows: LandRow[] = grid.map((g) => ({
    id: g.id,
    code: g.id.toUpperCase(),
    parkId: "park-1",
    zoneId: null,
    county: "XINHUI",
    landUse: "INDUSTRIAL_M1",
    status: "AVAILABLE",
    areaM2: polygonAreaM2(g.geometry),
    priceCnyPerMu: 300_000,
    handoverOn: d("2026-06-01"),
    readiness: allReady,
    industries: ["NEW_ENERGY_BATTERY"],
    bbox: bboxOf(g.geometry),
    ...extra[g.id],
  }));
  return new LandIndex(landRows, computeAdjacency(grid.map((g) => ({ id: g.id, geometry: g.geometry }))), [PORT]);
}

describe("capacities: a block's figure is the sum of its members' stated figures", () => {
  // 4 parcels in a row; power stated on three of them, water on one.
  const index = makeIndex(4, 1, {
    [id(0)]: { powerKva: 4_000, waterTPerDay: 300 },
    [id(1)]: { powerKva: 3_000 },
    [id(3)]: { powerKva: 2_500, powerVoltageKv: 10 },
  });

  it("sums stated figures and counts who states them", () => {
    const [block] = searchLand(index, query(), ctx).results;
    expect(block!.capacities.powerKva).toEqual({ sum: 9_500, stated: 3 });
    expect(block!.capacities.waterTPerDay).toEqual({ sum: 300, stated: 1 });
    expect(block!.capacities.gasM3PerDay).toEqual({ sum: 0, stated: 0 });
  });

  it("passes 'at least X' on the sum, exactly at the boundary, and unstated members add nothing", () => {
    expect(searchLand(index, query({ minPowerKva: "9500" }), ctx).total).toBe(1);
    expect(searchLand(index, query({ minPowerKva: "9501" }), ctx).total).toBe(0);
    expect(searchLand(index, query({ minWaterT: "300" }), ctx).total).toBe(1);
    expect(searchLand(index, query({ minGasM3: "1" }), ctx).total).toBe(0);
  });

  it("a block split by a sale keeps only its own members' capacity", () => {
    const split = makeIndex(4, 1, { [id(0)]: { powerKva: 4_000 }, [id(1)]: { powerKva: 3_000 }, [id(2)]: { status: "SOLD" }, [id(3)]: { powerKva: 2_500 } });
    const r = searchLand(split, query({ minPowerKva: "5000" }), ctx);
    expect(r.results.map((b) => [b.parcelCodes, b.capacities.powerKva.sum])).toEqual([[["P-0000-0000", "P-0000-0001"], 7_000]]);
  });

  it("follows a capacity edit patched into the index", () => {
    const i2 = makeIndex(2, 1);
    expect(searchLand(i2, query({ minPowerKva: "100" }), ctx).total).toBe(0);
    const grid = gridParcels(2, 1);
    const g = grid[0]!;
    expect(i2.patch({ id: g.id, code: g.id.toUpperCase(), parkId: "park-1", zoneId: null, county: "XINHUI", landUse: "INDUSTRIAL_M1", status: "AVAILABLE", areaM2: polygonAreaM2(g.geometry), priceCnyPerMu: 300_000, handoverOn: d("2026-06-01"), readiness: allReady, industries: ["NEW_ENERGY_BATTERY"], bbox: bboxOf(g.geometry), powerKva: 100 })).toBe(true);
    expect(searchLand(i2, query({ minPowerKva: "100" }), ctx).total).toBe(1);
  });
});

describe("within N km of a kind of logistics point", () => {
  const index = makeIndex(5, 1);
  it("keeps parcels whose centroid is within the distance (straight line)", () => {
    // centres at 1.00, 1.10, 1.20, 1.30, 1.40 km from the port
    expect(index.nearKm.port[0]).toBeCloseTo(1.0, 2);
    expect(index.nearKm.airport[0]).toBe(Infinity); // no airport in this layer
    const r = searchLand(index, query({ near: "port", nearKm: "1.15" }), ctx);
    expect(r.results.map((b) => b.parcelCodes)).toEqual([["P-0000-0000", "P-0000-0001"]]);
    expect(searchLand(index, query({ near: "airport", nearKm: "50" }), ctx).total).toBe(0);
  });
});

describe("drawn area", () => {
  const index = makeIndex(5, 1);
  const [x0, y0] = toLngLat([0, 0]);
  const [x1, y1] = toLngLat([260, 100]);

  it("a polygon keeps the parcels whose centroid lies inside", () => {
    const area = `p:${x0},${y0 - 0.001};${x1},${y0 - 0.001};${x1},${y1 + 0.001};${x0},${y1 + 0.001}`;
    const r = searchLand(index, query({ area }), ctx);
    expect(r.results.map((b) => b.parcelCount)).toEqual([3]); // centres at 50, 150, 250 m
  });

  it("a circle keeps the parcels within its radius", () => {
    const [cx, cy] = toLngLat([50, 50]);
    expect(searchLand(index, query({ area: `c:${cx},${cy},0.12` }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    expect(searchLand(index, query({ area: `c:${cx},${cy},0.05` }), ctx).results.map((b) => b.parcelCount)).toEqual([1]);
  });
});

describe("units: size filters in m² and acres", () => {
  const index = makeIndex(4, 1, { [id(1)]: { status: "SOLD" } }); // blocks of 1 and 2 parcels (10,000 m² each)
  it("reads the minimum in the chosen unit", () => {
    expect(searchLand(index, query({ minArea: "15000", unit: "m2" }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    expect(searchLand(index, query({ minArea: "2.4", unit: "acre" }), ctx).results.map((b) => b.parcelCount)).toEqual([2, 1]);
    expect(searchLand(index, query({ minArea: "4.95", unit: "acre" }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    expect((2 * 10_000) / M2_PER_ACRE).toBeCloseTo(4.942, 3);
  });
});

describe("part of a larger block", () => {
  // 6 parcels of 15 mu in a row = 90 mu; the need is 20-40 mu.
  const index = makeIndex(6, 1, { [id(4)]: { status: "SOLD" } }); // blocks: 4 parcels (60 mu) and 1 (15 mu)
  it("offers the larger block after the exact fits, with a connected proposal inside the need", () => {
    const r = searchLand(index, query({ minArea: "20", maxArea: "40" }), ctx);
    expect(r.total).toBe(1);
    const [block] = r.results;
    expect(block!.partOfLarger).toBe(true);
    expect(block!.proposal!.parcelCodes).toHaveLength(2);
    expect(block!.proposal!.fits).toBe(true);
    expect(block!.proposal!.areaM2 / M2_PER_MU).toBeCloseTo(30, 0);
    const exact = searchLand(index, query({ minArea: "10", maxArea: "40" }), ctx);
    expect(exact.results.map((b) => [b.parcelCount, b.partOfLarger])).toEqual([[1, false], [4, true]]);
  });

  it("without a minimum, proposes the smallest connected part reaching the maximum", () => {
    const [block] = searchLand(index, query({ maxArea: "20" }), ctx).results.filter((b) => b.partOfLarger);
    expect(block!.proposal!.parcelCodes).toHaveLength(2); // 15 mu is below 20, 30 mu the least above
    expect(block!.proposal!.fits).toBe(false);
  });

  it("part=1 turns the block lookup into the proposed part (the inquiry's 'ask about this part')", () => {
    const q = query({ minArea: "20", maxArea: "40", part: "1" });
    const part = findBlock(index, q, ctx, "P-0000-0000")!;
    const whole = findBlock(index, query({ minArea: "20", maxArea: "40" }), ctx, "P-0000-0000")!;
    expect(part.parcelCodes).toEqual(whole.proposal!.parcelCodes);
    expect(part.partOfLarger).toBe(false);
    expect(toSearchParams(q).get("part")).toBe("1");
  });

  it("the block page rebuilds the same proposal", () => {
    const b = findBlock(index, query({ minArea: "20", maxArea: "40" }), ctx, "P-0000-0000")!;
    expect(b.partOfLarger).toBe(true);
    expect(b.proposal!.parcelCodes).toHaveLength(2);
  });
});

describe("zero results: what each filter costs", () => {
  const index = makeIndex(4, 1, { [id(0)]: { powerKva: 1_000, priceCnyPerMu: 500_000 }, [id(2)]: { status: "SOLD" } });
  it("counts the blocks the search gives without each active filter", () => {
    const q = query({ minPowerKva: "1000", maxPrice: "40万", minArea: "20" });
    expect(searchLand(index, q, ctx).total).toBe(0);
    // Blocks: P-0000-0000 + 0001 (30 mu, 1,000 kVA, one parcel priced 500k) and P-0000-0003 (15 mu).
    // Only the price cap stands between the search and the 30-mu block.
    expect(relaxations(index, q, ctx).map((r) => [r.filter, r.count])).toEqual([
      ["minArea", 0],
      ["maxPrice", 1],
      ["minPowerKva", 0],
    ]);
    expect(relaxations(index, q, ctx)[1]!.query).toMatchObject({ maxPrice: undefined, minPowerKva: 1000, minArea: 20, page: 1 });
  });
});
