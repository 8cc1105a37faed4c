// The staff management forms: one schema each, used by the page's forms in the browser and by
// the actions on the server. Browser-safe. Field messages are keys of messages/*.json
// "validation" (the shared toolkit) or, for the password, the policy's own "password.*" keys.
import { z } from "zod";
import { newPasswordSchema } from "../auth/password";
import { Role } from "../generated/prisma/enums";
import { addressKey } from "../mail/address";
import { fields, requiredChoice, requiredText } from "../validation/fields";
import { messageOf } from "../validation/messages";

export const ROLES = Object.values(Role);
export const PASSWORD_MODES = ["generate", "type"] as const;

const EMAIL = z.email();
/** cuid()s and the like: what a Park.id or User.id looks like, nothing a person types. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Stored and compared normalised (NFKC, trimmed, lower case), as the sign-in form reads it. */
const email = requiredText(3, 200, (s) => (EMAIL.safeParse(addressKey(s)).success ? null : "email")).transform(addressKey);

const id = requiredText(1, 64, (s) => (ID.test(s) ? null : "invalid"));

/** The row's version the form was rendered from: a change made since then is a conflict. */
const version = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v) : v),
  z.number({ error: messageOf("invalid") }).int({ error: messageOf("invalid") }).min(1, { error: messageOf("invalid") }),
);

/** Checked boxes: one value, several (repeated form keys), or none; deduplicated in order. */
const parkIds = z.preprocess(
  (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.string().regex(ID, { error: messageOf("invalid") }), { error: messageOf("invalid") })
    .max(200, { error: messageOf("tooLong", 200) })
    .transform((ids) => [...new Set(ids)]),
);

export const createStaffSchema = fields({
  name: requiredText(1, 100),
  email,
  role: requiredChoice(ROLES),
  /** only officers answer for parks; an admin's list is ignored */
  parkIds,
  /** "generate": the server makes a password and shows it once; "type": the admin gives one */
  passwordMode: requiredChoice(PASSWORD_MODES),
  password: z.unknown().optional(),
}).transform((v, ctx) => {
  let password: string | null = null;
  if (v.passwordMode === "type") {
    const r = newPasswordSchema.safeParse(typeof v.password === "string" ? v.password : "");
    if (!r.success) {
      ctx.addIssue({ code: "custom", path: ["password"], message: r.error.issues[0]?.message ?? "password.tooShort" });
      return z.NEVER;
    }
    password = r.data;
  }
  return { name: v.name, email: v.email, role: v.role, parkIds: v.role === "OFFICER" ? v.parkIds : [], password };
});

export const setDisabledSchema = fields({ userId: id, version, disabled: z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1" ? true : v === false || v === "false" || v === "0" ? false : v, z.boolean({ error: messageOf("invalid") })) });
export const changeRoleSchema = fields({ userId: id, version, role: requiredChoice(ROLES) });
export const setParksSchema = fields({ userId: id, version, parkIds });

export const sendResetSchema = fields({ userId: id });

export type CreateStaffInput = z.output<typeof createStaffSchema>;
export type SetDisabledInput = z.output<typeof setDisabledSchema>;
export type ChangeRoleInput = z.output<typeof changeRoleSchema>;
export type SetParksInput = z.output<typeof setParksSchema>;
