// The first admin of a deployment (`npm run staff:create-admin`, run as a real process on a
// fresh database), "not set up" until an admin exists, and the local development accounts.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { staffIsSetUp } from "@/lib/auth/setup";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { DEV_ADMIN_TOTP_SECRET, DEV_STAFF, DEV_STAFF_PASSWORD, ensureDevStaff } from "@/lib/auth/staff-accounts";
import { totpCode } from "@/lib/auth/totp";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createEmptyDatabase, seededDb } from "./helpers/database";

let url: string;
let db: Db;
beforeAll(async () => {
  url = await createEmptyDatabase("create_admin");
});
afterAll(async () => {
  await db?.$disconnect();
});

function createAdmin(args: string[], stdin: string) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/staff-create-admin.ts", ...args], {
    env: { ...process.env, DATABASE_URL: url },
    input: stdin,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe("npm run staff:create-admin", () => {
  it("refuses bad input with a clear message, then creates the admin, who signs in and must enrol two-factor", async () => {
    expect(createAdmin([], "")).toMatchObject({ code: 1, err: expect.stringContaining("usage: npm run staff:create-admin -- --email") });
    expect(createAdmin(["--email", "not-an-address", "--name", "王芳"], "harbour-lantern-orchid-42\n")).toMatchObject({ code: 1, err: expect.stringContaining('"not-an-address" is not an e-mail address.') });
    const weak = createAdmin(["--email", "wang.fang@jiangmen.example", "--name", "王芳"], "Password2026!\n");
    expect(weak).toMatchObject({ code: 1, err: expect.stringContaining("The password is refused: it is a common password") });
    // The command migrated the empty database; nothing was created so far.
    db = createPrismaClient(url, 2);
    expect(await staffIsSetUp(db)).toBe(false);

    const made = createAdmin(["--email", "Wang.Fang@Jiangmen.example", "--name", " 王芳 "], "harbour-lantern-orchid-42\n");
    expect(made).toMatchObject({ code: 0, out: expect.stringContaining("Created the admin wang.fang@jiangmen.example.") });
    const admin = await db.user.findUniqueOrThrow({ where: { email: "wang.fang@jiangmen.example" } });
    expect(admin).toMatchObject({ name: "王芳", role: "ADMIN", disabled: false, totpEnabledAt: null });
    expect(admin.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(admin.passwordHash, "harbour-lantern-orchid-42")).toBe(true);
    expect(await staffIsSetUp(db)).toBe(true);
    expect(await attemptSignIn(db, { email: "wang.fang@jiangmen.example", password: "harbour-lantern-orchid-42", ipHash: null })).toMatchObject({ ok: true, twoFactorPending: true });

    expect(createAdmin(["--email", "wang.fang@jiangmen.example", "--name", "王芳"], "harbour-lantern-orchid-43\n")).toMatchObject({ code: 1, err: expect.stringContaining("exists already") });
    const generated = createAdmin(["--email", "second@jiangmen.example", "--name", "Second Admin", "--generate", "--locale", "en"], "");
    expect(generated.code).toBe(0);
    const password = /Password \(shown only now, keep it somewhere safe\): (\S+)/.exec(generated.out)?.[1];
    expect(password).toHaveLength(32);
    expect((await attemptSignIn(db, { email: "second@jiangmen.example", password: password!, ipHash: null })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: "user.created" } })).toBe(2);
  });

  it("counts staff as not set up while every admin is disabled", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { disabled: true } });
    expect(await staffIsSetUp(db)).toBe(false);
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { disabled: false } });
  });
});

describe("local development accounts", () => {
  it("creates one admin (known TOTP key) and two officers responsible for seeded parks, once", async () => {
    const seeded = seededDb();
    try {
      expect(await ensureDevStaff(seeded)).toEqual(DEV_STAFF.map((s) => s.email));
      expect(await ensureDevStaff(seeded)).toEqual([]);
      const officers = await seeded.user.findMany({ where: { role: "OFFICER", email: { in: DEV_STAFF.map((s) => s.email) } }, select: { email: true, parks: { select: { park: { select: { code: true } } } } }, orderBy: { email: "asc" } });
      expect(officers.map((o) => [o.email, o.parks.map((p) => p.park.code).sort()])).toEqual([
        ["officer.eu@jiangmen.example", ["china-eu-cooperation-zone", "jiangmen-safety-emergency", "taishan-industrial-new-city"]],
        ["officer.xinhui@jiangmen.example", ["xinhui-new-energy-battery", "xinhui-silicon-energy", "xinhui-smart-manufacturing"]],
      ]);
      // Each of those parks has parcels (so inquiries about them reach these officers' inboxes).
      expect(await seeded.park.count({ where: { code: { in: officers.flatMap((o) => o.parks.map((p) => p.park.code)) }, parcels: { some: {} } } })).toBe(6);
      expect(await attemptSignIn(seeded, { email: "admin@jiangmen.example", password: DEV_STAFF_PASSWORD, ipHash: null })).toEqual({ ok: false, error: "totp-required" });
      expect(await attemptSignIn(seeded, { email: "admin@jiangmen.example", password: DEV_STAFF_PASSWORD, code: await totpCode(DEV_ADMIN_TOTP_SECRET), ipHash: null })).toMatchObject({ ok: true, twoFactorPending: false });
      expect((await attemptSignIn(seeded, { email: "officer.xinhui@jiangmen.example", password: DEV_STAFF_PASSWORD, ipHash: null })).ok).toBe(true);
    } finally {
      await seeded.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "SignInAttempt", "RecoveryCode", "RateLimit" CASCADE`);
      await seeded.$disconnect();
    }
  });
});
