// The one toolkit every public zod schema is built from (search query, park filter, inquiry).
// Browser-safe. Each field reads what a URL or a form sends (strings, possibly repeated) and
// gives exactly one issue when it refuses, whose message is ours (lib/validation/messages.ts),
// the true reason, and names the limit: a repeated single-valued parameter says so instead of
// one value winning; "0x10" or "1e3" is not a number a person typed; 30 February is not a day.
import { z } from "zod";
import { messageOf, type ValidationMessage } from "./messages";

/** "", whitespace only, null -> undefined: what an empty form field or `?key=` means. */
export function blankToUndefined(v: unknown): unknown {
  if (v === null) return undefined;
  if (typeof v === "string" && v.trim() === "") return undefined;
  return v;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (key: ValidationMessage, limit?: number): Parsed<never> => ({ ok: false, message: messageOf(key, limit) });

/**
 * A field that takes one value. An array (the parameter given twice: `?a=1&a=2`) is refused:
 * keeping either value would be a guess at what the sender meant.
 */
function singleValued<T>(parse: (v: unknown) => Parsed<T>) {
  return fieldFrom((v) => (Array.isArray(v) ? fail("repeated") : parse(v)));
}

/**
 * A field read by `parse` from the raw value. Built on preprocess, not `z.unknown().transform`:
 * zod 4 reports an absent key of the latter as "expected nonoptional" (its English default)
 * before the transform can apply a default or say "required".
 */
function fieldFrom<T>(parse: (v: unknown) => Parsed<T>) {
  return z.preprocess(
    (v, ctx) => {
      const r = parse(v);
      if (r.ok) return r.value;
      ctx.addIssue({ code: "custom", message: r.message, input: v });
      return z.NEVER;
    },
    z.custom<T>(() => true),
  );
}

// Fields with a default are not `.optional()`: zod skips the inner schema for undefined, so the
// default would never be applied; they return it themselves.

// ---------------------------------------------------------------------------------------------
// Numbers

/**
 * Plain decimal notation: digits, optionally grouped in thousands by commas ("1,500") or by
 * spaces ("1 500", as French and the inquiry form always allowed; one kind per number), an
 * optional decimal point, an optional minus (so "-5" is refused as not above zero, which is
 * the truth). A group that is not three digits ("1,5") is refused, not guessed at. No hex,
 * octal, binary, exponents, "Infinity" or a sign of "+": `Number()` reads "0x10" as 16 and
 * "1e308" as a huge number, which is not what anyone typed into a form.
 */
const DECIMAL = /^-?(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?$|^-?\.\d+$/;
const GROUP_SEPARATORS = /[, \u00a0\u202f]/g;

/**
 * Full-width ASCII (U+FF01-FF5E, what a Chinese input method types: "１，５００") as ASCII. Only
 * that block: NFKC would also turn "1²" into "12" and "①" into "1".
 */
const halfWidth = (s: string) => s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/**
 * The number a person wrote, or null when it is not plain decimal. Finite numbers pass through
 * (callers inside the app build queries from numbers).
 */
export function parseDecimal(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const s = halfWidth(v).trim();
  // The pattern is anchored and unambiguous (linear time), so any length may be tested; a
  // digit string too long for a double is still a number, just a huge one (Infinity: too large).
  if (!DECIMAL.test(s)) return null;
  return Number(s.replace(GROUP_SEPARATORS, ""));
}

/** n written without an exponent, so it reads back through parseDecimal to the same number. */
export function plainDecimal(n: number): string {
  const s = String(n);
  const e = s.indexOf("e");
  if (e < 0) return s;
  const negative = s.startsWith("-");
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exponent = Number(s.slice(e + 1));
  const [int = "", frac = ""] = mantissa.split(".");
  const digits = int + frac;
  const point = int.length + exponent;
  const body =
    point <= 0 ? `0.${"0".repeat(-point)}${digits}` : point >= digits.length ? digits + "0".repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? "-" : "") + body;
}

interface NumberOptions {
  /** largest accepted value (inclusive); the message names it */
  max: number;
  /** whole numbers only */
  int?: boolean;
}

function parseNumberField(v: unknown, { max, int }: NumberOptions): Parsed<number> {
  const n = parseDecimal(v);
  if (n === null) return fail("mustBeNumber");
  // Checked in this order so the message is the first thing wrong: 10^20 jobs is too large,
  // not "not whole" (zod's int() calls unsafe integers not whole).
  if (!(n > 0)) return fail("mustBePositive");
  if (n > max) return fail("tooLarge", max);
  if (int && !Number.isInteger(n)) return fail("mustBeWhole");
  return ok(n);
}

/** An optional number above zero and at most `max`; blank is "not given". */
export function optionalPositive(opts: NumberOptions) {
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(undefined) : parseNumberField(b, opts);
  }).optional();
}

/** A whole number from 1 to `max`, `fallback` when blank (a page number). */
export function positiveIntWithDefault(max: number, fallback: number) {
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(fallback) : parseNumberField(b, { max, int: true });
  });
}

/**
 * An optional single value that a domain reads itself (a drawn map area, an amount typed as
 * "25万"): `parse` gets the non-blank raw value and returns the value or a message string
 * (a key of lib/validation/messages.ts or of a domain's own message block); blank is "not given".
 */
export function optionalParsed<T>(parse: (v: unknown) => Parsed<T>) {
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(undefined) : parse(b);
  }).optional();
}

