import { describe, it, expect } from "vitest";
import { AREA_UNITS, M2_PER_ACRE, M2_PER_HA, M2_PER_MU, MU_PER_HA, acreToM2, fromM2, haToM2, haToMu, m2ToAcre, m2ToHa, m2ToMu, muToHa, muToM2, toM2 } from "../../lib/land/units";

describe("land units", () => {
  it("defines 1 mu as 1/15 ha", () => {
    expect(M2_PER_MU).toBeCloseTo(666.6667, 4);
    expect(M2_PER_HA).toBe(10000);
    expect(MU_PER_HA * M2_PER_MU).toBeCloseTo(M2_PER_HA, 9);
  });

  it("converts between m², mu and ha", () => {
    expect(muToM2(15)).toBe(10000);
    expect(m2ToMu(10000)).toBeCloseTo(15, 12);
    expect(m2ToHa(25000)).toBe(2.5);
    expect(haToM2(2.5)).toBe(25000);
    expect(muToHa(500)).toBeCloseTo(33.333, 3);
    expect(haToMu(2)).toBe(30);
  });

  it("round-trips a large-block threshold", () => {
    expect(m2ToMu(muToM2(500))).toBeCloseTo(500, 9);
    expect(m2ToHa(muToM2(500))).toBeCloseTo(33.33, 2);
  });
});

describe("acres and the unit table", () => {
  it("uses the international acre, exactly", () => {
    expect(M2_PER_ACRE).toBe(4046.8564224);
    expect(acreToM2(10)).toBeCloseTo(40468.564224, 9);
    expect(m2ToAcre(M2_PER_HA)).toBeCloseTo(2.4710538, 7);
    // 100 mu is 16.474 acres
    expect(m2ToAcre(muToM2(100))).toBeCloseTo(16.4737, 4);
  });

  it("converts every search unit to m² and back", () => {
    expect(AREA_UNITS).toEqual(["mu", "ha", "m2", "acre"]);
    expect(toM2(15, "mu")).toBe(10000);
    expect(toM2(2, "ha")).toBe(20000);
    expect(toM2(1234.5, "m2")).toBe(1234.5);
    expect(toM2(1, "acre")).toBe(4046.8564224);
    for (const u of AREA_UNITS) expect(fromM2(toM2(37.5, u), u)).toBeCloseTo(37.5, 9);
  });
});
