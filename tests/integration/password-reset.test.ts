// Password reset by a one-time link, through the real actions: an admin sends it (the outbox
// e-mail carries a token whose SHA-256 is what the table holds), the staff member uses it once
// (new argon2id hash, token version bumped, every session ended, audited); a used, expired,
// replaced or unknown link is refused with its own message, and only admins may send links.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { resetPasswordAction } from "@/lib/auth/password-reset-actions";
import { hashResetToken, resetLinkState, RESETS_PER_USER_PER_HOUR } from "@/lib/auth/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { currentActor } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { sendPasswordResetAction } from "@/lib/staff/actions";
import { testDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
const NEW_PASSWORD = "amber lantern harbour 2026";

beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog", "PasswordResetToken", "OutboxEmail", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

/** The link's token, read from the e-mail as the person would. */
async function tokenFromMail(to: string): Promise<{ token: string; text: string; subject: string }> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to, kind: "password-reset" }, orderBy: { createdAt: "desc" }, select: { text: true, subject: true } });
  const match = /\/staff\/reset-password\/([A-Za-z0-9_-]{43})\s/.exec(mail.text);
  if (!match) throw new Error(`no link in ${mail.text}`);
  return { token: match[1]!, text: mail.text, subject: mail.subject };
}

async function officerWithReset(locale = "en"): Promise<{ admin: TestStaff; officer: TestStaff; token: string }> {
  const admin = await createStaff(db, { role: "ADMIN", name: "Admin Li" });
  const officer = await createStaff(db, { role: "OFFICER", name: "Officer Wang", email: "wang@jmtz.gov.cn" });
  await db.user.update({ where: { id: officer.id }, data: { locale } });
  const sent = await as(admin, () => sendPasswordResetAction({ userId: officer.id }));
  expect(sent.ok).toBe(true);
  return { admin, officer, token: (await tokenFromMail(officer.email)).token };
}

describe("sending a reset link", () => {
  it("only an admin may: anonymous is unauthenticated, an officer forbidden; nothing is queued", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    const target = await createStaff(db, { role: "OFFICER" });
    expect(await as(null, () => sendPasswordResetAction({ userId: target.id }))).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
    expect(await as(officer, () => sendPasswordResetAction({ userId: target.id }))).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });
    expect(await db.passwordResetToken.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("queues the e-mail in the person's language with a token whose hash is stored, valid 24 h, audited", async () => {
    const { admin, officer, token } = await officerWithReset("zh");
    const rows = await db.passwordResetToken.findMany();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({ userId: officer.id, createdById: admin.id, usedAt: null, tokenHash: hashResetToken(token) });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(24 * 3_600_000);
    const mail = await tokenFromMail(officer.email);
    expect(mail.subject).toBe("请为投资门户工作人员账户设置新密码");
    expect(mail.text).toContain(`http://localhost:3000/zh/staff/reset-password/${token}\n`);
    expect(mail.text).toContain("Admin Li 已为您的工作人员账户（wang@jmtz.gov.cn）发起密码重置。");
    const audits = await db.auditLog.findMany({ select: { actorId: true, action: true, entity: true, entityId: true, after: true } });
    expect(audits).toEqual([
      { actorId: admin.id, action: "user.passwordResetSent", entity: "User", entityId: officer.id, after: { resetId: row.id, expiresAt: row.expiresAt.toISOString(), replacedLinks: 0, to: officer.email } },
    ]);
    // The token is nowhere but in the e-mail.
    expect(JSON.stringify(audits)).not.toContain(token);
  });

  it("a new link replaces the earlier one; a disabled account gets none; the sixth within an hour is refused", async () => {
    const { admin, officer, token: first } = await officerWithReset();
    expect(await as(admin, () => sendPasswordResetAction({ userId: officer.id }))).toMatchObject({ ok: true });
    const { token: second } = await tokenFromMail(officer.email);
    expect(second).not.toBe(first);
    expect((await resetLinkState(db, first)).kind).toBe("expired");
    expect((await resetLinkState(db, second)).kind).toBe("valid");
    for (let i = 2; i < RESETS_PER_USER_PER_HOUR; i++) expect((await as(admin, () => sendPasswordResetAction({ userId: officer.id }))).ok).toBe(true);
    expect(await as(admin, () => sendPasswordResetAction({ userId: officer.id }))).toEqual({ ok: false, error: { code: "rate_limited", message: "resetRateLimited" } });
    expect(await db.passwordResetToken.count()).toBe(RESETS_PER_USER_PER_HOUR);
    const disabled = await createStaff(db, { role: "OFFICER", disabled: true });
    expect(await as(admin, () => sendPasswordResetAction({ userId: disabled.id }))).toEqual({ ok: false, error: { code: "forbidden", message: "resetDisabled" } });
  });
});

