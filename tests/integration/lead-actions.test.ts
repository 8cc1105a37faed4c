// The lead page's actions on real PostgreSQL (the seeded Jiangmen dataset), called as the
// exported actions of lib/leads/lead-actions.ts inside a request (real session cookie, real
// session and user rows). Every action: who may, who may not, what it writes, all in one
// transaction with its timeline event and audit row. The reply is delivered to a real SMTP
// server in this process through the app's own mail sender.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { chinaDate } from "@/lib/calendar/china-time";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { createInquiry } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import {
  addNoteAction,
  assignLeadAction,
  logContactAction,
  moveStageAction,
  replyToInvestorAction,
  rerunMatchAction,
  setNextActionAction,
} from "@/lib/leads/lead-actions";
import { deliverOutbox } from "@/lib/mail/deliver";
import { startTestSmtp, type Received, type TestSmtp } from "./helpers/smtp";
import { inRequest } from "../setup/request-scope";
import { seededDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
const OTHER_PARK = "china-eu-cooperation-zone";
const REPLY_TO = "invest@jiangmen.example.cn";

let db: Db;
let smtp: TestSmtp;
let received: Received[];

beforeAll(async () => {
  smtp = await startTestSmtp();
  received = smtp.received;
  const port = smtp.port;
  // Read once by lib/env.ts, on the first use of lib/db.ts and the mail sender.
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  process.env.MAIL_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_REPLY_TO = REPLY_TO;
  process.env.MAIL_FROM = "Jiangmen Investment Portal <no-reply@invest.jiangmen.example>";
  db = seededDb();
});
afterEach(async () => {
  received.length = 0;
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "OutboxEmail", "AuditLog", "RateLimit", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await smtp.close();
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

/** A lead through the real inquiry write (matching, events, confirmation e-mail). */
async function newLead(over: Record<string, unknown> = {}) {
  const input = inquirySchema.parse({
    idempotencyKey: randomUUID(),
    locale: "zh",
    contactName: "李明",
    email: "li.ming@example.cn",
    company: "明达电池有限公司",
    country: "中国",
    industry: "NEW_ENERGY_BATTERY",
    landNeededMu: "50",
    message: "我们计划建设电池模组工厂，需要明年春季可交付的用地。",
    consent: "on",
    parkCode: PARK,
    ...over,
  });
  const created = await createInquiry(db, input, { ipHash: randomUUID().replace(/-/g, "") });
  return db.inquiry.findUniqueOrThrow({ where: { reference: created.reference }, select: { id: true, reference: true, version: true } });
}

const versionOf = async (id: string) => (await db.inquiry.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
/** Everything an action writes, to check that a refused call wrote nothing. */
async function footprint(id: string) {
  const row = await db.inquiry.findUniqueOrThrow({ where: { id }, select: { version: true, stage: true, assigneeId: true, nextActionDueAt: true, lastActivityAt: true, firstRespondedAt: true } });
  return { row, events: await db.inquiryEvent.count({ where: { inquiryId: id } }), audit: await db.auditLog.count(), emails: await db.outboxEmail.count() };
}

const inDays = (n: number) => chinaDate(new Date(Date.now() + n * 86_400_000));
const nowInChina = (minusMinutes = 0) => new Date(Date.now() + 8 * 3_600_000 - minusMinutes * 60_000).toISOString().slice(0, 16);

interface Cast {
  officer: TestStaff;
  otherOfficer: TestStaff;
  colleague: TestStaff;
  admin: TestStaff;
}

/** Each action with the input a first (officer's) and a second (admin's) call sends. */
const ACTIONS: { name: string; action: (input: unknown) => Promise<{ ok: boolean }>; input: (lead: { id: string; version: number }, turn: 0 | 1, cast: Cast) => Record<string, unknown> }[] = [
  { name: "addNote", action: addNoteAction, input: (l, turn) => ({ leadId: l.id, version: String(l.version), note: `备注 ${turn}` }) },
  { name: "setNextAction", action: setNextActionAction, input: (l, turn) => ({ leadId: l.id, version: l.version, nextActionOn: inDays(3 + turn) }) },
  { name: "assignLead", action: assignLeadAction, input: (l, turn, c) => ({ leadId: l.id, version: l.version, assigneeId: turn === 0 ? c.colleague.id : c.officer.id }) },
  { name: "moveStage", action: moveStageAction, input: (l, turn) => ({ leadId: l.id, version: l.version, toStage: turn === 0 ? "QUALIFIED" : "SITE_VISIT" }) },
  { name: "replyToInvestor", action: replyToInvestorAction, input: (l, turn) => ({ leadId: l.id, version: l.version, subject: "关于您的咨询", body: `您好，第 ${turn} 次回复。` }) },
  { name: "logContact", action: logContactAction, input: (l, turn) => ({ leadId: l.id, version: l.version, kind: turn ? "MEETING" : "CALL", happenedAt: nowInChina(), note: "通话记录" }) },
  { name: "rerunMatch", action: rerunMatchAction, input: (l) => ({ leadId: l.id, version: l.version }) },
];

async function cast(): Promise<Cast> {
  return {
    officer: await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [PARK] }),
    otherOfficer: await createStaff(db, { role: "OFFICER", name: "王强", parkCodes: [OTHER_PARK] }),
    colleague: await createStaff(db, { role: "OFFICER", name: "赵敏", parkCodes: [OTHER_PARK] }),
    admin: await createStaff(db, { role: "ADMIN", name: "Admin Liu" }),
  };
}

const SUBREQUEST = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };

describe("every lead action: who may and who may not", () => {
  for (const spec of ACTIONS) {
    it(`${spec.name}: anonymous, disabled and stale sessions are signed out; another park's officer finds nothing; the park's officer and an admin may`, async () => {
      const c = await cast();
      const disabled = await createStaff(db, { role: "OFFICER", parkCodes: [PARK], disabled: true });
      const stale = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
      await db.user.update({ where: { id: stale.id }, data: { tokenVersion: { increment: 1 } } });
      const lead = await newLead();
      const before = await footprint(lead.id);
      const first = spec.input(lead, 0, c);

      for (const [who, staff] of [["anonymous", null], ["disabled", disabled], ["stale", stale]] as const) {
        expect(await as(staff, () => spec.action(first)), who).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
        // The header that once skipped Next's middleware changes nothing here.
        expect(await inRequest({ cookies: staff?.cookies, address: "192.0.2.10", headers: SUBREQUEST }, () => spec.action(first)), `${who} + subrequest`)
          .toMatchObject({ ok: false, error: { code: "unauthenticated" } });
      }
      // A guessed id outside the officer's parks is not found, and nothing is written.
      expect(await as(c.otherOfficer, () => spec.action(first))).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await inRequest({ cookies: c.otherOfficer.cookies, headers: SUBREQUEST }, () => spec.action(first))).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(await footprint(lead.id)).toEqual(before);

      expect(await as(c.officer, () => spec.action(first))).toMatchObject({ ok: true, data: { id: lead.id, version: lead.version + 1 } });
      const second = spec.input({ id: lead.id, version: lead.version + 1 }, 1, c);
      expect(await as(c.admin, () => spec.action(second))).toMatchObject({ ok: true, data: { id: lead.id, version: lead.version + 2 } });
      const after = await footprint(lead.id);
      expect(after.row.lastActivityAt.getTime()).toBeGreaterThan(before.row.lastActivityAt.getTime());
      const audit = await db.auditLog.findMany({ where: { entityId: lead.id }, orderBy: { id: "asc" }, select: { actorId: true, entity: true, action: true, requestId: true } });
      expect(audit.map((a) => a.actorId)).toEqual([c.officer.id, c.admin.id]);
      for (const a of audit) {
        expect(a.entity).toBe("Inquiry");
        expect(a.action).toMatch(/^lead\.[a-zA-Z]+$/);
        expect(a.requestId).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  }

  it("a stale version is a conflict and writes nothing", async () => {
    const c = await cast();
    const lead = await newLead();
    expect((await as(c.officer, () => addNoteAction({ leadId: lead.id, version: lead.version, note: "first" }))).ok).toBe(true);
    for (const spec of ACTIONS) {
      const before = await footprint(lead.id);
      const result = await as(c.officer, () => spec.action(spec.input(lead, 0, c)));
      expect(result, spec.name).toMatchObject({ ok: false, error: { code: "conflict", message: "staleVersion" } });
      expect(await footprint(lead.id), spec.name).toEqual(before);
    }
  });

  it("an officer sees leads assigned to them outside their parks, and an admin every lead", async () => {
    const c = await cast();
    const lead = await newLead({ parkCode: OTHER_PARK });
    expect(await as(c.officer, () => addNoteAction({ leadId: lead.id, version: lead.version, note: "x" }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await as(c.admin, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: c.officer.id }))).toMatchObject({ ok: true });
    expect(await as(c.officer, () => addNoteAction({ leadId: lead.id, version: lead.version + 1, note: "mine now" }))).toMatchObject({ ok: true });
  });
});

describe("assigning", () => {
  it("records who had the lead and who has it now, e-mails a new assignee someone else chose, and gives leads to active staff only", async () => {
    const c = await cast();
    const gone = await createStaff(db, { role: "OFFICER", name: "离职者", disabled: true });
    const lead = await newLead();
    // Routing gave the new lead to the park's active officer, in the creating transaction.
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true } })).toEqual({ assigneeId: c.officer.id });
    expect(await as(c.officer, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: gone.id }))).toMatchObject({
      ok: false, error: { code: "validation", fieldErrors: { assigneeId: "notAssignable" } },
    });
    expect(await as(c.officer, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: "no-such-user" }))).toMatchObject({
      ok: false, error: { fieldErrors: { assigneeId: "notAssignable" } },
    });
    expect(await as(c.officer, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: c.officer.id }))).toMatchObject({
      ok: false, error: { fieldErrors: { assigneeId: "sameAssignee" } },
    });
    const mailsBefore = await db.outboxEmail.count();
    expect((await as(c.officer, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: c.colleague.id }))).ok).toBe(true);
    expect((await as(c.admin, () => assignLeadAction({ leadId: lead.id, version: lead.version + 1, assigneeId: c.admin.id }))).ok).toBe(true);
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id, type: "ASSIGNED" }, orderBy: { createdAt: "asc" }, select: { actorId: true, data: true } });
    expect(events).toEqual([
      { actorId: null, data: { by: "routing", rule: "park", assigneeId: c.officer.id } },
      { actorId: c.officer.id, data: { fromId: c.officer.id, fromName: "陈静", toId: c.colleague.id, toName: "赵敏" } },
      { actorId: c.admin.id, data: { fromId: c.colleague.id, fromName: "赵敏", toId: c.admin.id, toName: "Admin Liu" } },
    ]);
    // 赵敏 is told who gave her the lead; the admin, who took it himself, is not e-mailed.
    const mails = await db.outboxEmail.findMany({ where: { kind: "lead-assigned" }, orderBy: { createdAt: "asc" }, select: { to: true, inquiryId: true, subject: true } });
    expect(mails).toEqual([
      { to: c.officer.email, inquiryId: lead.id, subject: `新线索 ${lead.reference}：明达电池有限公司` },
      { to: c.colleague.email, inquiryId: lead.id, subject: `新线索 ${lead.reference}：明达电池有限公司` },
    ]);
    expect(await db.outboxEmail.count()).toBe(mailsBefore + 1);
    const row = await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true, assignedAt: true } });
    expect(row.assigneeId).toBe(c.admin.id);
    expect(row.assignedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: lead.id, actorId: c.admin.id } });
    expect(audit).toMatchObject({ action: "lead.assign", before: { assigneeId: c.colleague.id, version: lead.version + 1 }, after: { assigneeId: c.admin.id, version: lead.version + 2 } });
  });

  it("an officer takes a lead that came in while no officer was active: from nobody, and no e-mail to themselves", async () => {
    const lead = await newLead();
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true, assignedAt: true } })).toEqual({ assigneeId: null, assignedAt: null });
    const c = await cast();
    expect((await as(c.officer, () => assignLeadAction({ leadId: lead.id, version: lead.version, assigneeId: c.officer.id }))).ok).toBe(true);
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id, type: "ASSIGNED" }, orderBy: { createdAt: "asc" }, select: { actorId: true, data: true } });
    expect(events).toEqual([{ actorId: c.officer.id, data: { fromId: null, fromName: null, toId: c.officer.id, toName: "陈静" } }]);
    expect(await db.outboxEmail.count({ where: { kind: "lead-assigned" } })).toBe(0);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true } })).toEqual({ assigneeId: c.officer.id });
  });
});

