// The inquiry form's prefill from the search the investor came from (lib/inquiry/prefill.ts):
// the search's own figures (minimum area, power, water), the block's size only when the search
// named no area, and nothing in the land field when it had only a maximum.
import { describe, expect, it } from "vitest";
import { inquiryPrefill } from "@/lib/inquiry/prefill";
import { M2_PER_MU } from "@/lib/land/units";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";

const q = (qs: string) => landSearchSchema.parse(searchParamsToObject(new URLSearchParams(qs)));
const BLOCK_M2 = 320 * M2_PER_MU; // the block clicked: 320 mu

describe("land needed", () => {
  it("is the search's minimum when it had one, not the block's size", () => {
    expect(inquiryPrefill(q("minArea=200"), BLOCK_M2).values).toEqual({ landNeededMu: "200" });
    expect(inquiryPrefill(q("minArea=200&maxArea=400"), BLOCK_M2).values).toEqual({ landNeededMu: "200" });
  });

  it("reads the minimum in the search's unit, in mu", () => {
    // 10 ha = 150 mu; 5 acres = 30.35 mu, to one decimal.
    expect(inquiryPrefill(q("minArea=10&unit=ha"), BLOCK_M2).values.landNeededMu).toBe("150");
    expect(inquiryPrefill(q("minArea=5&unit=acre"), BLOCK_M2).values.landNeededMu).toBe("30.4");
  });

  it("is left blank with only a maximum, and the maximum is given as a hint", () => {
    const p = inquiryPrefill(q("maxArea=400"), BLOCK_M2);
    expect(p.values).toEqual({});
    expect(p.ceilingM2).toBeCloseTo(400 * M2_PER_MU, 6);
  });

  it("is the size of the block or parcel asked about when the search named no area", () => {
    expect(inquiryPrefill(q(""), BLOCK_M2)).toEqual({ values: { landNeededMu: "320" } });
    expect(inquiryPrefill(q(""), 52.46 * M2_PER_MU).values.landNeededMu).toBe("52.5");
    expect(inquiryPrefill(undefined, BLOCK_M2).values).toEqual({ landNeededMu: "320" });
  });

  it("is blank with neither a search area nor a subject", () => {
    expect(inquiryPrefill(q("industry=NEW_ENERGY_BATTERY"), null)).toEqual({ values: {} });
  });
});

describe("power and water", () => {
  it("carry the search's minimum capacities", () => {
    expect(inquiryPrefill(q("minArea=200&minPowerKva=5000&minWaterT=300"), BLOCK_M2).values).toEqual({ landNeededMu: "200", powerKva: "5000", waterTonsPerDay: "300" });
    expect(inquiryPrefill(q("maxArea=400&minPowerKva=5000"), BLOCK_M2).values).toEqual({ powerKva: "5000" });
  });

  it("rounds a fractional kVA up (the form takes whole kVA; never below the searched load) and keeps water as searched", () => {
    expect(inquiryPrefill(q("minPowerKva=2500.5&minWaterT=12.5"), null).values).toEqual({ powerKva: "2501", waterTonsPerDay: "12.5" });
  });
});
