import { describe, expect, it } from "vitest";
import { canAddToCompare, compareEntry, MAX_COMPARE, parseCompare, readCompareEntry, readCompareList, toggleCompare } from "@/lib/search/compare";
import { inquiryHref, resultHref } from "@/lib/search/links";
import { landSearchSchema } from "@/lib/search/schemas";

describe("comparison list", () => {
  it("parses a comma list or repeated keys, dropping blanks and duplicates, keeping at most three", () => {
    expect(parseCompare("A,B,,A")).toEqual(["A", "B"]);
    expect(parseCompare(["A", "B,C", "D"])).toEqual(["A", "B", "C"]);
    expect(parseCompare(undefined)).toEqual([]);
    expect(MAX_COMPARE).toBe(3);
  });

  it("names the entries past three of a hand-edited URL instead of losing them", () => {
    expect(readCompareList("A,B,C,D,E,A")).toEqual({ entries: ["A", "B", "C"], overflow: ["D", "E"] });
    expect(readCompareList("A,B")).toEqual({ entries: ["A", "B"], overflow: [] });
  });

  it("toggles a block in and out; a fourth is refused, nothing is dropped", () => {
    expect(toggleCompare(["A"], "B")).toEqual(["A", "B"]);
    expect(toggleCompare(["A", "B"], "A")).toEqual(["B"]);
    expect(toggleCompare(["A", "B", "C"], "D")).toEqual(["A", "B", "C"]);
    expect(toggleCompare(["A", "B", "C"], "B")).toEqual(["A", "C"]);
    expect(canAddToCompare(["A", "B"], "C")).toBe(true);
    expect(canAddToCompare(["A", "B", "C"], "D")).toBe(false);
    expect(canAddToCompare(["A", "B", "C"], "A")).toBe(false);
  });
});

describe("comparison entries", () => {
  it("remember whether a block or a single parcel was picked, whatever the view is later", () => {
    expect(compareEntry("blocks", "JM-A-1")).toBe("JM-A-1");
    expect(compareEntry("parcels", "JM-A-1")).toBe("p:JM-A-1");
    expect(readCompareEntry("p:JM-A-1")).toEqual({ kind: "parcel", key: "JM-A-1" });
    expect(readCompareEntry("JM-A-1")).toEqual({ kind: "block", key: "JM-A-1" });
    // The same parcel as a block and as itself are two different entries.
    expect(toggleCompare(["JM-A-1"], compareEntry("parcels", "JM-A-1"))).toEqual(["JM-A-1", "p:JM-A-1"]);
  });
});

describe("result links", () => {
  const blocks = landSearchSchema.parse({ minArea: "500", park: "jm-eu", page: "3" });
  const parcels = landSearchSchema.parse({ view: "parcels", minArea: "30" });

  it("send a block to its page and inquiry with the filters that formed it, from page 1", () => {
    expect(resultHref("en", blocks, "JM A/1")).toBe("/en/blocks/JM%20A%2F1?park=jm-eu&minArea=500");
    expect(inquiryHref("zh", blocks, "JM-1")).toBe("/zh/inquiry?block=JM-1&park=jm-eu&minArea=500");
  });

  it("send a parcel-view result to the parcel page and a parcel inquiry", () => {
    expect(resultHref("zh", parcels, "JM-1")).toBe("/zh/parcels/JM-1");
    expect(inquiryHref("en", parcels, "JM-1")).toBe("/en/inquiry?parcel=JM-1");
  });
});

