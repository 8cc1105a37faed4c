// The staff member's own account, through the real exported actions and page guard: password
// change (policy, token version, sessions), two-factor enrolment (required for admins before
// anything else), recovery codes, sign-out.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { sealEnrolment } from "@/lib/auth/account";
import { changePasswordAction, confirmTotpAction, regenerateRecoveryCodesAction, signOutAction } from "@/lib/auth/actions";
import { requireStaffPage, safeCallbackPath } from "@/lib/auth/page-guard";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { actorFromToken } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/session-token";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { decryptTotpSecret, totpCode } from "@/lib/auth/totp";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { testDb } from "./helpers/database";
import { createStaff, type TestStaff } from "./helpers/staff";
import { inRequest } from "../setup/request-scope";
import { currentRequest } from "../setup/request-scope";

let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "SignInAttempt", "RecoveryCode", "RateLimit", "AuditLog" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const OLD = "harbour-lantern-orchid-42";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const token = (s: TestStaff) => s.cookies[sessionCookieName()]!;

/** Runs fn as this staff member's request and returns its result and the cookie jar afterwards. */
async function asStaff<T>(staff: TestStaff, fn: () => Promise<T>): Promise<{ result: T; jar: Map<string, string> }> {
  return inRequest({ cookies: staff.cookies, address: "192.0.2.10" }, async () => ({ result: await fn(), jar: currentRequest().cookies }));
}

async function withPassword(staff: TestStaff) {
  await db.user.update({ where: { id: staff.id }, data: { passwordHash: await hashPassword(OLD) } });
}

/** The digest of Next's redirect (or 403) thrown by the page guard. */
async function interrupt(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (error) {
    return String((error as { digest?: string }).digest);
  }
  return "returned";
}

describe("password change", () => {
  it("applies the policy with the account's e-mail and checks the current password", async () => {
    const officer = await createStaff(db, { role: "OFFICER", email: "chen.jing@staff.example.cn" });
    await withPassword(officer);
    const run = (input: Record<string, string>) => asStaff(officer, () => changePasswordAction(input)).then((r) => r.result);
    expect(await run({ current: OLD, next: "password2026!", confirm: "password2026!" })).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { next: "password.common" } } });
    expect(await run({ current: OLD, next: "chen.jing-2026", confirm: "chen.jing-2026" })).toMatchObject({ ok: false, error: { fieldErrors: { next: "password.containsName" } } });
    expect(await run({ current: OLD, next: "short", confirm: "short" })).toMatchObject({ ok: false, error: { fieldErrors: { next: "password.tooShort" } } });
    expect(await run({ current: OLD, next: "quiet-river-bamboo-77", confirm: "quiet-river-bamboo-78" })).toMatchObject({ ok: false, error: { fieldErrors: { confirm: "account.password.errors.mismatch" } } });
    expect(await run({ current: "not my password!", next: "quiet-river-bamboo-77", confirm: "quiet-river-bamboo-77" })).toMatchObject({ ok: false, error: { fieldErrors: { current: "account.password.errors.currentWrong" } } });
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).passwordHash, OLD)).toBe(true);
  });

  it("ends every session (other devices and this cookie) and carries on in a fresh one", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    await withPassword(officer);
    const elsewhere = await createStaff(db, { role: "OFFICER" }); // another user's session stays
    const otherDevice = await attemptSignIn(db, { email: officer.email, password: OLD, ipHash: null });
    expect(otherDevice.ok).toBe(true);
    const { result, jar } = await asStaff(officer, () => changePasswordAction({ current: OLD, next: "quiet-river-bamboo-77", confirm: "quiet-river-bamboo-77" }));
    expect(result).toEqual({ ok: true, data: { changed: true } });
    const user = await db.user.findUniqueOrThrow({ where: { id: officer.id } });
    expect(user.tokenVersion).toBe(1);
    expect(await verifyPassword(user.passwordHash, "quiet-river-bamboo-77")).toBe(true);
    expect(await actorFromToken(db, token(officer))).toBeNull();
    const live = await db.staffSession.findMany({ where: { userId: officer.id, endedAt: null } });
    expect(live).toHaveLength(1);
    expect(await db.staffSession.count({ where: { userId: officer.id, endReason: "revoked" } })).toBe(2);
    expect(await actorFromToken(db, jar.get(sessionCookieName()))).toMatchObject({ id: officer.id, sessionId: live[0]!.id });
    expect(await actorFromToken(db, token(elsewhere))).not.toBeNull();
    expect(await db.auditLog.findMany({ select: { action: true, actorId: true } })).toEqual([{ action: "user.passwordChanged", actorId: officer.id }]);
  });
});

