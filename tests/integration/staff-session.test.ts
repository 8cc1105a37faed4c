// The session check every staff request runs: the cookie is only a pointer to a StaffSession
// row and a token version; the database decides.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { actorFromToken, currentActor, endStaffSession } from "@/lib/auth/session";
import { encodeSessionToken, sessionCookieName } from "@/lib/auth/session-token";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { testDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const tokenOf = (cookies: Record<string, string>) => cookies[sessionCookieName()]!;

describe("staff session", () => {
  it("resolves a live session to the user as the database has them now", async () => {
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静" });
    const actor = await as(officer, () => currentActor());
    expect(actor).toMatchObject({ id: officer.id, role: "OFFICER", name: "陈静", parkIds: [] });
    await db.user.update({ where: { id: officer.id }, data: { role: "ADMIN" } });
    expect((await actorFromToken(db, tokenOf(officer.cookies)))?.role).toBe("ADMIN");
  });

  it("refuses a disabled user, a bumped token version, an ended session, a foreign or garbled token", async () => {
    const a = await createStaff(db, { role: "OFFICER" });
    const b = await createStaff(db, { role: "OFFICER" });
    const c = await createStaff(db, { role: "ADMIN" });
    await db.user.update({ where: { id: a.id }, data: { disabled: true } });
    await db.user.update({ where: { id: b.id }, data: { tokenVersion: { increment: 1 } } });
    const sid = (await db.staffSession.findFirstOrThrow({ where: { userId: c.id } })).id;
    expect(await actorFromToken(db, tokenOf(c.cookies))).not.toBeNull();
    await endStaffSession(db, sid, "signed-out");
    for (const staff of [a, b, c]) expect(await actorFromToken(db, tokenOf(staff.cookies))).toBeNull();
    // A token naming another user's session is not that user's.
    const forged = await encodeSessionToken({ sub: a.id, sid, tv: 0 });
    expect(await actorFromToken(db, forged)).toBeNull();
    expect(await actorFromToken(db, "not-a-jwt")).toBeNull();
    expect(await actorFromToken(db, tokenOf(c.cookies).slice(0, -4) + "AAAA")).toBeNull();
    expect(await as(null, () => currentActor())).toBeNull();
  });

  it("ends a session after 30 minutes idle and 12 hours after sign-in, however active", async () => {
    const t0 = new Date("2026-12-01T01:00:00Z");
    const idle = await createStaff(db, { role: "OFFICER", now: t0 });
    const minutes = (m: number) => new Date(t0.getTime() + m * 60_000);
    expect(await actorFromToken(db, tokenOf(idle.cookies), minutes(29))).not.toBeNull();
    expect(await actorFromToken(db, tokenOf(idle.cookies), minutes(58))).not.toBeNull(); // 29 min after the last request
    expect(await actorFromToken(db, tokenOf(idle.cookies), minutes(89))).toBeNull();
    expect(await db.staffSession.findFirstOrThrow({ where: { userId: idle.id } })).toMatchObject({ endReason: "idle" });
    expect(await actorFromToken(db, tokenOf(idle.cookies), minutes(90))).toBeNull();

    const busy = await createStaff(db, { role: "OFFICER", now: t0 });
    for (let m = 20; m < 720; m += 20) expect(await actorFromToken(db, tokenOf(busy.cookies), minutes(m)), `minute ${m}`).not.toBeNull();
    expect(await actorFromToken(db, tokenOf(busy.cookies), minutes(720))).toBeNull();
    expect(await db.staffSession.findFirstOrThrow({ where: { userId: busy.id } })).toMatchObject({ endReason: "expired" });
  });
});
