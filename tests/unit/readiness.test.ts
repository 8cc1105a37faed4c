import { describe, expect, it } from "vitest";
import { parcelReadiness, readinessState, READINESS_KEYS, type ReadinessKey } from "@/lib/land/readiness";

describe("readinessState (a block's item, as the result cards show it)", () => {
  it("is ready when every member is connected today", () => {
    expect(readinessState(10, 10, "2024-05-01")).toEqual({ kind: "ready" });
  });

  it("gives the planned date when no member is connected yet but all are scheduled", () => {
    // The block passing "gas by 2027-06-30": nothing connected today, all due 2027-03-31.
    expect(readinessState(0, 10, "2027-03-31")).toEqual({ kind: "planned", on: "2027-03-31" });
    expect(readinessState(4, 10, "2027-03-31")).toEqual({ kind: "planned", on: "2027-03-31" });
  });

  it("falls back to the count when some member has no date", () => {
    expect(readinessState(3, 10, null)).toEqual({ kind: "partial", ready: 3, total: 10 });
    expect(readinessState(0, 10, null)).toEqual({ kind: "partial", ready: 0, total: 10 });
  });
});

describe("parcelReadiness (the block page's parcel table)", () => {
  const none = Object.fromEntries(READINESS_KEYS.map((k) => [k, null])) as Record<ReadinessKey, string | null>;

  it("splits items into connected by today and planned later, in the items' order, skipping undated ones", () => {
    const r = { ...none, road: "2024-01-01", power: "2026-12-01", gas: "2027-03-31", water: "2027-01-15" };
    expect(parcelReadiness(r, "2026-12-01")).toEqual({
      ready: ["road", "power"],
      planned: [
        { key: "water", on: "2027-01-15" },
        { key: "gas", on: "2027-03-31" },
      ],
    });
    expect(parcelReadiness(none, "2026-12-01")).toEqual({ ready: [], planned: [] });
  });
});
