// Routing of new inquiries on real PostgreSQL (the seeded database, for its parks): assigned in
// the transaction that creates the inquiry, by the real createInquiry and the real action.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { createInquiry } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { enqueueAssignmentEmail } from "@/lib/leads/assignment-email";
import { inRequest } from "../setup/request-scope";
import { seededDb } from "./helpers/database";
import { createStaff } from "./helpers/staff";

let db: Db;
let parks: { id: string; code: string; nameZh: string; nameEn: string }[];
beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  process.env.NEXTAUTH_URL = "https://invest.jiangmen.example";
  db = seededDb();
  parks = await db.park.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true }, orderBy: { code: "asc" }, take: 2 });
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit", "OutboxEmail", "User" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

let n = 0;
const input = (over: Record<string, unknown> = {}) =>
  inquirySchema.parse({
    idempotencyKey: randomUUID(),
    locale: "en",
    contactName: "Anna Schmidt",
    email: `anna${++n}@example.de`,
    company: "Schmidt Batterietechnik GmbH",
    country: "Germany",
    message: "We plan a cell-module plant and need serviced land by next spring.",
    consent: "on",
    ...over,
  });
const create = (client: Db, over: Record<string, unknown> = {}) => createInquiry(client, input(over), { ipHash: randomUUID().replaceAll("-", "") });

async function lead(reference: string) {
  return db.inquiry.findUniqueOrThrow({
    where: { reference },
    select: { id: true, assigneeId: true, assignedAt: true, events: { select: { type: true, actorId: true, data: true }, orderBy: { createdAt: "asc" } } },
  });
}

