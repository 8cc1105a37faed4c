// The working-day calendar on real PostgreSQL: the data migration's rows drive the deadlines of
// a new inquiry (through the real exported action), admins edit the calendar through the real
// exported actions (every kind of caller), and every edit reaches the next deadline computed,
// whichever instance wrote it. CalendarDay is put back as the migration left it after each test.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { addCalendarDayAction, deleteCalendarDayAction, updateCalendarDayAction } from "@/lib/calendar/actions";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { inRequest } from "../setup/request-scope";
import { restoreMigratedCalendar, testDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
  // The migration's calendar, whatever a file run before this one did to it.
  await restoreMigratedCalendar(db);
});
afterEach(async () => {
  vi.useRealTimers();
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "OutboxEmail", "RateLimit", "AuditLog", "User", "StaffSession" CASCADE`);
  await restoreMigratedCalendar(db);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const inquiry = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  locale: "en",
  contactName: "Anna Schmidt",
  email: `anna-${randomUUID().slice(0, 8)}@example.de`,
  company: "Schmidt Batterietechnik GmbH",
  country: "Germany",
  message: "We plan a cell-module plant and need serviced land by next spring.",
  consent: "on",
  ...over,
});

/** Submits an inquiry through the real action as an investor at this instant; its deadlines. */
async function inquiryAt(at: Date) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(at);
  try {
    const result = await inRequest({ address: "198.51.100.7" }, () => submitInquiryAction(inquiry()));
    if (!result.ok) throw new Error(`inquiry refused: ${JSON.stringify(result.error)}`);
    return db.inquiry.findUniqueOrThrow({
      where: { reference: result.data.reference },
      select: { id: true, createdAt: true, firstResponseDueAt: true, firstContactDueAt: true },
    });
  } finally {
    vi.useRealTimers();
  }
}

describe("deadlines of a new inquiry", () => {
  it("on the last working day before National Day 2026 (Wed 30 Sep): first contact Thu 8 Oct, answer Fri 9 Oct, same time of day", async () => {
    const row = await inquiryAt(new Date("2026-09-30T02:00:00Z")); // 10:00 in Jiangmen
    expect(row.firstContactDueAt?.toISOString()).toBe("2026-10-08T02:00:00.000Z");
    expect(row.firstResponseDueAt?.toISOString()).toBe("2026-10-09T02:00:00.000Z");
    // The investor's e-mail promises the same day.
    const email = await db.outboxEmail.findFirstOrThrow({ where: { inquiryId: row.id }, select: { text: true } });
    expect(email.text).toContain("by October 9, 2026 at the latest");
  });

  it("late in the evening before the holiday (23:45 in Jiangmen, 15:45 UTC) still counts from Wed 30 Sep", async () => {
    const row = await inquiryAt(new Date("2026-09-30T15:45:00Z"));
    expect(row.firstContactDueAt?.toISOString()).toBe("2026-10-08T15:45:00.000Z");
    expect(row.firstResponseDueAt?.toISOString()).toBe("2026-10-09T15:45:00.000Z");
  });

  it("over a swapped working Saturday: Fri 9 Oct 2026 -> Sat 10 Oct (first contact) and Mon 12 Oct (answer)", async () => {
    const row = await inquiryAt(new Date("2026-10-09T01:00:00Z"));
    expect(row.firstContactDueAt?.toISOString()).toBe("2026-10-10T01:00:00.000Z");
    expect(row.firstResponseDueAt?.toISOString()).toBe("2026-10-12T01:00:00.000Z");
  });
});

describe("calendar actions: who may", () => {
  const newDay = { date: "2031-10-03", kind: "HOLIDAY", nameZh: "国庆节", nameEn: "National Day" };

  it("an admin adds, changes and deletes a day; each change is one audit row with before and after", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const added = await as(admin, () => addCalendarDayAction(newDay));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.data).toMatchObject(newDay);
    expect(await db.calendarDay.findUnique({ where: { date: new Date("2031-10-03T00:00:00Z") }, select: { kind: true, nameZh: true, nameEn: true } })).toEqual({
      kind: "HOLIDAY",
      nameZh: "国庆节",
      nameEn: "National Day",
    });

    const changed = await as(admin, () =>
      updateCalendarDayAction({ date: "2031-10-03", kind: "HOLIDAY", nameZh: "国庆节、中秋节", nameEn: "National Day and Mid-Autumn", seenAt: added.data.updatedAt.toISOString() }),
    );
    expect(changed.ok && changed.data).toMatchObject({ nameZh: "国庆节、中秋节", nameEn: "National Day and Mid-Autumn" });
    if (!changed.ok) return;
    expect(changed.data.updatedAt.getTime()).toBeGreaterThanOrEqual(added.data.updatedAt.getTime());

    const deleted = await as(admin, () => deleteCalendarDayAction({ date: "2031-10-03", seenAt: changed.data.updatedAt.toISOString() }));
    expect(deleted).toEqual({ ok: true, data: { date: "2031-10-03" } });
    expect(await db.calendarDay.count({ where: { date: new Date("2031-10-03T00:00:00Z") } })).toBe(0);

    const audit = await db.auditLog.findMany({ orderBy: { id: "asc" }, select: { actorId: true, action: true, entity: true, entityId: true, before: true, after: true, requestId: true } });
    expect(audit.map((a) => [a.action, a.entity, a.entityId, a.actorId])).toEqual([
      ["calendar.add", "CalendarDay", "2031-10-03", admin.id],
      ["calendar.update", "CalendarDay", "2031-10-03", admin.id],
      ["calendar.delete", "CalendarDay", "2031-10-03", admin.id],
    ]);
    expect(audit[0]).toMatchObject({ before: null, after: newDay });
    expect(audit[1]).toMatchObject({ before: newDay, after: { ...newDay, nameZh: "国庆节、中秋节", nameEn: "National Day and Mid-Autumn" } });
    expect(audit[2]).toMatchObject({ before: { nameZh: "国庆节、中秋节" }, after: null });
    expect(new Set(audit.map((a) => a.requestId)).size).toBe(3);
  });

  it("an officer is forbidden; anonymous, disabled and stale-token users are unauthenticated; nothing is written", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    const disabled = await createStaff(db, { role: "ADMIN" });
    const stale = await createStaff(db, { role: "ADMIN" });
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    await db.user.update({ where: { id: stale.id }, data: { tokenVersion: { increment: 1 } } });
    const existing = await db.calendarDay.findUniqueOrThrow({ where: { date: new Date("2026-10-01T00:00:00Z") }, select: { updatedAt: true } });
    const calls = {
      add: () => addCalendarDayAction(newDay),
      update: () => updateCalendarDayAction({ date: "2026-10-01", kind: "WORKDAY", nameZh: "x", nameEn: "x", seenAt: existing.updatedAt.toISOString() }),
      remove: () => deleteCalendarDayAction({ date: "2026-10-01", seenAt: existing.updatedAt.toISOString() }),
    };
    const cases: [string, TestStaff | null, string][] = [
      ["officer", officer, "forbidden"],
      ["anonymous", null, "unauthenticated"],
      ["disabled admin", disabled, "unauthenticated"],
      ["stale token", stale, "unauthenticated"],
    ];
    for (const [who, staff, code] of cases) {
      for (const [name, call] of Object.entries(calls)) {
        const result = await as(staff, call);
        expect(result.ok ? "ok" : result.error.code, `${who} ${name}`).toBe(code);
      }
    }
    expect(await db.calendarDay.count({ where: { date: new Date("2031-10-03T00:00:00Z") } })).toBe(0);
    expect(await db.calendarDay.findUniqueOrThrow({ where: { date: new Date("2026-10-01T00:00:00Z") }, select: { kind: true } })).toEqual({ kind: "HOLIDAY" });
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("calendar actions: bad input and concurrent edits", () => {
  it("names each field's problem (no such day, blank name, a swapped working day on a weekday, a year out of range)", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const bad = await as(admin, () => addCalendarDayAction({ date: "2031-02-30", kind: "HOLIDAY", nameZh: "  ", nameEn: "x".repeat(81) }));
    expect(bad).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { date: "noSuchDate", nameZh: "required", nameEn: "tooLong:80" } } });
    const weekday = await as(admin, () => addCalendarDayAction({ date: "2031-10-08", kind: "WORKDAY", nameZh: "调休", nameEn: "Swap" })); // a Wednesday
    expect(weekday.ok ? null : weekday.error.fieldErrors).toEqual({ kind: "workdayOnWeekday" });
    const far = await as(admin, () => addCalendarDayAction({ date: "2101-01-01", kind: "HOLIDAY", nameZh: "元旦", nameEn: "New Year" }));
    expect(far.ok ? null : far.error.fieldErrors).toEqual({ date: "yearOutOfRange" });
    const kind = await as(admin, () => addCalendarDayAction({ date: "2031-10-04", kind: "DAY_OFF", nameZh: "元旦", nameEn: "New Year" }));
    expect(kind.ok ? null : kind.error.fieldErrors).toEqual({ kind: "notAChoice" });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("a day that exists already is a conflict on the date field", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const result = await as(admin, () => addCalendarDayAction({ date: "2026-10-01", kind: "HOLIDAY", nameZh: "国庆节", nameEn: "National Day" }));
    expect(result).toEqual({ ok: false, error: { code: "conflict", message: "exists", fieldErrors: { date: "exists" } } });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("an edit or a delete of a day changed meanwhile is a conflict, and a deleted day is not found", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const seen = await db.calendarDay.findUniqueOrThrow({ where: { date: new Date("2026-10-10T00:00:00Z") }, select: { updatedAt: true } });
    const first = await as(admin, () => updateCalendarDayAction({ date: "2026-10-10", kind: "WORKDAY", nameZh: "国庆调休", nameEn: "Swap", seenAt: seen.updatedAt.toISOString() }));
    expect(first.ok).toBe(true);
    // A second admin saved the same form, as it was before the first edit.
    const second = await as(admin, () => updateCalendarDayAction({ date: "2026-10-10", kind: "WORKDAY", nameZh: "别的", nameEn: "Other", seenAt: seen.updatedAt.toISOString() }));
    expect(second).toEqual({ ok: false, error: { code: "conflict", message: "changedMeanwhile" } });
    const remove = await as(admin, () => deleteCalendarDayAction({ date: "2026-10-10", seenAt: seen.updatedAt.toISOString() }));
    expect(remove).toEqual({ ok: false, error: { code: "conflict", message: "changedMeanwhile" } });
    expect((await db.calendarDay.findUniqueOrThrow({ where: { date: new Date("2026-10-10T00:00:00Z") }, select: { nameZh: true } })).nameZh).toBe("国庆调休");
    const gone = await as(admin, () => deleteCalendarDayAction({ date: "2031-01-06", seenAt: seen.updatedAt.toISOString() }));
    expect(gone).toEqual({ ok: false, error: { code: "not_found", message: "dayGone" } });
    expect(await db.auditLog.count()).toBe(1);
  });
});

describe("the calendar the deadlines use is always the database's", () => {
  it("an admin's new holiday moves the next inquiry's deadlines; deleting it moves them back", async () => {
    const monday = new Date("2026-11-30T02:00:00Z"); // Mon 30 Nov 2026, 10:00 in Jiangmen
    const before = await inquiryAt(monday);
    expect([before.firstContactDueAt?.toISOString(), before.firstResponseDueAt?.toISOString()]).toEqual(["2026-12-01T02:00:00.000Z", "2026-12-02T02:00:00.000Z"]);

    const admin = await createStaff(db, { role: "ADMIN" });
    const added = await as(admin, () => addCalendarDayAction({ date: "2026-12-01", kind: "HOLIDAY", nameZh: "台风停工", nameEn: "Typhoon closure" }));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    const after = await inquiryAt(monday);
    expect([after.firstContactDueAt?.toISOString(), after.firstResponseDueAt?.toISOString()]).toEqual(["2026-12-02T02:00:00.000Z", "2026-12-03T02:00:00.000Z"]);

    const removed = await as(admin, () => deleteCalendarDayAction({ date: "2026-12-01", seenAt: added.data.updatedAt.toISOString() }));
    expect(removed.ok).toBe(true);
    const again = await inquiryAt(monday);
    expect(again.firstResponseDueAt?.toISOString()).toBe("2026-12-02T02:00:00.000Z");
  });

  it("is cached while unchanged, and sees writes of another instance (another client), even a delete plus an insert with a lagging clock", async () => {
    const first = await loadWorkCalendar(appDb());
    expect(await loadWorkCalendar(appDb())).toBe(first);
    const monday = new Date("2026-11-30T02:00:00Z");
    const due = async () => addWorkingDays(monday, 2, await loadWorkCalendar(appDb())).toISOString();
    expect(await due()).toBe("2026-12-02T02:00:00.000Z");

    // Another instance: its own client, its own clock. It swaps one exception for another in
    // one go, stamping the new row with an updatedAt older than the newest row: count and
    // max(updatedAt) stay the same; the checksum of (date, kind) does not.
    const { latest } = (await db.$queryRaw<{ latest: Date }[]>`SELECT max("updatedAt") AS latest FROM "CalendarDay"`)[0]!;
    await db.$transaction([
      db.calendarDay.delete({ where: { date: new Date("2025-01-01T00:00:00Z") } }),
      db.$executeRaw`INSERT INTO "CalendarDay" ("date", "kind", "nameZh", "nameEn", "updatedAt") VALUES ('2026-12-01', 'HOLIDAY', '停工', 'Closure', ${new Date(latest.getTime() - 60_000)})`,
    ]);
    const second = await loadWorkCalendar(appDb());
    expect(second).not.toBe(first);
    expect(second.holidays.has("2026-12-01")).toBe(true);
    expect(second.holidays.has("2025-01-01")).toBe(false);
    expect(await due()).toBe("2026-12-03T02:00:00.000Z");

    // A change of kind only (same count, same dates, updatedAt written by the other instance).
    await db.calendarDay.update({ where: { date: new Date("2026-12-01T00:00:00Z") }, data: { kind: "WORKDAY" } });
    expect(await due()).toBe("2026-12-02T02:00:00.000Z");
  });
});
