// Staff management through the real exported actions of lib/staff/actions.ts, each run as one
// request of a real staff member (session row + cookie, tests/integration/helpers/staff.ts):
// who may call them, what each writes (with its exact audit row), and that a change takes
// effect on the affected person's very next request.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { actorFromToken, currentActor } from "@/lib/auth/session";
import { sessionCookieName } from "@/lib/auth/session-token";
import { verifyPassword } from "@/lib/auth/password";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { leadScope } from "@/lib/leads/scope";
import { changeStaffRoleAction, createStaffAction, setStaffDisabledAction, setStaffParksAction } from "@/lib/staff/actions";
import { changeStaffRole, setStaffDisabled } from "@/lib/staff/mutations";
import { testDb } from "./helpers/database";
import { as, createStaff, sessionCookieFor, type TestStaff } from "./helpers/staff";

let db: Db;
const parks: Record<string, string> = {};

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
  for (const [i, code] of ["pengjiang", "xinhui", "heshan"].entries()) {
    const park = await db.park.create({
      data: { code, nameZh: `园区${i}`, nameEn: `Park ${i}`, level: "INDUSTRIAL_PARK", descriptionZh: "示意", descriptionEn: "illustrative", centerLng: 113, centerLat: 22.5, sortOrder: i },
    });
    parks[code] = park.id;
  }
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog", "ParkResponsibility" CASCADE`);
});
afterAll(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Park" CASCADE`);
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const tokenOf = (s: TestStaff) => s.cookies[sessionCookieName()]!;
const versionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const audits = () => db.auditLog.findMany({ orderBy: { id: "asc" }, select: { actorId: true, action: true, entity: true, entityId: true, before: true, after: true, requestId: true } });
const openSessions = (userId: string) => db.staffSession.count({ where: { userId, endedAt: null } });

/** Every action, with an input that an admin may apply to `target`. */
const ACTIONS = {
  create: { call: createStaffAction, input: () => ({ name: "新同事", email: "new.colleague@jmtz.gov.cn", role: "OFFICER", passwordMode: "generate" }) },
  disable: { call: setStaffDisabledAction, input: async (target: TestStaff) => ({ userId: target.id, version: await versionOf(target.id), disabled: "true" }) },
  role: { call: changeStaffRoleAction, input: async (target: TestStaff) => ({ userId: target.id, version: await versionOf(target.id), role: "ADMIN" }) },
  parks: { call: setStaffParksAction, input: async (target: TestStaff) => ({ userId: target.id, version: await versionOf(target.id), parkIds: [parks.xinhui] }) },
} as const;

describe("who may manage staff", () => {
  for (const [name, action] of Object.entries(ACTIONS)) {
    it(`${name}: signed out, disabled and stale sessions are unauthenticated; an officer is forbidden; nothing is written`, async () => {
      const target = await createStaff(db, { role: "OFFICER", parkCodes: ["pengjiang"] });
      const officer = await createStaff(db, { role: "OFFICER" });
      const disabledAdmin = await createStaff(db, { role: "ADMIN", disabled: true });
      const staleAdmin = await createStaff(db, { role: "ADMIN" });
      await db.user.update({ where: { id: staleAdmin.id }, data: { tokenVersion: { increment: 1 } } });
      const input = await action.input(target);
      const call = action.call as (i: unknown) => Promise<unknown>;
      const before = await db.user.findUniqueOrThrow({ where: { id: target.id }, include: { parks: true } });

      expect(await as(null, () => call(input))).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(disabledAdmin, () => call(input))).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(staleAdmin, () => call(input))).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(officer, () => call(input))).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });
      // Refused before parsing: even garbage gets the same answer.
      expect(await as(officer, () => call("garbage"))).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });

      expect(await db.user.count()).toBe(4);
      expect(await db.user.findUniqueOrThrow({ where: { id: target.id }, include: { parks: true } })).toEqual(before);
      expect(await db.auditLog.count()).toBe(0);
    });
  }
});

