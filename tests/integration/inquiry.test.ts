// The inquiry write on real PostgreSQL (the seeded database, so matching has land to find).
// Each test cleans up the inquiries it wrote, so the shared dataset stays as loaded.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defineAction } from "@/lib/actions/action";
import type { Db } from "@/lib/db/client";
import { CONFIRMATIONS_PER_ADDRESS_PER_DAY, createInquiry, INQUIRIES_PER_IP_PER_HOUR } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";
import { muToM2 } from "@/lib/land/units";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await db.$disconnect();
});

const valid = (over: Record<string, unknown> = {}) => ({
  idempotencyKey: randomUUID(),
  locale: "en",
  contactName: "Anna Schmidt",
  email: "anna@example.de",
  company: "Schmidt Batterietechnik GmbH",
  country: "Germany",
  industry: "NEW_ENERGY_BATTERY",
  landNeededMu: "300",
  message: "We plan a cell-module plant and need serviced land by next spring.",
  consent: "on",
  ...over,
});

const submit = (ipHash: string | null = "ip-a") =>
  defineAction({ name: "test", schema: inquirySchema, access: "public", handler: (input) => createInquiry(db, input, { ipHash }) });

describe("createInquiry", () => {
  it("writes the inquiry, its CREATED event and a reference, and matches blocks of at least the land needed", async () => {
    const result = await submit()(valid());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.reference).toMatch(/^JM\d{4}-[2-9A-HJ-NP-Z]{6}$/);
    const row = await db.inquiry.findUniqueOrThrow({
      where: { reference: result.data.reference },
      select: { stage: true, consentAt: true, consentVersion: true, matchedBlocks: true, events: { select: { type: true } }, landNeededMu: true },
    });
    expect(row.stage).toBe("NEW");
    expect(row.events.map((e) => e.type)).toEqual(["CREATED"]);
    expect(row.consentVersion).toBeTruthy();
    // The IP hash lives only in the hour-long rate-limit window, as the privacy text promises.
    expect(await db.rateLimit.count()).toBe(1);
    const matched = row.matchedBlocks as { areaM2: number; key: string }[];
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.length).toBe(result.data.matchedBlocks);
    for (const b of matched) expect(b.areaM2).toBeGreaterThanOrEqual(muToM2(300));
    // Smallest sufficient block first.
    expect(matched.map((b) => b.areaM2)).toEqual([...matched.map((b) => b.areaM2)].sort((a, b) => a - b));
  });

  it("queues the investor's confirmation e-mail with the inquiry, in the investor's language", async () => {
    const result = await submit()(valid({ locale: "zh", contactName: "李明", email: "li.ming@example.cn", landNeededMu: "500" }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const inquiry = await db.inquiry.findUniqueOrThrow({ where: { reference: result.data.reference }, select: { id: true, firstResponseDueAt: true } });
    const emails = await db.outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ kind: "inquiry-received", to: "li.ming@example.cn", inquiryId: inquiry.id, sentAt: null, attempts: 0 });
    expect(email!.subject).toBe(`您的投资咨询 ${result.data.reference} 已登记`);
    expect(email!.text).toContain("李明，您好");
    expect(email!.text).toContain("用地需求：500 亩");
    // The promised date in the e-mail is the officer's deadline on the inquiry.
    expect(inquiry.firstResponseDueAt).not.toBeNull();
    const due = new Intl.DateTimeFormat("zh", { dateStyle: "long", timeZone: "Asia/Shanghai" }).format(inquiry.firstResponseDueAt!);
    expect(email!.text).toContain(due);
  });

  it("a double submit (same idempotency key, even concurrently) creates exactly one inquiry", async () => {
    const input = valid();
    const [a, b, c] = await Promise.all([submit()(input), submit()(input), submit()(input)]);
    const refs = [a, b, c].map((r) => (r.ok ? r.data.reference : "failed"));
    expect(new Set(refs).size).toBe(1);
    expect(refs[0]).not.toBe("failed");
    expect(await db.inquiry.count()).toBe(1);
    expect(await db.inquiryEvent.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
    const again = await submit()(input);
    expect(again.ok && again.data).toMatchObject({ reference: refs[0], created: false });
  });

  it("forgets rate-limit windows once they are over (the hashed IP is kept about an hour)", async () => {
    const earlier = new Date(Date.now() - 3 * 3_600_000);
    await createInquiry(db, inquirySchema.parse(valid()), { ipHash: "ip-old", now: earlier });
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual(["inquiry:ip-old"]);
    await submit("ip-new")(valid());
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual(["inquiry:ip-new"]);
  });

  it("sends at most three confirmations a day to one address, keeping every inquiry", async () => {
    for (let i = 0; i < 5; i++) expect((await submit(`ip-${i}`)(valid({ email: "target@example.com" }))).ok).toBe(true);
    expect(await db.inquiry.count({ where: { email: "target@example.com" } })).toBe(5);
    expect(await db.outboxEmail.count({ where: { to: "target@example.com" } })).toBe(CONFIRMATIONS_PER_ADDRESS_PER_DAY);
  });

  it("names in the e-mail only land that exists", async () => {
    const result = await submit()(valid({ parcelCode: "BUY-CHEAP-PILLS-NOW" }));
    expect(result.ok).toBe(true);
    const email = await db.outboxEmail.findFirstOrThrow();
    expect(email.text).not.toContain("BUY-CHEAP-PILLS-NOW");
    expect(email.text).toContain("About: General inquiry");
  });

  it("bad input gets field-level message keys and writes nothing", async () => {
    const result = await submit()(valid({ email: "not-an-email", landNeededMu: "lots", consent: "", message: "hi" }));
    expect(result).toMatchObject({ ok: false, error: { code: "validation" } });
    if (result.ok) return;
    expect(result.error.fieldErrors).toMatchObject({ email: "email", landNeededMu: "mustBeNumber", consent: "consent", message: "tooShort:10" });
    expect(await db.inquiry.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("turns away a bot that fills the honeypot, writing nothing", async () => {
    const result = await submit()(valid({ website: "http://spam.example" }));
    expect(result).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { website: "bot" } } });
    expect(await db.inquiry.count()).toBe(0);
  });

  it(`limits one network to ${INQUIRIES_PER_IP_PER_HOUR} inquiries an hour, counted in PostgreSQL`, async () => {
    for (let i = 0; i < INQUIRIES_PER_IP_PER_HOUR; i++) expect((await submit("ip-busy")(valid())).ok).toBe(true);
    const blocked = await submit("ip-busy")(valid());
    expect(blocked).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimited" } });
    expect((await submit("ip-other")(valid())).ok).toBe(true);
    expect(await db.inquiry.count()).toBe(INQUIRIES_PER_IP_PER_HOUR + 1);
  });

  it("stores the chosen block's parcels, rebuilt from the filters that formed it", async () => {
    const q = landSearchSchema.parse({ minArea: "500" });
    const { result } = await runLandSearch(db, q);
    const block = result.results[0]!;
    const created = await submit()(valid({ blockKey: block.key, blockQuery: toSearchParams(q).toString() }));
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const row = await db.inquiry.findUniqueOrThrow({
      where: { reference: created.data.reference },
      select: { requestedBlocks: true, parcels: { select: { parcel: { select: { code: true } } } } },
    });
    expect(row.parcels.map((p) => p.parcel.code).sort()).toEqual([...block.parcelCodes].sort());
    expect(row.requestedBlocks).toEqual([{ key: block.key, query: toSearchParams(q).toString(), parcelCodes: block.parcelCodes }]);
  });
});
