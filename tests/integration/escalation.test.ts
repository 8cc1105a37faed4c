// The escalation pass on real PostgreSQL: levels at 3, 5 and 7 working days untouched on a
// calendar with a holiday, recorded once each (also with two clients running at once), a
// touch restarting the count for the next level, and the assignee's e-mails.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { runEscalation } from "@/lib/leads/escalation";
import { restoreMigratedCalendar, testDb } from "./helpers/database";
import { createStaff } from "./helpers/staff";

let db: Db;
beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_URL = "https://invest.jiangmen.example";
  db = testDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryEscalation", "OutboxEmail", "User" CASCADE`);
  // The test holiday goes; the migration's days (none in December 2026) come back for the files after this one.
  await restoreMigratedCalendar(db);
});
afterAll(async () => {
  await db.$disconnect();
});

/** 10:00 (or hh:mm) China time on a December 2026 day. */
const cn = (day: number, time = "10:00") => new Date(`2026-12-${String(day).padStart(2, "0")}T${time}:00+08:00`);

let n = 0;
async function makeLead(over: { assigneeId?: string | null; lastActivityAt: Date; stage?: "NEW" | "CONTACTED" | "SIGNED" | "LOST"; company?: string }) {
  n += 1;
  return db.inquiry.create({
    data: {
      reference: `JM2612-ESC${String(n).padStart(3, "0")}`,
      idempotencyKey: randomUUID(),
      contactName: "Anna Schmidt",
      email: `anna${n}@example.de`,
      company: over.company ?? "Schmidt Batterietechnik GmbH",
      country: "Germany",
      message: "We plan a cell-module plant.",
      locale: "en",
      consentAt: over.lastActivityAt,
      consentVersion: "2026-11",
      stage: over.stage ?? "NEW",
      assigneeId: over.assigneeId ?? null,
      lastActivityAt: over.lastActivityAt,
      createdAt: over.lastActivityAt,
    },
    select: { id: true, reference: true },
  });
}

const levels = async (inquiryId: string) => (await db.inquiryEscalation.findMany({ where: { inquiryId }, orderBy: { level: "asc" } })).map((e) => e.level);
const state = async (inquiryId: string) => {
  const row = await db.inquiry.findUniqueOrThrow({ where: { id: inquiryId }, select: { escalationLevel: true } });
  const events = await db.inquiryEvent.findMany({ where: { inquiryId, type: "ESCALATED" }, orderBy: { createdAt: "asc" }, select: { actorId: true, data: true } });
  return { level: row.escalationLevel, recorded: await levels(inquiryId), events: events.map((e) => e.data) };
};