describe("two-factor", () => {
  it("keeps an admin without two-factor on the enrolment page: pages redirect, actions refuse, enrolment works", async () => {
    const admin = await createStaff(db, { role: "ADMIN", twoFactor: false });
    await withPassword(admin);
    // Pages: every staff page but the account page sends them to enrol.
    expect(await inRequest({ cookies: admin.cookies }, () => interrupt(() => requireStaffPage("user.manage", "zh", "/zh/staff/users")))).toMatch(/^NEXT_REDIRECT;replace;\/zh\/staff\/account\?enrol=required;307;/);
    expect(await inRequest({ cookies: admin.cookies }, async () => (await requireStaffPage("account.self", "zh", "/zh/staff/account")).id)).toBe(admin.id);
    // Actions: anything with another permission is refused with a reason.
    const probe = defineAction({ name: "probe", schema: z.object({}), access: { permission: "lead.read" }, handler: async () => "ran" });
    expect((await asStaff(admin, () => probe({}))).result).toEqual({ ok: false, error: { code: "forbidden", message: "twoFactorRequired" } });

    const now = new Date();
    const wrong = await asStaff(admin, () => confirmTotpAction({ enrolment: sealEnrolment(admin.id, SECRET, now), code: "12345x" }));
    expect(wrong.result).toMatchObject({ ok: false, error: { fieldErrors: { code: "account.twoFactor.errors.badCode" } } });
    // A sealed secret made for someone else, or too old, is refused.
    const other = await createStaff(db, { role: "OFFICER" });
    expect((await asStaff(admin, () => confirmTotpAction({ enrolment: sealEnrolment(other.id, SECRET, now), code: "000000" }))).result).toMatchObject({ ok: false, error: { fieldErrors: { code: "account.twoFactor.errors.expired" } } });
    expect((await asStaff(admin, async () => confirmTotpAction({ enrolment: sealEnrolment(admin.id, SECRET, new Date(now.getTime() - 31 * 60_000)), code: await totpCode(SECRET) }))).result).toMatchObject({ ok: false, error: { fieldErrors: { code: "account.twoFactor.errors.expired" } } });

    const done = await asStaff(admin, async () => confirmTotpAction({ enrolment: sealEnrolment(admin.id, SECRET, now), code: await totpCode(SECRET) }));
    expect(done.result.ok).toBe(true);
    if (!done.result.ok) throw new Error("unreachable");
    const codes = done.result.data.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const user = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(user.totpEnabledAt).not.toBeNull();
    expect(user.totpSecret).not.toContain(SECRET);
    expect(decryptTotpSecret(user.totpSecret, admin.id)).toBe(SECRET);
    expect((await db.recoveryCode.findMany({ where: { userId: admin.id } })).every((r) => !codes.includes(r.codeHash) && r.codeHash.length === 64)).toBe(true);
    // From now on the same session may do everything an admin may.
    expect((await asStaff(admin, () => probe({}))).result).toEqual({ ok: true, data: "ran" });
    // The code used to enrol is spent; a recovery code signs in once.
    expect(await attemptSignIn(db, { email: admin.email, password: OLD, code: await totpCode(SECRET), ipHash: null })).toEqual({ ok: false, error: "bad-totp" });
    expect(await attemptSignIn(db, { email: admin.email, password: OLD, code: codes[3]!, ipHash: null })).toMatchObject({ ok: true, usedRecoveryCode: true });
    expect(await attemptSignIn(db, { email: admin.email, password: OLD, code: codes[3]!, ipHash: null })).toEqual({ ok: false, error: "bad-totp" });
    // A second enrolment (another tab) does not replace the secret.
    expect((await asStaff(admin, async () => confirmTotpAction({ enrolment: sealEnrolment(admin.id, "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU", now), code: await totpCode("KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU") }))).result).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("makes new recovery codes with a current code; the old ones stop working", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    await withPassword(officer);
    const first = await asStaff(officer, async () => confirmTotpAction({ enrolment: sealEnrolment(officer.id, SECRET), code: await totpCode(SECRET) }));
    if (!first.result.ok) throw new Error("enrolment failed");
    expect((await asStaff(officer, () => regenerateRecoveryCodesAction({ code: "99999" }))).result).toMatchObject({ ok: false, error: { fieldErrors: { code: "account.twoFactor.errors.badCode" } } });
    const second = await asStaff(officer, async () => regenerateRecoveryCodesAction({ code: await totpCode(SECRET) }));
    if (!second.result.ok) throw new Error("regeneration failed");
    expect(await attemptSignIn(db, { email: officer.email, password: OLD, code: first.result.data.recoveryCodes[0]!, ipHash: null })).toEqual({ ok: false, error: "bad-totp" });
    expect((await attemptSignIn(db, { email: officer.email, password: OLD, code: second.result.data.recoveryCodes[0]!, ipHash: null })).ok).toBe(true);
  });
});

describe("sign-out and the page guard", () => {
  it("ends the session row and clears the cookie; the old cookie is refused afterwards", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    const { result, jar } = await asStaff(officer, () => signOutAction(null));
    expect(result).toEqual({ ok: true, data: { signedOut: true } });
    expect(jar.get(sessionCookieName())).toBe("");
    expect(await db.staffSession.findFirstOrThrow({ where: { userId: officer.id } })).toMatchObject({ endReason: "signed-out" });
    expect(await actorFromToken(db, token(officer))).toBeNull();
  });

  it("sends the signed out to sign-in with a validated callback, and the unpermitted to a 403", async () => {
    expect(await inRequest({}, () => interrupt(() => requireStaffPage("lead.read", "en", "/en/staff/leads?stage=NEW")))).toBe(
      `NEXT_REDIRECT;replace;/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/staff/leads?stage=NEW")};307;`,
    );
    const officer = await createStaff(db, { role: "OFFICER" });
    // What next.config.js's experimental.authInterrupts sets in the built app.
    process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";
    expect(await inRequest({ cookies: officer.cookies }, () => interrupt(() => requireStaffPage("user.manage", "zh", "/zh/staff/users")))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    expect(safeCallbackPath("https://evil.example/zh/staff", "zh")).toBe("/zh/staff/leads");
  });
});
