// The inquiry write on real PostgreSQL (the seeded database, so matching has land to find),
// through the real action of lib/inquiry/actions.ts on the app's own client (lib/db.ts, pointed
// at the test database) and the exported form action of the inquiry page.
// Each test cleans up the inquiries it wrote, so the shared dataset stays as loaded.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { submitInquiry } from "@/app/[locale]/(public)/inquiry/actions";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { hashIp } from "@/lib/inquiry/ip";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { inRequest } from "../setup/request-scope";
import { CONFIRMATIONS_PER_ADDRESS_PER_DAY, createInquiry, INQUIRIES_PER_IP_PER_HOUR } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, toSearchParams } from "@/lib/search/schemas";
import { muToM2 } from "@/lib/land/units";
import { seededDb } from "./helpers/database";

let db: Db;
beforeAll(() => {
  // Read once by lib/env.ts, on the first use of lib/db.ts below.
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryParcel", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
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

// Each label stands for one network: the real action hashes the address the portal server
// would have set (tests/setup/request-scope.ts); null is a request whose address is unknown.
const addresses = new Map<string, string>();
const ipOf = (label: string) => {
  if (!addresses.has(label)) addresses.set(label, `198.51.100.${addresses.size + 1}`);
  return addresses.get(label)!;
};
const bucket = (label: string) => `inquiry:${hashIp(ipOf(label))}`;
const submit = (label: string | null = "ip-a") => (input: unknown) => inRequest({ address: label === null ? null : ipOf(label) }, () => submitInquiryAction(input));
const counted = async () => (await db.rateLimit.findMany({ select: { key: true, count: true }, orderBy: { key: "asc" } })).map((r) => `${r.key}=${r.count}`);

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
    // The answer lists the matched blocks themselves (the success page links each one), with
    // their parks by name, in the stored order.
    const parks = await db.park.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true } });
    const park = new Map(parks.map(({ id, ...p }) => [id, p]));
    const stored = row.matchedBlocks as { key: string; query: string; areaM2: number; parcelCodes: string[]; parkIds: string[] }[];
    expect(result.data.matches).toEqual(stored.map((b) => ({ key: b.key, query: b.query, areaM2: Math.round(b.areaM2 * 100) / 100, parcelCount: b.parcelCodes.length, parks: b.parkIds.map((id) => park.get(id)) })));
    expect(result.data.matches[0]!.parks.length).toBeGreaterThan(0);
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
    expect(email!.text).toMatch(/^您好：\n/);
    expect(email!.text).toContain(`编号为 ${result.data.reference}`);
    expect(email!.text).not.toContain("李明");
    // The promised date in the e-mail is the officer's deadline on the inquiry.
    expect(inquiry.firstResponseDueAt).not.toBeNull();
    const due = new Intl.DateTimeFormat("zh", { dateStyle: "long", timeZone: CHINA_TIME_ZONE }).format(inquiry.firstResponseDueAt!);
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
    await createInquiry(db, inquirySchema.parse(valid()), { ipHash: hashIp(ipOf("ip-old")), now: earlier });
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual([bucket("ip-old")]);
    await submit("ip-new")(valid());
    expect((await db.rateLimit.findMany()).map((r) => r.key)).toEqual([bucket("ip-new")]);
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

  it("turns away a bot that fills the honeypot with a generic answer naming no field, writing nothing", async () => {
    const result = await submit()(valid({ website: "http://spam.example" }));
    expect(result).toEqual({ ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "refused" } } });
    expect(JSON.stringify(result)).not.toMatch(/website|bot|honeypot/i);
    expect(await db.inquiry.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
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

describe("the rate limit never fails open, and only inquiries written use it up", () => {
  it("counts requests without a known client address against one shared bucket", async () => {
    for (let i = 0; i < INQUIRIES_PER_IP_PER_HOUR; i++) expect((await submit(null)(valid())).ok).toBe(true);
    expect(await submit(null)(valid())).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimited" } });
    expect(await counted()).toEqual([`inquiry:unknown=${INQUIRIES_PER_IP_PER_HOUR}`]);
    expect(await db.inquiry.count()).toBe(INQUIRIES_PER_IP_PER_HOUR);
    // A known network is not held back by the unknown bucket.
    expect((await submit("ip-known")(valid())).ok).toBe(true);
  });

  it("20 parallel replays of one key: 1 created, 19 answered with its reference, counted once", async () => {
    const input = valid();
    const results = await Promise.all(Array.from({ length: 20 }, () => submit("ip-replay")(input)));
    const ok = results.flatMap((r) => (r.ok ? [r.data] : []));
    expect(ok).toHaveLength(20);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    const reference = ok.find((r) => r.created)!.reference;
    expect(ok.filter((r) => !r.created && r.reference === reference)).toHaveLength(19);
    expect(await db.inquiry.count()).toBe(1);
    expect(await db.outboxEmail.count()).toBe(1);
    expect(await counted()).toEqual([`${bucket("ip-replay")}=1`]);
    // The sender's next real inquiry is accepted, and the rest of the hour's quota is intact.
    expect(await submit("ip-replay")(valid())).toMatchObject({ ok: true, data: { created: true } });
    for (let i = 2; i < INQUIRIES_PER_IP_PER_HOUR; i++) expect((await submit("ip-replay")(valid())).ok).toBe(true);
    expect(await counted()).toEqual([`${bucket("ip-replay")}=${INQUIRIES_PER_IP_PER_HOUR}`]);
  });

  it("a refused request adds nothing to the counter; a replay is answered even at the limit", async () => {
    const first = valid();
    expect((await submit("ip-full")(first)).ok).toBe(true);
    for (let i = 1; i < INQUIRIES_PER_IP_PER_HOUR; i++) expect((await submit("ip-full")(valid())).ok).toBe(true);
    for (let i = 0; i < 3; i++) expect(await submit("ip-full")(valid())).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(await counted()).toEqual([`${bucket("ip-full")}=${INQUIRIES_PER_IP_PER_HOUR}`]);
    expect(await submit("ip-full")(first)).toMatchObject({ ok: true, data: { created: false } });
    expect(await counted()).toEqual([`${bucket("ip-full")}=${INQUIRIES_PER_IP_PER_HOUR}`]);
    expect(await db.inquiry.count()).toBe(INQUIRIES_PER_IP_PER_HOUR);
  });

  it("a key reused with other content is a conflict, not the first inquiry's reference", async () => {
    const input = valid();
    const first = await submit()(input);
    expect(first.ok).toBe(true);
    const other = await submit()({ ...input, email: "someone.else@example.com" });
    expect(other).toEqual({ ok: false, error: { code: "conflict", message: "keyReused" } });
    expect(JSON.stringify(other)).not.toContain(first.ok ? first.data.reference : "?");
    // The same content typed a little differently is still a replay.
    const again = await submit()({ ...input, email: " ANNA@example.DE ", message: ` ${input.message} ` });
    // The replay lists the same matched blocks the first answer listed.
    expect(again).toEqual({ ok: true, data: { reference: first.ok && first.data.reference, created: false, matchedBlocks: first.ok && first.data.matchedBlocks, matches: first.ok && first.data.matches, shortfall: null } });
    expect(await db.inquiry.count()).toBe(1);
    expect(await counted()).toEqual([`${bucket("ip-a")}=1`]);
  });

  it("two different contents racing on one key: one is written, the other is told of the conflict", async () => {
    const input = valid();
    const results = await Promise.all([submit("ip-x")(input), submit("ip-y")({ ...input, company: "Another Company Ltd" })]);
    expect(results.filter((r) => r.ok && r.data.created)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "conflict" && r.error.message === "keyReused")).toHaveLength(1);
    expect(await db.inquiry.count()).toBe(1);
    expect((await db.rateLimit.findMany()).map((r) => r.count)).toEqual([1]);
  });
});

