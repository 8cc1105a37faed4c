// The lead page's side of holds on the seeded dataset: a parcel held for one lead is flagged on
// both leads (the reference only to staff who may read the other lead), and the page's form
// action keeps what was ticked and names the parcel that changed underneath.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { holdParcelsForm, moveStageForm } from "@/app/[locale]/(staff)/staff/leads/[id]/actions";
import { currentActor } from "@/lib/auth/session";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { readLeadLand } from "@/lib/land/hold-queries";
import { holdParcelsAction } from "@/lib/leads/lead-land-actions";
import { seededDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
const OTHER_PARK = "china-eu-cooperation-zone";

let db: Db;
let parcels: { id: string; code: string; version: number; statusReason: string | null; statusChangedAt: Date | null }[];

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  parcels = await db.parcel.findMany({
    where: { park: { code: PARK }, status: "AVAILABLE" },
    select: { id: true, code: true, version: true, statusReason: true, statusChangedAt: true },
    orderBy: { code: "desc" },
    take: 2,
  });
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "ParcelHold", "Inquiry", "InquiryEvent", "InquiryParcel", "OutboxEmail", "AuditLog", "RateLimit", "User", "StaffSession" CASCADE`);
  for (const p of parcels) await db.parcel.update({ where: { id: p.id }, data: { status: "AVAILABLE", statusReason: p.statusReason, statusChangedAt: p.statusChangedAt, version: p.version } });
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

let counter = 0;
async function newLead(parcelIds: string[], assigneeId: string | null = null) {
  counter += 1;
  const park = await db.park.findUniqueOrThrow({ where: { code: PARK }, select: { id: true } });
  return db.inquiry.create({
    data: {
      reference: `JM2612-PG${String(counter).padStart(4, "0")}`, idempotencyKey: randomUUID(), contactName: "Anna", email: "anna@example.de", company: "Schmidt GmbH",
      country: "Germany", message: "Land please.", locale: "en", consentAt: new Date(), consentVersion: "2026-11", parkId: park.id, stage: "SITE_VISIT",
      assigneeId, parcels: { create: parcelIds.map((parcelId) => ({ parcelId })) },
    },
    select: { id: true, reference: true, version: true },
  });
}

const actorOf = (staff: TestStaff) => as(staff, async () => (await currentActor())!);
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.append(k, v);
  return f;
};

describe("a held parcel is flagged on both leads", () => {
  it("names the holding lead to staff who can read it, 'another lead' otherwise; the holder sees who else asks", async () => {
    const [P] = parcels as [typeof parcels[number]];
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const away = await createStaff(db, { role: "OFFICER", parkCodes: [OTHER_PARK] });
    const holder = await newLead([P.id]);
    const asker = await newLead([P.id], away.id);
    const expiresOn = new Date(Date.now() + 40 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(await as(officer, () => holdParcelsAction({ leadId: holder.id, version: holder.version, parcels: [{ parcelId: P.id, version: P.version }], heldAs: "RESERVED", expiresOn }))).toMatchObject({ ok: true });

    const seenByOfficer = await actorOf(officer);
    const [onAsker] = (await readLeadLand(db, seenByOfficer, asker.id))!;
    expect(onAsker).toMatchObject({ code: P.code, status: "RESERVED", version: P.version + 1, own: null, other: { reference: holder.reference, expiresOn, heldAs: "RESERVED" }, wantedBy: [] });
    const [onHolder] = (await readLeadLand(db, seenByOfficer, holder.id))!;
    expect(onHolder).toMatchObject({ own: { heldAs: "RESERVED", expiresOn, overrideReason: null, expiringSoon: false }, other: null, wantedBy: [asker.reference] });

    // The asker's assignee works in another park: the holding lead is not theirs to see.
    const seenAway = await actorOf(away);
    expect((await readLeadLand(db, seenAway, asker.id))![0]).toMatchObject({ other: { reference: null, expiresOn } });
    expect(await readLeadLand(db, seenAway, holder.id)).toBeNull();
  });
});

describe("the page's stage form", () => {
  it("a parcel changed underneath: nothing saved, the parcel named with its status now, the ticks and dates kept", async () => {
    const [P, Q] = parcels as [typeof parcels[number], typeof parcels[number]];
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const lead = await newLead([P.id, Q.id]);
    await db.parcel.update({ where: { id: Q.id }, data: { status: "SOLD", version: { increment: 1 } } });
    const sent = { leadId: lead.id, version: String(lead.version), toStage: "NEGOTIATING", heldAs: "RESERVED", expiresOn: "2027-02-01", [`parcel.${P.id}`]: String(P.version), [`parcel.${Q.id}`]: String(Q.version) };
    const state = await as(officer, () => moveStageForm(null, form(sent)));
    expect(state).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "parcelsChanged" },
      values: sent,
      current: { version: lead.version, stage: "SITE_VISIT", parcels: [{ code: Q.code, status: "SOLD", reason: "changed" }] },
    });
    expect(await db.parcelHold.count()).toBe(0);
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, version: true } })).toEqual({ stage: "SITE_VISIT", version: lead.version });
  });

  it("the land panel's refusal lists the parcel and keeps the form's values", async () => {
    const [P] = parcels as [typeof parcels[number]];
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const first = await newLead([P.id]);
    const second = await newLead([P.id]);
    expect((await as(officer, () => holdParcelsForm(null, form({ leadId: first.id, version: String(first.version), [`parcel.${P.id}`]: String(P.version) })))))
      .toEqual({ ok: true, data: { id: first.id, version: first.version + 1 } });
    const sent = { leadId: second.id, version: String(second.version), [`parcel.${P.id}`]: String(P.version + 1), heldAs: "UNDER_NEGOTIATION" };
    expect(await as(officer, () => holdParcelsForm(null, form(sent)))).toMatchObject({
      ok: false,
      error: { code: "validation", message: "landRefused" },
      values: sent,
      current: { parcels: [{ code: P.code, status: "UNDER_NEGOTIATION", reason: "heldByOther", heldFor: first.reference }] },
    });
    // Nothing ticked: said for the field.
    expect(await as(officer, () => holdParcelsForm(null, form({ leadId: second.id, version: String(second.version) })))).toMatchObject({
      ok: false, error: { code: "validation", fieldErrors: { parcels: "noParcelChosen" } },
    });
  });
});
