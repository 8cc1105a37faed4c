// Leads and land in one step, on real PostgreSQL (the seeded Jiangmen dataset), through the
// real exported actions inside a request (real session cookie): holding a lead's parcels when
// it moves to negotiating, refusing a parcel changed underneath (nothing written), a second
// hold refused unless an admin overrides with a reason, signing, losing, the land panel, the
// expiry job, and the investor search. Every parcel touched is put back after each test.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { chinaDate } from "@/lib/calendar/china-time";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { addDays } from "@/lib/land/holds";
import { HOLD_EXPIRY_EMAIL_KIND, runHoldExpiry } from "@/lib/land/hold-expiry";
import { moveStageAction } from "@/lib/leads/lead-actions";
import { extendHoldAction, holdParcelsAction, releaseHoldAction } from "@/lib/leads/lead-land-actions";
import { findLandBlock } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
const OTHER_PARK = "china-eu-cooperation-zone";

let db: Db;
let parcels: { id: string; code: string; version: number; status: string; statusReason: string | null; statusChangedAt: Date | null }[];
let [P1, P2, P3] = [] as unknown as [typeof parcels[number], typeof parcels[number], typeof parcels[number]];

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  parcels = await db.parcel.findMany({
    where: { park: { code: PARK }, status: "AVAILABLE" },
    select: { id: true, code: true, version: true, status: true, statusReason: true, statusChangedAt: true },
    orderBy: { code: "asc" },
    take: 3,
  });
  [P1, P2, P3] = parcels as [typeof P1, typeof P2, typeof P3];
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "ParcelHold", "Inquiry", "InquiryEvent", "InquiryParcel", "OutboxEmail", "AuditLog", "RateLimit", "User", "StaffSession" CASCADE`);
  for (const p of parcels) {
    await db.parcel.update({ where: { id: p.id }, data: { status: "AVAILABLE", statusReason: p.statusReason, statusChangedAt: p.statusChangedAt, version: p.version } });
  }
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

let counter = 0;
/** A lead in PARK naming these parcels, at `stage`. */
async function newLead(parcelIds: string[], over: { stage?: "QUALIFIED" | "NEGOTIATING" | "SITE_VISIT"; assigneeId?: string | null } = {}) {
  counter += 1;
  const park = await db.park.findUniqueOrThrow({ where: { code: PARK }, select: { id: true } });
  return db.inquiry.create({
    data: {
      reference: `JM2612-HLD${String(counter).padStart(3, "0")}`, idempotencyKey: randomUUID(), contactName: "李明", email: "li@example.cn", company: "明达电池有限公司",
      country: "中国", message: "需要用地。", locale: "zh", consentAt: new Date(), consentVersion: "2026-11", parkId: park.id, stage: over.stage ?? "SITE_VISIT",
      assigneeId: over.assigneeId ?? null, parcels: { create: parcelIds.map((parcelId) => ({ parcelId })) },
    },
    select: { id: true, reference: true, version: true },
  });
}

const parcelNow = (id: string) => db.parcel.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, statusReason: true } });
const chosen = (...ps: { id: string }[]) => Promise.all(ps.map(async (p) => ({ parcelId: p.id, version: (await parcelNow(p.id)).version })));

/** Everything a land write touches, to check that a refused call wrote nothing. */
async function footprint(leadIds: string[]) {
  return {
    leads: await db.inquiry.findMany({ where: { id: { in: leadIds } }, select: { id: true, stage: true, version: true, lastActivityAt: true }, orderBy: { id: "asc" } }),
    parcels: await db.parcel.findMany({ where: { id: { in: parcels.map((p) => p.id) } }, select: { id: true, status: true, version: true, statusReason: true }, orderBy: { id: "asc" } }),
    holds: await db.parcelHold.findMany({ orderBy: { id: "asc" } }),
    events: await db.inquiryEvent.count(),
    audit: await db.auditLog.count(),
  };
}

async function staff() {
  return {
    officer: await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [PARK] }),
    outsider: await createStaff(db, { role: "OFFICER", name: "王强", parkCodes: [OTHER_PARK] }),
    admin: await createStaff(db, { role: "ADMIN", name: "Admin Liu" }),
  };
}

const negotiate = (lead: { id: string; version: number }, parcelChoices: { parcelId: string; version: number }[], over: Record<string, unknown> = {}) =>
  moveStageAction({ leadId: lead.id, version: lead.version, toStage: "NEGOTIATING", parcels: parcelChoices, ...over });

describe("moving a lead to negotiating holds its parcels, in one transaction", () => {
  it("writes the stage, the parcels, the holds, the events and one audit row per parcel plus the lead's", async () => {
    const { officer } = await staff();
    const lead = await newLead([P1.id, P2.id, P3.id]);
    // The stage form sends the ticked parcels as `parcel.<id>` = the version it showed.
    const form = { leadId: lead.id, version: String(lead.version), toStage: "NEGOTIATING", heldAs: "RESERVED", [`parcel.${P1.id}`]: String(P1.version), [`parcel.${P2.id}`]: String(P2.version) };
    expect(await as(officer, () => moveStageAction(form))).toEqual({ ok: true, data: { id: lead.id, version: lead.version + 1 } });

    const expires = addDays(chinaDate(new Date()), 90);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, version: true } })).toEqual({ stage: "NEGOTIATING", version: lead.version + 1 });
    for (const p of [P1, P2]) expect(await parcelNow(p.id)).toEqual({ status: "RESERVED", version: p.version + 1, statusReason: `lead ${lead.reference}` });
    expect(await parcelNow(P3.id)).toEqual({ status: "AVAILABLE", version: P3.version, statusReason: P3.statusReason });
    const holds = await db.parcelHold.findMany({ orderBy: { parcelId: "asc" }, select: { parcelId: true, inquiryId: true, heldAs: true, statusBefore: true, expiresOn: true, createdById: true, overrideReason: true, endedAt: true } });
    expect(holds).toEqual([P1, P2].map((p) => ({ parcelId: p.id, inquiryId: lead.id, heldAs: "RESERVED", statusBefore: "AVAILABLE", expiresOn: new Date(`${expires}T00:00:00Z`), createdById: officer.id, overrideReason: null, endedAt: null })).sort((a, b) => a.parcelId.localeCompare(b.parcelId)));
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: lead.id }, orderBy: { type: "asc" }, select: { type: true, actorId: true, toStage: true, data: true } });
    expect(events.map((e) => [e.type, e.actorId, e.toStage])).toEqual([["STAGE_CHANGED", officer.id, "NEGOTIATING"], ["LAND_HELD", officer.id, null]]); // enum order
    expect(events.find((e) => e.type === "LAND_HELD")!.data).toMatchObject({ heldAs: "RESERVED", expiresOn: expires, override: null, parcels: [P1, P2].map((p) => ({ code: p.code, from: "AVAILABLE" })) });
    const audit = await db.auditLog.findMany({ orderBy: [{ entity: "asc" }, { entityId: "asc" }], select: { action: true, entity: true, entityId: true, actorId: true, before: true, after: true } });
    expect(audit.map((a) => [a.action, a.entity, a.entityId])).toEqual([
      ["lead.moveStage", "Inquiry", lead.id],
      ...[P1, P2].map((p) => ["parcel.hold", "Parcel", p.id]).sort((a, b) => a[2]!.localeCompare(b[2]!)),
    ]);
    expect(audit.every((a) => a.actorId === officer.id)).toBe(true);
    expect(audit.find((a) => a.entityId === P1.id)).toMatchObject({ before: { status: "AVAILABLE", version: P1.version }, after: { status: "RESERVED", version: P1.version + 1, reference: lead.reference, heldAs: "RESERVED", expiresOn: expires } });
  });

  it("writes NOTHING when one parcel changed since the page was opened, and names it", async () => {
    const { officer } = await staff();
    const lead = await newLead([P1.id, P2.id]);
    const shown = await chosen(P1, P2); // the page is opened
    await db.parcel.update({ where: { id: P2.id }, data: { status: "NOT_OFFERED", version: { increment: 1 } } }); // someone else saves
    const before = await footprint([lead.id]);
    const result = await as(officer, () => negotiate(lead, shown));
    expect(result).toEqual({ ok: false, error: { code: "conflict", message: "parcelsChanged", current: { parcels: [{ code: P2.code, status: "NOT_OFFERED", reason: "changed" }] } } });
    expect(await footprint([lead.id])).toEqual(before);
  });

  it("a second hold on a held parcel: refused for an officer (the other lead named), refused for an admin without a reason, allowed with one (recorded)", async () => {
    const { officer, admin } = await staff();
    const first = await newLead([P1.id]);
    const second = await newLead([P1.id, P2.id]);
    expect(await as(officer, async () => negotiate(first, await chosen(P1)))).toMatchObject({ ok: true });

    const before = await footprint([first.id, second.id]);
    const refused = await as(officer, async () => negotiate(second, await chosen(P1, P2)));
    expect(refused).toEqual({ ok: false, error: { code: "validation", message: "landRefused", current: { parcels: [{ code: P1.code, status: "UNDER_NEGOTIATION", reason: "heldByOther", heldFor: first.reference }] } } });
    // Someone who may see the second lead but not the first is told only "another lead".
    const assignee = await createStaff(db, { role: "OFFICER", parkCodes: [OTHER_PARK] });
    await db.inquiry.update({ where: { id: second.id }, data: { assigneeId: assignee.id } });
    const hidden = await as(assignee, async () => negotiate(second, await chosen(P1)));
    expect(hidden).toMatchObject({ ok: false, error: { current: { parcels: [{ code: P1.code, reason: "heldByOther", heldFor: null }] } } });
    expect(await as(admin, async () => negotiate(second, await chosen(P1)))).toMatchObject({ ok: false, error: { message: "landRefused", current: { parcels: [{ reason: "overrideNeedsReason" }] } } });
    expect(await footprint([first.id, second.id])).toEqual(before);

    const reason = "区政府会议纪要 2026-12 号：优先安排";
    expect(await as(admin, async () => negotiate(second, await chosen(P1), { overrideReason: reason }))).toEqual({ ok: true, data: { id: second.id, version: second.version + 1 } });
    const holds = await db.parcelHold.findMany({ where: { parcelId: P1.id }, orderBy: { createdAt: "asc" }, select: { inquiryId: true, endReason: true, endedAt: true, overrideReason: true, statusBefore: true } });
    expect(holds).toEqual([
      { inquiryId: first.id, endReason: "OVERRIDDEN", endedAt: expect.any(Date), overrideReason: null, statusBefore: "AVAILABLE" },
      { inquiryId: second.id, endReason: null, endedAt: null, overrideReason: reason, statusBefore: "AVAILABLE" },
    ]);
    expect(await parcelNow(P1.id)).toEqual({ status: "UNDER_NEGOTIATION", version: P1.version + 2, statusReason: reason });
    expect((await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: second.id, type: "LAND_HELD" } })).data).toMatchObject({ override: reason });
    expect((await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: first.id, type: "LAND_RELEASED" } })).data).toEqual({ reason: "OVERRIDDEN", parcels: [{ code: P1.code, restored: null }], byReference: second.reference, overrideReason: reason });
    const row = await db.auditLog.findFirstOrThrow({ where: { entity: "Parcel", entityId: P1.id, actorId: admin.id } });
    expect(row.after).toMatchObject({ override: reason, endedHolds: [{ inquiryId: first.id, endReason: "OVERRIDDEN" }] });
  });
});

describe("two leads, one parcel, at the same moment", () => {
  it("five officers holding the same parcel for five leads at once: exactly one hold, the others refused and write nothing", async () => {
    const { officer } = await staff();
    const leads = [];
    for (let i = 0; i < 5; i++) leads.push(await newLead([P1.id]));
    const shown = await chosen(P1);
    const results = await Promise.all(leads.map((l) => as(officer, () => negotiate(l, shown))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The losers saw the parcel change under them (the same version was sent by everyone).
    for (const r of results.filter((x) => !x.ok)) expect(r, JSON.stringify(r)).toMatchObject({ ok: false, error: { code: "conflict", message: "parcelsChanged", current: { parcels: [{ code: P1.code }] } } });
    expect(await db.parcelHold.count({ where: { endedAt: null } })).toBe(1);
    expect(await parcelNow(P1.id)).toMatchObject({ status: "UNDER_NEGOTIATION", version: P1.version + 1 });
    expect(await db.inquiry.count({ where: { stage: "NEGOTIATING" } })).toBe(1);
    expect(await db.auditLog.count()).toBe(2);
  });
});

describe("signing and losing", () => {
  it("signing marks the chosen parcels leased, ends their holds as SIGNED and releases the lead's other holds", async () => {
    const { officer } = await staff();
    const lead = await newLead([P1.id, P2.id]);
    expect(await as(officer, async () => negotiate(lead, await chosen(P1, P2)))).toMatchObject({ ok: true });
    const result = await as(officer, async () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "SIGNED", signAs: "LEASED", parcels: await chosen(P1) }));
    expect(result).toEqual({ ok: true, data: { id: lead.id, version: lead.version + 2 } });
    expect(await parcelNow(P1.id)).toMatchObject({ status: "LEASED", version: P1.version + 2 });
    expect(await parcelNow(P2.id)).toMatchObject({ status: "AVAILABLE", version: P2.version + 2, statusReason: null });
    const holds = await db.parcelHold.findMany({ select: { parcelId: true, endReason: true } });
    expect(new Map(holds.map((h) => [h.parcelId, h.endReason]))).toEqual(new Map([[P1.id, "SIGNED"], [P2.id, "RELEASED"]]));
    const types = (await db.inquiryEvent.findMany({ where: { inquiryId: lead.id }, select: { type: true } })).map((e) => e.type).sort();
    expect(types).toEqual(["LAND_HELD", "LAND_RELEASED", "LAND_SOLD", "STAGE_CHANGED", "STAGE_CHANGED"]);
    expect(await db.auditLog.count({ where: { action: "parcel.sign", entityId: P1.id } })).toBe(1);
  });

  it("losing a lead releases its holds in the move's transaction; a parcel sold meanwhile stays sold", async () => {
    const { officer, admin } = await staff();
    const lead = await newLead([P1.id, P2.id]);
    expect(await as(officer, async () => negotiate(lead, await chosen(P1, P2)))).toMatchObject({ ok: true });
    await db.parcel.update({ where: { id: P2.id }, data: { status: "SOLD", version: { increment: 1 } } });
    const result = await as(admin, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "LOST", lostReason: "PRICE" }));
    expect(result).toMatchObject({ ok: true });
    expect(await parcelNow(P1.id)).toMatchObject({ status: "AVAILABLE", version: P1.version + 2 });
    expect(await parcelNow(P2.id)).toMatchObject({ status: "SOLD", version: P2.version + 2 });
    expect((await db.parcelHold.findMany({ select: { endReason: true } })).map((h) => h.endReason)).toEqual(["LEAD_LOST", "LEAD_LOST"]);
    const released = await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: lead.id, type: "LAND_RELEASED" } });
    expect(released.data).toEqual({ reason: "LEAD_LOST", parcels: expect.arrayContaining([{ code: P1.code, restored: "AVAILABLE" }, { code: P2.code, restored: null }]) });
    expect(await db.auditLog.count({ where: { action: "parcel.holdEnded" } })).toBe(2);
  });
});

describe("the land panel", () => {
  it("holds, extends and releases, each with the lead's version; out of scope is not found, anonymous signed out", async () => {
    const { officer, outsider } = await staff();
    const lead = await newLead([P1.id]);
    const input = { leadId: lead.id, version: lead.version, parcels: await chosen(P1), heldAs: "UNDER_NEGOTIATION", expiresOn: addDays(chinaDate(new Date()), 30) };
    const before = await footprint([lead.id]);
    expect(await as(null, () => holdParcelsAction(input))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await as(outsider, () => holdParcelsAction(input))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await as(officer, () => holdParcelsAction({ ...input, expiresOn: chinaDate(new Date()) }))).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { expiresOn: "expiryInPast" } } });
    expect(await footprint([lead.id])).toEqual(before);
    expect(await as(officer, () => holdParcelsAction(input))).toEqual({ ok: true, data: { id: lead.id, version: lead.version + 1 } });
    const hold = await db.parcelHold.findFirstOrThrow({ select: { id: true } });

    const to = addDays(chinaDate(new Date()), 120);
    const extend = { leadId: lead.id, version: lead.version + 1, holdId: hold.id, expiresOn: to };
    for (const [who, code] of [[null, "unauthenticated"], [outsider, "not_found"]] as const) {
      expect(await as(who, () => extendHoldAction(extend))).toMatchObject({ ok: false, error: { code } });
      expect(await as(who, () => releaseHoldAction({ leadId: lead.id, version: lead.version + 1, holdId: hold.id }))).toMatchObject({ ok: false, error: { code } });
    }
    expect(await as(officer, () => extendHoldAction(extend))).toMatchObject({ ok: true, data: { version: lead.version + 2 } });
    expect(await db.parcelHold.findUniqueOrThrow({ where: { id: hold.id }, select: { expiresOn: true } })).toEqual({ expiresOn: new Date(`${to}T00:00:00Z`) });
    // A stale page (the version before the extension) is a conflict, not a release.
    expect(await as(officer, () => releaseHoldAction({ leadId: lead.id, version: lead.version + 1, holdId: hold.id }))).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await as(officer, () => releaseHoldAction({ leadId: lead.id, version: lead.version + 2, holdId: hold.id }))).toMatchObject({ ok: true, data: { version: lead.version + 3 } });
    expect(await parcelNow(P1.id)).toEqual({ status: "AVAILABLE", version: P1.version + 2, statusReason: null });
    expect(await db.parcelHold.findUniqueOrThrow({ where: { id: hold.id }, select: { endReason: true } })).toEqual({ endReason: "RELEASED" });
    expect((await db.auditLog.findMany({ where: { entity: "Parcel" }, select: { action: true }, orderBy: { id: "asc" } })).map((a) => a.action)).toEqual(["parcel.hold", "parcel.holdExtended", "parcel.holdEnded"]);
  });

  it("a lost lead holds no more land", async () => {
    const { officer } = await staff();
    const lead = await newLead([P1.id]);
    expect(await as(officer, () => moveStageAction({ leadId: lead.id, version: lead.version, toStage: "LOST", lostReason: "PRICE" }))).toMatchObject({ ok: true });
    const before = await footprint([lead.id]);
    expect(await as(officer, async () => holdParcelsAction({ leadId: lead.id, version: lead.version + 1, parcels: await chosen(P1) }))).toMatchObject({
      ok: false, error: { code: "validation", message: "leadClosed", fieldErrors: { form: "leadClosed" } },
    });
    expect(await footprint([lead.id])).toEqual(before);
  });

  it("a stage move with parcels, out of scope, is not found and writes nothing", async () => {
    const { outsider } = await staff();
    const lead = await newLead([P1.id]);
    const before = await footprint([lead.id]);
    expect(await as(outsider, async () => negotiate(lead, await chosen(P1)))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await as(null, async () => negotiate(lead, await chosen(P1)))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await footprint([lead.id])).toEqual(before);
  });
});

describe("the hold job", () => {
  it("tells the assignee once a week before expiry, then releases the expired hold", async () => {
    const { officer } = await staff();
    const lead = await newLead([P1.id, P2.id], { assigneeId: officer.id });
    const expires = addDays(chinaDate(new Date()), 20);
    expect(await as(officer, async () => holdParcelsAction({ leadId: lead.id, version: lead.version, parcels: await chosen(P1, P2), heldAs: "RESERVED", expiresOn: expires }))).toMatchObject({ ok: true });
    const at = (iso: string) => new Date(`${iso}T02:00:00Z`); // 10:00 in China

    expect(await runHoldExpiry(db, { now: at(addDays(expires, -8)) })).toEqual({ ended: { EXPIRED: 0, LEAD_LOST: 0 }, noticed: 0 });
    expect(await runHoldExpiry(db, { now: at(addDays(expires, -7)) })).toEqual({ ended: { EXPIRED: 0, LEAD_LOST: 0 }, noticed: 1 });
    expect(await runHoldExpiry(db, { now: at(addDays(expires, -3)) })).toEqual({ ended: { EXPIRED: 0, LEAD_LOST: 0 }, noticed: 0 });
    const mails = await db.outboxEmail.findMany({ where: { kind: HOLD_EXPIRY_EMAIL_KIND }, select: { to: true, subject: true, text: true, inquiryId: true } });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: officer.email, inquiryId: lead.id, subject: expect.stringContaining(lead.reference) });
    expect(mails[0]!.text).toContain(P1.code);
    expect(mails[0]!.text).toContain(P2.code);

    // The last day of the hold still holds; the next China day releases it.
    expect(await runHoldExpiry(db, { now: at(expires) })).toMatchObject({ ended: { EXPIRED: 0 } });
    expect(await runHoldExpiry(db, { now: at(addDays(expires, 1)) })).toEqual({ ended: { EXPIRED: 2, LEAD_LOST: 0 }, noticed: 0 });
    for (const p of [P1, P2]) expect(await parcelNow(p.id)).toEqual({ status: "AVAILABLE", version: p.version + 2, statusReason: null });
    expect((await db.parcelHold.findMany({ select: { endReason: true } })).map((h) => h.endReason)).toEqual(["EXPIRED", "EXPIRED"]);
    const event = await db.inquiryEvent.findFirstOrThrow({ where: { inquiryId: lead.id, type: "LAND_RELEASED" }, select: { actorId: true, data: true } });
    expect(event).toEqual({ actorId: null, data: { reason: "EXPIRED", by: "holdJob", parcels: expect.arrayContaining([{ code: P1.code, restored: "AVAILABLE" }, { code: P2.code, restored: "AVAILABLE" }]) } });
    expect(await db.auditLog.count({ where: { action: "parcel.holdEnded" } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "lead.holdsEnded", entityId: lead.id } })).toBe(1);
    expect(await runHoldExpiry(db, { now: at(addDays(expires, 2)) })).toEqual({ ended: { EXPIRED: 0, LEAD_LOST: 0 }, noticed: 0 });
  });

  it("an unassigned lead's notice goes to its park's officers; a lost lead's leftover hold is released", async () => {
    const { officer, outsider } = await staff();
    const colleague = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const lead = await newLead([P1.id]);
    const lost = await newLead([P2.id]);
    const expires = addDays(chinaDate(new Date()), 10);
    expect(await as(officer, async () => holdParcelsAction({ leadId: lead.id, version: lead.version, parcels: await chosen(P1), expiresOn: expires }))).toMatchObject({ ok: true });
    expect(await as(officer, async () => holdParcelsAction({ leadId: lost.id, version: lost.version, parcels: await chosen(P2) }))).toMatchObject({ ok: true });
    await db.inquiry.update({ where: { id: lost.id }, data: { stage: "LOST", lostReason: "PRICE" } }); // e.g. written before holds existed
    expect(await runHoldExpiry(db, { now: new Date(`${addDays(expires, -5)}T02:00:00Z`) })).toEqual({ ended: { EXPIRED: 0, LEAD_LOST: 1 }, noticed: 1 });
    const to = (await db.outboxEmail.findMany({ where: { kind: HOLD_EXPIRY_EMAIL_KIND }, select: { to: true } })).map((m) => m.to).sort();
    expect(to).toEqual([officer.email, colleague.email].sort());
    expect(to).not.toContain(outsider.email);
    expect(await parcelNow(P2.id)).toMatchObject({ status: "AVAILABLE" });
  });
});

describe("what the investor sees", () => {
  it("a held parcel leaves the investor search on the next request; released, it is back", async () => {
    const { officer } = await staff();
    const reader = seededDb();
    try {
      const q = landSearchSchema.parse({});
      expect(await findLandBlock(reader, q, P1.code)).not.toBeNull();
      const lead = await newLead([P1.id]);
      expect(await as(officer, async () => negotiate(lead, await chosen(P1)))).toMatchObject({ ok: true });
      expect(await findLandBlock(reader, q, P1.code)).toBeNull();
      const hold = await db.parcelHold.findFirstOrThrow({ select: { id: true } });
      expect(await as(officer, () => releaseHoldAction({ leadId: lead.id, version: lead.version + 1, holdId: hold.id }))).toMatchObject({ ok: true });
      expect((await findLandBlock(reader, q, P1.code))?.parcelCodes).toContain(P1.code);
    } finally {
      await reader.$disconnect();
    }
  });
});
