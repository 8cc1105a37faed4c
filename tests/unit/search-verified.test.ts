// "Verified on" in the investor search: a block is only as fresh as its least recently
// checked parcel, so it reports its oldest member's lastVerifiedOn (lib/search/search.ts).
import { describe, expect, it } from "vitest";
import { computeAdjacency } from "@/lib/land/adjacency";
import { bboxOf, polygonAreaM2 } from "@/lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { LandIndex, toDay, type LandRow } from "@/lib/search/land-index";
import { landSearchSchema } from "@/lib/search/schemas";
import { searchLand } from "@/lib/search/search";
import { gridParcels } from "./fixtures/land-grid";

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const ready = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, d("2025-01-01")])) as Record<ReadinessKey, Date | null>;

function index(verified: (string | null)[], statuses: string[] = []) {
  const grid = gridParcels(verified.length, 1);
  const rows: LandRow[] = grid.map((g, i) => ({
    id: g.id, code: g.id.toUpperCase(), parkId: "park-1", zoneId: null, county: "XINHUI", landUse: "INDUSTRIAL_M1",
    status: (statuses[i] ?? "AVAILABLE") as LandRow["status"], areaM2: polygonAreaM2(g.geometry), priceCnyPerMu: 300_000,
    handoverOn: d("2026-06-01"), readiness: ready, industries: [], bbox: bboxOf(g.geometry), lastVerifiedOn: verified[i] === null ? null : d(verified[i]!),
  }));
  return new LandIndex(rows, computeAdjacency(grid.map((g) => ({ id: g.id, geometry: g.geometry }))));
}
const ctx = { today: toDay(d("2026-11-23")), parkIdByCode: new Map(), zoneIdByCode: new Map() };

describe("a block's verified date", () => {
  it("is its oldest member's", () => {
    const { results } = searchLand(index(["2026-11-01", "2026-05-03", "2026-09-30"]), landSearchSchema.parse({}), ctx);
    expect(results).toHaveLength(1);
    expect(results[0]!.verifiedOn).toBe("2026-05-03");
  });

  it("counts only the members that pass the filters (a sold parcel splits the block)", () => {
    const { results } = searchLand(index(["2026-11-01", "2026-01-01", "2026-09-30"], ["AVAILABLE", "SOLD", "AVAILABLE"]), landSearchSchema.parse({ sort: "area-desc" }), ctx);
    expect(results.map((b) => b.verifiedOn).sort()).toEqual(["2026-09-30", "2026-11-01"]);
  });

  it("is unknown when no member has a date", () => {
    expect(searchLand(index([null, null]), landSearchSchema.parse({}), ctx).results[0]!.verifiedOn).toBeNull();
  });
});
