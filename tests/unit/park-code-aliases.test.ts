// Retired park codes (lib/parks/code-aliases.ts): what the redirects and the search filter read.
import { describe, expect, it } from "vitest";
import { currentParkCode, PARK_CODE_ALIASES, queryWithCurrentPark, renamedParkCode } from "@/lib/parks/code-aliases";
import { searchParamsToObject } from "@/lib/search/schemas";

describe("park code aliases", () => {
  it("maps the retired Daguanghai code to the new one and leaves every other code alone", () => {
    expect(renamedParkCode("dagwanghai-bay-economic-zone")).toBe("daguanghai-bay-economic-zone");
    expect(renamedParkCode("daguanghai-bay-economic-zone")).toBeNull();
    expect(renamedParkCode("toString")).toBeNull();
    expect(currentParkCode("yinhu-bay")).toBe("yinhu-bay");
    // No chains: every alias points at a code that is not itself retired.
    for (const to of Object.values(PARK_CODE_ALIASES)) expect(renamedParkCode(to)).toBeNull();
  });

  it("rewrites a search URL's park only, keeping repeated and other parameters in order", () => {
    const raw = searchParamsToObject(new URLSearchParams("county=TAISHAN&park=dagwanghai-bay-economic-zone&ready=power&ready=gas&compare=A"));
    expect(queryWithCurrentPark(raw)?.toString()).toBe("county=TAISHAN&park=daguanghai-bay-economic-zone&ready=power&ready=gas&compare=A");
    expect(queryWithCurrentPark(searchParamsToObject(new URLSearchParams("park=yinhu-bay")))).toBeNull();
    expect(queryWithCurrentPark({})).toBeNull();
    // A repeated park is the schema's "repeated" error to report, not a redirect.
    expect(queryWithCurrentPark({ park: ["dagwanghai-bay-economic-zone", "x"] })).toBeNull();
  });
});
