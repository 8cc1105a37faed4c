// Saved searches with alerts on the seeded database (real land, real index), through the real
// public action and the real job function: double opt-in, an alert once when a freed parcel
// makes the search match, at most daily, one e-mail when two runs race, one-click unsubscribe
// without signing in (the link's GET only shows what the button's POST deletes). Parcels
// changed here are put back; the tables it owns are truncated.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/api/alerts/unsubscribe/[token]/route";
import { confirmSavedSearchForm, saveSearchForm, unsubscribeForm } from "@/app/[locale]/(public)/alerts/actions";
import { saveSearchAction } from "@/lib/alerts/actions";
import { runSavedSearchAlerts } from "@/lib/alerts/job";
import { currentMatches } from "@/lib/alerts/matches";
import { CONFIRMATIONS_PER_ADDRESS_PER_DAY, readConfirmLink, SAVES_PER_NETWORK_PER_HOUR } from "@/lib/alerts/mutations";
import { blockSignature } from "@/lib/alerts/signature";
import { maskAddress, readUnsubscribeLink } from "@/lib/alerts/unsubscribe";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { inRequest } from "../setup/request-scope";
import { publicBaseUrl } from "@/lib/env";
import { deliverDue } from "@/lib/mail/outbox";
import { smtpSender } from "@/lib/mail/transport";
import { seededDb } from "./helpers/database";
import { startTestSmtp } from "./helpers/smtp";
import { muToM2 } from "@/lib/land/units";

