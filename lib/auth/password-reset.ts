// Password reset by a one-time link. An admin (user.manage) asks for it; the staff member gets
// an e-mail (outbox, in their language) with a link holding 32 random bytes. Only the token's
// SHA-256 is stored, so a copy of the database opens nothing. A link works once, for 24 hours;
// asking again replaces every earlier unused link. Using it sets the new password (argon2id),
// bumps the token version and ends every session: whoever held the old password is out.
import { createHash, randomBytes } from "node:crypto";
import { writeAudit } from "../audit/write";
import type { Db } from "../db/client";
import { env, publicBaseUrl } from "../env";
import { AppError, notFound, rateLimited, validation } from "../errors";
import { enqueueEmail } from "../mail/outbox";
import { mailLocale, translatorFor, type Email } from "../mail/templates";
import { takeRateLimit } from "../rate-limit";
import { hashPassword, newPasswordSchemaFor } from "./password";

export const RESET_VALID_HOURS = 24;
export const PASSWORD_RESET_EMAIL_KIND = "password-reset";
/** Links one account may be sent per hour: enough for "it went to spam", not a mail bomb. */
export const RESETS_PER_USER_PER_HOUR = 5;
/** Attempts to use a link per client address per 15 minutes (each valid one costs an argon2 hash). */
export const REDEEMS_PER_ADDRESS = 20;

/** base64url of 32 random bytes: 43 characters. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const newResetToken = () => randomBytes(32).toString("base64url");
export const hashResetToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");
export const looksLikeResetToken = (token: string) => TOKEN.test(token);

export function resetUrl(locale: string, token: string): string {
  return `${publicBaseUrl(env())}/${mailLocale(locale)}/staff/reset-password/${token}`;
}

const oneLine = (s: string) => s.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim().slice(0, 120);

export function passwordResetEmail(m: { locale: string; name: string; email: string; byName: string; url: string; expiresAt: Date }): Email {
  const t = translatorFor(m.locale);
  const lines = [
    t("staff.mail.passwordReset.greeting", { name: oneLine(m.name) }),
    "",
    t("staff.mail.passwordReset.body", { by: oneLine(m.byName), email: m.email }),
    "",
    t("staff.mail.passwordReset.link", { date: t("staff.mail.dateTime", { date: m.expiresAt }) }),
    m.url,
    "",
    t("staff.mail.passwordReset.after"),
    "",
    t("staff.mail.passwordReset.notYou"),
    "",
    t("staff.mail.signature"),
  ];
  return { subject: t("staff.mail.passwordReset.subject"), text: lines.join("\n") };
}

export interface IssuedBy {
  actor: { id: string; name: string };
  requestId: string;
}

/**
 * Queues the link for `userId` with its token row and audit row in one transaction. Earlier
 * unused links of the user stop working now (expired), so only the newest e-mail counts.
 */
export async function issuePasswordReset(db: Db, by: IssuedBy, userId: string, now = new Date()): Promise<{ userId: string; expiresAt: Date }> {
  const token = newResetToken();
  const expiresAt = new Date(now.getTime() + RESET_VALID_HOURS * 3_600_000);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, locale: true, disabled: true } });
    if (!user) throw notFound("notFound");
    // A disabled account cannot sign in anyway: enable it first, knowingly.
    if (user.disabled) throw new AppError("forbidden", "resetDisabled");
    if (!(await takeRateLimit(tx, { key: `password-reset:${user.id}`, windowSeconds: 3600, max: RESETS_PER_USER_PER_HOUR }, now))) throw rateLimited("resetRateLimited");
    const replaced = await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    const row = await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt, createdById: by.actor.id, createdAt: now }, select: { id: true } });
    const locale = mailLocale(user.locale);
    const email = passwordResetEmail({ locale, name: user.name, email: user.email, byName: by.actor.name, url: resetUrl(locale, token), expiresAt });
    await enqueueEmail(tx, { ...email, kind: PASSWORD_RESET_EMAIL_KIND, to: user.email });
    await writeAudit(tx, {
      actorId: by.actor.id,
      requestId: by.requestId,
      action: "user.passwordResetSent",
      entity: "User",
      entityId: user.id,
      after: { resetId: row.id, expiresAt, replacedLinks: replaced.count, to: user.email },
      at: now,
    });
    return { userId: user.id, expiresAt };
  });
}

export type ResetLinkState = { kind: "valid"; email: string; name: string; expiresAt: Date } | { kind: "expired" } | { kind: "used" } | { kind: "unknown" };

/** What the reset page says before anything is typed. */
export async function resetLinkState(db: Db, token: string, now = new Date()): Promise<ResetLinkState> {
  if (!looksLikeResetToken(token)) return { kind: "unknown" };
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, name: true, disabled: true } } },
  });
  if (!row || row.user.disabled) return { kind: "unknown" };
  if (row.usedAt) return { kind: "used" };
  if (row.expiresAt <= now) return { kind: "expired" };
  return { kind: "valid", email: row.user.email, name: row.user.name, expiresAt: row.expiresAt };
}

const STATE_ERRORS = { expired: "resetExpired", used: "resetUsed", unknown: "resetUnknown" } as const;

/**
 * Sets the new password through the link. Refused (nothing written) when the link is unknown,
 * used, expired or replaced, or the password breaks the policy. Two uses of one link at once:
 * the conditional update lets exactly one through.
 */
export async function redeemPasswordReset(
  db: Db,
  input: { token: string; password: string; confirm: string },
  meta: { requestId: string; clientAddressKey: string | null },
  now = new Date(),
): Promise<{ email: string }> {
  // Counted per attempt, before anything is looked up: a script trying links is slowed down.
  const limit = { key: `password-reset-use:${meta.clientAddressKey ?? "unknown"}`, windowSeconds: 900, max: REDEEMS_PER_ADDRESS };
  if (!(await takeRateLimit(db, limit, now))) throw rateLimited("resetRateLimited");
  const state = await resetLinkState(db, input.token, now);
  if (state.kind !== "valid") throw new AppError("forbidden", STATE_ERRORS[state.kind]);
  const policy = newPasswordSchemaFor(state.email).safeParse(input.password);
  if (!policy.success) throw validation({ password: policy.error.issues[0]!.message });
  if (input.password !== input.confirm) throw validation({ confirm: "mismatch" });
  // Hashing takes tens of milliseconds of CPU: done before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashResetToken(input.token);
    const { count } = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw new AppError("forbidden", "resetUsed");
    const token = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { id: true, userId: true } });
    const user = await tx.user.update({
      where: { id: token.userId },
      data: { passwordHash, passwordChangedAt: now, tokenVersion: { increment: 1 }, version: { increment: 1 } },
      select: { email: true },
    });
    const ended = await tx.staffSession.updateMany({ where: { userId: token.userId, endedAt: null }, data: { endedAt: now, endReason: "revoked" } });
    // Any other link still open for the account is void too: the password it was for is gone.
    await tx.passwordResetToken.updateMany({ where: { userId: token.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await writeAudit(tx, {
      actorId: token.userId,
      requestId: meta.requestId,
      action: "user.passwordReset",
      entity: "User",
      entityId: token.userId,
      after: { resetId: token.id, sessionsEnded: ended.count },
      at: now,
    });
    return { email: user.email };
  });
}
