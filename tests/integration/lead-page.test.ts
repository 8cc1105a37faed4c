// The lead page's read (lib/leads/lead-page.ts) and its form actions (the page's "use server"
// module) on the seeded dataset: land asked about with its status now, the timeline newest
// first with who and when, e-mails with their delivery state, scope, and a conflict that keeps
// what was typed and shows the lead as it is now.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { addNoteForm, assignLeadForm } from "@/app/[locale]/(staff)/staff/leads/[id]/actions";
import { currentActor } from "@/lib/auth/session";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { createInquiry } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { addNoteAction, assignLeadAction, moveStageAction, replyToInvestorAction, rerunMatchAction } from "@/lib/leads/lead-actions";
import { loadLeadPage, readLeadPage } from "@/lib/leads/lead-page";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";
import { inRequest } from "../setup/request-scope";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
const changed: { code: string; status: "AVAILABLE" }[] = [];
afterEach(async () => {
  for (const p of changed.splice(0)) await db.parcel.update({ where: { code: p.code }, data: { status: p.status } });
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "OutboxEmail", "AuditLog", "RateLimit", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

async function newLead(over: Record<string, unknown> = {}) {
  const input = inquirySchema.parse({
    idempotencyKey: randomUUID(), locale: "en", contactName: "Anna Schmidt", email: "anna@example.de", company: "Schmidt Batterietechnik GmbH",
    country: "Germany", industry: "NEW_ENERGY_BATTERY", landNeededMu: "50", message: "We plan a cell-module plant next spring.", consent: "on", parkCode: PARK, ...over,
  });
  const created = await createInquiry(db, input, { ipHash: randomUUID().replace(/-/g, "") });
  return db.inquiry.findUniqueOrThrow({ where: { reference: created.reference }, select: { id: true, reference: true, version: true } });
}

const setStatus = async (code: string, status: "SOLD" | "RESERVED") => {
  changed.push({ code, status: "AVAILABLE" });
  await db.parcel.update({ where: { code }, data: { status } });
};

describe("the lead page's read", () => {
  it("shows land asked about with its status now: sold since, no longer available, still available", async () => {
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const q = landSearchSchema.parse({ park: PARK, sort: "area-asc" });
    const { result } = await runLandSearch(db, q);
    const block = result.results.find((b) => b.parcelCodes.length >= 2)!;
    const single = await db.parcel.findFirstOrThrow({ where: { park: { code: PARK }, status: "AVAILABLE", code: { notIn: block.parcelCodes } }, orderBy: { code: "asc" }, select: { code: true } });
    const lead = await newLead({ blockKey: block.key, blockQuery: toSearchParams(q).toString() });
    // A second inquiry names one parcel on its own.
    const lead2 = await newLead({ parcelCode: single.code });

    await setStatus(single.code, "SOLD");
    await setStatus(block.parcelCodes[1]!, "RESERVED");
    const actor = (await as(officer, () => currentActor()))!;

    const page = (await readLeadPage(db, actor, lead.id))!;
    expect(page.parcels).toEqual([]);
    expect(page.requestedBlocks).toHaveLength(1);
    const [b] = page.requestedBlocks;
    expect(b).toMatchObject({ key: block.key, total: block.parcelCodes.length, available: block.parcelCodes.length - 1, state: "partly" });
    expect(b!.parcels.map((p) => [p.code, p.status, p.mark])).toEqual(
      block.parcelCodes.map((c, i) => [c, i === 1 ? "RESERVED" : "AVAILABLE", i === 1 ? "notAvailable" : "available"]),
    );

    const page2 = (await readLeadPage(db, actor, lead2.id))!;
    expect(page2.parcels.map((p) => [p.code, p.status, p.mark])).toEqual([[single.code, "SOLD", "soldSince"]]);
    expect(page2.requestedBlocks).toEqual([]);
    // Asked about once it was already sold: not "sold since you were asked".
    const lead3 = await newLead({ parcelCode: single.code });
    const page3 = (await readLeadPage(db, actor, lead3.id))!;
    expect(page3.parcels.map((p) => [p.code, p.status, p.mark])).toEqual([[single.code, "SOLD", "notAvailable"]]);

    // Matched at submission, with today's availability: a block with the reserved parcel is no longer whole.
    expect(page.matchedAtSubmission.length).toBeGreaterThan(0);
    for (const m of page.matchedAtSubmission) {
      const hit = m.parcels.some((p) => p.code === block.parcelCodes[1] || p.code === single.code);
      expect(m.state, m.key).toBe(hit ? (m.available > 0 ? "partly" : "gone") : "available");
      expect(m.parks.length).toBeGreaterThan(0);
    }
    expect(page.latestRerun).toBeNull();
  });

  it("finds nothing for an officer of another park; an admin reads every lead", async () => {
    const outsider = await createStaff(db, { role: "OFFICER", parkCodes: ["china-eu-cooperation-zone"] });
    // The park has its own officer, so routing gives the lead to them, not to the outsider
    // (with no officer of the park, round-robin could hand it to the outsider, who then sees it).
    const parkOfficer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const admin = await createStaff(db, { role: "ADMIN" });
    const lead = await newLead();
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true } })).toEqual({ assigneeId: parkOfficer.id });
    const outsiderActor = (await as(outsider, () => currentActor()))!;
    const adminActor = (await as(admin, () => currentActor()))!;
    expect(await readLeadPage(db, outsiderActor, lead.id)).toBeNull();
    expect(await as(outsider, () => loadLeadPage(outsiderActor, lead.id))).toBeNull();
    expect((await readLeadPage(db, adminActor, lead.id))?.lead.reference).toBe(lead.reference);
    expect(await readLeadPage(db, adminActor, "no-such-lead")).toBeNull();
  });

  it("lists every event newest first with who did it, the latest re-run beside the match at submission, and e-mails with their state", async () => {
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [PARK] });
    const colleague = await createStaff(db, { role: "OFFICER", name: "赵敏", parkCodes: ["china-eu-cooperation-zone"] });
    const admin = await createStaff(db, { role: "ADMIN", name: "Admin Liu" });
    // Routing gives the lead to the park's officer; the admin then hands it to a colleague,
    // and the park's officer works it (their park, so still in their scope).
    const lead = await newLead();
    let v = lead.version;
    const step = async (staff: typeof officer, fn: () => Promise<{ ok: boolean }>) => {
      const r = await as(staff, fn);
      expect(r.ok).toBe(true);
      v++;
    };
    await step(admin, () => assignLeadAction({ leadId: lead.id, version: v, assigneeId: colleague.id }));
    await step(officer, () => addNoteAction({ leadId: lead.id, version: v, note: "Called reception, they will call back." }));
    await step(officer, () => replyToInvestorAction({ leadId: lead.id, version: v, subject: `Re: your inquiry ${lead.reference}`, body: "Dear Ms Schmidt, ..." }));
    await step(officer, () => rerunMatchAction({ leadId: lead.id, version: v }));
    await step(officer, () => moveStageAction({ leadId: lead.id, version: v, toStage: "QUALIFIED" }));

    const actor = (await as(officer, () => currentActor()))!;
    const page = (await readLeadPage(db, actor, lead.id))!;
    expect(page.lead).toMatchObject({ version: v, stage: "QUALIFIED", assignee: { id: colleague.id, name: "赵敏" } });
    expect(page.timeline.map((e) => [e.type, e.who.kind === "staff" ? e.who.name : e.who.kind, e.fromStage, e.toStage])).toEqual([
      ["STAGE_CHANGED", "陈静", "CONTACTED", "QUALIFIED"],
      ["MATCH_RERUN", "陈静", null, null],
      ["STAGE_CHANGED", "陈静", "NEW", "CONTACTED"],
      ["REPLIED", "陈静", null, null],
      ["NOTE", "陈静", null, null],
      ["ASSIGNED", "Admin Liu", null, null],
      ["ASSIGNED", "routing", null, null],
      ["CREATED", "investor", null, "NEW"],
    ]);
    expect(page.timelineTotal).toBe(8);
    expect(page.timeline[5]!.data).toEqual({ fromId: officer.id, fromName: "陈静", toId: colleague.id, toName: "赵敏" });
    // Routing keeps only the id; the page names the officer it chose.
    expect(page.timeline[6]!.data).toEqual({ by: "routing", rule: "park", assigneeId: officer.id, toName: "陈静" });
    for (let i = 1; i < page.timeline.length; i++) expect(page.timeline[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(page.timeline[i]!.at.getTime());
    expect(page.timeline[4]!.note).toBe("Called reception, they will call back.");
    expect(page.timeline[3]).toMatchObject({ note: "Dear Ms Schmidt, ...", data: { subject: `Re: your inquiry ${lead.reference}`, to: "anna@example.de", locale: "en" } });
    expect(page.timeline[2]!.data).toEqual({ automatic: true, cause: "REPLIED" });

    expect(page.latestRerun).not.toBeNull();
    expect(page.latestRerun!.by).toBe("陈静");
    expect(page.latestRerun!.blocks.map((b) => b.key)).toEqual(page.matchedAtSubmission.map((b) => b.key));

    // Newest first: the reply, the colleague's assignment e-mail, the confirmation, and the
    // park officer's assignment e-mail (queued by routing just before the confirmation, in
    // the creating transaction); none sent (no mail server here).
    expect(page.emails.map((e) => [e.kind, e.to, e.state])).toEqual([
      ["lead-reply", "anna@example.de", "pending"],
      ["lead-assigned", colleague.email, "pending"],
      ["inquiry-received", "anna@example.de", "pending"],
      ["lead-assigned", officer.email, "pending"],
    ]);
    await db.outboxEmail.updateMany({ where: { kind: "inquiry-received" }, data: { sentAt: new Date() } });
    await db.outboxEmail.updateMany({ where: { kind: "lead-reply" }, data: { attempts: 14, lastError: "550 mailbox unavailable" } });
    expect((await readLeadPage(db, actor, lead.id))!.emails.map((e) => e.state)).toEqual(["failed", "pending", "sent", "pending"]);
    expect(page.overdue).toEqual({ firstResponse: false, firstContact: false, nextAction: false });
  });
});

