// Fields of the admins' record forms (parks, zones, projects), on top of the shared toolkit
// (lib/validation/fields.ts). Browser-safe. Messages are "validation" keys, or keys of the
// record pages' own "fieldErrors" (coordinate, code, codeList) that the forms translate.
import { z } from "zod";
import { blankToUndefined, optionalText, parseDecimal, requiredText } from "./fields";
import { messageOf } from "./messages";

/** The row's version the form was rendered from: a change saved since then is a conflict. */
export const version = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v) : v),
  z.number({ error: messageOf("invalid") }).int({ error: messageOf("invalid") }).min(1, { error: messageOf("invalid") }),
);

/** A record's code, as it appears in public URLs (/parks/<code>): lower case, digits, hyphens. */
const CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const recordCode = requiredText(2, 60).refine((s) => CODE.test(s), { error: "code" });
export const isRecordCode = (s: string) => CODE.test(s) && s.length <= 60;

/** A database id (cuid): nothing a person types. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
export const recordId = requiredText(1, 64, (s) => (ID.test(s) ? null : "invalid"));

const PHONE = /^\+?[0-9 ()-]{6,25}$/;
const EMAIL = z.email();
export const optionalPhone = optionalText(25, (s) => (PHONE.test(s) ? null : "phone"));
export const optionalEmail = optionalText(200, (s) => (EMAIL.safeParse(s).success ? null : "email"));

/**
 * A required coordinate in decimal degrees within [min, max] (the Jiangmen area: a centre in
 * another province is a typo, e.g. latitude and longitude swapped). Unlike optionalPositive,
 * the bound is named both ways: "coordinate:min:max".
 */
export function coordinate(min: number, max: number) {
  return z.preprocess(
    (v, ctx) => {
      const b = blankToUndefined(v);
      if (b === undefined) {
        ctx.addIssue({ code: "custom", message: messageOf("required"), input: v });
        return z.NEVER;
      }
      const n = Array.isArray(b) ? null : parseDecimal(b);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: messageOf("mustBeNumber"), input: v });
        return z.NEVER;
      }
      if (n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `coordinate:${min}:${max}`, input: v });
        return z.NEVER;
      }
      return n;
    },
    z.number(),
  );
}

/**
 * Codes typed into one box, separated by commas, spaces, "、" or line breaks (as a list copied
 * from a spreadsheet arrives), deduplicated in order. An item that cannot be a code is refused
 * by name ("codeList:<item>") so the admin sees which one.
 */
export function codeList(max: number) {
  return z.preprocess(
    (v, ctx) => {
      const b = blankToUndefined(v);
      if (b === undefined) return [];
      const raw = (Array.isArray(b) ? b : [b]).flatMap((s) => (typeof s === "string" ? s.split(/[\s,，、;；]+/) : [String(s)]));
      const out: string[] = [];
      for (const item of raw) {
        const code = item.trim();
        if (!code) continue;
        if (code.length > 60 || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(code)) {
          ctx.addIssue({ code: "custom", message: `codeList:${code.slice(0, 40)}`, input: v });
          return z.NEVER;
        }
        if (!out.includes(code)) out.push(code);
      }
      if (out.length > max) {
        ctx.addIssue({ code: "custom", message: messageOf("tooLong", max), input: v });
        return z.NEVER;
      }
      return out;
    },
    z.array(z.string()),
  );
}