describe("escalation of untouched leads", () => {
  it("reaches levels 1, 2, 3 after 3, 5, 7 working days, skipping the holiday, each once, e-mailing the assignee", async () => {
    // Wednesday 2 December is a (test) public holiday.
    await db.calendarDay.create({ data: { date: new Date("2026-12-02T00:00:00Z"), kind: "HOLIDAY", nameZh: "测试假日", nameEn: "Test holiday" } });
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静" });
    const lead = await makeLead({ assigneeId: officer.id, lastActivityAt: new Date("2026-11-30T10:00:00+08:00") });

    // Thursday 3rd: three working days on a weekends-only calendar, two with the holiday.
    expect((await runEscalation(db, { now: cn(3) })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(4, "09:59") })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(4) })).escalated).toEqual([{ inquiryId: lead.id, level: 1 }]);
    expect((await runEscalation(db, { now: cn(4, "18:00") })).escalated).toEqual([]);
    expect(await state(lead.id)).toEqual({ level: 1, recorded: [1], events: [{ by: "escalation", level: 1, workingDaysUntouched: 3 }] });
    // Weekend, then Monday 7th (4 days), Tuesday 8th (5 days): level 2.
    expect((await runEscalation(db, { now: cn(7) })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(8) })).escalated).toEqual([{ inquiryId: lead.id, level: 2 }]);
    expect((await runEscalation(db, { now: cn(10) })).escalated).toEqual([{ inquiryId: lead.id, level: 3 }]);
    expect((await runEscalation(db, { now: cn(31) })).escalated).toEqual([]);
    expect(await state(lead.id)).toMatchObject({ level: 3, recorded: [1, 2, 3] });

    const mails = await db.outboxEmail.findMany({ orderBy: { createdAt: "asc" }, select: { kind: true, to: true, subject: true, text: true, inquiryId: true } });
    expect(mails.map((m) => [m.kind, m.to, m.subject])).toEqual([
      ["lead-escalated", officer.email, `提醒：线索 ${lead.reference} 已 3 个工作日未跟进`],
      ["lead-escalated", officer.email, `升级：线索 ${lead.reference} 已 5 个工作日未跟进，已提交管理员`],
      ["lead-escalated", officer.email, `紧急：线索 ${lead.reference} 已 7 个工作日未跟进，已列入管理员概览`],
    ]);
    expect(mails[0]!.text.split("\n").slice(0, 5)).toEqual([
      "陈静，您好：",
      "",
      `分配给您的线索 ${lead.reference}（Schmidt Batterietechnik GmbH）自 2026年11月30日 10:00（北京时间） 起已有 3 个工作日无人跟进。`,
      "",
      "请尽快联系投资者，或在线索页记录进展。",
    ]);
    expect(mails[0]!.text).toContain(`打开线索：https://invest.jiangmen.example/zh/staff/leads/${lead.id}\n`);
  });

  it("an officer's touch stops further escalation; the next level counts its own days from the touch; recorded levels stay", async () => {
    const officer = await createStaff(db, { role: "OFFICER" });
    await db.user.update({ where: { id: officer.id }, data: { locale: "en" } });
    const lead = await makeLead({ assigneeId: officer.id, lastActivityAt: new Date("2026-11-30T10:00:00+08:00") });
    expect((await runEscalation(db, { now: cn(3) })).escalated).toEqual([{ inquiryId: lead.id, level: 1 }]);
    // Friday 4th, noon: the officer logs a call (stream "lead" sets lastActivityAt).
    await db.inquiry.update({ where: { id: lead.id }, data: { lastActivityAt: cn(4, "12:00") } });
    // Tuesday 8th would have been level 2 without the touch; 3 days after the touch is level 1 again: not repeated.
    expect((await runEscalation(db, { now: cn(8) })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(9, "12:00") })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(11, "11:59") })).escalated).toEqual([]);
    expect((await runEscalation(db, { now: cn(11, "12:00") })).escalated).toEqual([{ inquiryId: lead.id, level: 2 }]);
    expect(await state(lead.id)).toEqual({
      level: 2,
      recorded: [1, 2],
      events: [
        { by: "escalation", level: 1, workingDaysUntouched: 3 },
        { by: "escalation", level: 2, workingDaysUntouched: 5 },
      ],
    });
    expect((await db.outboxEmail.findMany({ orderBy: { createdAt: "asc" } })).map((m) => m.subject)).toEqual([
      `Reminder: lead ${lead.reference} untouched for 3 working days`,
      `Escalated: lead ${lead.reference} untouched for 5 working days, now shown to admins`,
    ]);
  });

  it("never escalates signed or lost leads; unassigned leads escalate without an e-mail; a long gap records every level reached", async () => {
    const old = new Date("2026-11-02T10:00:00+08:00");
    const signed = await makeLead({ lastActivityAt: old, stage: "SIGNED" });
    const lost = await makeLead({ lastActivityAt: old, stage: "LOST" });
    const unassigned = await makeLead({ lastActivityAt: old });
    const report = await runEscalation(db, { now: cn(1) });
    expect(report.escalated).toEqual([1, 2, 3].map((level) => ({ inquiryId: unassigned.id, level })));
    expect(await levels(signed.id)).toEqual([]);
    expect(await levels(lost.id)).toEqual([]);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("two clients running the job at once record each level once: one row, one event, one e-mail per level", async () => {
    const officers = await Promise.all([0, 1].map(() => createStaff(db, { role: "OFFICER" })));
    const leads = await Promise.all(Array.from({ length: 12 }, (_, i) => makeLead({ assigneeId: officers[i % 2]!.id, lastActivityAt: new Date("2026-11-02T10:00:00+08:00") })));
    const one = createPrismaClient(inject("databaseUrl"), 4);
    const two = createPrismaClient(inject("databaseUrl"), 4);
    try {
      const [a, b] = await Promise.all([runEscalation(one, { now: cn(1) }), runEscalation(two, { now: cn(1) })]);
      // Between them, every level of every lead, each from exactly one of the two runs.
      expect(a.escalated.length + b.escalated.length).toBe(36);
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect()]);
    }
    expect(await db.inquiryEscalation.count()).toBe(36);
    expect(await db.inquiryEvent.count({ where: { type: "ESCALATED" } })).toBe(36);
    expect(await db.outboxEmail.count({ where: { kind: "lead-escalated" } })).toBe(36);
    for (const lead of leads) {
      expect(await state(lead.id)).toMatchObject({ level: 3, recorded: [1, 2, 3] });
      const subjects = (await db.outboxEmail.findMany({ where: { inquiryId: lead.id }, select: { subject: true } })).map((m) => m.subject).sort();
      expect(subjects).toHaveLength(3);
      expect(new Set(subjects).size).toBe(3);
    }
  });
});
