// Costs (#11): currency conversion and its rounding, acres, the zone-over-park resolution of
// allotment terms, the terms/rates/price schemas with bad input, the block capacity sums and
// the converted text investors read.
import { describe, expect, it } from "vitest";
import { summarizeCapacities } from "@/components/costs/capacities";
import { areaUnits } from "@/components/costs/area-units";
import { convertedText, foreignText } from "@/lib/money/converted-text";
import { resolveTerms, nothingStated } from "@/lib/costs/terms-resolve";
import { EMPTY_TERMS, saveTermsSchema, type TermsValues } from "@/lib/costs/terms-schemas";
import { updateParcelSchema } from "@/lib/land/parcel-schemas";
import { ACRE_M2, convertCny, m2ToAcres, roundConverted } from "@/lib/money/convert";
import { setRatesSchema } from "@/lib/money/rate-schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

const errorsOf = (r: { success: boolean; error?: unknown }) => (r.success ? {} : fieldErrorsOf(r.error as never));

describe("conversion", () => {
  it("rounds whole units from 100 and two decimals below, halves away from zero", () => {
    expect(roundConverted(4_513_888.89)).toBe(4_513_889);
    expect(roundConverted(100.5)).toBe(101);
    expect(roundConverted(99.994)).toBe(99.99);
    expect(roundConverted(99.995)).toBe(100);
    expect(roundConverted(1.005)).toBe(1.01);
    expect(roundConverted(0.125)).toBe(0.13);
    expect(roundConverted(-1.005)).toBe(-1.01);
  });
  it("converts CNY at yuan per unit, refuses a rate that is not positive", () => {
    // 250,000 / 7.12 = 35,112.359...
    expect(convertCny(250_000, 7.12)).toBe(35_112);
    expect(convertCny(250_000, 8.25)).toBe(30_303);
    expect(convertCny(500, 7.12)).toBe(70.22);
    expect(convertCny(1, 7.12)).toBe(0.14);
    expect(convertCny(250_000, 0)).toBeNull();
    expect(convertCny(250_000, -7)).toBeNull();
    expect(convertCny(Number.NaN, 7)).toBeNull();
  });
  it("an acre is 4,046.8564224 m²; 100 mu are 16.47 acres", () => {
    expect(ACRE_M2).toBe(4046.8564224);
    expect(m2ToAcres(ACRE_M2 * 3)).toBeCloseTo(3, 12);
    expect(areaUnits("en", 66_666.67)).toEqual({ m2: "66,667", mu: "100", ha: "6.67", acres: "16.47" });
    expect(areaUnits("zh", 1_000_000)).toEqual({ m2: "1,000,000", mu: "1,500", ha: "100", acres: "247.11" });
  });
  it("writes the converted text with the rate's date; one currency alone; none without rates", () => {
    const t = (key: string, v: Record<string, string | number> = {}) => `${key}|${Object.entries(v).map(([k, x]) => `${k}=${x}`).join(",")}`;
    const usd = { cnyPerUnit: 7.12, asOf: "2026-11-20", seed: false };
    const eur = { cnyPerUnit: 8.25, asOf: "2026-11-20", seed: false };
    expect(convertedText(t, "en", 250_000, { USD: usd, EUR: eur })).toBe("money.both|usd=USD 35,112,eur=EUR 30,303,date=2026-11-20");
    expect(convertedText(t, "zh", 500, { USD: usd })).toBe("money.one|amount=70.22 美元,date=2026-11-20");
    expect(convertedText(t, "en", 500, { USD: usd, EUR: { ...eur, asOf: "2026-11-19", seed: true } })).toBe("money.bothDates|usd=USD 70.22,eur=EUR 60.61,usdDate=2026-11-20,eurDate=2026-11-19 (money.seedOf|currencies=EUR)");
    expect(convertedText(t, "en", 500, {})).toBeNull();
    expect(foreignText("en", 1234.5, "EUR")).toBe("EUR 1,235");
  });
});

const terms = (over: Partial<TermsValues>): TermsValues => ({ ...EMPTY_TERMS, ...over });

