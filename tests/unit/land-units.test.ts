import { describe, it, expect } from "vitest";
import { M2_PER_HA, M2_PER_MU, MU_PER_HA, haToM2, haToMu, m2ToHa, m2ToMu, muToHa, muToM2 } from "../../lib/land/units";

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