describe("moving the stage", () => {
  it("refuses a move the pipeline does not allow, naming both stages", async () => {
    const c = await cast();
    const lead = await newLead();
    expect((await as(c.officer, () => moveStageAction({ leadId: lead.id, version: lead.version, toStage: "NEGOTIATING" }))).ok).toBe(true);
    const back = await as(c.officer, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "CONTACTED" }));
    expect(back).toMatchObject({ ok: false, error: { code: "validation", message: "stageMove:backTooFar:NEGOTIATING:CONTACTED", fieldErrors: { toStage: "stageMove:backTooFar:NEGOTIATING:CONTACTED" } } });
    expect(await versionOf(lead.id)).toBe(lead.version + 1);
  });

  it("loses a lead with a reason, reopens it to the stage it was lost from, and records both", async () => {
    const c = await cast();
    const lead = await newLead();
    let v = lead.version;
    expect((await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "SITE_VISIT" }))).ok).toBe(true);
    v++;
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "LOST" }))).toMatchObject({ ok: false, error: { fieldErrors: { lostReason: "required" } } });
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "LOST", lostReason: "OTHER" }))).toMatchObject({ ok: false, error: { fieldErrors: { lostNote: "required" } } });
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "LOST", lostReason: "CHOSE_OTHER_LOCATION", lostNote: "选择了佛山" }))).toMatchObject({ ok: true });
    v++;
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, lostReason: true, lostNote: true } })).toEqual({ stage: "LOST", lostReason: "CHOSE_OTHER_LOCATION", lostNote: "选择了佛山" });
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "NEGOTIATING" }))).toMatchObject({ ok: false, error: { message: "stageMove:reopenElsewhere:LOST:SITE_VISIT" } });
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "SITE_VISIT" }))).toMatchObject({ ok: true });
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, lostReason: true, lostNote: true } })).toEqual({ stage: "SITE_VISIT", lostReason: null, lostNote: null });
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id, type: { in: ["STAGE_CHANGED", "REOPENED"] } }, orderBy: { createdAt: "asc" }, select: { type: true, fromStage: true, toStage: true, note: true, data: true } });
    expect(events).toEqual([
      { type: "STAGE_CHANGED", fromStage: "NEW", toStage: "SITE_VISIT", note: null, data: null },
      { type: "STAGE_CHANGED", fromStage: "SITE_VISIT", toStage: "LOST", note: "选择了佛山", data: { lostReason: "CHOSE_OTHER_LOCATION" } },
      { type: "REOPENED", fromStage: "LOST", toStage: "SITE_VISIT", note: null, data: { lostReason: "CHOSE_OTHER_LOCATION", lostNote: "选择了佛山" } },
    ]);
    expect((await db.auditLog.findMany({ where: { entityId: lead.id }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["lead.moveStage", "lead.moveStage", "lead.reopen"]);
  });

  it("keeps SIGNED final for officers; an admin corrects a mistaken signing back to NEGOTIATING", async () => {
    const c = await cast();
    const lead = await newLead();
    expect((await as(c.officer, () => moveStageAction({ leadId: lead.id, version: lead.version, toStage: "SIGNED" }))).ok).toBe(true);
    expect(await as(c.officer, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "NEGOTIATING" }))).toMatchObject({ ok: false, error: { message: "stageMove:signedFinal:SIGNED:NEGOTIATING" } });
    expect(await as(c.admin, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "QUALIFIED" }))).toMatchObject({ ok: false, error: { message: "stageMove:signedOnlyToNegotiating:SIGNED:QUALIFIED" } });
    expect(await as(c.admin, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "NEGOTIATING" }))).toMatchObject({ ok: true });
    const last = await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: lead.id, type: "STAGE_CHANGED" }, orderBy: { createdAt: "desc" } });
    expect(last).toMatchObject({ actorId: c.admin.id, fromStage: "SIGNED", toStage: "NEGOTIATING", data: { correction: true } });
  });
});