describe("allotment terms: a zone's field overrides its park's, field by field", () => {
  it("takes the zone's stated fields, the park's for the rest, and says where each comes from", () => {
    const park = terms({ minInvestmentWanPerMu: 300, taxWanPerMuYear: 20, plotRatioMin: 1.2, plotRatioMax: 4, methods: ["LISTING"], incentivesEn: "Park text", sources: ["003"] });
    const zone = terms({ minInvestmentWanPerMu: 400, plotRatioMax: 5, methods: [], incentivesEn: " ", sources: ["illustrative"] });
    const r = resolveTerms(park, zone);
    expect(r.minInvestmentWanPerMu).toEqual({ value: 400, from: "zone" });
    expect(r.taxWanPerMuYear).toEqual({ value: 20, from: "park" });
    expect(r.plotRatioMin).toEqual({ value: 1.2, from: "park" });
    expect(r.plotRatioMax).toEqual({ value: 5, from: "zone" });
    // an empty list and blank text state nothing: the park's apply
    expect(r.methods).toEqual({ value: ["LISTING"], from: "park" });
    expect(r.incentivesEn).toEqual({ value: "Park text", from: "park" });
    expect(r.landUseTermYears).toBeNull();
    // sources of both are kept, the zone's first
    expect(r.sources).toEqual({ value: ["illustrative", "003"], from: "zone" });
  });
  it("park only, zone only, nothing", () => {
    expect(resolveTerms(terms({ landUseTermYears: 50 }), null).landUseTermYears).toEqual({ value: 50, from: "park" });
    expect(resolveTerms(null, terms({ landUseTermYears: 30 })).landUseTermYears).toEqual({ value: 30, from: "zone" });
    expect(nothingStated(resolveTerms(null, null))).toBe(true);
    expect(nothingStated(resolveTerms(terms({ taxWanPerMuYear: 1 }), null))).toBe(false);
  });
});

const TERMS_FORM = { owner: "park", ownerId: "cabc123", version: "0", minInvestmentWanPerMu: "300", taxWanPerMuYear: "", plotRatioMin: "1.2", plotRatioMax: "4", buildingDensityMinPct: "", buildingDensityMaxPct: "", landUseTermYears: "50", methods: ["LISTING", "AUCTION"], incentivesZh: "", incentivesEn: "", sources: "003, https://example.cn/rules 、illustrative" };

describe("the terms form's schema", () => {
  it("reads what the form sends: blanks as not stated, sources split and deduplicated", () => {
    const r = saveTermsSchema.parse(TERMS_FORM);
    expect(r).toMatchObject({ owner: "park", version: 0, minInvestmentWanPerMu: 300, plotRatioMax: 4, landUseTermYears: 50, methods: ["LISTING", "AUCTION"], sources: ["003", "https://example.cn/rules", "illustrative"] });
    expect(r.taxWanPerMuYear).toBeUndefined();
    expect(saveTermsSchema.parse({ ...TERMS_FORM, sources: "003\n003" }).sources).toEqual(["003"]);
  });
  it("names each bad field with its message", () => {
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, minInvestmentWanPerMu: "abc" }))).toEqual({ minInvestmentWanPerMu: "mustBeNumber" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, minInvestmentWanPerMu: "-5" }))).toEqual({ minInvestmentWanPerMu: "mustBePositive" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, buildingDensityMaxPct: "120" }))).toEqual({ buildingDensityMaxPct: "tooLarge:100" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, landUseTermYears: "50.5" }))).toEqual({ landUseTermYears: "mustBeWhole" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, plotRatioMin: "3", plotRatioMax: "2" }))).toEqual({ plotRatioMax: "maxBelowMin" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, buildingDensityMinPct: "60", buildingDensityMaxPct: "40" }))).toEqual({ buildingDensityMaxPct: "maxBelowMin" });
    // Every message in one round: a range the wrong way round beside other bad fields.
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, minInvestmentWanPerMu: "abc", plotRatioMin: "5", plotRatioMax: "1", buildingDensityMaxPct: "150", landUseTermYears: "-3" }))).toEqual({
      minInvestmentWanPerMu: "mustBeNumber", plotRatioMax: "maxBelowMin", buildingDensityMaxPct: "tooLarge:100", landUseTermYears: "mustBePositive",
    });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, plotRatioMin: "abc", plotRatioMax: "1" }))).toEqual({ plotRatioMin: "mustBeNumber" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, methods: ["RAFFLE"] }))).toEqual({ methods: "notAChoice" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, sources: "003, article 2" }))).toEqual({ sources: "source:article" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, sources: Array.from({ length: 11 }, (_, i) => `00${i % 10}${i}`.slice(-3)).join(",") }))).toEqual({ sources: "tooLong:10" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, owner: "county" }))).toEqual({ owner: "notAChoice" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, version: "-1" }))).toEqual({ version: "invalid" });
    expect(errorsOf(saveTermsSchema.safeParse({ ...TERMS_FORM, incentivesEn: "x".repeat(3001) }))).toEqual({ incentivesEn: "tooLong:3000" });
  });
});

