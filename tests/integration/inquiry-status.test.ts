// The investor's private status page on the seeded database: the link from the real
// confirmation e-mail finds its own inquiry only, an expired or unknown link finds nothing,
// the step follows the pipeline in the investor's terms, staff notes never show, and the
// investor's message lands on the lead's timeline (read as the staff page reads it) without
// counting as officer activity.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { addInvestorMessageForm } from "@/app/[locale]/(public)/inquiry/status/[token]/actions";
import { currentActor } from "@/lib/auth/session";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { createInquiry } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { addInvestorMessageAction } from "@/lib/inquiry/status-actions";
import { MESSAGES_PER_INQUIRY_PER_HOUR } from "@/lib/inquiry/status-mutations";
import { MAX_STATUS_MESSAGES, readInquiryStatus, readStatusLink } from "@/lib/inquiry/status-queries";
import { readLeadPage } from "@/lib/leads/lead-page";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";
import { inRequest } from "../setup/request-scope";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
let db: Db;
beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "OutboxEmail", "AuditLog", "RateLimit", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

async function newInquiry(over: Record<string, unknown>) {
  const input = inquirySchema.parse({
    idempotencyKey: randomUUID(), locale: "en", contactName: "Anna Schmidt", email: `anna-${randomUUID()}@example.de`, company: "Schmidt Batterietechnik GmbH",
    country: "Germany", landNeededMu: "50", message: "We plan a cell-module plant next spring.", consent: "on", ...over,
  });
  const { reference } = await createInquiry(db, input, { ipHash: randomUUID().replace(/-/g, "") });
  const row = await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { id: true, reference: true, statusTokenHash: true, statusTokenExpiresAt: true, createdAt: true, emails: { select: { text: true } } } });
  const token = /\/en\/inquiry\/status\/([A-Za-z0-9_-]{43})\n/.exec(row.emails[0]!.text)?.[1];
  if (!token) throw new Error("the confirmation e-mail has no status link");
  return { ...row, token };
}
const send = (token: string, message: string, address = "198.51.100.20") => inRequest({ address }, () => addInvestorMessageAction({ token, message }));

