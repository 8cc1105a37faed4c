// "Keep me posted" in a real browser against the real portal and its SMTP catcher: a search
// saved from the search page is confirmed from the link in the e-mail that actually arrived
// (double opt-in: the link's page only offers the button), the alert that then arrives is
// unsubscribed from its link's page (whose opening deletes nothing), and the inquiry
// confirmation's status link opens the investor's private page, where a message can be added
// and shows at once.
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { bodyOf, waitForMail } from "./mail";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

/** Runs one of the portal's scheduled jobs now, through its own queue (the portal's worker takes it within seconds). */
async function runPortalJob(name: string): Promise<void> {
  const boss = new PgBoss({ connectionString: databaseUrl, supervise: false, schedule: false, migrate: false, max: 1 });
  await boss.start();
  try {
    // The queue is "stately" (one job queued at a time): if the portal's own schedule has just
    // queued this job, send() answers null until the worker takes it (seconds). Try again.
    let id: string | null = null;
    for (let tries = 0; id === null && tries < 60; tries++) {
      id = await boss.send(name, {});
      if (id === null) await new Promise((r) => setTimeout(r, 1000));
    }
    expect(id).toBeTruthy();
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
/** The path of the first link to `prefix` in the e-mail (the portal's public address may differ from the test's). */
const linkIn = (text: string, prefix: string) => new RegExp(`https?://[^/\\s]+(${prefix}[A-Za-z0-9_-]{43})`).exec(text)?.[1];

describe.skipIf(!chromiumPath)("keep me posted", () => {
  const browser = useBrowser(chromiumPath);
  let db: Db;
  beforeAll(() => {
    db = createPrismaClient(databaseUrl, 2);
  });
  afterAll(async () => {
    await db?.savedSearch.deleteMany({ where: { email: { endsWith: "@alerts-e2e.example" } } });
    await db?.$disconnect();
  });

  it("en: saves a search from the search page, confirms it from the e-mail received, and sees it confirmed", async () => {
    const address = `buyer-${Date.now()}@alerts-e2e.example`;
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE 'saved-search%'`;
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/search?minArea=50&maxArea=80&page=1`);
    const form = page.getByTestId("save-search");
    await expect(form.getByRole("heading").textContent()).resolves.toBe("E-mail me new matches");
    // A mistake is named in English and the typed address stays.
    await page.fill("#save-search-email", "buyer@");
    await page.getByTestId("save-search-submit").click();
    await expect(page.getByText("Enter a valid email address.").isVisible()).resolves.toBe(true);
    await expect(page.inputValue("#save-search-email")).resolves.toBe("buyer@");
    await page.fill("#save-search-email", address);
    await page.getByTestId("save-search-submit").click();
    await page.getByTestId("save-search-sent").waitFor();

    const [raw] = await waitForMail((m) => m.includes(address));
    expect(raw).toContain("Subject: Confirm your saved land search");
    const text = bodyOf(raw!);
    expect(text).toContain("/en/search?minArea=50&maxArea=80");
    const path = linkIn(text, "/en/alerts/confirm/")!;
    expect(path).toBeTruthy();
    // Opening the link confirms nothing by itself (mail scanners open links).
    await page.goto(`${baseUrl}${path}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Confirm your saved search");
    await expect(page.locator('meta[name="robots"]').getAttribute("content")).resolves.toBe("noindex, nofollow");
    expect((await db.savedSearch.findFirstOrThrow({ where: { email: address }, select: { confirmedAt: true } })).confirmedAt).toBeNull();
    await page.getByTestId("confirm-submit").click();
    await page.getByTestId("confirm-done").waitFor();
    await expect(page.getByTestId("confirm-done").textContent()).resolves.toContain("Your saved search is confirmed.");
    const row = await db.savedSearch.findFirstOrThrow({ where: { email: address }, select: { confirmedAt: true, query: true, locale: true } });
    expect(row).toMatchObject({ query: "minArea=50&maxArea=80", locale: "en" });
    expect(row.confirmedAt).not.toBeNull();
    // The link is spent: opening it again says so.
    await page.goto(`${baseUrl}${path}`);
    await expect(page.getByTestId("confirm-refused").textContent()).resolves.toContain("unknown or has already been used");

    // New land for the search (as if parcels were freed: what it had seen is forgotten), and the
    // portal's own alert job runs now instead of at its hour; it sends the alert at once.
    const saved = await db.savedSearch.findFirstOrThrow({ where: { email: address }, select: { id: true } });
    await db.savedSearch.update({ where: { id: saved.id }, data: { seenBlocks: [] } });
    await runPortalJob("saved-search-alerts");
    const [alert] = await waitForMail((m) => m.includes(address) && /Subject: \d+ new blocks? match/.test(m), 45_000);
    expect(alert).toBeTruthy();
    const alertText = bodyOf(alert!);
    const unsubscribe = linkIn(alertText, "/en/alerts/unsubscribe/")!;
    expect(alertText).toContain("Unsubscribe (the link opens a page with a one-click button that deletes this saved search):");
    // The mail client's own one-click button (RFC 8058) posts to the API with the same token.
    const head = alert!.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
    expect(head).toMatch(new RegExp(`List-Unsubscribe: <https?://[^>]+/api/alerts/unsubscribe/${unsubscribe.split("/").at(-1)}>`));
    expect(head).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // Opening the link (what a scanner does too) shows what would end, and deletes nothing.
    await page.goto(`${baseUrl}${unsubscribe}`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Unsubscribe from alerts");
    await expect(page.getByTestId("unsubscribe-what").textContent()).resolves.toContain("go to b…@alerts-e2e.example");
    await expect(page.locator('meta[name="robots"]').getAttribute("content")).resolves.toBe("noindex, nofollow");
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(1);
    await page.getByTestId("unsubscribe-submit").click();
    await page.getByTestId("unsubscribed").waitFor();
    await expect(page.getByTestId("unsubscribed").textContent()).resolves.toContain("You are unsubscribed.");
    expect(await db.savedSearch.count({ where: { id: saved.id } })).toBe(0);
    await page.reload();
    await expect(page.getByTestId("unsubscribe-unknown").textContent()).resolves.toContain("already unsubscribed");
    await context.close();
  }, 120_000);

  it("zh: the inquiry confirmation's status link opens the private status page, where a message is added", async () => {
    const address = `investor-${Date.now()}@alerts-e2e.example`;
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE 'inquiry%'`;
    const context = await browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/inquiry`);
    await page.fill("#contactName", "李明");
    await page.fill("#company", "深圳某新能源科技有限公司");
    await page.fill("#email", address);
    await page.fill("#country", "中国");
    await page.fill("#message", "计划建设电池模组工厂，希望明年春季前交地。");
    await page.check("#consent");
    await page.getByRole("button", { name: "提交咨询" }).click();
    await page.getByTestId("inquiry-success").waitFor();
    const reference = (await page.getByTestId("inquiry-reference").textContent())!;

    const [raw] = await waitForMail((m) => m.includes(address));
    const path = linkIn(bodyOf(raw!), "/zh/inquiry/status/")!;
    expect(path).toBeTruthy();
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId("inquiry-status").waitFor();
    await expect(page.locator("h1").textContent()).resolves.toBe(`您的咨询 ${reference}`);
    await expect(page.locator('meta[name="referrer"]').getAttribute("content")).resolves.toBe("no-referrer");
    await expect(page.locator("[aria-current=step]").getAttribute("data-step")).resolves.toMatch(/^(received|assigned)$/);
    await expect(page.getByTestId("status-no-messages").textContent()).resolves.toBe("您尚未留言。");
    await page.fill("#status-message", "我们想在三月中旬实地考察。");
    await page.getByRole("button", { name: "发送留言" }).click();
    await page.getByTestId("status-message-sent").waitFor();
    // In the list at once, without a reload; the field is emptied for the next message.
    await expect(page.getByTestId("status-messages").locator("li p").allTextContents()).resolves.toEqual(["我们想在三月中旬实地考察。"]);
    await expect(page.getByTestId("status-no-messages").count()).resolves.toBe(0);
    await expect(page.inputValue("#status-message")).resolves.toBe("");
    // A refusal (the hourly limit, reached here by hand) keeps what was typed and adds nothing.
    const { id: inquiryId } = await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { id: true } });
    const hour = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await db.rateLimit.upsert({ where: { key_windowStart: { key: `inquiry-message:${inquiryId}`, windowStart: hour } }, create: { key: `inquiry-message:${inquiryId}`, windowStart: hour, count: 5 }, update: { count: 5 } });
    await page.fill("#status-message", "第二条留言：请告知用电容量。");
    await page.getByRole("button", { name: "发送留言" }).click();
    await page.getByTestId("status-message-refused").waitFor();
    await expect(page.getByTestId("status-message-refused").textContent()).resolves.toContain("您输入的内容仍保留在输入框中");
    await expect(page.inputValue("#status-message")).resolves.toBe("第二条留言：请告知用电容量。");
    await expect(page.getByTestId("status-messages").locator("li").count()).resolves.toBe(1);
    await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE 'inquiry%'`;
    await page.getByRole("button", { name: "发送留言" }).click();
    await page.getByTestId("status-message-sent").waitFor();
    await expect(page.getByTestId("status-messages").locator("li p").allTextContents()).resolves.toEqual(["我们想在三月中旬实地考察。", "第二条留言：请告知用电容量。"]);
    await expect(page.inputValue("#status-message")).resolves.toBe("");
    await page.reload();
    await expect(page.getByTestId("status-messages").locator("li p").allTextContents()).resolves.toEqual(["我们想在三月中旬实地考察。", "第二条留言：请告知用电容量。"]);
    const lead = await db.inquiry.findUniqueOrThrow({ where: { reference }, select: { events: { where: { type: "INVESTOR_MESSAGE" }, select: { note: true }, orderBy: { createdAt: "asc" } } } });
    expect(lead.events).toEqual([{ note: "我们想在三月中旬实地考察。" }, { note: "第二条留言：请告知用电容量。" }]);

    // Another token finds nothing: a plain not-found page.
    const res = await page.goto(`${baseUrl}/zh/inquiry/status/${"A".repeat(43)}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByTestId("status-not-found").textContent()).resolves.toContain("未找到咨询页面");
    await db.inquiry.delete({ where: { reference } });
    await context.close();
  });
});
