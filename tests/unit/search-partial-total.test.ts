// The search total under a maximum area sums the exact fits only; larger blocks offered in part
// are counted but not summed (verifier finding D13: it added whole larger blocks, e.g. "28
// blocks, 1,501.6 ha" for a need of at most 50 mu each; summing each one's proposed part instead
// meant a proposal per larger block, seconds per search at 10,000 parcels).
import { describe, expect, it } from "vitest";
import { computeAdjacency } from "@/lib/land/adjacency";
import { bboxOf } from "@/lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { LandIndex, toDay, type LandRow } from "@/lib/search/land-index";
import { formatAreaIn } from "@/lib/search/area-display";
import { landSearchSchema, type LandSearchQuery } from "@/lib/search/schemas";
import { rankBlocks, searchLand, type SearchContext } from "@/lib/search/search";
import { gridParcels } from "./fixtures/land-grid";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const allReady = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, d("2025-01-01")])) as Record<ReadinessKey, Date | null>;
const ctx: SearchContext = { today: toDay(d("2026-11-23")), parkIdByCode: new Map(), zoneIdByCode: new Map() };
const query = (input: Record<string, unknown> = {}): LandSearchQuery => landSearchSchema.parse(input);
const id = (col: number, row = 0) => `p-${String(row).padStart(4, "0")}-${String(col).padStart(4, "0")}`;

// Every parcel exactly 10,000 m² (15 mu), so the totals are exact figures.
function makeIndex(cols: number, rows: number, sold: string[] = []) {
  const grid = gridParcels(cols, rows);
  const landRows: LandRow[] = grid.map((g) => ({
    id: g.id, code: g.id.toUpperCase(), parkId: "park-1", zoneId: null, county: "XINHUI", landUse: "INDUSTRIAL_M1",
    status: sold.includes(g.id) ? "SOLD" : "AVAILABLE", areaM2: 10_000, priceCnyPerMu: 300_000, handoverOn: d("2026-06-01"),
    readiness: allReady, industries: ["NEW_ENERGY_BATTERY"], bbox: bboxOf(g.geometry),
  }));
  return new LandIndex(landRows, computeAdjacency(grid.map((g) => ({ id: g.id, geometry: g.geometry }))));
}

describe("search total with a maximum area (larger blocks offered in part)", () => {
  // Row of 6, the second sold: a 1-parcel block (15 mu) and a 4-parcel block (60 mu).
  const index = makeIndex(6, 1, [id(1)]);

  it("sums the exact fits only: a larger block is counted, its whole area is not added", () => {
    const r = searchLand(index, query({ minArea: 10, maxArea: 20 }), ctx);
    expect(r.results.map((b) => [b.parcelCount, b.partOfLarger, b.proposal?.areaM2 ?? null])).toEqual([[1, false, null], [4, true, 10_000]]);
    // 15 mu (the exact fit); the whole blocks would have been 75 mu.
    expect([r.total, r.partialCount, r.totalAreaM2]).toEqual([2, 1, 10_000]);
    expect(formatAreaIn("en", r.totalAreaM2, "mu")).toBe("1 ha (15 mu)");
    expect(formatAreaIn("zh", r.totalAreaM2, "mu")).toBe("15亩（1公顷）");
  });

  it("with only a maximum, the card still proposes a part reaching it (2 parcels, 30 mu)", () => {
    const r = searchLand(index, query({ maxArea: 20 }), ctx);
    expect(r.results[1]!.proposal).toMatchObject({ parcelCodes: ["P-0000-0002", "P-0000-0003"], areaM2: 20_000, fits: false });
    expect(r.totalAreaM2).toBe(10_000);
  });

  it("without a maximum nothing is partial and whole blocks count", () => {
    const r = searchLand(index, query({ minArea: 10 }), ctx);
    expect([r.total, r.totalAreaM2, r.partialCount]).toEqual([2, 50_000, 0]);
  });

  it("the total is the same on every page; every block larger: 3 counted, 0 m² summed", () => {
    const many = makeIndex(7, 2, [id(1, 0), id(1, 1), id(4, 0), id(4, 1)]); // blocks of 2, 4, 4 parcels
    const q = query({ minArea: 10, maxArea: 14 });
    const one = searchLand(many, q, ctx, 1);
    const two = searchLand(many, { ...q, page: 2 }, ctx, 1);
    expect([one.total, one.partialCount, one.totalAreaM2]).toEqual([3, 3, 0]);
    expect(two.totalAreaM2).toBe(one.totalAreaM2);
    expect(rankBlocks(many, q, ctx).totalAreaM2).toBe(0);
  });
});