describe("the inquiry status page", () => {
  it("the e-mailed link shows its own inquiry only; another link shows the other; expired and unknown links show nothing", async () => {
    const q = landSearchSchema.parse({ park: PARK, sort: "area-asc" });
    const block = (await runLandSearch(db, q)).result.results.find((b) => b.parcelCodes.length >= 2)!;
    const a = await newInquiry({ blockKey: block.key, blockQuery: toSearchParams(q).toString() });
    const single = await db.parcel.findFirstOrThrow({ where: { park: { code: PARK }, status: "AVAILABLE", code: { notIn: block.parcelCodes } }, orderBy: { code: "asc" }, select: { code: true } });
    const b = await newInquiry({ parcelCode: single.code });
    // Only the hash is kept; the link expires 180 days after the inquiry.
    expect(a.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.statusTokenHash).not.toContain(a.token);
    // (createdAt is the database's default, a few milliseconds from the writer's clock)
    expect(Math.abs(a.statusTokenExpiresAt!.getTime() - a.createdAt.getTime() - 180 * 86_400_000)).toBeLessThan(5_000);

    const sa = (await readInquiryStatus(db, a.token, "en"))!;
    expect(sa).toMatchObject({ reference: a.reference, step: "received", officerName: null, blocks: [{ key: block.key, parcelCodes: block.parcelCodes }], parcelCodes: [], parkName: "Xinhui Smart Manufacturing Industrial Park", messages: [] });
    const sb = (await readInquiryStatus(db, b.token, "en"))!;
    expect(sb.reference).toBe(b.reference);
    expect(sb.parcelCodes).toEqual([single.code]);
    expect(JSON.stringify(sb)).not.toContain(a.reference);
    expect(JSON.stringify(sb)).not.toContain(block.key);

    expect(await readStatusLink(db, a.token)).toEqual({ kind: "valid", id: a.id });
    await db.inquiry.update({ where: { id: a.id }, data: { statusTokenExpiresAt: new Date(Date.now() - 1000) } });
    expect(await readInquiryStatus(db, a.token, "en")).toBeNull();
    // Expired is told apart from unknown (the page explains it), and carries nothing of the inquiry.
    expect(await readStatusLink(db, a.token)).toEqual({ kind: "expired" });
    const other = `${b.token.slice(0, 42)}${b.token.endsWith("A") ? "B" : "A"}`;
    expect(await readInquiryStatus(db, other, "en")).toBeNull();
    expect(await readStatusLink(db, other)).toEqual({ kind: "unknown" });
    expect(await readInquiryStatus(db, "not-a-token", "en")).toBeNull();
    expect(await readStatusLink(db, "not-a-token")).toEqual({ kind: "unknown" });
    // A message through an expired link is refused and lands nowhere.
    expect(await send(a.token, "Still interested?")).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("follows the pipeline in the investor's terms with the officer's name, never the staff's notes", async () => {
    const a = await newInquiry({ parkCode: PARK });
    const officer = await createStaff(db, { role: "OFFICER", name: "Chen Jing", parkCodes: [PARK] });
    await db.inquiry.update({ where: { id: a.id }, data: { assigneeId: officer.id } });
    await db.inquiryEvent.create({ data: { inquiryId: a.id, type: "NOTE", note: "Internal: budget looks doubtful", actorId: officer.id } });
    const steps: [string, string][] = [];
    for (const stage of ["NEW", "CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING", "SIGNED", "LOST"] as const) {
      await db.inquiry.update({ where: { id: a.id }, data: { stage } });
      const s = (await readInquiryStatus(db, a.token, "en"))!;
      steps.push([stage, s.step]);
      expect(s.officerName).toBe("Chen Jing");
      expect(JSON.stringify(s)).not.toContain("doubtful");
    }
    expect(steps).toEqual([["NEW", "assigned"], ["CONTACTED", "contacted"], ["QUALIFIED", "contacted"], ["SITE_VISIT", "visit"], ["NEGOTIATING", "negotiating"], ["SIGNED", "closed"], ["LOST", "closed"]]);
  });

  it("the investor's message lands on the lead's timeline as INVESTOR_MESSAGE, without counting as officer activity", async () => {
    const a = await newInquiry({ parkCode: PARK });
    const before = await db.inquiry.findUniqueOrThrow({ where: { id: a.id }, select: { lastActivityAt: true, version: true } });
    const state = await inRequest({ address: "198.51.100.20" }, () => {
      const f = new FormData();
      f.set("token", a.token);
      f.set("message", "  Could we visit the site on 12 March?\nTwo engineers would come.  ");
      return addInvestorMessageForm(null, f);
    });
    // The answer carries the message as stored: the form adds it to the list it shows at once.
    expect(state).toEqual({ ok: true, data: { added: true, message: { id: expect.any(String), at: expect.any(Date), text: "Could we visit the site on 12 March?\nTwo engineers would come." } } });
    const after = await db.inquiry.findUniqueOrThrow({ where: { id: a.id }, select: { lastActivityAt: true, version: true } });
    expect(after).toEqual(before);
    const admin = await createStaff(db, { role: "ADMIN" });
    const actor = (await as(admin, () => currentActor()))!;
    const page = (await readLeadPage(db, actor, a.id))!;
    const entry = page.timeline.find((e) => e.type === "INVESTOR_MESSAGE")!;
    expect(entry).toMatchObject({ who: { kind: "investor" }, note: "Could we visit the site on 12 March?\nTwo engineers would come." });
    const shown = (await readInquiryStatus(db, a.token, "en"))!.messages;
    expect(shown.map((m) => m.text)).toEqual(["Could we visit the site on 12 March?\nTwo engineers would come."]);
    // The same message the page will list after a reload (same id, same time).
    if (state?.ok) expect(shown[0]).toEqual(state.data.message);
    expect(shown[0]!.id).toBe(entry.id);
  });

  it("lists the newest messages, oldest first, so one just sent shows even after many", async () => {
    const a = await newInquiry({ parkCode: PARK });
    const t0 = Date.now() - 3 * 86_400_000;
    await db.inquiryEvent.createMany({ data: Array.from({ length: MAX_STATUS_MESSAGES + 5 }, (_, i) => ({ inquiryId: a.id, type: "INVESTOR_MESSAGE" as const, note: `Message ${i + 1}`, createdAt: new Date(t0 + i * 60_000) })) });
    const texts = (await readInquiryStatus(db, a.token, "en"))!.messages.map((m) => m.text);
    expect(texts).toHaveLength(MAX_STATUS_MESSAGES);
    expect(texts[0]).toBe("Message 6");
    expect(texts.at(-1)).toBe(`Message ${MAX_STATUS_MESSAGES + 5}`);
    expect((await send(a.token, "And one more")).ok).toBe(true);
    expect((await readInquiryStatus(db, a.token, "en"))!.messages.at(-1)!.text).toBe("And one more");
  });

  it("refuses control characters, over-long and empty messages (keeping the text), and more than 5 an hour per inquiry", async () => {
    const a = await newInquiry({ parkCode: PARK });
    expect(await send(a.token, "Hello\u0000there")).toMatchObject({ ok: false, error: { fieldErrors: { message: "controlCharacters" } } });
    expect(await send(a.token, "x".repeat(2001))).toMatchObject({ ok: false, error: { fieldErrors: { message: "tooLong:2000" } } });
    expect(await send(a.token, "   ")).toMatchObject({ ok: false, error: { fieldErrors: { message: "required" } } });
    const kept = await inRequest({ address: "198.51.100.20" }, () => {
      const f = new FormData();
      f.set("token", a.token);
      f.set("message", "x".repeat(2001));
      return addInvestorMessageForm(null, f);
    });
    expect(kept).toMatchObject({ ok: false, message: "x".repeat(2001) });
    for (let i = 0; i < MESSAGES_PER_INQUIRY_PER_HOUR; i++) expect((await send(a.token, `Message ${i + 1}`, `198.51.100.${30 + i}`)).ok).toBe(true);
    expect(await send(a.token, "One more", "198.51.100.99")).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimited" } });
    expect(await db.inquiryEvent.count({ where: { inquiryId: a.id, type: "INVESTOR_MESSAGE" } })).toBe(MESSAGES_PER_INQUIRY_PER_HOUR);
  });
});