describe("using a reset link", () => {
  it("sets the new password once, ends every session, bumps the token version, audited; a second use is refused", async () => {
    const { officer, token } = await officerWithReset();
    expect(await as(officer, () => currentActor())).toMatchObject({ id: officer.id });
    const before = await db.user.findUniqueOrThrow({ where: { id: officer.id } });

    expect(await as(null, () => resetPasswordAction({ token, password: "password1234", confirm: "password1234" }))).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { password: "password.common" } } });
    expect(await as(null, () => resetPasswordAction({ token, password: NEW_PASSWORD, confirm: "something else" }))).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { confirm: "mismatch" } } });
    expect(await db.passwordResetToken.count({ where: { usedAt: { not: null } } })).toBe(0);

    expect(await as(null, () => resetPasswordAction({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: true, data: { email: officer.email } });
    const after = await db.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.tokenVersion).toBe(before.tokenVersion + 1);
    expect(await db.staffSession.count({ where: { userId: officer.id, endedAt: null } })).toBe(0);
    expect(await as(officer, () => currentActor())).toBeNull();
    expect((await db.passwordResetToken.findFirstOrThrow()).usedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "user.passwordReset" }, select: { actorId: true, entity: true, entityId: true, after: true } });
    expect(audit).toEqual({ actorId: officer.id, entity: "User", entityId: officer.id, after: { resetId: expect.any(String), sessionsEnded: 1 } });

    expect(await as(null, () => resetPasswordAction({ token, password: "another long passphrase", confirm: "another long passphrase" }))).toEqual({ ok: false, error: { code: "forbidden", message: "resetUsed" } });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).passwordHash, NEW_PASSWORD)).toBe(true);
  });

  it("refuses an expired link and an unknown one, writing nothing", async () => {
    const { officer, token } = await officerWithReset();
    await db.passwordResetToken.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const hash = (await db.user.findUniqueOrThrow({ where: { id: officer.id } })).passwordHash;
    expect(await as(null, () => resetPasswordAction({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, error: { code: "forbidden", message: "resetExpired" } });
    expect(await as(null, () => resetPasswordAction({ token: "x".repeat(43), password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, error: { code: "forbidden", message: "resetUnknown" } });
    expect(await as(null, () => resetPasswordAction({ token: "../../etc", password: NEW_PASSWORD, confirm: NEW_PASSWORD }))).toEqual({ ok: false, error: { code: "forbidden", message: "resetUnknown" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).passwordHash).toBe(hash);
    expect(await db.auditLog.count({ where: { action: "user.passwordReset" } })).toBe(0);
    expect(await db.staffSession.count({ where: { userId: officer.id, endedAt: null } })).toBe(1);
  });

  it("two uses of one link at once: exactly one sets its password", async () => {
    const { officer, token } = await officerWithReset();
    const results = await Promise.all(["first passphrase of two", "second passphrase of two"].map((p) => as(null, () => resetPasswordAction({ token, password: p, confirm: p }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.message === "resetUsed")).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "user.passwordReset", entityId: officer.id } })).toBe(1);
  });

  it("is rate-limited per client address", async () => {
    await createStaff(db, { role: "OFFICER" });
    const attempt = () => as(null, () => resetPasswordAction({ token: "y".repeat(43), password: NEW_PASSWORD, confirm: NEW_PASSWORD }), "198.51.100.7");
    for (let i = 0; i < 20; i++) expect(await attempt()).toMatchObject({ ok: false, error: { message: "resetUnknown" } });
    expect(await attempt()).toEqual({ ok: false, error: { code: "rate_limited", message: "resetRateLimited" } });
    // Another address is not held up.
    expect(await as(null, () => resetPasswordAction({ token: "y".repeat(43), password: NEW_PASSWORD, confirm: NEW_PASSWORD }), "198.51.100.8")).toMatchObject({ error: { message: "resetUnknown" } });
  });
});
