// The compact USD/EUR text beside CNY figures on the search cards, the compare table and the
// data sheets, and the footnote naming the rates and their date (verifier finding D12), with
// the real messages in both languages.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/i18n/messages";
import { compactConvertedText, ratesFootnote } from "@/lib/money/converted-text";

const tr = (locale: "zh" | "en") => {
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "investor.costs" });
  return (key: string, values?: Record<string, string | number>) => t(key as Parameters<typeof t>[0], values);
};
const RATES = { USD: { cnyPerUnit: 7.245, asOf: "2026-11-20", seed: false }, EUR: { cnyPerUnit: 7.86, asOf: "2026-11-20", seed: false } };

describe("compactConvertedText", () => {
  it("gives one figure or a range in each currency, rounded as lib/money/convert.ts rounds", () => {
    expect(compactConvertedText(tr("en"), "en", 250_000, null, RATES)).toBe("≈ USD 34,507 · EUR 31,807");
    expect(compactConvertedText(tr("en"), "en", 250_000, 250_000, RATES)).toBe("≈ USD 34,507 · EUR 31,807");
    expect(compactConvertedText(tr("en"), "en", 250_000, 270_000, RATES)).toBe("≈ USD 34,507–37,267 · EUR 31,807–34,351");
    expect(compactConvertedText(tr("zh"), "zh", 250_000, null, RATES)).toBe("约 34,507 美元 · 31,807 欧元");
    expect(compactConvertedText(tr("zh"), "zh", 250_000, 270_000, RATES)).toBe("约 34,507–37,267 美元 · 31,807–34,351 欧元");
    expect(compactConvertedText(tr("en"), "en", 500, null, RATES)).toBe("≈ USD 69.01 · EUR 63.61");
  });

  it("shows only the currencies with a rate, and nothing without one", () => {
    expect(compactConvertedText(tr("en"), "en", 250_000, null, { EUR: RATES.EUR })).toBe("≈ EUR 31,807");
    expect(compactConvertedText(tr("en"), "en", 250_000, null, {})).toBeNull();
    expect(compactConvertedText(tr("zh"), "zh", 250_000, null, { USD: { ...RATES.USD, cnyPerUnit: 0 } })).toBeNull();
  });
});

describe("ratesFootnote", () => {
  it("names both rates and the day they were set", () => {
    expect(ratesFootnote(tr("en"), "en", RATES)).toBe("≈ converted at CNY 7.2450 per USD, CNY 7.8600 per EUR, set 2026-11-20");
    expect(ratesFootnote(tr("zh"), "zh", RATES)).toBe("约数按 1 美元 = 7.2450 元，1 欧元 = 7.8600 元 折算，汇率 2026-11-20 设定");
  });

  it("gives each rate its own date when they differ, marks a seed rate, and is absent without rates", () => {
    const mixed = { USD: RATES.USD, EUR: { ...RATES.EUR, asOf: "2026-11-18", seed: true } };
    expect(ratesFootnote(tr("en"), "en", mixed)).toBe("≈ converted at CNY 7.2450 per USD (set 2026-11-20), CNY 7.8600 per EUR (set 2026-11-18) (illustrative seed rate for EUR)");
    // Both seeded: the note covers both.
    expect(ratesFootnote(tr("en"), "en", { USD: { ...RATES.USD, seed: true }, EUR: { ...RATES.EUR, seed: true } })).toBe("≈ converted at CNY 7.2450 per USD, CNY 7.8600 per EUR, set 2026-11-20 (illustrative seed rate)");
    expect(ratesFootnote(tr("zh"), "zh", mixed)).toBe("约数按 1 美元 = 7.2450 元（2026-11-20 设定），1 欧元 = 7.8600 元（2026-11-18 设定） 折算（其中欧元为示意种子汇率）");
    expect(ratesFootnote(tr("en"), "en", {})).toBeNull();
  });
});