describe("routing a new inquiry", () => {
  it("goes to the active officer responsible for its park, with an ASSIGNED event and an e-mail in the officer's language", async () => {
    const park = parks[0]!;
    const other = await createStaff(db, { role: "OFFICER", parkCodes: [parks[1]!.code] });
    const responsible = await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [park.code] });
    await db.user.update({ where: { id: responsible.id }, data: { locale: "zh" } });
    // Whoever was assigned longest ago does not matter: the park decides.
    await db.user.update({ where: { id: other.id }, data: { lastAssignedAt: new Date("2020-01-01T00:00:00Z") } });
    const result = await inRequest({ address: "198.51.100.7" }, () =>
      submitInquiryAction({ ...input({ parkCode: park.code }), landNeededMu: undefined, consent: "on" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await lead(result.data.reference);
    expect(row.assigneeId).toBe(responsible.id);
    expect(row.events.map((e) => [e.type, e.actorId, e.data])).toEqual([
      ["CREATED", null, null],
      ["ASSIGNED", null, { by: "routing", rule: "park", assigneeId: responsible.id }],
    ]);
    const officer = await db.user.findUniqueOrThrow({ where: { id: responsible.id }, select: { lastAssignedAt: true } });
    expect(officer.lastAssignedAt).toEqual(row.assignedAt);
    const mails = await db.outboxEmail.findMany({ where: { kind: "lead-assigned" } });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail).toMatchObject({ to: responsible.email, inquiryId: row.id, sentAt: null });
    expect(mail.subject).toBe(`新线索 ${result.data.reference}：Schmidt Batterietechnik GmbH`);
    const inquiry = await db.inquiry.findUniqueOrThrow({ where: { id: row.id }, select: { firstContactDueAt: true, firstResponseDueAt: true } });
    const due = inquiry.firstContactDueAt ?? inquiry.firstResponseDueAt!;
    const dueText = `${new Intl.DateTimeFormat("zh", { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(due)} ${new Intl.DateTimeFormat("zh", { timeStyle: "short", timeZone: "Asia/Shanghai" }).format(due)}`;
    expect(mail.text.split("\n")).toEqual([
      "陈静，您好：",
      "",
      "系统已将一条新的投资咨询分配给您。",
      "",
      `编号：${result.data.reference}`,
      "企业：Schmidt Batterietechnik GmbH",
      `园区：${park.nameZh}`,
      `首次联系截止：${dueText}（北京时间）`,
      "",
      `打开线索：https://invest.jiangmen.example/zh/staff/leads/${row.id}`,
      "",
      "江门产业园区投资门户 · 工作人员通知",
      "（本邮件由系统自动发送，请勿直接回复。）",
    ]);
    // The investor's own confirmation is still queued beside it.
    expect(await db.outboxEmail.count({ where: { kind: "inquiry-received", to: mail.to } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { kind: "inquiry-received" } })).toBe(1);
  });

  it("rotates among several officers of the park, and falls back to every active officer when the park has none", async () => {
    const [a, b] = [await createStaff(db, { role: "OFFICER", parkCodes: [parks[0]!.code] }), await createStaff(db, { role: "OFFICER", parkCodes: [parks[0]!.code] })];
    const c = await createStaff(db, { role: "OFFICER" });
    const got: string[] = [];
    for (let i = 0; i < 4; i++) got.push((await lead((await create(db, { parkCode: parks[0]!.code })).reference)).assigneeId!);
    expect(new Set(got.slice(0, 2))).toEqual(new Set([a.id, b.id]));
    expect(got.slice(2)).toEqual(got.slice(0, 2));
    // Park 2 has no officer of its own: round-robin over all three, c (never assigned) first.
    const fallback = await lead((await create(db, { parkCode: parks[1]!.code })).reference);
    expect(fallback.assigneeId).toBe(c.id);
    expect(fallback.events[1]!.data).toEqual({ by: "routing", rule: "round-robin", assigneeId: c.id });
  });

  it("an inquiry about a parcel or a block, which names no park, goes to the officer of the park its land lies in", async () => {
    const [eu, xinhui] = ["china-eu-cooperation-zone", "xinhui-new-energy-battery"];
    const euOfficer = await createStaff(db, { role: "OFFICER", name: "李明", parkCodes: [eu] });
    await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [xinhui] });
    const parcel = await db.parcel.findFirstOrThrow({ where: { park: { code: eu }, status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { code: true, parkId: true } });
    // Twice, so round-robin alone would have given one of them to the other officer.
    for (let i = 0; i < 2; i++) {
      const created = await lead((await create(db, { parcelCode: parcel.code })).reference);
      expect(created.assigneeId).toBe(euOfficer.id);
      expect(created.events[1]!.data).toEqual({ by: "routing", rule: "park", assigneeId: euOfficer.id });
    }
    expect(await db.inquiry.findMany({ select: { parkId: true } })).toEqual([{ parkId: parcel.parkId }, { parkId: parcel.parkId }]);
  });

  it("skips disabled officers and admins; with no active officer the inquiry stays unassigned, with no event or e-mail", async () => {
    await createStaff(db, { role: "OFFICER", disabled: true, parkCodes: [parks[0]!.code] });
    await createStaff(db, { role: "ADMIN", parkCodes: [parks[0]!.code] });
    const nobody = await lead((await create(db, { parkCode: parks[0]!.code })).reference);
    expect(nobody.assigneeId).toBeNull();
    expect(nobody.assignedAt).toBeNull();
    expect(nobody.events.map((e) => e.type)).toEqual(["CREATED"]);
    expect(await db.outboxEmail.count({ where: { kind: "lead-assigned" } })).toBe(0);
    const active = await createStaff(db, { role: "OFFICER" });
    expect((await lead((await create(db, { parkCode: parks[0]!.code })).reference)).assigneeId).toBe(active.id);
  });

  it("spreads 20 simultaneous inquiries on two app instances evenly over 4 officers, in turns", async () => {
    const officers = await Promise.all([0, 1, 2, 3].map(() => createStaff(db, { role: "OFFICER" })));
    // Two app instances: two clients with their own connection pools.
    const one = createPrismaClient(inject("seededDatabaseUrl"), 5);
    const two = createPrismaClient(inject("seededDatabaseUrl"), 5);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => create(i % 2 ? one : two)));
      expect(results.every((r) => r.created)).toBe(true);
    } finally {
      await Promise.all([one.$disconnect(), two.$disconnect()]);
    }
    const rows = await db.inquiry.findMany({ select: { assigneeId: true, assignedAt: true }, orderBy: { assignedAt: "asc" } });
    expect(rows).toHaveLength(20);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.assigneeId!, (counts.get(r.assigneeId!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(officers.map((o) => o.id).sort());
    expect([...counts.values()]).toEqual([5, 5, 5, 5]);
    // In order of assignment, every run of 4 names each officer once: nobody gets a second first.
    const times = rows.map((r) => r.assignedAt!.getTime());
    expect(new Set(times).size).toBe(20);
    for (let round = 0; round < 5; round++) {
      expect(new Set(rows.slice(round * 4, round * 4 + 4).map((r) => r.assigneeId)).size, `round ${round + 1}`).toBe(4);
    }
    expect(await db.inquiryEvent.count({ where: { type: "ASSIGNED" } })).toBe(20);
    expect(await db.outboxEmail.count({ where: { kind: "lead-assigned" } })).toBe(20);
  });

  it("queues the assignment e-mail for a manual reassignment, naming who assigned it, in English for an English-speaking officer", async () => {
    await createStaff(db, { role: "OFFICER" });
    const { reference } = await create(db);
    const row = await lead(reference);
    const target = await createStaff(db, { role: "OFFICER", name: "Li Wei" });
    await db.user.update({ where: { id: target.id }, data: { locale: "en" } });
    await db.$transaction((tx) => enqueueAssignmentEmail(tx, { inquiryId: row.id, assigneeId: target.id, byName: "Admin Zhou" }));
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { kind: "lead-assigned", to: target.email } });
    expect(mail.subject).toBe(`New lead ${reference}: Schmidt Batterietechnik GmbH`);
    expect(mail.text).toMatch(/^Hello Li Wei,\n\nAdmin Zhou has assigned an inquiry to you\.\n/);
    expect(mail.text).toContain("Park: no park named\n");
    expect(mail.text).toContain(`Open the lead: https://invest.jiangmen.example/en/staff/leads/${row.id}\n`);
  });
});
