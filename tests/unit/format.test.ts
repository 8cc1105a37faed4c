import { describe, expect, it } from "vitest";
import { formatArea, formatFigure, formatList, formatMoney } from "@/lib/i18n/format";

describe("formatMoney", () => {
  it("writes Chinese amounts in 亿 and 万", () => {
    expect(formatMoney("zh", 428_332_000_000, "CNY")).toBe("4,283.32亿元");
    expect(formatMoney("zh", 20_000_000_000, "CNY")).toBe("200亿元");
    expect(formatMoney("zh", 350_000, "CNY")).toBe("35万元");
  });

  it("writes English amounts in billions and millions", () => {
    expect(formatMoney("en", 428_332_000_000, "CNY")).toBe("CNY 428.332 bn");
    expect(formatMoney("en", 15_000_000_000, "USD")).toBe("USD 15 bn");
    expect(formatMoney("en", 2_500_000, "CNY")).toBe("CNY 2.5 m");
  });
});

describe("formatFigure", () => {
  it("formats areas, counts and percentages in each language", () => {
    expect(formatFigure("zh", 1395, "km2")).toBe("1,395平方公里");
    expect(formatFigure("en", 1395, "km2")).toBe("1,395 km²");
    expect(formatFigure("en", 19, "count")).toBe("19");
    expect(formatFigure("zh", 6.5, "percent")).toBe("6.5%");
  });

  it("writes durations and rankings in each language", () => {
    expect(formatFigure("zh", 3, "years")).toBe("3年");
    expect(formatFigure("en", 3, "years")).toBe("3 years");
    expect(formatFigure("zh", 1, "rank")).toBe("第1");
    expect(formatFigure("en", 1, "rank")).toBe("No. 1");
  });

  it("joins lists the way each language does", () => {
    expect(formatList("en", ["Road", "Power", "Gas"])).toBe("Road, Power, and Gas");
    expect(formatList("zh", ["通路", "通电", "通燃气"])).toBe("通路、通电和通燃气");
  });

  it("keeps an unknown unit visible instead of dropping it", () => {
    expect(formatFigure("en", 3, "berths")).toBe("3 berths");
  });
});

describe("formatArea", () => {
  it("shows mu first in Chinese and hectares first in English (15 mu = 1 ha)", () => {
    const m2 = 333_333.33; // 500 mu
    expect(formatArea("zh", m2)).toBe("500亩（33.3公顷）");
    expect(formatArea("en", m2)).toBe("33.3 ha (500 mu)");
  });
});
