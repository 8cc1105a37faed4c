// Staff passwords: argon2id with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane),
// and a policy checked by one zod schema shared by every form that sets a password.
import { hash, verify } from "@node-rs/argon2";
import { z } from "zod";

export const PASSWORD_MIN_LENGTH = 12;
/** argon2 takes any length; a cap keeps a megabyte "password" from becoming a cheap attack. */
export const PASSWORD_MAX_LENGTH = 128;

const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id: a const enum, not importable under isolatedModules */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

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

/** Message keys (messages/staff/auth.*.json, "password.*"). */
export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: "password.tooShort" })
  .max(PASSWORD_MAX_LENGTH, { error: "password.tooLong" });
