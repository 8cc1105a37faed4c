// The investor's private links over plain HTTP (no JavaScript): an expired status link gets a
// page that says so and what to do, naming nothing of the inquiry, in both languages, while an
// unknown one stays a 404; an alert's unsubscribe link shows what would end and deletes
// nothing when opened (mail scanners and link previews open links), and the one-click POST does.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashLinkToken, newLinkToken } from "@/lib/alerts/tokens";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createInquiry } from "@/lib/inquiry/mutations";
import { inquirySchema } from "@/lib/inquiry/schemas";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

describe.skipIf(!baseUrl)("private links over HTTP", () => {
  let db: Db;
  beforeAll(() => {
    db = createPrismaClient(databaseUrl, 2);
  });
  afterAll(async () => {
    await db?.savedSearch.deleteMany({ where: { email: { endsWith: "@links-e2e.example" } } });
    await db?.inquiry.deleteMany({ where: { email: { endsWith: "@links-e2e.example" } } });
    await db?.$disconnect();
  });

  it("an expired status link answers a page saying so and what to do, in both languages, with nothing of the inquiry; an unknown one is a 404", async () => {
    const input = inquirySchema.parse({
      idempotencyKey: randomUUID(), locale: "en", contactName: "Anna Schmidt", email: `anna-${Date.now()}@links-e2e.example`, company: "Schmidt Batterietechnik GmbH",
      country: "Germany", landNeededMu: "50", message: "We plan a cell-module plant next spring.", consent: "on",
    });
    const { reference } = await createInquiry(db, input, { ipHash: randomUUID().replace(/-/g, "") });
    // The status link's token, as the confirmation e-mail carries it; then its 180 days are up.
    const token = newLinkToken();
    await db.inquiry.update({ where: { reference }, data: { statusTokenHash: hashLinkToken(token), statusTokenExpiresAt: new Date(Date.now() - 60_000) } });

    const en = await fetch(`${baseUrl}/en/inquiry/status/${token}`);
    // 200: Next 16 lets a page answer 404/403/401 only, with an error shell (see the page).
    expect(en.status).toBe(200);
    const html = await en.text();
    expect(/<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toBe("This link has expired");
    expect(html).toContain("Links to an inquiry&#x27;s private page work for 180 days after the inquiry is sent");
    expect(html).toContain("Reply to the confirmation e-mail this link came in: it carries your reference number");
    expect(html).toContain('href="mailto:invest@jiangmen.example"');
    expect(html).toContain('href="/en/inquiry">Send a new inquiry<');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    // Nothing of the inquiry anywhere in the document; in what the page shows, none of the
    // status page either (the inlined translations do name its headings).
    for (const secret of [reference, "Schmidt", "cell-module"]) expect(html).not.toContain(secret);
    const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)![1]!;
    for (const part of ["Your inquiry", "Progress", "status-message-form", "Your officer"]) expect(main).not.toContain(part);

    const zh = await (await fetch(`${baseUrl}/zh/inquiry/status/${token}`)).text();
    expect(/<h1\b[^>]*>([^<]*)<\/h1>/.exec(zh)?.[1]).toBe("此链接已过期");
    expect(zh).toContain("回复附有此链接的确认邮件：邮件中注明了您的咨询编号");
    expect(zh).toContain('href="/zh/inquiry">提交新的咨询<');
    expect(zh).not.toContain(reference);

    // Unknown: the 404, which says nothing about expiry.
    const unknown = await fetch(`${baseUrl}/en/inquiry/status/${newLinkToken()}`);
    expect(unknown.status).toBe(404);
    const shell = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(await unknown.text())![1]!;
    expect(shell).toContain("This page does not exist");
    expect(shell).not.toContain("This link has expired");
  });

  it("opening an unsubscribe link deletes nothing; its page's button and the mail client's one-click POST do; a spent link says so", async () => {
    const token = newLinkToken();
    const id = randomUUID();
    const email = `einkauf-${Date.now()}@links-e2e.example`;
    await db.savedSearch.create({ data: { id, email, emailKey: email, locale: "zh", query: "minArea=50", unsubscribeTokenHash: hashLinkToken(token), seenBlocks: [], confirmedAt: new Date() } });

    const page = await fetch(`${baseUrl}/zh/alerts/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(/<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1]).toBe("退订提醒");
    expect(html).toContain("的提醒发送至 e…@links-e2e.example");
    expect(html).toContain('href="/zh/search?minArea=50">查看搜索<');
    expect(html).toContain('data-testid="unsubscribe-submit"');
    // A preview or scanner following the link, and a GET of the API: the search stays.
    expect((await fetch(`${baseUrl}/api/alerts/unsubscribe/${token}`)).status).toBe(405);
    expect(await db.savedSearch.count({ where: { id } })).toBe(1);

    const post = () => fetch(`${baseUrl}/api/alerts/unsubscribe/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    const first = await post();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ unsubscribed: true });
    expect(await db.savedSearch.count({ where: { id } })).toBe(0);
    expect((await post()).status).toBe(404);
    const spent = await (await fetch(`${baseUrl}/zh/alerts/unsubscribe/${token}`)).text();
    expect(spent).toContain("此链接无效或您已退订：不会再为其发送提醒。");
    expect(spent).not.toContain("unsubscribe-submit");
  });
});
