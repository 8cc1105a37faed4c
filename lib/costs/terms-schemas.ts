// The admins' allotment-terms form, one per park and one per zone (park.manage): the conditions
// an investor is asked to meet. One schema for the browser and the server. Browser-safe. Every
// field is sent every time: a blank field means "not stated" (for a zone: "as the park's").
import { z } from "zod";
import { AllotmentMethod } from "../generated/prisma/enums";
import { blankToUndefined, choiceList, fields, optionalPositive, optionalText, requiredChoice } from "../validation/fields";
import { recordId } from "../validation/record-fields";
import { messageOf } from "../validation/messages";

export const TERMS_OWNERS = ["park", "zone"] as const;
export type TermsOwner = (typeof TERMS_OWNERS)[number];
export const SOURCES_MAX = 10;

/** The version the form showed; 0 = no terms saved yet for this park or zone. */
const termsVersion = z.preprocess(
  (v, ctx) => {
    const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    if (/^(0|[1-9]\d{0,9})$/.test(s)) return Number(s);
    ctx.addIssue({ code: "custom", message: messageOf(s === "" ? "required" : "invalid"), input: v });
    return z.NEVER;
  },
  z.number(),
);

/**
 * An article's code (seeds: "000".."004", shown by its title), a web address, or the word
 * "illustrative" for figures nobody published (shown as such).
 */
export const ILLUSTRATIVE = "illustrative";
const SOURCE = /^(?:\d{3}|illustrative|https?:\/\/[^\s,，、]{3,300})$/;

/**
 * Sources typed into one box, separated by commas, spaces, "、" or line breaks, deduplicated in
 * order. An item that is neither is refused by name ("source:<item>") so the admin sees which.
 */
const sources = z.preprocess(
  (v, ctx) => {
    const b = blankToUndefined(v);
    if (b === undefined) return [];
    const raw = (Array.isArray(b) ? b : [b]).flatMap((s) => (typeof s === "string" ? s.split(/[\s,，、;；]+/) : [String(s)]));
    const out: string[] = [];
    for (const item of raw.map((s) => s.trim()).filter(Boolean)) {
      if (!SOURCE.test(item)) {
        ctx.addIssue({ code: "custom", message: `source:${item.slice(0, 40)}`, input: v });
        return z.NEVER;
      }
      if (!out.includes(item)) out.push(item);
    }
    if (out.length > SOURCES_MAX) {
      ctx.addIssue({ code: "custom", message: messageOf("tooLong", SOURCES_MAX), input: v });
      return z.NEVER;
    }
    return out;
  },
  z.array(z.string()),
);

export const termsFields = {
  /** 万元 per mu: 100,000 万元 = CNY 1 bn per mu is far beyond any park */
  minInvestmentWanPerMu: optionalPositive({ max: 100_000 }),
  taxWanPerMuYear: optionalPositive({ max: 10_000 }),
  plotRatioMin: optionalPositive({ max: 20 }),
  plotRatioMax: optionalPositive({ max: 20 }),
  buildingDensityMinPct: optionalPositive({ max: 100 }),
  buildingDensityMaxPct: optionalPositive({ max: 100 }),
  /** industrial land: up to 50 years by law; 70 leaves room for residential support land */
  landUseTermYears: optionalPositive({ max: 70, int: true }),
  methods: choiceList(AllotmentMethod),
  incentivesZh: optionalText(2000),
  incentivesEn: optionalText(3000),
  sources,
};

export const saveTermsSchema = fields({ owner: requiredChoice(TERMS_OWNERS), ownerId: recordId, version: termsVersion, ...termsFields }).superRefine(
  (v, ctx) => {
    if (typeof v !== "object" || v === null) return; // not a form at all: the object's own issue says so
    for (const [min, max] of [["plotRatioMin", "plotRatioMax"], ["buildingDensityMinPct", "buildingDensityMaxPct"]] as const) {
      const [lo, hi] = [v[min], v[max]];
      if (typeof lo === "number" && typeof hi === "number" && hi < lo) ctx.addIssue({ code: "custom", path: [max], message: messageOf("maxBelowMin") });
    }
  },
  // Checked even when another field is wrong, so the admin gets every message in one round
  // (by default zod skips an object's refinement after any field's issue); a pair whose own
  // fields failed is not compared (the typeof guards: those values are still as typed).
  { when: () => true },
);

export type SaveTermsInput = z.output<typeof saveTermsSchema>;

/** The terms as stored (null: not stated). The audit row, the conflict panel and the pages use this. */
export interface TermsValues {
  minInvestmentWanPerMu: number | null;
  taxWanPerMuYear: number | null;
  plotRatioMin: number | null;
  plotRatioMax: number | null;
  buildingDensityMinPct: number | null;
  buildingDensityMaxPct: number | null;
  landUseTermYears: number | null;
  methods: AllotmentMethod[];
  incentivesZh: string | null;
  incentivesEn: string | null;
  sources: string[];
}

export const TERMS_KEYS = Object.keys(termsFields) as (keyof TermsValues)[];

export const EMPTY_TERMS: TermsValues = {
  minInvestmentWanPerMu: null, taxWanPerMuYear: null, plotRatioMin: null, plotRatioMax: null, buildingDensityMinPct: null,
  buildingDensityMaxPct: null, landUseTermYears: null, methods: [], incentivesZh: null, incentivesEn: null, sources: [],
};

export function termsValuesOf(input: SaveTermsInput): TermsValues {
  return Object.fromEntries(TERMS_KEYS.map((k) => [k, (input as Record<string, unknown>)[k] ?? (k === "methods" || k === "sources" ? [] : null)])) as unknown as TermsValues;
}
