import { describe, expect, it } from "vitest";
import type { Industry, ParcelStatus } from "@/lib/generated/prisma/enums";
import { computeAdjacency } from "@/lib/land/adjacency";
import { bboxOf, polygonAreaM2 } from "@/lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { M2_PER_MU } from "@/lib/land/units";
import { LandIndex, toDay, type LandRow } from "@/lib/search/land-index";
import { landSearchSchema, type LandSearchQuery } from "@/lib/search/schemas";
import { findBlock, lookupBlock, searchLand, type SearchContext } from "@/lib/search/search";
import { gridParcels } from "./fixtures/land-grid";

const TODAY = "2026-11-23";
const d = (s: string) => new Date(`${s}T00:00:00Z`);
const allReady = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, d("2025-01-01")])) as Record<ReadinessKey, Date | null>;

interface Overrides {
  status?: ParcelStatus;
  price?: number | null;
  handover?: string | null;
  readiness?: Partial<Record<ReadinessKey, Date | null>>;
  industries?: Industry[];
  park?: string;
}

/** A row of `cols` x `rows` 100 m parcels (15 mu each), all available unless overridden. */
function makeIndex(cols: number, rows: number, overrides: Record<string, Overrides> = {}) {
  const grid = gridParcels(cols, rows);
  const landRows: LandRow[] = grid.map((g) => {
    const o = overrides[g.id] ?? {};
    return {
      id: g.id,
      code: g.id.toUpperCase(),
      parkId: o.park ?? "park-1",
      zoneId: "zone-1",
      county: "XINHUI",
      landUse: "INDUSTRIAL_M1",
      status: o.status ?? "AVAILABLE",
      areaM2: polygonAreaM2(g.geometry),
      priceCnyPerMu: o.price === undefined ? 300_000 : o.price,
      handoverOn: o.handover === undefined ? d("2026-06-01") : o.handover === null ? null : d(o.handover),
      readiness: { ...allReady, ...o.readiness },
      industries: o.industries ?? ["NEW_ENERGY_BATTERY"],
      bbox: bboxOf(g.geometry),
    };
  });
  const edges = computeAdjacency(grid.map((g) => ({ id: g.id, geometry: g.geometry })));
  return { index: new LandIndex(landRows, edges), ids: grid.map((g) => g.id) };
}

const ctx: SearchContext = {
  today: toDay(d(TODAY)),
  parkIdByCode: new Map([["xinhui-smart", "park-1"], ["other", "park-2"]]),
  zoneIdByCode: new Map([["fengshanhu", "zone-1"]]),
};
const query = (input: Record<string, unknown> = {}): LandSearchQuery => landSearchSchema.parse(input);
const id = (col: number, row = 0) => `p-${String(row).padStart(4, "0")}-${String(col).padStart(4, "0")}`;

