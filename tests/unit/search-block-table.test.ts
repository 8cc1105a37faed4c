// searchLand pages from per-block columns (lib/search/block-table.ts) instead of ranking a
// Candidate per block: for random cadastres and random queries, its total, area, order and
// page must be exactly rankBlocks' (the ranking the map, exports and alerts still use), and
// countBlocks its length. Property test over the synthetic bench cadastre's shapes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeAdjacency } from "@/lib/land/adjacency";
import { LandIndex, toDay } from "@/lib/search/land-index";
import { landSearchSchema } from "@/lib/search/schemas";
import { countBlocks, rankBlocks, searchLand, type SearchContext } from "@/lib/search/search";
import { orderedSlice } from "@/lib/search/block-table";
import { syntheticRows } from "@/bench/scale-rows";
import { syntheticCadastre } from "@/bench/synthetic-cadastre";

const ctx: SearchContext = { today: toDay(new Date("2026-12-01T00:00:00Z")), parkIdByCode: new Map([["bench", "bench-park"]]), zoneIdByCode: new Map() };

function indexOf(count: number, seed: number): LandIndex {
  const parcels = syntheticCadastre(count, seed);
  return new LandIndex(syntheticRows(parcels), computeAdjacency(parcels.map((p) => ({ id: p.code, geometry: p.geometry }))));
}

const queryArb = fc.record(
  {
    minArea: fc.constantFrom("10", "30", "100", "500"),
    maxArea: fc.constantFrom("20", "60", "200"),
    maxPrice: fc.constantFrom("200000", "300000"),
    ready: fc.constantFrom("power", "power,gas", "levelled"),
    by: fc.constantFrom("2026-12-31", "2027-06-30"),
    reserved: fc.constant("1"),
    sort: fc.constantFrom("area-desc", "area-asc", "price-asc", "ready-asc"),
    view: fc.constantFrom("blocks", "parcels"),
    page: fc.constantFrom("1", "2", "3", "9", "400"),
    minPowerKva: fc.constantFrom("2000", "9000"),
    minWaterT: fc.constant("100"),
  },
  { requiredKeys: [] },
);

describe("searchLand over block columns", () => {
  const indexes = [indexOf(600, 1), indexOf(2_000, 2)];

  it("lists exactly rankBlocks' page, total, area and partial count, and counts as it does", () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 1), queryArb, fc.constantFrom(5, 20), (k, raw, pageSize) => {
        const index = indexes[k]!;
        const parsed = landSearchSchema.safeParse(raw);
        fc.pre(parsed.success); // e.g. a minimum above the maximum
        const q = parsed.data!;
        const ranked = rankBlocks(index, q, ctx);
        const result = searchLand(index, q, ctx, pageSize);
        expect(result.total).toBe(ranked.ranked.length);
        expect(result.totalAreaM2).toBe(ranked.totalAreaM2);
        expect(result.partialCount).toBe(ranked.partialCount);
        const from = (result.page - 1) * pageSize;
        expect(result.results.map((r) => r.parcelIndices)).toEqual(ranked.ranked.slice(from, from + pageSize).map((c) => c.members));
        expect(result.results.map((r) => r.areaM2)).toEqual(ranked.ranked.slice(from, from + pageSize).map((c) => c.areaM2));
        expect(countBlocks(index, q, ctx)).toBe(ranked.ranked.length);
      }),
      { numRuns: 120, seed: 12 },
    );
  });

  it("orderedSlice equals sorting everything and slicing, near the front and far from it", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 5_000 }), fc.nat(6_000), fc.nat(100), (keys, from, len) => {
        const list = Int32Array.from(keys.keys());
        const cmp = (a: number, b: number) => keys[a]! - keys[b]! || a - b;
        expect(orderedSlice(list, cmp, from, from + len)).toEqual(Array.from(list).sort(cmp).slice(from, from + len));
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});
