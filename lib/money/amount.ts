// Money amounts as people in China type them: "25万", "25 万元", "2.5亿", "¥250,000",
// "250,000 元", full-width "２５万". Browser-safe (the forms check before sending).
// The result is whole yuan, or null when the text is not an amount (never a guess: "25万5" and
// "1,5万" are refused, as parseDecimal refuses "1,5").
import { parseDecimal } from "../validation/fields";

/** Multipliers of the Chinese number units a price is written with. */
const UNIT_MULTIPLIER: Record<string, number> = { "": 1, "万": 10_000, "亿": 100_000_000 };

const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

// Currency signs and words around the number that change nothing: ¥ / ￥ / CNY / RMB before,
// 元 / 人民币 / yuan after. The unit (万, 亿) sits between the number and 元.
const AMOUNT = /^(?:[¥￥]|cny|rmb)?\s*([0-9][0-9, .\u00a0\u202f]*)\s*(万|亿)?\s*(?:元|人民币|yuan|cny|rmb)?$/i;

/** Whole yuan from "25万" / "250,000" / "¥2.5亿"; null when it is not a plain amount. */
export function parseCnyAmount(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? Math.round(v) : null;
  if (typeof v !== "string") return null;
  const m = AMOUNT.exec(halfWidth(v).trim());
  if (!m) return null;
  const n = parseDecimal(m[1]!.trim());
  if (n === null) return null;
  return Math.round(n * UNIT_MULTIPLIER[m[2] ?? ""]!);
}
