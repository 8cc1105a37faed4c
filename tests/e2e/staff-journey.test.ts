// The officers' desk in a real browser, as issue #9 describes the day: an investor's inquiry
// arrives and is routed to the officer of its park; the officer signs in, finds it in the
// inbox, replies to the investor, moves it to "qualified", adds a note and exports the inbox
// as CSV; an admin (password + authenticator code) disables that officer, and the officer's
// very next click is refused.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { waitForMail } from "./mail";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

const ADMIN = "admin@jiangmen.example";
const OFFICER = "officer.xinhui@jiangmen.example";
const PARK = "xinhui-new-energy-battery"; // one of the Xinhui officer's parks (lib/auth/staff-accounts.ts)
const INVESTOR = "ingrid.nilsson@example.se";


/** Submits a form and waits for its "saved" status (the page refreshes with the new version). */
async function save(page: Page, testId: string) {
  const form = page.getByTestId(testId);
  await form.getByRole("button").last().click();
  await form.getByRole("status").waitFor();
}

describe.skipIf(!chromiumPath)("the officers' desk", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  let officerContext: BrowserContext | undefined;

  beforeAll(async () => {
    // Earlier e2e files send inquiries from this same address (127.0.0.1): start this journey
    // with the hour's quota free, as a new investor's network would have it.
    await db!.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE 'inquiry:%'`;
  });
  afterAll(async () => {
    // Leave the local officer as `npm start` made them, for the files after this one.
    await db?.user.update({ where: { email: OFFICER }, data: { disabled: false } });
    await officerContext?.close();
    await db?.$disconnect();
  });

  it("routes an inquiry to its park's officer, who replies, qualifies, notes and exports; disabled by an admin, the officer's next click is refused", async () => {
    // 1. The investor asks about a park (English).
    const investor = await browser().newContext({ locale: "en-GB" });
    const form = await investor.newPage();
    await form.goto(`${baseUrl}/en/inquiry?park=${PARK}`);
    await form.fill("#contactName", "Ingrid Nilsson");
    await form.fill("#company", "Nordic Cell Systems AB");
    await form.fill("#email", INVESTOR);
    await form.fill("#country", "Sweden");
    await form.fill("#landNeededMu", "120");
    await form.fill("#message", "We plan a battery-module plant and need serviced land within a year.");
    await form.check("#consent");
    await form.getByRole("button", { name: "Send inquiry" }).click();
    await form.getByTestId("inquiry-success").waitFor();
    const reference = (await form.getByTestId("inquiry-reference").textContent())!;
    await investor.close();
    const lead = await db!.inquiry.findUniqueOrThrow({ where: { reference }, select: { id: true, assignee: { select: { email: true } }, stage: true } });
    expect(lead).toMatchObject({ assignee: { email: OFFICER }, stage: "NEW" });

    // 2. The officer signs in (Chinese) and lands on the inbox, where the new lead is listed.
    officerContext = await browser().newContext({ locale: "zh-CN" });
    const page = await officerContext.newPage();
    await page.goto(`${baseUrl}/zh/staff/sign-in`);
    await signInThroughForm(page, OFFICER, DEV_STAFF_PASSWORD, false);
    await page.waitForURL(`${baseUrl}/zh/staff/leads`);
    const table = page.getByTestId("inbox-table");
    const row = table.getByRole("row").filter({ hasText: reference });
    await expect(row.textContent()).resolves.toContain("Nordic Cell Systems AB");
    await row.getByRole("link", { name: reference }).click();
    await page.waitForURL(`${baseUrl}/zh/staff/leads/${lead.id}`);
    await expect(page.getByTestId("lead-stage").textContent()).resolves.toBe("新线索");

    // 3. A reply to the investor, in the investor's language, kept on the timeline.
    await page.fill("#reply-form-body", "Dear Ms Nilsson, thank you for your inquiry. Three blocks fit your need; may we call you on Thursday?");
    await save(page, "reply-form");
    // The page refreshes after the save: the reply on the timeline, the lead now "contacted"
    // (a first response moves a new lead on).
    await page.getByTestId("lead-timeline").getByText("may we call you on Thursday?").waitFor();
    await page.getByTestId("lead-stage").getByText("已联系").waitFor();
    // Routing's assignment names the officer it chose.
    await expect(page.getByTestId("lead-timeline").textContent()).resolves.toContain("未分配 → 陈静 Chen Jing");
    const replies = await waitForMail((raw) => raw.includes(`To: ${INVESTOR}`) && raw.includes("may we call you on Thursday?"));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain(reference);

    // 4. Qualified, then a note.
    await page.selectOption("#stage-form-toStage", "QUALIFIED");
    await save(page, "stage-form");
    await page.getByTestId("lead-stage").getByText("已确认需求").waitFor();
    await page.fill("#note-form-note", "客户计划下周来江门考察，需准备新会电池园区的地块资料。");
    await save(page, "note-form");
    await page.getByTestId("lead-timeline").getByText("客户计划下周来江门考察", { exact: false }).waitFor();
    expect(await db!.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, firstRespondedAt: true } })).toMatchObject({
      stage: "QUALIFIED",
      firstRespondedAt: expect.any(Date),
    });

    // 5. The inbox exported as CSV (the link the page offers, with this session's cookie).
    await page.goto(`${baseUrl}/zh/staff/leads?q=${encodeURIComponent(reference)}`);
    const exportHref = await page.getByRole("link", { name: /导出/ }).getAttribute("href");
    const csv = await officerContext.request.get(`${baseUrl}${exportHref}`);
    expect(csv.status()).toBe(200);
    const bytes = await csv.body();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads the Chinese columns
    const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(reference);
    expect(lines[1]).toContain("Nordic Cell Systems AB");
    const audit = await db!.auditLog.findFirstOrThrow({ where: { action: "lead.export" }, orderBy: { createdAt: "desc" }, select: { actor: { select: { email: true } }, after: true } });
    expect(audit).toMatchObject({ actor: { email: OFFICER }, after: { rows: 1 } });

    // 6. An admin disables the officer (English, with the authenticator code).
    await page.goto(`${baseUrl}/zh/staff/leads/${lead.id}`);
    const adminContext = await browser().newContext({ locale: "en-GB" });
    const admin = await adminContext.newPage();
    await admin.goto(`${baseUrl}/en/staff/users`);
    await signInThroughForm(admin, ADMIN, DEV_STAFF_PASSWORD, true);
    await admin.waitForURL(`${baseUrl}/en/staff/users`);
    const card = admin.locator(`[data-testid=staff-row][data-email="${OFFICER}"]`);
    await card.locator("summary").click();
    await card.getByRole("button", { name: "Disable account" }).click();
    await card.getByText("Disabled", { exact: true }).first().waitFor();
    await adminContext.close();
    expect(await db!.user.findUniqueOrThrow({ where: { email: OFFICER }, select: { disabled: true } })).toEqual({ disabled: true });

    // 7. The officer's next click (another note) is refused and nothing is written.
    const notesBefore = await db!.inquiryEvent.count({ where: { inquiryId: lead.id, type: "NOTE" } });
    await page.fill("#note-form-note", "这条备注不应保存。");
    await page.getByTestId("note-form").getByRole("button").last().click();
    await expect(page.getByTestId("note-form").getByRole("alert").textContent()).resolves.toMatch(/登录/);
    expect(await db!.inquiryEvent.count({ where: { inquiryId: lead.id, type: "NOTE" } })).toBe(notesBefore);
    // And any page: back to sign-in.
    await page.goto(`${baseUrl}/zh/staff/leads`);
    expect(new URL(page.url()).pathname).toBe("/zh/staff/sign-in");
  });
});
