// One's own account: password change, two-factor enrolment, new recovery codes. Each change is
// one transaction with its AuditLog row.
import { z } from "zod";
import type { Db } from "../db/client";
import { AppError, validation } from "../errors";
import { hashPassword, newPasswordSchemaFor, verifyPassword } from "./password";
import { startStaffSession } from "./session-rows";
import { decryptTotpSecret, encryptTotpSecret, hashRecoveryCode, matchTotp, newRecoveryCodes, seal, TOTP_PERIOD_SECONDS, unseal } from "./totp";

/** A QR code shown this long ago can still be confirmed. */
export const ENROLMENT_VALID_SECONDS = 30 * 60;

export const changePasswordSchema = z.object({
  // Over-long input gets the policy's own message (the form translates "password.*" keys).
  current: z.string().min(1, { error: "validation" }).max(1024, { error: "password.tooLong" }),
  next: z.string().max(1024, { error: "password.tooLong" }),
  confirm: z.string().max(1024, { error: "password.tooLong" }),
});

/**
 * Checks the current password, sets the new one, bumps the token version (every session of the
 * user, this one included, stops working on its next request) and starts a fresh session for
 * the person who changed it. Returns the new session's id.
 */
export async function changePassword(db: Db, userId: string, input: z.output<typeof changePasswordSchema>, meta: { requestId: string }, now = new Date()): Promise<{ sessionId: string; tokenVersion: number }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, passwordHash: true } });
  const policy = newPasswordSchemaFor(user.email).safeParse(input.next);
  if (!policy.success) throw validation({ next: policy.error.issues[0]!.message });
  if (input.next !== input.confirm) throw validation({ confirm: "account.password.errors.mismatch" });
  if (!(await verifyPassword(user.passwordHash, input.current))) throw validation({ current: "account.password.errors.currentWrong" });
  if (input.current === input.next) throw validation({ next: "account.password.errors.same" });
  const passwordHash = await hashPassword(input.next);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: userId },
      data: { passwordHash, passwordChangedAt: now, tokenVersion: { increment: 1 }, version: { increment: 1 } },
      select: { tokenVersion: true },
    });
    await tx.staffSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: "revoked" } });
    const sessionId = await startStaffSession(tx, userId, now);
    await tx.auditLog.create({ data: { actorId: userId, action: "user.passwordChanged", entity: "User", entityId: userId, requestId: meta.requestId, createdAt: now } });
    return { sessionId, tokenVersion: updated.tokenVersion };
  });
}

// Enrolment: the page makes a secret and hands it to the browser sealed (AES-GCM, bound to the
// user), so nothing is written until the first code from the app proves it was scanned.
const ENROLMENT = "totp-enrolment";

export function sealEnrolment(userId: string, secret: string, now = new Date()): string {
  return seal(JSON.stringify({ secret, issuedAt: now.getTime() }), ENROLMENT, userId);
}

export function openEnrolment(sealed: string, userId: string, now = new Date()): string | null {
  const plain = unseal(sealed, ENROLMENT, userId);
  if (!plain) return null;
  try {
    const { secret, issuedAt } = JSON.parse(plain) as { secret: unknown; issuedAt: unknown };
    if (typeof secret !== "string" || typeof issuedAt !== "number") return null;
    return now.getTime() - issuedAt <= ENROLMENT_VALID_SECONDS * 1000 ? secret : null;
  } catch {
    return null;
  }
}

export const confirmTotpSchema = z.object({ enrolment: z.string().min(1).max(4096), code: z.string().max(32) });
export const regenerateRecoveryCodesSchema = z.object({ code: z.string().max(32) });

const TOTP_STEP_KEY = (userId: string) => `totp-step:${userId}`;

async function replaceRecoveryCodes(tx: Parameters<Parameters<Db["$transaction"]>[0]>[0], userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
  return codes;
}

/** Turns two-factor on with the sealed secret once a code from the app matches it; returns the recovery codes (shown once). */
export async function confirmTotp(db: Db, userId: string, input: z.output<typeof confirmTotpSchema>, meta: { requestId: string }, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const secret = openEnrolment(input.enrolment, userId, now);
  if (!secret) throw validation({ code: "account.twoFactor.errors.expired" });
  const step = await matchTotp(secret, input.code, now);
  if (step === null) throw validation({ code: "account.twoFactor.errors.badCode" });
  return db.$transaction(async (tx) => {
    // Only if not on already (a second tab must not replace the secret the app has).
    const turned = await tx.user.updateMany({
      where: { id: userId, totpEnabledAt: null },
      data: { totpSecret: encryptTotpSecret(secret, userId), totpEnabledAt: now, version: { increment: 1 } },
    });
    if (turned.count !== 1) throw new AppError("conflict", "account.twoFactor.errors.alreadyEnabled");
    // The code just used counts as used for sign-in too (replay).
    await tx.rateLimit.create({ data: { key: TOTP_STEP_KEY(userId), windowStart: new Date(step * TOTP_PERIOD_SECONDS * 1000), count: 1 } });
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await tx.auditLog.create({ data: { actorId: userId, action: "user.twoFactorEnabled", entity: "User", entityId: userId, requestId: meta.requestId, createdAt: now } });
    return { recoveryCodes };
  });
}

/** New recovery codes (the old ones stop working), confirmed with a current code. */
export async function regenerateRecoveryCodes(db: Db, userId: string, input: z.output<typeof regenerateRecoveryCodesSchema>, meta: { requestId: string }, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  const secret = user.totpEnabledAt ? decryptTotpSecret(user.totpSecret, userId) : null;
  if (!secret) throw new AppError("conflict", "account.twoFactor.errors.notEnabled");
  if ((await matchTotp(secret, input.code, now)) === null) throw validation({ code: "account.twoFactor.errors.badCode" });
  return db.$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, userId);
    await tx.auditLog.create({ data: { actorId: userId, action: "user.recoveryCodesRegenerated", entity: "User", entityId: userId, requestId: meta.requestId, createdAt: now } });
    return { recoveryCodes };
  });
}

/** What the account page shows about two-factor. */
export async function twoFactorStatus(db: Db, userId: string): Promise<{ enabledAt: Date | null; recoveryCodesLeft: number }> {
  const [user, left] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enabledAt: user.totpEnabledAt, recoveryCodesLeft: left };
}