describe("searchLand: blocks", () => {
  it("merges a row of available parcels into one block with its totals", () => {
    const { index } = makeIndex(5, 1);
    const r = searchLand(index, query(), ctx);
    expect(r.total).toBe(1);
    const block = r.results[0]!;
    expect(block.parcelCount).toBe(5);
    expect(block.areaM2 / M2_PER_MU).toBeCloseTo(75, 0); // 5 x 10,000 m² = 75 mu (turf's sphere adds ~0.25%)
    expect(block.priceMin).toBe(300_000);
    expect(block.priceMax).toBe(300_000);
    expect(block.indicativeTotalCny).toBe(Math.round((300_000 * block.areaM2) / M2_PER_MU));
    expect(block.readyOn).toBe("2026-06-01");
    expect(block.key).toBe("P-0000-0000");
  });

  it("a block that loses its middle parcel to a sale splits in two", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { status: "SOLD" } });
    const r = searchLand(index, query(), ctx);
    expect(r.results.map((b) => b.parcelCount)).toEqual([2, 2]);
  });

  it("a readiness requirement splits a block where one parcel lacks gas", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { readiness: { gas: null } } });
    expect(searchLand(index, query(), ctx).total).toBe(1);
    const r = searchLand(index, query({ ready: "power,gas" }), ctx);
    expect(r.results.map((b) => b.parcelCount)).toEqual([2, 2]);
  });

  it("planned utilities count when they are ready by the requested handover date", () => {
    const { index } = makeIndex(3, 1, { [id(1)]: { readiness: { gas: d("2027-03-01") } } });
    expect(searchLand(index, query({ ready: "gas" }), ctx).results.map((b) => b.parcelCount)).toEqual([1, 1]);
    const byApril = searchLand(index, query({ ready: "gas", by: "2027-04-01" }), ctx);
    expect(byApril.results.map((b) => b.parcelCount)).toEqual([3]);
    expect(byApril.results[0]!.readyOn).toBe("2027-03-01");
  });

  it("reserved land joins only when asked for", () => {
    const { index } = makeIndex(3, 1, { [id(1)]: { status: "RESERVED" } });
    expect(searchLand(index, query(), ctx).total).toBe(2);
    expect(searchLand(index, query({ reserved: "1" }), ctx).results.map((b) => b.parcelCount)).toEqual([3]);
  });

  it("filters block size in mu or hectares", () => {
    const { index } = makeIndex(4, 1, { [id(1)]: { status: "SOLD" } }); // blocks of 1 and 2 parcels
    expect(searchLand(index, query({ minArea: 20 }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    expect(searchLand(index, query({ minArea: 1.5, unit: "ha" }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    // Under a maximum the 2-parcel block is still offered, as part of a larger block, after the fit.
    const capped = searchLand(index, query({ maxArea: 20 }), ctx);
    expect(capped.results.map((b) => [b.parcelCount, b.partOfLarger])).toEqual([[1, false], [2, true]]);
    expect(capped.partialCount).toBe(1);
    expect(searchLand(index, query({ maxArea: 20, view: "parcels" }), ctx).results.map((b) => b.parcelCount)).toEqual([1, 1, 1]);
  });

  it("a price cap removes pricier and unpriced parcels", () => {
    const { index } = makeIndex(5, 1, { [id(1)]: { price: 500_000 }, [id(3)]: { price: null } });
    const r = searchLand(index, query({ maxPrice: 400_000 }), ctx);
    expect(r.results.map((b) => b.parcelCount).sort()).toEqual([1, 1, 1]);
  });

  it("a handover deadline keeps only parcels that can be handed over by then", () => {
    const { index } = makeIndex(3, 1, { [id(2)]: { handover: "2027-09-01" }, [id(0)]: { handover: null } });
    const r = searchLand(index, query({ by: "2027-01-01" }), ctx);
    expect(r.results.map((b) => b.parcelCodes)).toEqual([["P-0000-0001"]]);
  });

  it("filters by industry, park and zone; an unknown park code finds nothing", () => {
    const { index } = makeIndex(3, 1, { [id(2)]: { industries: ["SILICON_ENERGY"], park: "park-2" } });
    expect(searchLand(index, query({ industry: "SILICON_ENERGY" }), ctx).results.map((b) => b.parcelCount)).toEqual([1]);
    expect(searchLand(index, query({ park: "xinhui-smart" }), ctx).results.map((b) => b.parcelCount)).toEqual([2]);
    // All three share the zone here and touch, so they form one block even across two parks.
    const byZone = searchLand(index, query({ zone: "fengshanhu" }), ctx).results;
    expect(byZone.map((b) => [b.parcelCount, b.parkIds.length])).toEqual([[3, 2]]);
    expect(searchLand(index, query({ park: "no-such-park" }), ctx).total).toBe(0);
  });

  it("counts readiness per item for the summary", () => {
    const { index } = makeIndex(2, 1, { [id(1)]: { readiness: { heating: null, gas: d("2027-01-01") } } });
    const block = searchLand(index, query(), ctx).results[0]!;
    const item = (k: ReadinessKey) => block.readiness.find((r) => r.key === k)!;
    expect(item("power")).toEqual({ key: "power", readyCount: 2, allReadyOn: "2025-01-01" });
    expect(item("gas")).toEqual({ key: "gas", readyCount: 1, allReadyOn: "2027-01-01" });
    expect(item("heating")).toEqual({ key: "heating", readyCount: 1, allReadyOn: null });
  });
});

describe("searchLand: views, sorting, paging", () => {
  it("the parcels view returns single parcels", () => {
    const { index } = makeIndex(3, 2);
    const r = searchLand(index, query({ view: "parcels" }), ctx);
    expect(r.total).toBe(6);
    expect(r.results.every((b) => b.parcelCount === 1)).toBe(true);
  });

  it("sorts by price and by ready date, unknowns last", () => {
    const { index } = makeIndex(5, 1, {
      [id(1)]: { status: "SOLD" },
      [id(3)]: { status: "SOLD" },
      [id(0)]: { price: 450_000, handover: "2027-01-01" },
      [id(2)]: { price: null, handover: null },
      [id(4)]: { price: 200_000, handover: "2026-12-01" },
    });
    expect(searchLand(index, query({ sort: "price-asc" }), ctx).results.map((b) => b.key)).toEqual(["P-0000-0004", "P-0000-0000", "P-0000-0002"]);
    expect(searchLand(index, query({ sort: "ready-asc" }), ctx).results.map((b) => b.key)).toEqual(["P-0000-0004", "P-0000-0000", "P-0000-0002"]);
  });

  it("pages results and clamps a page past the end", () => {
    const { index } = makeIndex(5, 1);
    const all = searchLand(index, query({ view: "parcels", sort: "area-asc" }), ctx, 2);
    expect(all.pageCount).toBe(3);
    const last = searchLand(index, query({ view: "parcels", page: 9 }), ctx, 2);
    expect(last.page).toBe(3);
    expect(last.results).toHaveLength(1);
  });
});

describe("landSearchSchema", () => {
  it("has defaults that make an empty URL a valid search", () => {
    expect(query()).toMatchObject({ unit: "mu", sort: "area-desc", view: "blocks", page: 1, reserved: false, ready: [] });
  });

  it("parses readiness lists, dedupes them, and rejects unknown items", () => {
    expect(query({ ready: "power, gas,power" }).ready).toEqual(["power", "gas"]);
    expect(query({ ready: ["power", "levelled"] }).ready).toEqual(["power", "levelled"]);
    expect(landSearchSchema.safeParse({ ready: "teleport" }).success).toBe(false);
  });

  it("reports field errors a person can act on", () => {
    const r = landSearchSchema.safeParse({ minArea: "600", maxArea: "500", maxPrice: "abc", by: "2027-13-45" });
    expect(r.success).toBe(false);
    const fields = r.error!.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(fields).toContain("maxPrice:finder.priceFormat");
    expect(fields).toContain("by:noSuchDate");
  });

  it("rejects a maximum area below the minimum", () => {
    const r = landSearchSchema.safeParse({ minArea: "600", maxArea: "500" });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ["maxArea"], message: "maxBelowMin" });
  });
});

describe("findBlock", () => {
  it("finds the whole block around any of its parcels, under the same filters", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { status: "SOLD" } });
    expect(findBlock(index, query(), ctx, "P-0000-0004")?.parcelCodes).toEqual(["P-0000-0003", "P-0000-0004"]);
    expect(findBlock(index, query({ reserved: "1" }), ctx, "P-0000-0000")?.parcelCount).toBe(2);
  });

  it("in the parcels view, returns the parcel alone", () => {
    const { index } = makeIndex(5, 1);
    const single = findBlock(index, query({ view: "parcels" }), ctx, "P-0000-0002");
    expect(single?.parcelCodes).toEqual(["P-0000-0002"]);
    expect(single?.key).toBe("P-0000-0002");
    expect(findBlock(index, query(), ctx, "P-0000-0002")?.parcelCount).toBe(5);
  });

  it("returns null when the parcel no longer passes the filters or does not exist", () => {
    const { index } = makeIndex(3, 1, { [id(1)]: { status: "SOLD" } });
    expect(findBlock(index, query(), ctx, "P-0000-0001")).toBeNull();
    expect(findBlock(index, query(), ctx, "NOPE")).toBeNull();
  });
});