describe("an admin manages staff", () => {
  it("creates an officer with a generated password shown once, the address normalised, the parks set, audited", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const result = await as(admin, () =>
      createStaffAction({ name: " 陈静 ", email: " Ｃhen.Jing@JMTZ.gov.cn ", role: "OFFICER", parkIds: [parks.xinhui, parks.pengjiang, parks.xinhui], passwordMode: "generate", password: "ignored-when-generated" }),
    );
    expect(result).toMatchObject({ ok: true, data: { version: 1, generatedPassword: expect.stringMatching(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/) } });
    if (!result.ok) throw new Error("create failed");
    const user = await db.user.findUniqueOrThrow({ where: { id: result.data.id }, include: { parks: { select: { parkId: true } } } });
    expect(user).toMatchObject({ name: "陈静", email: "chen.jing@jmtz.gov.cn", role: "OFFICER", disabled: false, tokenVersion: 0, version: 1 });
    expect(user.parks.map((p) => p.parkId).sort()).toEqual([parks.pengjiang, parks.xinhui].sort());
    expect(await verifyPassword(user.passwordHash, result.data.generatedPassword!)).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const [row] = await audits();
    expect(row).toEqual({
      actorId: admin.id,
      action: "user.create",
      entity: "User",
      entityId: user.id,
      before: null,
      after: { email: "chen.jing@jmtz.gov.cn", name: "陈静", role: "OFFICER", disabled: false, parks: ["pengjiang", "xinhui"] },
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(JSON.stringify(row)).not.toContain("argon2");
  });

  it("creates an admin with a typed password (the policy applies; parks are for officers only)", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const tooShort = await as(admin, () => createStaffAction({ name: "Li", email: "li@jmtz.gov.cn", role: "ADMIN", passwordMode: "type", password: "short" }));
    expect(tooShort).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { password: "password.tooShort" } } });
    const created = await as(admin, () =>
      createStaffAction({ name: "Li Wei", email: "li@jmtz.gov.cn", role: "ADMIN", parkIds: parks.heshan, passwordMode: "type", password: "a long enough passphrase" }),
    );
    expect(created).toMatchObject({ ok: true, data: { generatedPassword: null } });
    const user = await db.user.findUniqueOrThrow({ where: { email: "li@jmtz.gov.cn" }, include: { parks: true } });
    expect(user).toMatchObject({ role: "ADMIN", parks: [] });
    expect(await verifyPassword(user.passwordHash, "a long enough passphrase")).toBe(true);
  });

  it("refuses an address already in use, however it is typed, as a field error", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    await createStaff(db, { role: "OFFICER", email: "taken@jmtz.gov.cn" });
    const result = await as(admin, () => createStaffAction({ name: "Dup", email: "TAKEN@jmtz.gov.cn ", role: "OFFICER", passwordMode: "generate" }));
    expect(result).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { email: "emailTaken" } } });
    expect(await db.user.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("refuses bad input field by field, and a park that does not exist", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const bad = await as(admin, () => createStaffAction({ name: "", email: "not-an-address", role: "OWNER", passwordMode: "generate" }));
    expect(bad).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { name: "required", email: "email", role: "notAChoice" } } });
    const ghost = await as(admin, () => createStaffAction({ name: "X", email: "x@jmtz.gov.cn", role: "OFFICER", parkIds: ["no-such-park"], passwordMode: "generate" }));
    expect(ghost).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { parkIds: "notAChoice" } } });
    expect(await db.user.count()).toBe(1);
  });

  it("disabling an officer ends their sessions: their cookie fails on the next request; enabling lets them sign in again", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const officer = await createStaff(db, { role: "OFFICER", name: "王芳", email: "wang.fang@jmtz.gov.cn", parkCodes: ["heshan"] });
    expect(await as(officer, () => currentActor())).toMatchObject({ id: officer.id });
    const result = await as(admin, () => setStaffDisabledAction({ userId: officer.id, version: "1", disabled: "true" }));
    expect(result).toEqual({ ok: true, data: { id: officer.id, version: 2 } });
    expect(await as(officer, () => currentActor())).toBeNull();
    expect(await actorFromToken(db, tokenOf(officer))).toBeNull();
    expect(await db.staffSession.findFirstOrThrow({ where: { userId: officer.id } })).toMatchObject({ endReason: "revoked", endedAt: expect.any(Date) });
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ disabled: true, tokenVersion: 1, version: 2 });

    expect(await as(admin, () => setStaffDisabledAction({ userId: officer.id, version: 2, disabled: false }))).toEqual({ ok: true, data: { id: officer.id, version: 3 } });
    // The old cookie stays dead: it names an ended session and the old token version.
    expect(await actorFromToken(db, tokenOf(officer))).toBeNull();
    const person = { email: "wang.fang@jmtz.gov.cn", name: "王芳", role: "OFFICER", parks: ["heshan"] };
    expect(await audits()).toEqual([
      { actorId: admin.id, action: "user.disable", entity: "User", entityId: officer.id, before: { ...person, disabled: false }, after: { ...person, disabled: true }, requestId: expect.any(String) },
      { actorId: admin.id, action: "user.enable", entity: "User", entityId: officer.id, before: { ...person, disabled: true }, after: { ...person, disabled: false }, requestId: expect.any(String) },
    ]);
  });

  it("a role change takes effect immediately: the old session is refused, a new one has the new role", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const officer = await createStaff(db, { role: "OFFICER", name: "Zhao", email: "zhao@jmtz.gov.cn", parkCodes: ["xinhui"] });
    const result = await as(admin, () => changeStaffRoleAction({ userId: officer.id, version: 1, role: "ADMIN" }));
    expect(result).toEqual({ ok: true, data: { id: officer.id, version: 2 } });
    expect(await as(officer, () => currentActor())).toBeNull();
    expect(await openSessions(officer.id)).toBe(0);
    // A fresh sign-in carries the new role, and with it the admin's permissions.
    const again = await createStaff(db, { role: "OFFICER", email: "other@jmtz.gov.cn" });
    expect(await as(again, () => setStaffParksAction({ userId: again.id, version: 1, parkIds: [] }))).toMatchObject({ error: { code: "forbidden" } });
    const promoted = { ...officer, cookies: await sessionCookieFor(db, officer.id, 1) };
    // A new admin has no second factor yet: their session may only enrol one (lib/auth).
    expect(await as(promoted, () => currentActor())).toBeNull();
    expect(await as(promoted, () => setStaffParksAction({ userId: again.id, version: 1, parkIds: [parks.heshan] }))).toMatchObject({ error: { code: "forbidden", message: "twoFactorRequired" } });
    await db.user.update({ where: { id: officer.id }, data: { totpEnabledAt: new Date() } });
    expect(await as(promoted, () => currentActor())).toMatchObject({ role: "ADMIN", parkIds: [] });
    expect(await as(promoted, () => setStaffParksAction({ userId: again.id, version: 1, parkIds: [parks.heshan] }))).toMatchObject({ ok: true });
    const [role] = await audits();
    expect(role).toEqual({
      actorId: admin.id,
      action: "user.role",
      entity: "User",
      entityId: officer.id,
      before: { email: "zhao@jmtz.gov.cn", name: "Zhao", role: "OFFICER", disabled: false, parks: ["xinhui"] },
      // An admin answers for every park: the officer's list goes.
      after: { email: "zhao@jmtz.gov.cn", name: "Zhao", role: "ADMIN", disabled: false, parks: [] },
      requestId: expect.any(String),
    });
  });

  it("a park change changes which leads the officer's next request may see, without signing them out", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const officer = await createStaff(db, { role: "OFFICER", name: "Qian", email: "qian@jmtz.gov.cn", parkCodes: ["pengjiang"] });
    const scope = async () => leadScope((await as(officer, () => currentActor()))!);
    expect(await scope()).toEqual({ OR: [{ assigneeId: officer.id }, { parkId: { in: [parks.pengjiang] } }] });
    const result = await as(admin, () => setStaffParksAction({ userId: officer.id, version: 1, parkIds: [parks.heshan, parks.xinhui] }));
    expect(result).toEqual({ ok: true, data: { id: officer.id, version: 2 } });
    const after = await scope();
    expect(after.OR?.[1]).toEqual({ parkId: { in: expect.arrayContaining([parks.heshan, parks.xinhui]) } });
    expect((after.OR?.[1] as { parkId: { in: string[] } }).parkId.in).toHaveLength(2);
    expect(await as(admin, () => setStaffParksAction({ userId: officer.id, version: 2, parkIds: [] }))).toMatchObject({ ok: true });
    expect(await scope()).toEqual({ OR: [{ assigneeId: officer.id }] });
    expect(await openSessions(officer.id)).toBe(1);
    const person = { email: "qian@jmtz.gov.cn", name: "Qian", role: "OFFICER", disabled: false };
    expect(await audits()).toEqual([
      { actorId: admin.id, action: "user.parks", entity: "User", entityId: officer.id, before: { ...person, parks: ["pengjiang"] }, after: { ...person, parks: ["heshan", "xinhui"] }, requestId: expect.any(String) },
      { actorId: admin.id, action: "user.parks", entity: "User", entityId: officer.id, before: { ...person, parks: ["heshan", "xinhui"] }, after: { ...person, parks: [] }, requestId: expect.any(String) },
    ]);
  });

  it("a change that changes nothing writes nothing", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: ["pengjiang"] });
    expect(await as(admin, () => changeStaffRoleAction({ userId: officer.id, version: 1, role: "OFFICER" }))).toEqual({ ok: true, data: { id: officer.id, version: 1 } });
    expect(await as(admin, () => setStaffParksAction({ userId: officer.id, version: 1, parkIds: [parks.pengjiang] }))).toEqual({ ok: true, data: { id: officer.id, version: 1 } });
    expect(await as(admin, () => setStaffDisabledAction({ userId: officer.id, version: 1, disabled: false }))).toEqual({ ok: true, data: { id: officer.id, version: 1 } });
    expect(await db.auditLog.count()).toBe(0);
    expect(await openSessions(officer.id)).toBe(1);
  });
});