describe("the rates form's schema", () => {
  it("takes one or both currencies with a date", () => {
    expect(setRatesSchema.parse({ usd: "7.12", eur: "", asOf: "2026-11-20" })).toEqual({ usd: 7.12, eur: undefined, asOf: "2026-11-20" });
    expect(setRatesSchema.parse({ usd: "７.１２", eur: "8.250001", asOf: "2026-11-20" })).toEqual({ usd: 7.12, eur: 8.250001, asOf: "2026-11-20" });
  });
  it("refuses bad input by field", () => {
    expect(errorsOf(setRatesSchema.safeParse({ usd: "", eur: "", asOf: "2026-11-20" }))).toEqual({ usd: "rateNeeded" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "seven", asOf: "2026-11-20" }))).toEqual({ usd: "mustBeNumber" });
    // A date still to come would stay "current" past any correction: refused.
    expect(errorsOf(setRatesSchema.safeParse({ usd: "7.2", asOf: "2999-01-01" }))).toEqual({ asOf: "rateInFuture" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "0", asOf: "2026-11-20" }))).toEqual({ usd: "mustBePositive" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "712", asOf: "2026-11-20" }))).toEqual({ usd: "tooLarge:100" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "7.1234567", asOf: "2026-11-20" }))).toEqual({ usd: "rateDecimals" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "7.12", asOf: "" }))).toEqual({ asOf: "required" });
    expect(errorsOf(setRatesSchema.safeParse({ usd: "7.12", asOf: "2026-02-30" }))).toEqual({ asOf: "noSuchDate" });
  });
});

describe("the parcel form's price and capacities", () => {
  const form = { parcelId: "cabcdefgh123", version: "3", status: "AVAILABLE" };
  it("reads the price as people in China type it", () => {
    for (const [typed, yuan] of [["25万", 250_000], ["250,000", 250_000], ["¥250,000 元", 250_000], ["２５万", 250_000], ["2.5万", 25_000], ["250000", 250_000]] as const) {
      expect(updateParcelSchema.parse({ ...form, priceCnyPerMu: typed }).priceCnyPerMu).toBe(yuan);
    }
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, priceCnyPerMu: "25万5" }))).toEqual({ priceCnyPerMu: "notAnAmount" });
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, priceCnyPerMu: "-25万" }))).toEqual({ priceCnyPerMu: "mustBePositive" });
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, priceCnyPerMu: "2亿" }))).toEqual({ priceCnyPerMu: "tooLarge:100000000" });
  });
  it("takes capacities as whole kVA, m³ and tonnes, the voltage as kV", () => {
    const r = updateParcelSchema.parse({ ...form, powerKva: "12,000", powerVoltageKv: "10.5", gasM3PerDay: "3000", waterTPerDay: "800", wastewaterTPerDay: "" });
    expect(r).toMatchObject({ powerKva: 12_000, powerVoltageKv: 10.5, gasM3PerDay: 3000, waterTPerDay: 800 });
    expect(r.wastewaterTPerDay).toBeUndefined();
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, powerKva: "100.5" }))).toEqual({ powerKva: "mustBeWhole" });
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, waterTPerDay: "lots" }))).toEqual({ waterTPerDay: "mustBeNumber" });
    expect(errorsOf(updateParcelSchema.safeParse({ ...form, powerVoltageKv: "5000" }))).toEqual({ powerVoltageKv: "tooLarge:1000" });
  });
});

describe("a block's capacities", () => {
  it("sums what the parcels state and counts how many state it", () => {
    const row = (powerKva: number | null, powerVoltageKv: number | null, waterTPerDay: number | null) => ({ code: "x", areaM2: 1, geometryIllustrative: true, powerKva, powerVoltageKv, gasM3PerDay: null, waterTPerDay, wastewaterTPerDay: null });
    const s = summarizeCapacities([row(5000, 10, 300), row(null, null, 200), row(12_000, 20, null)]);
    expect(s.total).toBe(3);
    expect(s.sums.powerKva).toEqual({ sum: 17_000, stated: 2 });
    expect(s.sums.waterTPerDay).toEqual({ sum: 500, stated: 2 });
    expect(s.sums.gasM3PerDay).toEqual({ sum: 0, stated: 0 });
    expect(s.voltage).toEqual({ min: 10, max: 20 });
  });
});

describe("labels", () => {
  it("every allotment method has a label for investors and for staff, in both languages", async () => {
    const { AllotmentMethod } = await import("@/lib/generated/prisma/enums");
    const { MESSAGES } = await import("@/i18n/messages");
    for (const locale of ["zh", "en"] as const) {
      expect(Object.keys(MESSAGES[locale].investor.costs.terms.method).sort()).toEqual(Object.values(AllotmentMethod).sort());
      expect(Object.keys(MESSAGES[locale].staff.settings.terms.method).sort()).toEqual(Object.values(AllotmentMethod).sort());
    }
  });
});
