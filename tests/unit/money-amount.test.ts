import { describe, expect, it } from "vitest";
import { parseCnyAmount } from "@/lib/money/amount";

describe("parseCnyAmount", () => {
  it.each([
    ["250000", 250_000],
    ["250,000", 250_000],
    ["250 000", 250_000],
    ["25万", 250_000],
    ["25 万元", 250_000],
    ["２５万", 250_000],
    ["¥250,000", 250_000],
    ["￥25万元", 250_000],
    ["2.5亿", 250_000_000],
    ["12.34万", 123_400],
    ["CNY 250,000", 250_000],
    ["250000元", 250_000],
    ["0.5", 1],
  ])("reads %s as %d yuan", (text, yuan) => {
    expect(parseCnyAmount(text)).toBe(yuan);
  });

  it.each(["", "万", "25万5", "1,5万", "abc", "25千", "-25万", "1e5", "25$", "0x10"])("refuses %j", (text) => {
    // "-25万" is refused here as not an amount; callers then say "must be a number".
    expect(parseCnyAmount(text)).toBeNull();
  });
});