describe("next action, notes, logged contact", () => {
  it("sets and clears the next-action date (a China date), recording each change", async () => {
    const c = await cast();
    const lead = await newLead();
    expect(await as(c.officer, () => setNextActionAction({ leadId: lead.id, version: lead.version, nextActionOn: inDays(-1) }))).toMatchObject({ ok: false, error: { fieldErrors: { nextActionOn: "inPast" } } });
    expect(await as(c.officer, () => setNextActionAction({ leadId: lead.id, version: lead.version, nextActionOn: "" }))).toMatchObject({ ok: false, error: { fieldErrors: { nextActionOn: "unchanged" } } });
    expect((await as(c.officer, () => setNextActionAction({ leadId: lead.id, version: lead.version, nextActionOn: "2099-03-04" }))).ok).toBe(true);
    expect((await db.inquiry.findUniqueOrThrow({ where: { id: lead.id } })).nextActionDueAt).toEqual(new Date("2099-03-03T16:00:00Z"));
    expect((await as(c.officer, () => setNextActionAction({ leadId: lead.id, version: lead.version + 1, nextActionOn: "" }))).ok).toBe(true);
    expect((await db.inquiry.findUniqueOrThrow({ where: { id: lead.id } })).nextActionDueAt).toBeNull();
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id, type: "DUE_CHANGED" }, orderBy: { createdAt: "asc" }, select: { data: true } });
    expect(events.map((e) => e.data)).toEqual([
      { field: "nextActionDueAt", from: null, to: "2099-03-04" },
      { field: "nextActionDueAt", from: "2099-03-04", to: null },
    ]);
  });

  it("a logged call is the first response: set once, NEW becomes CONTACTED once, times checked", async () => {
    const c = await cast();
    const lead = await newLead();
    const at = nowInChina(30);
    expect(await as(c.officer, () => logContactAction({ leadId: lead.id, version: lead.version, kind: "CALL", happenedAt: nowInChina(-60), note: "x" }))).toMatchObject({ ok: false, error: { fieldErrors: { happenedAt: "inFuture" } } });
    expect(await as(c.officer, () => logContactAction({ leadId: lead.id, version: lead.version, kind: "CALL", happenedAt: "2020-01-01T10:00", note: "x" }))).toMatchObject({ ok: false, error: { fieldErrors: { happenedAt: "beforeInquiry" } } });
    expect(await as(c.officer, () => logContactAction({ leadId: lead.id, version: lead.version, kind: "CALL", happenedAt: "2026-02-30T10:00", note: "x" }))).toMatchObject({ ok: false, error: { fieldErrors: { happenedAt: "mustBeDate" } } });
    // The inquiry is seconds old: a call "30 minutes ago" is before it.
    await db.inquiry.update({ where: { id: lead.id }, data: { createdAt: new Date(Date.now() - 3_600_000) } });
    expect((await as(c.officer, () => logContactAction({ leadId: lead.id, version: lead.version, kind: "CALL", happenedAt: at, note: "电话沟通了用地需求" }))).ok).toBe(true);
    const expectedAt = new Date(`${at}:00+08:00`);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, firstRespondedAt: true } })).toEqual({ stage: "CONTACTED", firstRespondedAt: expectedAt });
    expect((await as(c.officer, () => logContactAction({ leadId: lead.id, version: lead.version + 1, kind: "MEETING", happenedAt: nowInChina(), note: "园区会面" }))).ok).toBe(true);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, firstRespondedAt: true } })).toEqual({ stage: "CONTACTED", firstRespondedAt: expectedAt });
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id }, orderBy: [{ createdAt: "asc" }], select: { type: true, note: true, data: true, fromStage: true, toStage: true } });
    // Routing assigned the lead to the park's officer when it came in.
    expect(events.map((e) => e.type)).toEqual(["CREATED", "ASSIGNED", "CALL_LOGGED", "STAGE_CHANGED", "MEETING_LOGGED"]);
    expect(events[1]).toMatchObject({ data: { by: "routing", rule: "park", assigneeId: c.officer.id } });
    expect(events[2]).toMatchObject({ note: "电话沟通了用地需求", data: { happenedAt: expectedAt.toISOString() } });
    expect(events[3]).toMatchObject({ fromStage: "NEW", toStage: "CONTACTED", data: { automatic: true, cause: "CALL_LOGGED" } });
  });
});

