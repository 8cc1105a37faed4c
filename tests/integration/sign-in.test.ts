// attemptSignIn, the function next-auth's Credentials provider calls, on real PostgreSQL:
// limits per account and per network counted from SignInAttempt rows, the same answer for an
// unknown address, a disabled account and a wrong password, the second factor (TOTP with
// replay refusal, one-time recovery codes) and the record of every attempt.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { actorFromToken, currentActor, currentSessionActor } from "@/lib/auth/session";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import {
  attemptSignIn,
  DUMMY_PASSWORD_HASH,
  SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
  SIGN_IN_MAX_FAILURES_PER_NETWORK,
  SIGN_IN_WINDOW_SECONDS,
} from "@/lib/auth/sign-in";
import { encryptTotpSecret, hashRecoveryCode, totpCode } from "@/lib/auth/totp";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { testDb } from "./helpers/database";
import { inRequest } from "../setup/request-scope";

// Records which hash each verification was asked to check; the real argon2 still runs.
const verifications: string[] = vi.hoisted(() => []);
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return { ...real, verifyPassword: (hash: string, password: string) => (verifications.push(hash), real.verifyPassword(hash, password)) };
});

let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "SignInAttempt", "RecoveryCode", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const PASSWORD = "harbour-lantern-orchid-42";
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const IP = "a".repeat(32);
const T0 = new Date("2026-12-01T02:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

let hashed: Promise<string> | undefined;
async function user(email: string, opts: { role?: Role; disabled?: boolean; totp?: boolean } = {}) {
  hashed ??= hashPassword(PASSWORD);
  const created = await db.user.create({
    data: { email, name: email.split("@")[0]!, role: opts.role ?? "OFFICER", passwordHash: await hashed, disabled: opts.disabled ?? false },
    select: { id: true },
  });
  if (opts.totp) {
    await db.user.update({ where: { id: created.id }, data: { totpSecret: encryptTotpSecret(SECRET, created.id), totpEnabledAt: T0 } });
  }
  return created.id;
}

const outcomes = async (email: string) =>
  (await db.signInAttempt.findMany({ where: { email }, orderBy: { id: "asc" }, select: { outcome: true, succeeded: true } })).map((a) => a.outcome);

describe("attemptSignIn", () => {
  it("signs in with the right password: a session row, lastLoginAt, the attempt recorded; the cookie resolves to the actor", async () => {
    const id = await user("chen.jing@staff.example.cn");
    const result = await attemptSignIn(db, { email: "  Chen.Jing@STAFF.example.cn ", password: PASSWORD, ipHash: IP }, T0);
    expect(result).toMatchObject({ ok: true, userId: id, tokenVersion: 0, twoFactorPending: false, usedRecoveryCode: false });
    if (!result.ok) throw new Error("unreachable");
    const session = await db.staffSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: id, createdAt: T0, endedAt: null, expiresAt: at(12 * 3600) });
    expect((await db.user.findUniqueOrThrow({ where: { id } })).lastLoginAt).toEqual(T0);
    expect(await db.signInAttempt.findMany({ select: { email: true, userId: true, ipHash: true, succeeded: true, outcome: true } })).toEqual([
      { email: "chen.jing@staff.example.cn", userId: id, ipHash: IP, succeeded: true, outcome: "ok" },
    ]);
    const token = await encodeSessionToken({ sub: id, sid: result.sessionId, tv: 0 });
    expect(await actorFromToken(db, token, at(60))).toMatchObject({ id, role: "OFFICER", twoFactorPending: false });
  });

  it("gives an unknown e-mail exactly the answer of a wrong password, after the same argon2 work, and records both", async () => {
    await user("known@staff.example.cn");
    verifications.length = 0;
    const wrong = await attemptSignIn(db, { email: "known@staff.example.cn", password: "not the password at all", ipHash: IP }, T0);
    const unknown = await attemptSignIn(db, { email: "nobody@staff.example.cn", password: "not the password at all", ipHash: IP }, T0);
    expect(wrong).toEqual({ ok: false, error: "bad-credentials" });
    expect(unknown).toEqual(wrong);
    expect(await outcomes("known@staff.example.cn")).toEqual(["bad-credentials"]);
    expect(await outcomes("nobody@staff.example.cn")).toEqual(["bad-credentials"]);
    // Same work: exactly one argon2id verification each, against a hash of the same cost (the
    // real function runs; the spy only records what it was given).
    expect(verifications.map((hash) => hash.split("$").slice(1, 4).join("$"))).toEqual(["argon2id$v=19$m=19456,t=2,p=1", "argon2id$v=19$m=19456,t=2,p=1"]);
    const realHash = (await db.user.findUniqueOrThrow({ where: { email: "known@staff.example.cn" } })).passwordHash;
    expect(verifications[0]).toBe(realHash);
    expect(verifications[1]).toBe(DUMMY_PASSWORD_HASH);
  });

  it("answers a disabled account like a wrong password, even with the right one", async () => {
    await user("gone@staff.example.cn", { disabled: true });
    expect(await attemptSignIn(db, { email: "gone@staff.example.cn", password: PASSWORD, ipHash: IP }, T0)).toEqual({ ok: false, error: "bad-credentials" });
    expect(await outcomes("gone@staff.example.cn")).toEqual(["disabled"]);
    expect(await db.staffSession.count()).toBe(0);
  });

  it("limits failures per account: the 6th try is refused even with the right password, until the window has passed", async () => {
    await user("target@staff.example.cn");
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ACCOUNT; i++) {
      // From different networks: the per-account count does not care where guesses come from.
      expect(await attemptSignIn(db, { email: "target@staff.example.cn", password: `guess number ${i}!`, ipHash: `net-${i}` }, at(i * 60))).toEqual({ ok: false, error: "bad-credentials" });
    }
    const firstLeaves = at(SIGN_IN_WINDOW_SECONDS);
    expect(await attemptSignIn(db, { email: "target@staff.example.cn", password: PASSWORD, ipHash: "net-x" }, at(300))).toEqual({ ok: false, error: "limited", retryAt: firstLeaves });
    // An unknown address is limited the same way (the count is by e-mail, account or not).
    for (let i = 0; i < 5; i++) await attemptSignIn(db, { email: "ghost@staff.example.cn", password: `guess number ${i}!`, ipHash: `net-${i}` }, at(i * 60));
    expect(await attemptSignIn(db, { email: "ghost@staff.example.cn", password: PASSWORD, ipHash: "net-x" }, at(300))).toEqual({ ok: false, error: "limited", retryAt: firstLeaves });
    // Refused attempts are recorded but do not extend the limit; one second before it lifts, still refused.
    expect((await attemptSignIn(db, { email: "target@staff.example.cn", password: PASSWORD, ipHash: "net-x" }, at(SIGN_IN_WINDOW_SECONDS - 1))).ok).toBe(false);
    const after = await attemptSignIn(db, { email: "target@staff.example.cn", password: PASSWORD, ipHash: "net-x" }, firstLeaves);
    expect(after.ok).toBe(true);
    expect(await outcomes("target@staff.example.cn")).toEqual([...Array(5).fill("bad-credentials"), "limited", "limited", "ok"]);
  });

  it("limits failures per network across accounts, and another network is not affected", async () => {
    await user("victim@staff.example.cn");
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_NETWORK; i++) {
      await attemptSignIn(db, { email: `spray${i}@staff.example.cn`, password: "Summer-2026-spray!", ipHash: IP }, at(i));
    }
    expect(await attemptSignIn(db, { email: "victim@staff.example.cn", password: PASSWORD, ipHash: IP }, at(60))).toEqual({ ok: false, error: "limited", retryAt: at(SIGN_IN_WINDOW_SECONDS) });
    expect((await attemptSignIn(db, { email: "victim@staff.example.cn", password: PASSWORD, ipHash: "b".repeat(32) }, at(61))).ok).toBe(true);
    // Unknown addresses share one bucket (null), so the limit never fails open.
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_NETWORK; i++) await attemptSignIn(db, { email: `anon${i}@staff.example.cn`, password: "x".repeat(12), ipHash: null }, at(i));
    expect((await attemptSignIn(db, { email: "victim@staff.example.cn", password: PASSWORD, ipHash: null }, at(62))).ok).toBe(false);
    expect((await attemptSignIn(db, { email: "victim@staff.example.cn", password: PASSWORD, ipHash: IP }, at(SIGN_IN_WINDOW_SECONDS))).ok).toBe(true);
  });

  it("counts a burst of parallel guesses exactly: no more than the limit are ever checked", async () => {
    await user("burst@staff.example.cn");
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => attemptSignIn(db, { email: "burst@staff.example.cn", password: `parallel guess ${i}`, ipHash: `p-${i}` }, T0)),
    );
    expect(results.filter((r) => !r.ok && r.error === "bad-credentials")).toHaveLength(SIGN_IN_MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.error === "limited")).toHaveLength(3);
  });

  it("asks for the second factor, refuses a wrong or replayed code, accepts the right one and each recovery code once", async () => {
    const id = await user("admin@staff.example.cn", { role: "ADMIN", totp: true });
    const codes = ["abcde-fghjk", "mnpqr-stuvw"];
    await db.recoveryCode.createMany({ data: codes.map((c) => ({ userId: id, codeHash: hashRecoveryCode(c) })) });
    const base = { email: "admin@staff.example.cn", password: PASSWORD, ipHash: IP };
    expect(await attemptSignIn(db, base, T0)).toEqual({ ok: false, error: "totp-required" });
    expect(await attemptSignIn(db, { ...base, code: "000000" === (await totpCode(SECRET, T0)) ? "111111" : "000000" }, T0)).toEqual({ ok: false, error: "bad-totp" });
    // A right code with a wrong password is a wrong password.
    expect(await attemptSignIn(db, { ...base, password: "wrong wrong wrong", code: await totpCode(SECRET, T0) }, T0)).toEqual({ ok: false, error: "bad-credentials" });
    const code = await totpCode(SECRET, T0);
    expect(await attemptSignIn(db, { ...base, code: `${code.slice(0, 3)} ${code.slice(3)}` }, at(1))).toMatchObject({ ok: true, userId: id, twoFactorPending: false });
    // The same code again, within its window: refused (replay); the next step's code works.
    expect(await attemptSignIn(db, { ...base, code }, at(5))).toEqual({ ok: false, error: "bad-totp" });
    expect((await attemptSignIn(db, { ...base, code: await totpCode(SECRET, at(30)) }, at(31))).ok).toBe(true);
    // An older code (still inside the tolerance) is refused too once a later one was used.
    expect(await attemptSignIn(db, { ...base, code }, at(32))).toEqual({ ok: false, error: "bad-totp" });

    expect(await attemptSignIn(db, { ...base, code: "ABCDE FGHJK" }, at(40))).toMatchObject({ ok: true, usedRecoveryCode: true });
    expect(await attemptSignIn(db, { ...base, code: "abcde-fghjk" }, at(41))).toEqual({ ok: false, error: "bad-totp" });
    expect((await db.recoveryCode.findMany({ where: { usedAt: { not: null } } })).length).toBe(1);
    expect(await outcomes("admin@staff.example.cn")).toEqual(["totp-required", "bad-totp", "bad-credentials", "ok", "bad-totp", "ok", "bad-totp", "ok", "bad-totp"]);
  });

  it("lets an admin without two-factor in only as 'pending': signed out for everything but the enrolment page", async () => {
    const id = await user("new.admin@staff.example.cn", { role: "ADMIN" });
    const result = await attemptSignIn(db, { email: "new.admin@staff.example.cn", password: PASSWORD, ipHash: IP }, new Date());
    expect(result).toMatchObject({ ok: true, twoFactorPending: true });
    if (!result.ok) throw new Error("unreachable");
    const cookies = { [sessionCookieName()]: await encodeSessionToken({ sub: id, sid: result.sessionId, tv: 0 }) };
    expect(await inRequest({ cookies }, () => currentSessionActor())).toMatchObject({ id, role: "ADMIN", twoFactorPending: true });
    expect(await inRequest({ cookies }, () => currentActor())).toBeNull();
  });
});
