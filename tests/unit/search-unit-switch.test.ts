// Changing the size filter's unit converts what was typed (lib/search/unit-switch.ts): the
// minimum rounded down and the maximum up, so the new range holds all the land the old one did.
import { describe, expect, it } from "vitest";
import { toM2 } from "@/lib/land/units";
import { convertTypedArea } from "@/lib/search/unit-switch";

describe("convertTypedArea", () => {
  it("converts 50-80 mu to acres, hectares and m², widening by at most one last digit", () => {
    expect(convertTypedArea("50", "mu", "acre", "min")).toBe("8.23");
    expect(convertTypedArea("80", "mu", "acre", "max")).toBe("13.18");
    expect(convertTypedArea("50", "mu", "ha", "min")).toBe("3.33");
    expect(convertTypedArea("80", "mu", "ha", "max")).toBe("5.34");
    expect(convertTypedArea("50", "mu", "m2", "min")).toBe("33333");
    expect(convertTypedArea("80", "mu", "m2", "max")).toBe("53334");
  });
  it("keeps exact conversions exact (15 mu is 1 ha, 1 ha is 10,000 m²) despite float noise", () => {
    expect(convertTypedArea("15", "mu", "ha", "max")).toBe("1");
    expect(convertTypedArea("15", "mu", "ha", "min")).toBe("1");
    expect(convertTypedArea("1", "ha", "mu", "max")).toBe("15");
    expect(convertTypedArea("2.5", "ha", "m2", "min")).toBe("25000");
  });
  it("never narrows: the converted minimum is at most, the maximum at least, the typed size", () => {
    for (const v of ["1", "7.5", "50", "333", "1200.25"]) {
      for (const to of ["ha", "acre", "m2"] as const) {
        expect(toM2(Number(convertTypedArea(v, "mu", to, "min")), to)).toBeLessThanOrEqual(toM2(Number(v), "mu") + 1e-6);
        expect(toM2(Number(convertTypedArea(v, "mu", to, "max")), to)).toBeGreaterThanOrEqual(toM2(Number(v), "mu") - 1e-6);
      }
    }
  });
  it("leaves blank, unreadable or same-unit figures as typed", () => {
    expect(convertTypedArea("", "mu", "ha", "min")).toBeNull();
    expect(convertTypedArea("abc", "mu", "ha", "min")).toBeNull();
    expect(convertTypedArea("1e3", "mu", "ha", "min")).toBeNull();
    expect(convertTypedArea("0", "mu", "ha", "min")).toBeNull();
    expect(convertTypedArea("50", "mu", "mu", "min")).toBeNull();
  });
});