describe("replying to the investor", () => {
  it("queues an e-mail in the investor's language, signed by the officer, replies to the office; the first response once", async () => {
    const c = await cast();
    const lead = await newLead({ locale: "zh" });
    // The confirmation e-mail is not what this test is about: out of the way.
    await db.outboxEmail.updateMany({ data: { sentAt: new Date() } });
    const result = await as(c.officer, () => replyToInvestorAction({ leadId: lead.id, version: lead.version, subject: `关于您的投资咨询 ${lead.reference}`, body: "李先生您好：\n\n附上园区用地资料，请查收。" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await deliverOutbox();
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { id: result.data.outboxEmailId } });
    expect(email).toMatchObject({ kind: "lead-reply", to: "li.ming@example.cn", inquiryId: lead.id, subject: `关于您的投资咨询 ${lead.reference}` });
    expect(email.text).toBe(
      `李先生您好：\n\n附上园区用地资料，请查收。\n\n--\n陈静\n江门市投资促进 · 江门产业园区投资门户\n咨询编号：${lead.reference}（直接回复本邮件即可联系我们）`,
    );
    expect(email.sentAt).not.toBeNull();
    expect(received.map((r) => r.to)).toEqual([["li.ming@example.cn"]]);
    const mail = received[0];
    expect(mail!.raw).toMatch(/^Reply-To: invest@jiangmen\.example\.cn\r?$/m);
    expect(mail!.raw).toMatch(/^From: Jiangmen Investment Portal <no-reply@invest\.jiangmen\.example>\r?$/m);

    const row = await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, firstRespondedAt: true } });
    expect(row.stage).toBe("CONTACTED");
    expect(row.firstRespondedAt).not.toBeNull();
    const replied = await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: lead.id, type: "REPLIED" } });
    expect(replied).toMatchObject({ actorId: c.officer.id, note: "李先生您好：\n\n附上园区用地资料，请查收。", data: { outboxEmailId: email.id, subject: email.subject, to: "li.ming@example.cn", locale: "zh" } });

    // A second reply: another e-mail, the first response stays the first.
    const again = await as(c.admin, () => replyToInvestorAction({ leadId: lead.id, version: lead.version + 1, subject: "补充资料", body: "再补充一份电价说明。" }));
    expect(again.ok).toBe(true);
    const later = await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, firstRespondedAt: true } });
    expect(later).toEqual(row);
    const second = await db.outboxEmail.findUniqueOrThrow({ where: { id: again.ok ? again.data.outboxEmailId : "" } });
    // The reference always travels in the subject.
    expect(second.subject).toBe(`补充资料 (${lead.reference})`);
    expect(second.text).toContain("\n--\nAdmin Liu\n");
    expect(await db.inquiryEvent.count({ where: { inquiryId: lead.id, type: "STAGE_CHANGED" } })).toBe(1);
  });

  it("writes to an English-speaking investor in English", async () => {
    const c = await cast();
    const lead = await newLead({ locale: "en", email: "anna@example.de", contactName: "Anna Schmidt" });
    const result = await as(c.officer, () => replyToInvestorAction({ leadId: lead.id, version: lead.version, subject: `Re: your inquiry ${lead.reference}`, body: "Dear Ms Schmidt,\n\nplease find the land details attached." }));
    expect(result.ok).toBe(true);
    const email = await db.outboxEmail.findUniqueOrThrow({ where: { id: result.ok ? result.data.outboxEmailId : "" } });
    expect(email.to).toBe("anna@example.de");
    expect(email.subject).toBe(`Re: your inquiry ${lead.reference}`);
    expect(email.text).toBe(
      `Dear Ms Schmidt,\n\nplease find the land details attached.\n\n--\n陈静\nJiangmen Investment Promotion · Jiangmen Industrial Parks Investment Portal\nReference: ${lead.reference} (reply to this e-mail to reach us)`,
    );
  });
});

