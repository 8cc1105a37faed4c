// The staff parcel forms: one schema per form, used in the browser (before sending) and by the
// action on the server. Browser-safe: no database, no server modules.
//
// The edit form sends every field it shows: a blank field means "none" (a cleared price, an
// unplanned readiness item), so what is on screen is what is saved. Every form carries the
// version(s) it was opened at: a stale version is a conflict, never an overwrite.
import { z } from "zod";
import { ParcelStatus } from "../generated/prisma/enums";
import { blankToUndefined, fields, flag, optionalChoice, optionalIsoDate, optionalPositive, optionalText, requiredChoice, requiredText } from "../validation/fields";
import { messageOf } from "../validation/messages";
import { CAPACITY_MAX } from "./capacity-limits";
import { READINESS_ITEMS, type ReadinessColumn } from "./readiness";
import { optionalCnyAmount } from "../money/amount-field";

export const REASON_MAX = 500;
/** CNY per mu: far above any park's price, far below float trouble. */
export const PRICE_MAX = 100_000_000;
export const PLOT_RATIO_MAX = 20;
/** One bulk change touches at most this many parcels (a park's whole plan fits). */
export const BULK_MAX = 1000;

/** The version a form showed: a whole number from 1. */
export const versionField = z.preprocess(
  (v, ctx) => {
    const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    if (/^[1-9]\d{0,9}$/.test(s)) return Number(s);
    ctx.addIssue({ code: "custom", message: messageOf(s === "" ? "required" : "invalid"), input: v });
    return z.NEVER;
  },
  z.number(),
);

/** A Parcel.id (cuid): lower-case letters and digits. */
const PARCEL_ID = /^[a-z0-9]{8,40}$/;
const parcelId = requiredText(8, 40, (s) => (PARCEL_ID.test(s) ? null : "invalid"));

const readinessShape = Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, optionalIsoDate()])) as Record<
  ReadinessColumn,
  ReturnType<typeof optionalIsoDate>
>;

/** Utility capacities (limits shared with the cadastre import: lib/land/capacity-limits.ts). */
const capacityShape = {
  powerKva: optionalPositive({ max: CAPACITY_MAX.powerKva, int: true }),
  powerVoltageKv: optionalPositive({ max: CAPACITY_MAX.powerVoltageKv }),
  gasM3PerDay: optionalPositive({ max: CAPACITY_MAX.gasM3PerDay, int: true }),
  waterTPerDay: optionalPositive({ max: CAPACITY_MAX.waterTPerDay, int: true }),
  wastewaterTPerDay: optionalPositive({ max: CAPACITY_MAX.wastewaterTPerDay, int: true }),
};

export const updateParcelSchema = fields({
  parcelId,
  version: versionField,
  status: requiredChoice(ParcelStatus),
  /** why: required for some status moves (lib/land/status-transitions.ts), kept in the audit row */
  reason: optionalText(REASON_MAX),
  /** what people type in China: "25万", "250,000", "¥250,000 元" (lib/money/amount.ts) */
  priceCnyPerMu: optionalCnyAmount(PRICE_MAX),
  plotRatioMin: optionalPositive({ max: PLOT_RATIO_MAX }),
  plotRatioMax: optionalPositive({ max: PLOT_RATIO_MAX }),
  ...capacityShape,
  ...readinessShape,
  handoverOn: optionalIsoDate(),
  /** "checked on site": last verified becomes today (China date) */
  verified: flag(),
}).superRefine((v, ctx) => {
  if (v.plotRatioMin !== undefined && v.plotRatioMax !== undefined && v.plotRatioMax < v.plotRatioMin) {
    ctx.addIssue({ code: "custom", path: ["plotRatioMax"], message: messageOf("maxBelowMin") });
  }
});

export type UpdateParcelInput = z.output<typeof updateParcelSchema>;

/** One selected parcel as the list sends it: "<id>:<version>" (the row's checkbox value). */
const selected = z.preprocess(
  (v, ctx) => {
    const m = typeof v === "string" ? /^([a-z0-9]{8,40}):([1-9]\d{0,9})$/.exec(v.trim()) : null;
    if (m) return { id: m[1]!, version: Number(m[2]) };
    ctx.addIssue({ code: "custom", message: messageOf("invalid"), input: v });
    return z.NEVER;
  },
  z.object({ id: z.string(), version: z.number() }),
);