describe("guard rails", () => {
  it("an admin cannot disable themselves or give up their own admin role", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    await createStaff(db, { role: "ADMIN" });
    expect(await as(admin, () => setStaffDisabledAction({ userId: admin.id, version: 1, disabled: true }))).toEqual({ ok: false, error: { code: "forbidden", message: "selfDisable" } });
    expect(await as(admin, () => changeStaffRoleAction({ userId: admin.id, version: 1, role: "OFFICER" }))).toEqual({ ok: false, error: { code: "forbidden", message: "selfDemote" } });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: "ADMIN", disabled: false, version: 1 });
    expect(await as(admin, () => currentActor())).toMatchObject({ id: admin.id });
  });

  it("the last active admin cannot be disabled or demoted (disabled admins do not count)", async () => {
    // Only an active admin holds user.manage, so the last admin is only ever removed by
    // another admin whose own removal is under way: the rule as the mutation applies it.
    const last = await createStaff(db, { role: "ADMIN" });
    await createStaff(db, { role: "ADMIN", disabled: true });
    const gone = { actor: { id: "an-admin-removed-meanwhile" }, requestId: "test" };
    await expect(setStaffDisabled(db, gone, { userId: last.id, version: 1, disabled: true })).rejects.toMatchObject({ code: "conflict", message: "lastAdmin" });
    await expect(changeStaffRole(db, gone, { userId: last.id, version: 1, role: "OFFICER" })).rejects.toMatchObject({ code: "conflict", message: "lastAdmin" });
    expect(await db.user.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({ role: "ADMIN", disabled: false, version: 1 });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("two admins removing each other at the same moment: one wins, one admin is left", async () => {
    for (const kind of ["disable", "demote"] as const) {
      const a = await createStaff(db, { role: "ADMIN" });
      const b = await createStaff(db, { role: "ADMIN" });
      const remove = (by: TestStaff, target: TestStaff) =>
        as(by, () => (kind === "disable" ? setStaffDisabledAction({ userId: target.id, version: 1, disabled: true }) : changeStaffRoleAction({ userId: target.id, version: 1, role: "OFFICER" })));
      const results = await Promise.all([remove(a, b), remove(b, a)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      // The loser was either told it is the last admin or, had the winner committed first, signed out.
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(conflict|unauthenticated)$/) } });
      expect(await db.user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
      await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog" CASCADE`);
    }
  });
});

