// The data sheet's costs section with the admin-set exchange rates: each CNY figure with its
// USD/EUR equivalents and a row naming the rates and their date; CNY only without a rate
// (verifier finding D12). Exact lines, both languages, as the PDF prints them.
import { describe, expect, it } from "vitest";
import { blockSheet, parcelSheet } from "@/lib/sheets/block-model";
import type { SheetModel } from "@/lib/sheets/sheet";
import { blockInput, parcelA } from "./sheet-fixture";

const RATES = { USD: { cnyPerUnit: 7.245, asOf: "2026-11-20", seed: false }, EUR: { cnyPerUnit: 7.86, asOf: "2026-11-20", seed: false } };
const costs = (m: SheetModel) => m.sections.find((s) => s.heading === (m.locale === "zh" ? "费用" : "Costs"))!.rows.map((r) => `${r.label}: ${r.value}`);

describe("data sheet costs with exchange rates", () => {
  it("en: every CNY figure with USD and EUR, and the rates with their date", () => {
    const input = blockInput("en");
    expect(costs(blockSheet({ ...input, ctx: { ...input.ctx, rates: RATES } }))).toEqual([
      "Price (CNY per mu): CNY 250,000 to 270,000 per mu ≈ USD 34,507–37,267 · EUR 31,807–34,351",
      "Indicative land price, total: CNY 46,000,000 ≈ USD 6,349,206 · EUR 5,852,417",
      "Minimum investment for this size: CNY 540,000,000 ≈ USD 74,534,161 · EUR 68,702,290",
      "Expected tax for this size: CNY 36,000,000 a year ≈ USD 4,968,944 · EUR 4,580,153",
      "Exchange rates (≈ figures): ≈ converted at CNY 7.2450 per USD, CNY 7.8600 per EUR, set 2026-11-20",
    ]);
  });

  it("zh: the same figures in Chinese", () => {
    const input = blockInput("zh");
    expect(costs(blockSheet({ ...input, ctx: { ...input.ctx, rates: RATES } }))).toEqual([
      "价格（元/亩）: 250,000至270,000元/亩 约 34,507–37,267 美元 · 31,807–34,351 欧元",
      "参考地价合计: 46,000,000元 约 6,349,206 美元 · 5,852,417 欧元",
      "该面积最低投资额: 540,000,000元 约 74,534,161 美元 · 68,702,290 欧元",
      "该面积预期税收: 每年36,000,000元 约 4,968,944 美元 · 4,580,153 欧元",
      "汇率（约数）: 约数按 1 美元 = 7.2450 元，1 欧元 = 7.8600 元 折算，汇率 2026-11-20 设定",
    ]);
  });

  it("a parcel sheet converts its price and total", () => {
    const input = blockInput("en");
    const m = parcelSheet({ locale: "en", parcel: parcelA, neighbours: [], terms: null, park: input.parks[0]!, ctx: { ...input.ctx, rates: { USD: RATES.USD } } });
    expect(costs(m)).toEqual([
      "Price (CNY per mu): CNY 250,000 per mu ≈ USD 34,507",
      "Indicative land price, total: CNY 30,000,000 ≈ USD 4,140,787",
      "Exchange rates (≈ figures): ≈ converted at CNY 7.2450 per USD, set 2026-11-20",
    ]);
  });

  it("without a rate, or with nothing priced, the costs stay CNY only and name no rate", () => {
    const input = blockInput("en");
    expect(costs(blockSheet({ ...input, ctx: { ...input.ctx, rates: {} } }))).toEqual([
      "Price (CNY per mu): CNY 250,000 to 270,000 per mu", "Indicative land price, total: CNY 46,000,000",
      "Minimum investment for this size: CNY 540,000,000", "Expected tax for this size: CNY 36,000,000 a year",
    ]);
    const bare = blockSheet({ ...input, terms: null, block: { ...input.block, priceMin: null, priceMax: null, indicativeTotalCny: null }, ctx: { ...input.ctx, rates: RATES } });
    expect(costs(bare)).toEqual(["Price (CNY per mu): not stated", "Indicative land price, total: not stated"]);
  });
});