let db: Db;
let db2: Db;
const restore: { id: string; status: ParcelStatus }[] = [];
beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  db2 = seededDb();
});
afterEach(async () => {
  for (const p of restore.splice(0)) await db.parcel.update({ where: { id: p.id }, data: { status: p.status } });
  await db.$executeRawUnsafe(`TRUNCATE "SavedSearch", "OutboxEmail", "RateLimit" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), db2.$disconnect(), appDb().$disconnect()]);
});

const ADDRESS = "einkauf@maschinenbau.example.de";
const save = (input: Record<string, unknown>, address = "198.51.100.7") => inRequest({ address }, () => saveSearchAction({ locale: "en", email: ADDRESS, ...input }));
const form = (values: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
};
const tokenIn = (text: string, path: string) => new RegExp(`/${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];
const emails = (kind?: string) => db.outboxEmail.findMany({ where: kind ? { kind } : {}, orderBy: { createdAt: "asc" }, select: { kind: true, to: true, subject: true, text: true, savedSearchId: true } });

/** A sold parcel of a park: freeing it adds land to that park's search. */
async function soldParcels(n: number) {
  const parks = await db.park.findMany({ select: { id: true, code: true, parcels: { where: { status: "SOLD" }, select: { id: true, code: true }, orderBy: { code: "asc" } } }, orderBy: { code: "asc" } });
  const park = parks.find((p) => p.parcels.length >= n);
  if (!park) throw new Error("the seed has no park with enough sold parcels");
  return { park: park.code, parcels: park.parcels.slice(0, n) };
}
async function free(parcel: { id: string }) {
  const before = await db.parcel.findUniqueOrThrow({ where: { id: parcel.id }, select: { status: true } });
  restore.push({ id: parcel.id, status: before.status });
  await db.parcel.update({ where: { id: parcel.id }, data: { status: "AVAILABLE" } });
}

/** Saves `query` and confirms it from the e-mail's link, as the investor would. */
async function savedAndConfirmed(query: string): Promise<string> {
  const saved = await inRequest({ address: "198.51.100.7" }, () => saveSearchForm(null, form({ locale: "en", email: ADDRESS, query })));
  expect(saved?.ok).toBe(true);
  const [mail] = await emails("saved-search-confirm");
  const token = tokenIn(mail!.text, "en/alerts/confirm")!;
  const confirmed = await confirmSavedSearchForm(null, form({ token }));
  expect(confirmed?.ok).toBe(true);
  return mail!.savedSearchId!;
}

describe("saving a search (double opt-in)", () => {
  it("stores the canonical query, sends one confirmation in the search's language, and alerts nothing before the link is confirmed", async () => {
    const { park, parcels } = await soldParcels(1);
    const result = await save({ query: `?park=${park}&page=3&sort=area-desc&ready=power&ready=gas` });
    expect(result).toEqual({ ok: true, data: { status: "pending" } });
    const row = await db.savedSearch.findFirstOrThrow({ select: { id: true, query: true, email: true, emailKey: true, locale: true, confirmedAt: true, confirmTokenHash: true, seenBlocks: true } });
    // One spelling per search: page dropped, defaults left out, list values joined.
    expect(row.query).toBe(`park=${park}&ready=power%2Cgas`);
    expect(row).toMatchObject({ email: ADDRESS, emailKey: ADDRESS, locale: "en", confirmedAt: null, seenBlocks: [] });
    const sent = await emails();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "saved-search-confirm", to: ADDRESS, subject: "Confirm your saved land search", savedSearchId: row.id });
    const token = tokenIn(sent[0]!.text, "en/alerts/confirm")!;
    // Only the token's hash is stored, never the token.
    expect(row.confirmTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(token);
    // Opening the link (the page's read) confirms nothing.
    expect(await readConfirmLink(db, token)).toEqual({ kind: "valid", query: row.query });
    expect((await db.savedSearch.findUniqueOrThrow({ where: { id: row.id } })).confirmedAt).toBeNull();
    // Unconfirmed: new land alerts nothing.
    await free(parcels[0]!);
    const report = await runSavedSearchAlerts(db);
    expect(report.alerted).toEqual([]);
    expect(await emails("saved-search-alert")).toEqual([]);
  });

  it("refuses a bad address or query with the field named, and a filled honeypot as a whole", async () => {
    const bad = await save({ email: "not-an-address" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.fieldErrors).toEqual({ email: "email" });
    const query = await save({ query: "minArea=abc" });
    if (!query.ok) expect(query.error.fieldErrors).toEqual({ query: "invalid" });
    expect(query.ok).toBe(false);
    // A park or zone the portal does not have (a hand-edited hidden field) is refused too.
    for (const q of ["park=<script>alert(1)</script>", "zone=no-such-zone&minArea=50"]) {
      const unknown = await save({ query: q });
      expect(unknown).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { query: "invalid" } } });
    }
    expect(await db.outboxEmail.count({ where: { to: ADDRESS } })).toBe(0);
    const bot = await save({ website: "http://spam.example" });
    if (!bot.ok) expect(bot.error.fieldErrors).toEqual({ form: "refused" });
    // The page's form action gives the typed address back with the refusal.
    const state = await inRequest({ address: "198.51.100.7" }, () => saveSearchForm(null, form({ locale: "en", email: "anna@", query: "" })));
    expect(state).toMatchObject({ ok: false, email: "anna@", error: { fieldErrors: { email: "email" } } });
    expect(await db.savedSearch.count()).toBe(0);
  });

  it("a double click sends one e-mail; limits per address (3 a day) and per network (10 an hour) are refused with their own message", async () => {
    await save({ query: "county=XINHUI" });
    await save({ query: "county=XINHUI" });
    expect(await emails()).toHaveLength(1);
    for (let i = 1; i < CONFIRMATIONS_PER_ADDRESS_PER_DAY; i++) expect((await save({ query: `minArea=${i}` })).ok).toBe(true);
    const refused = await save({ query: "minArea=99" });
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimitedAddress" } });
    // The address bucket is a keyed hash, not the address.
    expect((await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key).join(" ")).not.toContain("maschinenbau");
    // Another network, other addresses: the network's own limit.
    let last;
    for (let i = 0; i <= SAVES_PER_NETWORK_PER_HOUR; i++) last = await save({ email: `buyer${i}@example.com` }, "203.0.113.9");
    expect(last).toMatchObject({ ok: false, error: { code: "rate_limited", message: "rateLimitedNetwork" } });
  });

  it("an expired link is refused, and the job deletes the unconfirmed search with its e-mail", async () => {
    await save({ query: "" });
    const [mail] = await emails();
    const token = tokenIn(mail!.text, "en/alerts/confirm")!;
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await readConfirmLink(db, token, later)).toEqual({ kind: "expired" });
    expect((await runSavedSearchAlerts(db, later)).expired).toBe(1);
    expect(await db.savedSearch.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await confirmSavedSearchForm(null, form({ token }))).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("the alert job", () => {
  it("marks the matches larger than the search's maximum as offered in part, as the search page does", async () => {
    const park = "xinhui-smart-manufacturing";
    const all = await currentMatches(db, `park=${park}`);
    const biggest = Math.max(...all.map((b) => b.areaM2));
    const maxMu = (biggest / (10000 / 15) / 2).toFixed(2);
    const capped = await currentMatches(db, `park=${park}&maxArea=${maxMu}`);
    expect(capped.length).toBe(all.length);
    expect(capped.filter((b) => b.partial).map((b) => b.key).sort()).toEqual(all.filter((b) => b.areaM2 > muToM2(Number(maxMu))).map((b) => b.key).sort());
    expect(capped.some((b) => b.partial)).toBe(true);
    expect(all.every((b) => !b.partial)).toBe(true);
  });
  it("alerts ONCE when a freed parcel makes the confirmed search match, and not again on the next run", async () => {
    const { park, parcels } = await soldParcels(1);
    const id = await savedAndConfirmed(`park=${park}`);
    const before = await currentMatches(db, `park=${park}`);
    const row = await db.savedSearch.findUniqueOrThrow({ where: { id }, select: { seenBlocks: true, confirmedAt: true } });
    // What matched at confirmation is seen: not news.
    expect(row.seenBlocks).toEqual(before.map((b) => b.signature));
    expect(row.confirmedAt).not.toBeNull();
    expect((await runSavedSearchAlerts(db)).alerted).toEqual([]);

    await free(parcels[0]!);
    const after = await currentMatches(db, `park=${park}`);
    const grown = after.find((b) => b.parcelCodes.includes(parcels[0]!.code))!;
    expect(grown.signature).toBe(blockSignature(grown.parcelCodes));
    const report = await runSavedSearchAlerts(db);
    expect(report.alerted).toEqual([id]);
    const alerts = await emails("saved-search-alert");
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ to: ADDRESS, subject: "1 new block matches your saved land search", savedSearchId: id });
    expect(alerts[0]!.text).toContain(`/en/blocks/${grown.key}?park=${park}`);
    expect(alerts[0]!.text).toContain(`/en/search?park=${park}`);
    expect(alerts[0]!.text).toMatch(/\/en\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}/);
    expect(alerts[0]!.text).toContain("1. ");
    expect(alerts[0]!.text).not.toContain("2. ");
    // The next runs, even a day later, find nothing new.
    expect((await runSavedSearchAlerts(db)).alerted).toEqual([]);
    expect((await runSavedSearchAlerts(db, new Date(Date.now() + 25 * 3_600_000))).alerted).toEqual([]);
    expect(await emails("saved-search-alert")).toHaveLength(1);
  });

  it("alerts at most daily: land freed within 24 hours of an alert waits for the next day", async () => {
    const { park, parcels } = await soldParcels(2);
    const id = await savedAndConfirmed(`park=${park}&view=parcels`);
    const t0 = new Date();
    await free(parcels[0]!);
    expect((await runSavedSearchAlerts(db, t0)).alerted).toEqual([id]);
    await free(parcels[1]!);
    expect((await runSavedSearchAlerts(db, new Date(t0.getTime() + 3_600_000))).alerted).toEqual([]);
    expect((await runSavedSearchAlerts(db, new Date(t0.getTime() + 23 * 3_600_000))).alerted).toEqual([]);
    expect((await runSavedSearchAlerts(db, new Date(t0.getTime() + 24 * 3_600_000 + 1000))).alerted).toEqual([id]);
    const alerts = await emails("saved-search-alert");
    expect(alerts).toHaveLength(2);
    expect(alerts[1]!.text).toContain(`/en/parcels/${parcels[1]!.code}`);
    expect(alerts[1]!.text).not.toContain(`/en/parcels/${parcels[0]!.code}`);
  });

  it("two runs at once (two app instances) send one e-mail", async () => {
    const { park, parcels } = await soldParcels(1);
    const id = await savedAndConfirmed(`park=${park}`);
    await free(parcels[0]!);
    // Both instances' land indexes are warm, so the runs reach the row at the same moment.
    await Promise.all([currentMatches(db, `park=${park}`), currentMatches(db2, `park=${park}`)]);
    const reports = await Promise.all([db, db2, db, db2].map((client) => runSavedSearchAlerts(client)));
    expect(reports.flatMap((r) => r.alerted)).toEqual([id]);
    expect(await emails("saved-search-alert")).toHaveLength(1);
  });

  it("the e-mail's link only shows what would be unsubscribed (GET deletes nothing); the page's button POST deletes, without signing in; a spent link says so", async () => {
    const { park, parcels } = await soldParcels(1);
    const id = await savedAndConfirmed(`park=${park}`);
    await free(parcels[0]!);
    await runSavedSearchAlerts(db);
    const [alert] = await emails("saved-search-alert");
    const token = tokenIn(alert!.text, "en/alerts/unsubscribe")!;
    expect(alert!.text).toContain("Unsubscribe (the link opens a page with a one-click button that deletes this saved search):");
    // The page's read and the API's GET (what scanners and previews do): the search stays.
    const link = await readUnsubscribeLink(db, token);
    expect(link).toEqual({ kind: "valid", query: `park=${park}`, address: "e…@maschinenbau.example.de", savedAt: expect.any(Date) });
    const get = await unsubscribeGet();
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect(await db.savedSearch.count({ where: { id } })).toBe(1);
    expect(await db.outboxEmail.count({ where: { savedSearchId: id } })).toBe(2);
    // The page's button, as an anonymous visitor (no session in this request).
    expect(await unsubscribeForm(null, form({ token }))).toEqual({ ok: true, data: { unsubscribed: true } });
    expect(await db.savedSearch.count({ where: { id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { savedSearchId: id } })).toBe(0);
    // Pressed again (another tab), or a wrong token: a not-found the page words as "unknown or already unsubscribed".
    expect(await unsubscribeForm(null, form({ token }))).toMatchObject({ ok: false, error: { code: "not_found", message: "linkUnknown" } });
    expect(await unsubscribeForm(null, form({ token: "x".repeat(43) }))).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await readUnsubscribeLink(db, token)).toEqual({ kind: "unknown" });
    expect(maskAddress("李@例子.中国")).toBe("李…@例子.中国");
  });

  it("unsubscribes in one RFC 8058 POST without signing in, deleting the search and its e-mails; a spent or wrong link gets a clear 404", async () => {
    const { park, parcels } = await soldParcels(1);
    const id = await savedAndConfirmed(`park=${park}`);
    await free(parcels[0]!);
    await runSavedSearchAlerts(db);
    const [alert] = await emails("saved-search-alert");
    const token = tokenIn(alert!.text, "en/alerts/unsubscribe")!;
    expect(await db.outboxEmail.count({ where: { savedSearchId: id } })).toBe(2);
    // Delivered with RFC 8058 headers naming the same token, for the mail client's own button.
    const smtp = await startTestSmtp();
    try {
      expect(await deliverDue(db, smtpSender(`smtp://127.0.0.1:${smtp.port}`, "Portal <no-reply@example.test>"))).toMatchObject({ sent: 2 });
      const raw = smtp.received.find((m) => m.raw.includes("new block"))!.raw.replace(/\r?\n[ \t]+/g, " ");
      expect(raw).toContain(`List-Unsubscribe: <${publicBaseUrl()}/api/alerts/unsubscribe/${token}>`);
      expect(raw).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      expect(smtp.received.find((m) => m.raw.includes("Confirm your"))!.raw).not.toContain("List-Unsubscribe");
    } finally {
      await smtp.close();
    }
    const call = (t = token) => unsubscribePost(new Request(`http://localhost/api/alerts/unsubscribe/${t}`, { method: "POST", body: "List-Unsubscribe=One-Click" }), { params: Promise.resolve({ token: t }) });
    const res = await call();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true });
    expect(await db.savedSearch.count({ where: { id } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { savedSearchId: id } })).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
    for (const spent of [await call(), await call("not-a-token"), await call("A".repeat(43))]) {
      expect(spent.status).toBe(404);
      expect(await spent.json()).toEqual({ error: "unknown link", message: "This unsubscribe link is unknown or was already used: no alerts are sent for it." });
    }
  });
});
