// Staff passwords: argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane),
// and a policy checked by one zod schema shared by every form that sets a password (the
// account page, the create-admin command, the staff management page).
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";
import { COMMON_BASE_WORDS, COMMON_LONG_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; a cap keeps a megabyte "password" from becoming a cheap attack. */
export const PASSWORD_MAX_LENGTH = 128;
/** Once the e-mail or the portal's name is taken out, this much must be left. */
export const PASSWORD_MIN_LENGTH_BEYOND_NAMES = 8;

export const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), ARGON2_OPTIONS);
}

/** false for a wrong password and for anything that is not an argon2 hash (never throws). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith("$argon2")) return false;
  try {
    return await verify(passwordHash, password.normalize("NFKC"));
  } catch {
    return false;
  }
}

/** Names everybody knows the portal by: a password built on them is guessed first. */
const PORTAL_NAMES = ["jiangmen", "江门", "jmportal", "invest.jiangmen"];
const COMMON_LONG = new Set(COMMON_LONG_PASSWORDS);
const COMMON_BASE = new Set(COMMON_BASE_WORDS);
const LEET: Record<string, string> = { "0": "o", "@": "a", "3": "e", $: "s", "!": "i", "4": "a", "7": "t" };

export type PasswordIssue = "password.tooShort" | "password.tooLong" | "password.common" | "password.containsName" | "password.pattern";

/** The string is `unit` repeated (at least twice). */
function isRepetition(s: string, maxUnit = s.length / 2): boolean {
  for (let size = 1; size <= maxUnit; size++) {
    if (s.length % size === 0 && s.slice(0, size).repeat(s.length / size) === s) return true;
  }
  return false;
}

/** Every character one code point above (or below) the one before: "abcdef...", "98765...". */
function isSequence(s: string): boolean {
  const codes = [...s].map((c) => c.codePointAt(0)!);
  const step = codes[1]! - codes[0]!;
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1]! === step);
}

/** A common word padded with digits, symbols or a repeat of itself ("Password2024!", "adminadmin"). */
function isPaddedCommonWord(lower: string): boolean {
  const leet = (s: string) => [...s].map((c) => LEET[c] ?? c).join("").replace(/[^\p{L}]/gu, "");
  const plain = lower.replace(/[^\p{L}]/gu, "");
  // The padding (digits and symbols before and after) is not leet-speak: "p@ssw0rd-2026".
  const core = lower.replace(/^[^\p{L}@$]+|[^\p{L}]+$/gu, "");
  return [leet(lower), leet(core), plain].some((w) => {
    if (!w) return false;
    if (COMMON_BASE.has(w)) return true;
    for (let size = 1; size <= w.length / 2; size++) {
      if (w.length % size === 0 && COMMON_BASE.has(w.slice(0, size)) && isRepetition(w, size)) return true;
    }
    return false;
  });
}

/**
 * The first rule this password breaks, or null. `email` (when known) is the account's: its
 * local part counts as a known word, like the portal's name.
 */
export function passwordIssue(password: string, context: { email?: string | null } = {}): PasswordIssue | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "password.tooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "password.tooLong";
  const lower = password.normalize("NFKC").toLowerCase();
  if (COMMON_LONG.has(lower) || isPaddedCommonWord(lower)) return "password.common";
  const known = [...PORTAL_NAMES];
  const local = context.email?.normalize("NFKC").trim().toLowerCase().split("@")[0];
  if (local && local.length >= 3) known.push(local, ...local.split(/[._+-]+/).filter((p) => p.length >= 3));
  let rest = lower;
  for (const word of known.sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  if (rest.length < lower.length && rest.length < PASSWORD_MIN_LENGTH_BEYOND_NAMES) return "password.containsName";
  const compact = lower.replace(/\s+/g, "");
  if (new Set(compact).size <= 3 || isSequence(compact) || isRepetition(compact, 6)) return "password.pattern";
  return null;
}

/** The policy for an account with this e-mail (its local part is refused as the password's substance). */
export function newPasswordSchemaFor(email?: string | null) {
  return z.string().superRefine((value, ctx) => {
    const issue = passwordIssue(value, { email });
    if (issue) ctx.addIssue({ code: "custom", message: issue });
  });
}

/** Message keys (messages/staff/auth.*.json, "password.*"): the whole policy, without an e-mail. */
export const newPasswordSchema = newPasswordSchemaFor();