// ---------------------------------------------------------------------------------------------
// Dates

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/**
 * "YYYY-MM-DD" that names a day of the (proleptic Gregorian) calendar. Checked by arithmetic:
 * `Date.parse("2025-02-30")` quietly answers 2 March.
 */
export function parseIsoDate(v: unknown): Parsed<string> {
  if (typeof v !== "string") return fail("mustBeDate");
  const s = v.trim();
  const m = ISO_DATE.exec(s);
  if (!m) return fail("mustBeDate");
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return fail("noSuchDate");
  return ok(s);
}

/** An optional calendar date "YYYY-MM-DD"; blank is "not given". */
export function optionalIsoDate() {
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(undefined) : parseIsoDate(b);
  }).optional();
}

// ---------------------------------------------------------------------------------------------
// Text, choices, flags

// Bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069) are refused
// too: they make `\u202Egnp.exe` read as `exe.png` to the officer who sees the name.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE_ONLY = /^[\s\p{Cf}]*$/u;

function parseText(v: unknown, min: number, max: number, required: boolean): Parsed<string | undefined> {
  const b = blankToUndefined(v);
  if (b === undefined) return required ? fail("required") : ok(undefined);
  if (typeof b !== "string") return fail("invalid");
  // Text of nothing visible (zero-width spaces, joiners, a byte-order mark) is blank.
  const s = INVISIBLE_ONLY.test(b) ? "" : b.trim();
  if (s === "") return required ? fail("required") : ok(undefined);
  // NUL and other control characters are nobody's typing (PostgreSQL text cannot even hold
  // NUL): refused with a message instead of failing deep in a query. Tab and line breaks stay.
  if (CONTROL_CHARACTERS.test(s)) return fail("controlCharacters");
  if (s.length < min) return fail("tooShort", min);
  if (s.length > max) return fail("tooLong", max);
  return ok(s);
}

/** Trimmed text of `min` to `max` characters; blank is "required". */
export function requiredText(min: number, max: number, check?: (s: string) => ValidationMessage | null) {
  return singleValued((v) => {
    const r = parseText(v, min, max, true) as Parsed<string>;
    if (!r.ok || !check) return r;
    const problem = check(r.value);
    return problem ? fail(problem) : r;
  });
}

/** Optional trimmed text of at most `max` characters; blank is "not given". */
export function optionalText(max: number, check?: (s: string) => ValidationMessage | null) {
  return singleValued((v) => {
    const r = parseText(v, 0, max, false);
    if (!r.ok || r.value === undefined || !check) return r;
    const problem = check(r.value);
    return problem ? fail(problem) : r;
  }).optional();
}

type Choices<T extends string> = readonly T[] | Readonly<Record<string, T>>;
const valuesOf = <T extends string>(c: Choices<T>): readonly T[] => (Array.isArray(c) ? (c as readonly T[]) : Object.values(c));

function parseChoice<T extends string>(values: readonly T[], v: unknown): Parsed<T> {
  return typeof v === "string" && (values as readonly string[]).includes(v.trim()) ? ok(v.trim() as T) : fail("notAChoice");
}

/** One of `choices` (an array or a Prisma enum object); blank is "not given". */
export function optionalChoice<T extends string>(choices: Choices<T>) {
  const values = valuesOf(choices);
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(undefined) : parseChoice(values, b);
  }).optional();
}

/** One of `choices`, `fallback` when blank. */
export function choiceWithDefault<T extends string>(choices: Choices<T>, fallback: T) {
  const values = valuesOf(choices);
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? ok(fallback) : parseChoice(values, b);
  });
}

/** One of `choices`; blank is "required". */
export function requiredChoice<T extends string>(choices: Choices<T>) {
  const values = valuesOf(choices);
  return singleValued((v) => {
    const b = blankToUndefined(v);
    return b === undefined ? fail("required") : parseChoice(values, b);
  });
}

const TRUE = new Set(["1", "true", "on"]);
const FALSE = new Set(["0", "false", "off"]);

/** A checkbox in a URL or a form: absent/blank/"0" is false, "1"/"on"/"true" true, anything else refused. */
export function flag() {
  return singleValued((v): Parsed<boolean> => {
    if (typeof v === "boolean") return ok(v);
    const b = blankToUndefined(v);
    if (b === undefined) return ok(false);
    if (typeof b === "string" && TRUE.has(b.trim().toLowerCase())) return ok(true);
    if (typeof b === "string" && FALSE.has(b.trim().toLowerCase())) return ok(false);
    return fail("invalid");
  });
}

/**
 * A multi-valued list of `choices`: repeated keys (`ready=power&ready=gas`), a comma-separated
 * value (`ready=power,gas`) or both, deduplicated in order; an unknown item is refused.
 */
export function choiceList<T extends string>(choices: Choices<T>) {
  const values = valuesOf(choices);
  return fieldFrom((v): Parsed<T[]> => {
    const b = blankToUndefined(v);
    if (b === undefined) return ok([]);
    const parts = (Array.isArray(b) ? b : [b]).flatMap((s) => (typeof s === "string" ? s.split(",") : [s]));
    const out = new Set<T>();
    for (const part of parts) {
      if (typeof part === "string" && part.trim() === "") continue;
      const r = parseChoice(values, part);
      if (!r.ok) return r;
      out.add(r.value);
    }
    return ok([...out]);
  });
}

/** The object of a schema: a non-object input (JSON `null`, a string) gets our message too. */
export function fields<S extends z.ZodRawShape>(shape: S) {
  return z.object(shape, { error: messageOf("invalid") });
}
