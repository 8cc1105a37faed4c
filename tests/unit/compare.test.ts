import { describe, expect, it } from "vitest";
import { MAX_COMPARE, parseCompare, toggleCompare } from "@/lib/search/compare";

describe("comparison list", () => {
  it("parses a comma list or repeated keys, dropping blanks and duplicates, keeping at most three", () => {
    expect(parseCompare("A,B,,A")).toEqual(["A", "B"]);
    expect(parseCompare(["A", "B,C", "D"])).toEqual(["A", "B", "C"]);
    expect(parseCompare(undefined)).toEqual([]);
    expect(MAX_COMPARE).toBe(3);
  });

  it("toggles a block in and out; a fourth pushes out the oldest", () => {
    expect(toggleCompare(["A"], "B")).toEqual(["A", "B"]);
    expect(toggleCompare(["A", "B"], "A")).toEqual(["B"]);
    expect(toggleCompare(["A", "B", "C"], "D")).toEqual(["B", "C", "D"]);
  });
});