describe("the confirmation e-mail to an unverified address", () => {
  const phishing = "First\r\n\r\nURGENT: verify your account at http://phish.example/login";

  it("carries nothing typed as free text: no name, company or message", async () => {
    const result = await submit()(
      valid({ contactName: phishing, company: `${phishing} Ltd`, message: `Hello. ${phishing}`, parkCode: "JM-NOT-A-PARK" }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rows = await db.outboxEmail.findMany();
    expect(rows).toHaveLength(1);
    const mail = rows[0]!;
    for (const part of [mail.subject, mail.text]) {
      expect(part).not.toContain("phish.example");
      expect(part).not.toContain("URGENT");
      expect(part).not.toContain("First");
      expect(part).not.toContain("Ltd");
      expect(part).not.toContain("JM-NOT-A-PARK");
    }
    expect(mail.subject).toBe(`Your inquiry ${result.data.reference} is registered`);
    expect(mail.text).toMatch(/^Hello,\n/);
    expect(mail.text).toContain(`reference number ${result.data.reference}.`);
    expect(mail.text).toContain("About: General inquiry");
    expect(mail.text).toContain("Did not send this inquiry?");
    // The inquiry itself keeps what was typed, for the officer.
    expect(await db.inquiry.findUniqueOrThrow({ where: { reference: result.data.reference }, select: { contactName: true } })).toEqual({ contactName: phishing });
  });

  it("names a park as our data knows it", async () => {
    const park = await db.park.findFirstOrThrow({ select: { code: true, nameEn: true } });
    expect((await submit()(valid({ parkCode: park.code }))).ok).toBe(true);
    expect((await db.outboxEmail.findFirstOrThrow()).text).toContain(`About: ${park.nameEn}`);
  });

  it(`caps confirmations at ${CONFIRMATIONS_PER_ADDRESS_PER_DAY} a day per address however it is cased`, async () => {
    for (let i = 0; i < CONFIRMATIONS_PER_ADDRESS_PER_DAY; i++) expect((await submit(`ip-cap-${i}`)(valid({ email: "CAP@example.com" }))).ok).toBe(true);
    expect((await submit("ip-cap-x")(valid({ email: "Cap@Example.com" }))).ok).toBe(true);
    expect(await db.inquiry.count()).toBe(CONFIRMATIONS_PER_ADDRESS_PER_DAY + 1);
    const queued = await db.outboxEmail.findMany({ select: { to: true } });
    expect(queued.map((r) => r.to)).toEqual(Array(CONFIRMATIONS_PER_ADDRESS_PER_DAY).fill("CAP@example.com"));
  });
});

describe("the inquiry page's exported form action", () => {
  it("answers any input that is not form data with a validation result, writing nothing", async () => {
    const expected = { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "notForm" } } };
    // What a text/plain or JSON body decodes to. No request context is needed: the input is
    // checked before the request's headers are read.
    for (const body of ["contactName=Anna&email=anna@example.de", "", undefined, null, { contactName: "Anna" }, ["a"]]) {
      await expect(submitInquiry(null, body)).resolves.toEqual(expected);
    }
    expect(await db.inquiry.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
  });

  /** The form's fields as a browser sends them: strings only, a ticked box as "on", the empty
   * fields present and empty, the honeypot empty, plus React's own `$ACTION_` keys. */
  const browserForm = (over: Record<string, string> = {}) => {
    const form = new FormData();
    form.append("$ACTION_REF_1", "");
    form.append("$ACTION_1:0", JSON.stringify({ id: "0123456789abcdef0123456789abcdef01234567", bound: "$@1" }));
    form.append("$ACTION_1:1", "[null]");
    form.append("$ACTION_KEY", "k1234567890");
    const fields = { ...valid({ phone: "", investmentCny: "", jobs: "", powerKva: "", waterTonsPerDay: "", timeline: "", website: "" }), ...over } as Record<string, string>;
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return form;
  };
  const submitForm = (form: FormData, label = "ip-form") => inRequest({ address: ipOf(label) }, () => submitInquiry(null, form));

  it("a browser's form data is submitted: the inquiry is written with what was typed, the reference returned", async () => {
    const form = browserForm({ contactName: "Jürgen Weiß", landNeededMu: "1,200", industry: "NEW_ENERGY_BATTERY" });
    const result = await submitForm(form);
    expect(result).toMatchObject({ ok: true, data: { created: true, reference: expect.stringMatching(/^JM\d{4}-[A-Z0-9]{6}$/) } });
    expect(result && "values" in result).toBe(false);
    const row = await db.inquiry.findFirstOrThrow({ select: { reference: true, contactName: true, landNeededMu: true, phone: true, industry: true, email: true } });
    expect(row).toEqual({ reference: result!.ok ? result!.data.reference : "", contactName: "Jürgen Weiß", landNeededMu: 1200, phone: null, industry: "NEW_ENERGY_BATTERY", email: "anna@example.de" });
    // Sent again (a resubmitted page), the same key answers with the same reference.
    expect(await submitForm(form)).toMatchObject({ ok: true, data: { created: false, reference: row.reference } });
    expect(await db.inquiry.count()).toBe(1);
  });

  it("a refused form comes back with what was typed and the field messages, writing nothing", async () => {
    const form = browserForm({ email: "anna(at)example.de", landNeededMu: "viel", message: "short", website: "" });
    const result = await submitForm(form);
    expect(result).toEqual({
      ok: false,
      error: { code: "validation", message: "validation", fieldErrors: { email: "email", landNeededMu: "mustBeNumber", message: "tooShort:10" } },
      values: {
        // Empty fields are not given back (they render empty anyway); the honeypot never is.
        contactName: "Anna Schmidt", company: "Schmidt Batterietechnik GmbH", email: "anna(at)example.de", country: "Germany",
        industry: "NEW_ENERGY_BATTERY", landNeededMu: "viel", message: "short", consent: "on",
      },
    });
    expect(await db.inquiry.count()).toBe(0);
    expect(await db.rateLimit.count()).toBe(0);
  });

  it(`limits one client address to ${INQUIRIES_PER_IP_PER_HOUR} an hour through the form too, keeping what was typed`, async () => {
    for (let i = 0; i < INQUIRIES_PER_IP_PER_HOUR; i++) expect((await submitForm(browserForm({ idempotencyKey: randomUUID() }), "ip-form-busy"))?.ok).toBe(true);
    const blocked = await submitForm(browserForm({ idempotencyKey: randomUUID(), company: "Sixth Try GmbH" }), "ip-form-busy");
    expect(blocked).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimited" }, values: { company: "Sixth Try GmbH", contactName: "Anna Schmidt" } });
    // Another network is not affected.
    expect(await submitForm(browserForm({ idempotencyKey: randomUUID() }), "ip-form-other")).toMatchObject({ ok: true });
    expect(await db.inquiry.count()).toBe(INQUIRIES_PER_IP_PER_HOUR + 1);
    expect(await counted()).toEqual([`${bucket("ip-form-busy")}=${INQUIRIES_PER_IP_PER_HOUR}`, `${bucket("ip-form-other")}=1`].sort());
  });
});
