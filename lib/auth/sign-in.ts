// One staff sign-in attempt, start to finish: limits (per account and per network, counted
// from SignInAttempt rows, so every app instance shares them), password, second factor, the
// session row, and the record of the attempt. next-auth's Credentials provider calls this
// (lib/auth/options.ts); tests call it directly.
//
// Same answer, same work: an unknown e-mail, a wrong password and a disabled account all get
// "bad-credentials" after one argon2 verification (against a dummy hash when there is no
// account), so neither the answer nor its timing tells whether an address has an account.
import type { Db, DbClient } from "../db/client";
import { normalizeEmail } from "./email";
import { PASSWORD_MAX_LENGTH, verifyPassword } from "./password";
import { startStaffSession } from "./session-rows";
import { decryptTotpSecret, hashRecoveryCode, looksLikeRecoveryCode, matchTotp, TOTP_PERIOD_SECONDS } from "./totp";

export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 5;
export const SIGN_IN_MAX_FAILURES_PER_NETWORK = 20;
/** Attempts are kept this long (who tried to sign in as whom, from which network hash). */
export const SIGN_IN_ATTEMPT_RETENTION_DAYS = 90;

/** Outcomes that count towards the limits: guesses. A right password awaiting its code is not one. */
export const FAILED_OUTCOMES = ["bad-credentials", "bad-totp", "disabled"] as const;

export type SignInOutcome = "ok" | "bad-credentials" | "limited" | "totp-required" | "bad-totp" | "disabled";

export interface SignInInput {
  email: string;
  password: string;
  /** the authenticator's 6 digits, or a recovery code */
  code?: string | null;
  /** hashIp(clientIp(headers)); null when the address is unknown (one shared bucket) */
  ipHash: string | null;
}

export type SignInResult =
  | { ok: true; userId: string; sessionId: string; tokenVersion: number; twoFactorPending: boolean; usedRecoveryCode: boolean }
  | { ok: false; error: "bad-credentials" | "totp-required" | "bad-totp" }
  | { ok: false; error: "limited"; retryAt: Date };

/** A real argon2id hash (same parameters as hashPassword) of a password no account has. */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$B6U9VMY262LmFR7lHKwWoA$5eAaBvn+ILfEwJcupItIOpzAGdteGf+P0iRvNvNrs0w";

const MAX_EMAIL_LENGTH = 320;

/** When the oldest of the counted failures leaves the window (the limit lifts then), or null if under the limit. */
async function limitedUntil(tx: DbClient, where: { email: string } | { ipHash: string | null }, max: number, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_SECONDS * 1000);
  const failures = await tx.signInAttempt.findMany({
    where: { ...where, outcome: { in: [...FAILED_OUTCOMES] }, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  if (failures.length < max) return null;
  return new Date(failures[max - 1]!.createdAt.getTime() + SIGN_IN_WINDOW_SECONDS * 1000);
}

const TOTP_STEP_KEY = (userId: string) => `totp-step:${userId}`;

/** The code is the authenticator's (not used before: replay) or an unused recovery code; records the use. */
async function acceptSecondFactor(tx: DbClient, user: { id: string; totpSecret: string | null }, code: string, now: Date): Promise<"totp" | "recovery" | null> {
  if (looksLikeRecoveryCode(code)) {
    const used = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(code), usedAt: null }, data: { usedAt: now } });
    return used.count === 1 ? "recovery" : null;
  }
  const secret = decryptTotpSecret(user.totpSecret, user.id);
  if (!secret) return null;
  // The last step a code was accepted for, kept in the RateLimit table (one row per used step,
  // a few minutes long): a code seen once is refused for the rest of its window.
  const key = TOTP_STEP_KEY(user.id);
  const last = await tx.rateLimit.findFirst({ where: { key }, orderBy: { windowStart: "desc" }, select: { windowStart: true } });
  const afterStep = last ? Math.floor(last.windowStart.getTime() / (TOTP_PERIOD_SECONDS * 1000)) : null;
  const step = await matchTotp(secret, code, now, afterStep);
  if (step === null) return null;
  await tx.rateLimit.create({ data: { key, windowStart: new Date(step * TOTP_PERIOD_SECONDS * 1000), count: 1 } });
  await tx.rateLimit.deleteMany({ where: { key, windowStart: { lt: new Date(now.getTime() - 10 * 60_000) } } });
  return "totp";
}

export async function attemptSignIn(db: Db, input: SignInInput, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(input.email).slice(0, MAX_EMAIL_LENGTH);
  const password = input.password;
  return db.$transaction(
    async (tx) => {
      // One attempt at a time per network and per account, so a burst of parallel guesses is
      // counted exactly (network first, then account: always the same order, no deadlock).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:ip:${input.ipHash ?? "unknown"}`}, 0))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:email:${email}`}, 0))`;
      const record = (outcome: SignInOutcome, userId: string | null) =>
        tx.signInAttempt.create({ data: { email, userId, ipHash: input.ipHash, succeeded: outcome === "ok", outcome, createdAt: now } });

      const [byAccount, byNetwork] = await Promise.all([
        limitedUntil(tx, { email }, SIGN_IN_MAX_FAILURES_PER_ACCOUNT, now),
        limitedUntil(tx, { ipHash: input.ipHash }, SIGN_IN_MAX_FAILURES_PER_NETWORK, now),
      ]);
      if (byAccount || byNetwork) {
        const retryAt = new Date(Math.max(byAccount?.getTime() ?? 0, byNetwork?.getTime() ?? 0));
        const user = await tx.user.findUnique({ where: { email }, select: { id: true } });
        await record("limited", user?.id ?? null);
        return { ok: false, error: "limited", retryAt };
      }

      const user = await tx.user.findUnique({
        where: { email },
        select: { id: true, role: true, passwordHash: true, disabled: true, tokenVersion: true, totpSecret: true, totpEnabledAt: true },
      });
      const tooLong = password.length > PASSWORD_MAX_LENGTH;
      // Exactly one verification whatever the case; a too-long password is never right (the
      // policy caps it), but costs the same.
      const verified = await verifyPassword(user && !tooLong ? user.passwordHash : DUMMY_PASSWORD_HASH, tooLong ? password.slice(0, PASSWORD_MAX_LENGTH) : password);
      if (!user || !verified || tooLong) {
        await record("bad-credentials", user?.id ?? null);
        return { ok: false, error: "bad-credentials" };
      }
      if (user.disabled) {
        await record("disabled", user.id);
        return { ok: false, error: "bad-credentials" };
      }
      let usedRecoveryCode = false;
      if (user.totpEnabledAt) {
        const code = input.code?.trim();
        if (!code) {
          await record("totp-required", user.id);
          return { ok: false, error: "totp-required" };
        }
        const factor = await acceptSecondFactor(tx, user, code, now);
        if (!factor) {
          await record("bad-totp", user.id);
          return { ok: false, error: "bad-totp" };
        }
        usedRecoveryCode = factor === "recovery";
      }
      const sessionId = await startStaffSession(tx, user.id, now);
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      await record("ok", user.id);
      await tx.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - SIGN_IN_ATTEMPT_RETENTION_DAYS * 86_400_000) } } });
      return {
        ok: true,
        userId: user.id,
        sessionId,
        tokenVersion: user.tokenVersion,
        twoFactorPending: user.role === "ADMIN" && !user.totpEnabledAt,
        usedRecoveryCode,
      };
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}