/** A repeated form field (`parcel=a:1&parcel=b:2`) arrives as an array, a single one as a string. */
const selection = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(selected)
    .min(1, { error: messageOf("required") })
    .max(BULK_MAX, { error: messageOf("tooLarge", BULK_MAX) })
    .refine((list) => new Set(list.map((p) => p.id)).size === list.length, { error: messageOf("repeated") }),
);

export const bulkUpdateSchema = fields({
  parcels: selection,
  /** blank: leave each parcel's status as it is */
  status: optionalChoice(ParcelStatus),
  reason: optionalText(REASON_MAX),
  verified: flag(),
  /** blank: leave each parcel's handover date as it is */
  handoverOn: optionalIsoDate(),
}).superRefine((v, ctx) => {
  if (v.status === undefined && !v.verified && v.handoverOn === undefined) {
    ctx.addIssue({ code: "custom", path: ["form"], message: "nothingToChange" });
  }
});

export type BulkUpdateInput = z.output<typeof bulkUpdateSchema>;

export const LIST_PAGE_SIZE = 50;
export const LIST_MAX_PAGE = 10_000;
export const CODE_QUERY_MAX = 80;
/** The list's "these parcels" filter (a block's codes): at most this many codes. */
export const CODES_MAX = BULK_MAX;

/** Comma- or space-separated parcel codes (a block's members), deduplicated. */
const codeList = z.preprocess(
  (v, ctx) => {
    const b = blankToUndefined(Array.isArray(v) ? v.join(",") : v);
    if (b === undefined) return [];
    if (typeof b !== "string") {
      ctx.addIssue({ code: "custom", message: messageOf("invalid"), input: v });
      return z.NEVER;
    }
    const codes = [...new Set(b.split(/[\s,]+/).filter(Boolean))];
    if (codes.length > CODES_MAX || codes.some((c) => c.length > CODE_QUERY_MAX)) {
      ctx.addIssue({ code: "custom", message: messageOf("tooLarge", CODES_MAX), input: v });
      return z.NEVER;
    }
    return codes;
  },
  z.array(z.string()),
);

export const parcelListSchema = fields({
  /** code contains this (case-insensitive); a code typed whole still finds its parcel first */
  q: optionalText(CODE_QUERY_MAX),
  /** Park.code */
  park: optionalText(80),
  /** Zone.code */
  zone: optionalText(80),
  status: optionalChoice(ParcelStatus),
  /** not verified for more than LAND_VERIFY_AFTER_DAYS */
  toVerify: flag(),
  /** exactly these parcels (e.g. every parcel of a block) */
  codes: codeList,
  page: z.preprocess((v) => blankToUndefined(v) ?? "1", z.coerce.number().int().min(1).max(LIST_MAX_PAGE)).catch(1),
});

export type ParcelListFilters = z.output<typeof parcelListSchema>;
const LIST_KEYS = ["q", "park", "zone", "status", "toVerify", "codes", "page"] as const;

/**
 * The filters with every valid field applied and a message for each refused one (a bad value
 * never costs the admin the rest of the view).
 */
export function parseParcelList(raw: Record<string, unknown>): { filters: ParcelListFilters; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  for (const key of LIST_KEYS) {
    const r = (parcelListSchema.shape[key] as z.ZodType).safeParse(raw[key]);
    if (r.success) out[key] = r.data;
    else {
      errors[key] = r.error.issues[0]?.message ?? messageOf("invalid");
      out[key] = (parcelListSchema.shape[key] as z.ZodType).safeParse(undefined).data;
    }
  }
  return { filters: out as ParcelListFilters, errors };
}

/** The filters as URL parameters (defaults left out), for links and pagination. */
export function toParcelListParams(f: Partial<ParcelListFilters>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.q) p.set("q", f.q);
  if (f.park) p.set("park", f.park);
  if (f.zone) p.set("zone", f.zone);
  if (f.status) p.set("status", f.status);
  if (f.toVerify) p.set("toVerify", "1");
  if (f.codes?.length) p.set("codes", f.codes.join(","));
  if (f.page && f.page > 1) p.set("page", String(f.page));
  return p;
}