describe("concurrent edits", () => {
  it("a change made from an older page is a conflict carrying the current row; nothing is applied", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const other = await createStaff(db, { role: "ADMIN" });
    const officer = await createStaff(db, { role: "OFFICER", name: "Sun", email: "sun@jmtz.gov.cn", parkCodes: ["pengjiang"] });
    // Both admins opened the page at version 1; `other` saves first.
    expect(await as(other, () => setStaffParksAction({ userId: officer.id, version: 1, parkIds: [parks.heshan] }))).toMatchObject({ ok: true });
    for (const stale of [
      () => setStaffParksAction({ userId: officer.id, version: 1, parkIds: [parks.xinhui] }),
      () => changeStaffRoleAction({ userId: officer.id, version: 1, role: "ADMIN" }),
      () => setStaffDisabledAction({ userId: officer.id, version: 1, disabled: true }),
    ]) {
      const result = await as(admin, stale);
      expect(result).toEqual({
        ok: false,
        error: {
          code: "conflict",
          message: "stale",
          current: expect.objectContaining({ id: officer.id, role: "OFFICER", disabled: false, version: 2, parks: [{ id: parks.heshan, code: "heshan", nameZh: "园区2", nameEn: "Park 2" }] }),
        },
      });
      expect(JSON.stringify(result)).not.toMatch(/passwordHash|argon2|totpSecret/);
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: officer.id } })).toMatchObject({ role: "OFFICER", disabled: false, version: 2, tokenVersion: 0 });
    expect(await db.auditLog.count()).toBe(1);
    expect(await openSessions(officer.id)).toBe(1);
    // With the current version the same change goes through.
    expect(await as(admin, () => setStaffParksAction({ userId: officer.id, version: 2, parkIds: [parks.xinhui] }))).toMatchObject({ ok: true, data: { version: 3 } });
  });

  it("an unknown account is not found", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    expect(await as(admin, () => setStaffDisabledAction({ userId: "nobody", version: 1, disabled: true }))).toEqual({ ok: false, error: { code: "not_found", message: "notFound" } });
  });
});
