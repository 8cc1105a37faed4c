// The compare page's table rules: rows that differ, remove links keeping the filters, the one
// inquiry about every entry, and the location figures from a block's box.
import { describe, expect, it } from "vitest";
import { askAllHref, compareHref, nearestFromBox, removeHref, tableRow, valuesDiffer } from "@/lib/search/compare-table";
import { readCompareList } from "@/lib/search/compare";
import { landSearchSchema } from "@/lib/search/schemas";

const q = landSearchSchema.parse({ minArea: "300", park: "xinhui-smart-manufacturing", page: "3" });

describe("compare table", () => {
  it("marks a row as differing only when two or more present values are not all equal", () => {
    expect(valuesDiffer(["1", "1", "1"])).toBe(false);
    expect(valuesDiffer(["1", "2", "1"])).toBe(true);
    // A gone column has no value to differ with.
    expect(valuesDiffer(["1", null, "1"])).toBe(false);
    expect(valuesDiffer(["1", null])).toBe(false);
    expect(tableRow("area", "Area", ["12 ha", "13 ha"])).toEqual({ id: "area", label: "Area", cells: ["12 ha", "13 ha"], differs: true });
  });

  it("carries a second line per column (the USD/EUR equivalents) that does not decide 'differs'", () => {
    const row = tableRow("price", "Price per mu", ["CNY 250,000 per mu", "CNY 250,000 per mu"], ["≈ USD 34,507 · EUR 31,807", null]);
    expect(row).toEqual({ id: "price", label: "Price per mu", cells: ["CNY 250,000 per mu", "CNY 250,000 per mu"], notes: ["≈ USD 34,507 · EUR 31,807", null], differs: false });
  });

  it("removes one column by its entry, keeping the filters and the other entries in order", () => {
    const entries = ["XH-SM-B01-P01", "p:XH-SM-B02-P03", "JM-EU-B09-P01"];
    expect(removeHref("en", q, entries, "p:XH-SM-B02-P03")).toBe(`/en/compare?park=xinhui-smart-manufacturing&minArea=300&compare=${encodeURIComponent("XH-SM-B01-P01,JM-EU-B09-P01")}`);
    expect(removeHref("zh", landSearchSchema.parse({}), ["A"], "A")).toBe("/zh/compare");
    expect(compareHref("zh", landSearchSchema.parse({}), ["A", "B"])).toBe("/zh/compare?compare=A%2CB");
  });

  it("asks about every entry in one inquiry, with the filters that formed the blocks", () => {
    const href = askAllHref("en", q, ["XH-SM-B01-P01", "p:XH-SM-B02-P03"]);
    expect(href).toBe(`/en/inquiry?compare=${encodeURIComponent("XH-SM-B01-P01,p:XH-SM-B02-P03")}&park=xinhui-smart-manufacturing&minArea=300`);
    const back = new URL(href, "http://x").searchParams;
    expect(readCompareList(back.get("compare")).entries).toEqual(["XH-SM-B01-P01", "p:XH-SM-B02-P03"]);
  });

  it("measures the nearest port and interchange from the middle of the block's box", () => {
    const port = nearestFromBox([113.05, 22.4, 113.054, 22.402], "port")!;
    expect(port.point.id).toBe("port-xinhui");
    expect(Math.round(port.straightKm)).toBe(9);
    expect(port.minutes).toBe(25);
    expect(nearestFromBox([113.05, 22.4, 113.054, 22.402], "expressway")!.point.id).toBe("expressway-xinhui");
  });
});