describe("lookupBlock (the block page)", () => {
  it("finds a block by its key, the smallest code of the block", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { status: "SOLD" } });
    const found = lookupBlock(index, query(), ctx, "P-0000-0003");
    expect(found.kind === "found" && found.block.parcelCodes).toEqual(["P-0000-0003", "P-0000-0004"]);
  });

  it("is unknown for a code no parcel has and for a parcel code that is not its block's key", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { status: "SOLD" } });
    expect(lookupBlock(index, query(), ctx, "XX-0")).toEqual({ kind: "unknown" });
    // P-0000-0004 lies in the block keyed P-0000-0003: not a block's key.
    expect(lookupBlock(index, query(), ctx, "P-0000-0004")).toEqual({ kind: "unknown" });
  });

  it("is gone when the key parcel no longer passes the filters", () => {
    const { index } = makeIndex(5, 1, { [id(2)]: { status: "SOLD" } });
    expect(lookupBlock(index, query(), ctx, "P-0000-0002")).toEqual({ kind: "gone" });
    expect(lookupBlock(index, query({ maxPrice: "100" }), ctx, "P-0000-0000")).toEqual({ kind: "gone" });
  });

  it("in the parcels view, any available parcel is its own key", () => {
    const { index } = makeIndex(5, 1);
    expect(lookupBlock(index, query({ view: "parcels" }), ctx, "P-0000-0004").kind).toBe("found");
  });
});