describe("re-running the match", () => {
  it("keeps today's result on the timeline", async () => {
    const c = await cast();
    const lead = await newLead();
    const result = await as(c.officer, () => rerunMatchAction({ leadId: lead.id, version: lead.version }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const atSubmission = (await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { matchedBlocks: true } })).matchedBlocks as { key: string }[];
    expect(result.data.blocks.map((b) => b.key)).toEqual(atSubmission.map((b) => b.key));
    expect(result.data.blocks.length).toBeGreaterThan(0);
    const event = await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: lead.id, type: "MATCH_RERUN" } });
    const kept = event.data as { count: number; ranAt: string; blocks: { key: string; parcelCodes: string[]; areaM2: number }[] };
    expect(kept.count).toBe(result.data.blocks.length);
    expect(kept.ranAt).toBe(event.createdAt.toISOString());
    expect(kept.blocks.map((b) => [b.key, b.parcelCodes])).toEqual(result.data.blocks.map((b) => [b.key, b.parcelCodes]));
    kept.blocks.forEach((b, i) => expect(b.areaM2).toBeCloseTo(result.data.blocks[i]!.areaM2, 6));
    const none = await newLead({ landNeededMu: "" });
    expect(await as(c.officer, () => rerunMatchAction({ leadId: none.id, version: none.version }))).toMatchObject({ ok: false, error: { code: "validation", message: "noNeed" } });
  });
});

