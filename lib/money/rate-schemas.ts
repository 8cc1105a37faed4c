// The admins' exchange-rate form (settings.manage): CNY per USD and per EUR as of a date. One
// schema for the browser and the server. Browser-safe. A blank currency is "not changed"; at
// least one must be given.
import { chinaDate } from "../calendar/china-time";
import { z } from "zod";
import { blankToUndefined, fields, parseDecimal, parseIsoDate } from "../validation/fields";
import { messageOf } from "../validation/messages";

/** Yuan per unit: far above any rate seen (USD ~7, EUR ~8), far below a typo of 10,000. */
export const RATE_MAX = 100;
/** The column is numeric(12,6): six decimals at most. */
const RATE_TEXT = /^\s*\d+(?:\.\d{1,6})?\s*$/;
/** Full-width digits (a Chinese input method's "７.１２") as ASCII, as parseDecimal reads them. */
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

const rate = z.preprocess(
  (v, ctx) => {
    const b = blankToUndefined(v);
    if (b === undefined) return undefined;
    if (Array.isArray(b)) {
      ctx.addIssue({ code: "custom", message: messageOf("repeated"), input: v });
      return z.NEVER;
    }
    const n = parseDecimal(b);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: messageOf("mustBeNumber"), input: v });
      return z.NEVER;
    }
    if (!(n > 0)) {
      ctx.addIssue({ code: "custom", message: messageOf("mustBePositive"), input: v });
      return z.NEVER;
    }
    if (n > RATE_MAX) {
      ctx.addIssue({ code: "custom", message: messageOf("tooLarge", RATE_MAX), input: v });
      return z.NEVER;
    }
    // More than six decimals would be cut by the column: refused rather than silently changed.
    if (typeof b === "string" && !RATE_TEXT.test(halfWidth(b).replace(/,/g, ""))) {
      ctx.addIssue({ code: "custom", message: "rateDecimals", input: v });
      return z.NEVER;
    }
    return n;
  },
  z.number().optional(),
);

const asOf = z.preprocess(
  (v, ctx) => {
    const b = blankToUndefined(v);
    if (b === undefined) {
      ctx.addIssue({ code: "custom", message: messageOf("required"), input: v });
      return z.NEVER;
    }
    const r = parseIsoDate(b);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message, input: v });
      return z.NEVER;
    }
    return r.value;
  },
  z.string(),
);

export const setRatesSchema = fields({ usd: rate, eur: rate, asOf }).superRefine((v, ctx) => {
  if (v.usd === undefined && v.eur === undefined) ctx.addIssue({ code: "custom", path: ["usd"], message: "rateNeeded" });
  // The newest date is the current rate: a date still to come would stay "current" past any
  // correction entered today, so it is refused (China's calendar day decides "today").
  if (v.asOf > chinaDate(new Date())) ctx.addIssue({ code: "custom", path: ["asOf"], message: "rateInFuture" });
});

export type SetRatesInput = z.output<typeof setRatesSchema>;
