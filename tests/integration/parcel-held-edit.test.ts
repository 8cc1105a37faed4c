// A parcel a lead holds, edited from the parcel desk: its status moves only with a reason (the
// admin's override), and then the hold ends and the lead's timeline says so, in the same
// transaction; without a reason nothing is written. Single edit and bulk change alike.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { bulkUpdateParcelsAction, updateParcelAction } from "@/lib/land/parcel-actions";
import { EDITABLE_SELECT } from "@/lib/land/parcel-values";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
let db: Db;
const restore: { id: string; data: Record<string, unknown> }[] = [];
const leads: string[] = [];

beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  await db.inquiry.deleteMany({ where: { id: { in: leads.splice(0) } } }); // holds and events go with it
  for (const { id, data } of restore.splice(0)) await db.parcel.update({ where: { id }, data });
  await db.$executeRawUnsafe(`TRUNCATE "AuditLog", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

/** `n` available parcels of the park put under negotiation and held for one new lead. */
async function heldParcels(n: number) {
  const rows = await db.parcel.findMany({ where: { park: { code: PARK }, status: "AVAILABLE" }, orderBy: { code: "desc" }, take: n, select: EDITABLE_SELECT });
  for (const { id, ...rest } of rows) restore.push({ id, data: { ...rest, code: undefined } });
  const lead = await db.inquiry.create({
    data: {
      reference: `JM-HELD-${Date.now()}`, idempotencyKey: `held-${Date.now()}-${Math.random()}`, contactName: "Lena Park", email: "lena@example.kr",
      company: "Hanil Cells", country: "KR", message: "Battery plant", locale: "en", consentAt: new Date(), consentVersion: "2026-11",
    },
    select: { id: true },
  });
  leads.push(lead.id);
  await db.parcel.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { status: "UNDER_NEGOTIATION" } });
  await db.parcelHold.createMany({ data: rows.map((r) => ({ parcelId: r.id, inquiryId: lead.id, heldAs: "UNDER_NEGOTIATION", statusBefore: "AVAILABLE", expiresOn: new Date("2027-03-01T00:00:00Z") })) });
  const parcels = await db.parcel.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: EDITABLE_SELECT, orderBy: { id: "asc" } });
  return { leadId: lead.id, parcels };
}

const form = (p: { id: string; version: number; status: string }, over: Record<string, string> = {}) => ({ parcelId: p.id, version: String(p.version), status: p.status, ...over });
const activeHolds = (leadId: string) => db.parcelHold.count({ where: { inquiryId: leadId, endedAt: null } });

describe("editing a held parcel", () => {
  it("a status move without a reason is refused by name and writes nothing", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const { leadId, parcels: [p] } = await heldParcels(1);
    const result = await as(admin, () => updateParcelAction(form(p!, { status: "AVAILABLE" })));
    expect(result).toEqual({ ok: false, error: { code: "validation", message: "transition:held:UNDER_NEGOTIATION:AVAILABLE", fieldErrors: { reason: "transition:held:UNDER_NEGOTIATION:AVAILABLE" } } });
    expect(await db.parcel.findUnique({ where: { id: p!.id }, select: { status: true, version: true } })).toEqual({ status: "UNDER_NEGOTIATION", version: p!.version });
    expect(await activeHolds(leadId)).toBe(1);
    expect(await db.auditLog.count()).toBe(0);
  });

  it("with a reason the parcel moves, the hold ends as overridden and the lead's timeline names parcel and reason", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const { leadId, parcels: [p] } = await heldParcels(1);
    const result = await as(admin, () => updateParcelAction(form(p!, { status: "AVAILABLE", reason: "investor withdrew by phone" })));
    expect(result).toMatchObject({ ok: true, data: { id: p!.id, version: p!.version + 1 } });
    expect(await db.parcel.findUnique({ where: { id: p!.id }, select: { status: true, statusReason: true } })).toEqual({ status: "AVAILABLE", statusReason: "investor withdrew by phone" });
    expect(await db.parcelHold.findMany({ where: { inquiryId: leadId }, select: { endReason: true, endedAt: true } })).toEqual([{ endReason: "OVERRIDDEN", endedAt: expect.any(Date) }]);
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: leadId }, select: { type: true, actorId: true, note: true, data: true } });
    expect(events).toEqual([{ type: "LAND_RELEASED", actorId: admin.id, note: "investor withdrew by phone", data: { reason: "OVERRIDDEN", parcels: [{ code: p!.code, restored: null }], byParcelEdit: true, overrideReason: "investor withdrew by phone" } }]);
    const [audit] = await db.auditLog.findMany({ select: { action: true, after: true } });
    expect(audit).toMatchObject({ action: "parcel.update", after: { status: "AVAILABLE", holdsEnded: 1 } });
  });

  it("a bulk change over held parcels: refused without a reason (each named), with one every hold ends and the lead hears once", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const { leadId, parcels } = await heldParcels(2);
    const selection = parcels.map((p) => `${p.id}:${p.version}`);
    const refused = await as(admin, () => bulkUpdateParcelsAction({ parcels: selection, status: "AVAILABLE" }));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.message).toBe("transition:held:UNDER_NEGOTIATION:AVAILABLE");
    expect((refused.error.current as { refused: { code: string }[] }).refused.map((r) => r.code).sort()).toEqual(parcels.map((p) => p.code).sort());
    expect(await activeHolds(leadId)).toBe(2);
    expect(await db.auditLog.count()).toBe(0);

    const done = await as(admin, () => bulkUpdateParcelsAction({ parcels: selection, status: "AVAILABLE", reason: "park withdrew the offer" }));
    expect(done).toMatchObject({ ok: true, data: { changed: 2, unchanged: 0 } });
    expect(await activeHolds(leadId)).toBe(0);
    const events = await db.inquiryEvent.findMany({ where: { inquiryId: leadId }, select: { type: true, data: true } });
    expect(events).toHaveLength(1);
    expect(events[0]!.type).toBe("LAND_RELEASED");
    expect((events[0]!.data as { parcels: { code: string }[] }).parcels.map((p) => p.code).sort()).toEqual(parcels.map((p) => p.code).sort());
    expect(await db.auditLog.count()).toBe(2);
  });
});