describe("the page's form actions", () => {
  const form = (fields: Record<string, string>) => {
    const f = new FormData();
    for (const [k, v] of Object.entries(fields)) f.set(k, v);
    return f;
  };

  it("saves, and on a conflict keeps the typed text and shows the lead as it is now", async () => {
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静", parkCodes: [PARK] });
    const admin = await createStaff(db, { role: "ADMIN", name: "Admin Liu" });
    const lead = await newLead();
    expect(await as(officer, () => addNoteForm(null, form({ leadId: lead.id, version: String(lead.version), note: "first note" })))).toEqual({
      ok: true, data: { id: lead.id, version: lead.version + 1 },
    });
    // The admin moves the lead meanwhile; the officer's page still shows version + 1.
    expect((await as(admin, () => moveStageAction({ leadId: lead.id, version: lead.version + 1, toStage: "QUALIFIED" }))).ok).toBe(true);
    const typed = "A long note the officer must not lose: 投资方希望下周看地。";
    const state = await as(officer, () => addNoteForm(null, form({ leadId: lead.id, version: String(lead.version + 1), note: typed })));
    expect(state).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "staleVersion" },
      values: { leadId: lead.id, version: String(lead.version + 1), note: typed },
      current: { version: lead.version + 2, stage: "QUALIFIED", assignee: "陈静", nextActionDueAt: null, last: { type: "STAGE_CHANGED", who: { kind: "staff", name: "Admin Liu" } } },
    });
    expect(await db.inquiryEvent.count({ where: { inquiryId: lead.id, type: "NOTE" } })).toBe(1);
    // A refusal of another kind keeps the text too.
    const refused = await as(officer, () => addNoteForm(null, form({ leadId: lead.id, version: "x", note: typed })));
    expect(refused).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { version: "invalid" } }, values: { note: typed } });
    // Not a form at all.
    expect(await as(officer, () => addNoteForm(null, "note=hi"))).toMatchObject({ ok: false, error: { fieldErrors: { form: "notForm" } } });
  });

  it("handing a lead to a colleague outside one's parks goes back to the inbox (in the page's language), not to a 404", async () => {
    // The only officer, with no parks: routing gives them the lead, which they see as its assignee.
    const officer = await createStaff(db, { role: "OFFICER", name: "陈静" });
    const lead = await newLead({ parkCode: undefined });
    const colleague = await createStaff(db, { role: "OFFICER", name: "王强", parkCodes: [PARK] });
    const handOver = () =>
      inRequest({ cookies: officer.cookies, headers: { referer: `http://localhost/en/staff/leads/${lead.id}` } }, () =>
        assignLeadForm(null, form({ leadId: lead.id, version: String(lead.version), assigneeId: colleague.id })),
      );
    await expect(handOver()).rejects.toMatchObject({ digest: expect.stringContaining(";/en/staff/leads;") });
    expect(await db.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { assigneeId: true } })).toEqual({ assigneeId: colleague.id });
  });
});
