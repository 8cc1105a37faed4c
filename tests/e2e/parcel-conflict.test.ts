// Two admins edit one parcel in real browsers (issue #10): both open the same parcel page, the
// second saves first; the first then saves and is told of the conflict, sees the value now
// saved beside the field they changed, and still has their own typing in it. Saving again
// (deliberately, with both in view) goes through. The parcel and its audit rows are restored.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ADMIN = "admin@jiangmen.example";

describe.skipIf(!chromiumPath)("two admins edit one parcel", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  let parcel: { id: string; code: string; version: number; priceCnyPerMu: number | null; handoverOn: Date | null; updatedAt: Date } | undefined;
  const started = new Date();

  beforeAll(async () => {
    parcel = await db!.parcel.findFirstOrThrow({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { id: true, code: true, version: true, priceCnyPerMu: true, handoverOn: true, updatedAt: true } });
  });
  afterAll(async () => {
    if (parcel) {
      const { id, ...data } = parcel;
      await db!.parcel.update({ where: { id }, data: { ...data, code: undefined } });
      await db!.auditLog.deleteMany({ where: { entity: "Parcel", entityId: id, createdAt: { gte: started } } });
    }
    await db?.$disconnect();
  });

  async function openAsAdmin(): Promise<Page> {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const url = `${baseUrl}/en/staff/parcels/${encodeURIComponent(parcel!.code)}`;
    await page.goto(url);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(url);
    await page.getByTestId("parcel-edit-form").waitFor();
    return page;
  }

  it("the first to save wins; the second sees the conflict beside their typing, which is kept", async () => {
    const first = await openAsAdmin();
    const second = await openAsAdmin();
    const price = (p: Page) => p.getByLabel("Indicative price (CNY per mu)");
    await expect(price(first).inputValue()).resolves.toBe(parcel!.priceCnyPerMu === null ? "" : String(parcel!.priceCnyPerMu));

    const handover = (p: Page) => p.locator("#parcel-handoverOn");
    // The second admin saves first, changing the price and the handover date.
    await price(second).fill("411111");
    await handover(second).fill("2027-01-15");
    await second.getByRole("button", { name: "Save" }).click();
    await second.getByTestId("parcel-edit-form").getByRole("status").filter({ hasText: "Saved." }).waitFor();
    // The page refreshes after the save and shows the new version.
    await second.getByTestId("parcel-version").filter({ hasText: new RegExp(`^${parcel!.version + 1}$`) }).waitFor();

    // The first admin, still on the version they opened, types and saves.
    await price(first).fill("422222");
    await first.getByRole("button", { name: "Save" }).click();
    const notice = first.getByTestId("parcel-conflict");
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain(`version ${parcel!.version + 1}`);
    await expect(first.getByTestId("current-priceCnyPerMu").textContent()).resolves.toBe("Now saved: 411111");
    await expect(price(first).inputValue()).resolves.toBe("422222");
    // The handover date, which the first admin never touched, now shows the value just saved
    // (no "now saved" note: there is nothing of theirs to compare it with).
    await expect(handover(first).inputValue()).resolves.toBe("2027-01-15");
    await expect(first.getByTestId("current-handoverOn").count()).resolves.toBe(0);
    expect(await db!.parcel.findUniqueOrThrow({ where: { id: parcel!.id }, select: { priceCnyPerMu: true, version: true } })).toEqual({ priceCnyPerMu: 411111, version: parcel!.version + 1 });

    // Saving again, with both values in view, is a deliberate choice: it goes through.
    await first.getByRole("button", { name: "Save" }).click();
    await first.getByTestId("parcel-edit-form").getByRole("status").filter({ hasText: "Saved." }).waitFor();
    // Their price wins; the other admin's handover date is not put back to the stale one.
    expect(await db!.parcel.findUniqueOrThrow({ where: { id: parcel!.id }, select: { priceCnyPerMu: true, handoverOn: true, version: true } })).toEqual({ priceCnyPerMu: 422222, handoverOn: new Date("2027-01-15T00:00:00Z"), version: parcel!.version + 2 });
    // Both saves are in the parcel's history on the page, newest first.
    await first.reload();
    const entries = first.getByTestId("history-entry");
    await expect(entries.count()).resolves.toBe(2);
    await expect(entries.first().locator("[data-field=priceCnyPerMu]").textContent()).resolves.toContain("422,222");
  }, 150_000);

  it("a bulk change from the list: every parcel of a block, checked on site today, one audit row each", async () => {
    const block = await db!.parcel.findMany({ where: { status: "AVAILABLE", id: { not: parcel!.id } }, orderBy: { code: "desc" }, take: 3, select: { id: true, code: true, version: true, lastVerifiedOn: true, updatedAt: true } });
    try {
      const context = await browser().newContext({ locale: "zh-CN" });
      const page = await context.newPage();
      const url = `${baseUrl}/zh/staff/parcels?codes=${encodeURIComponent(block.map((b) => b.code).join(","))}`;
      await page.goto(url);
      await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
      await page.waitForURL(url);
      await expect(page.getByTestId("parcel-row").count()).resolves.toBe(3);
      await page.getByTestId("select-page").check();
      await expect(page.getByTestId("bulk-selected").textContent()).resolves.toBe("已选 3 宗地块");
      await page.getByLabel("今天已现场核实（更新最近核实日期）").check();
      await page.getByRole("button", { name: "应用到所选地块" }).click();
      await expect(page.getByTestId("bulk-saved").textContent()).resolves.toBe("已修改 3 宗地块。");
      const now = await db!.parcel.findMany({ where: { id: { in: block.map((b) => b.id) } }, select: { id: true, version: true } });
      expect(now.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(block.map((b) => ({ id: b.id, version: b.version + 1 })).sort((a, b) => (a.id < b.id ? -1 : 1)));
      expect(await db!.auditLog.count({ where: { entity: "Parcel", action: "parcel.bulkUpdate", entityId: { in: block.map((b) => b.id) }, createdAt: { gte: started } } })).toBe(3);
      await context.close();
    } finally {
      for (const { id, ...data } of block) await db!.parcel.update({ where: { id }, data: { ...data, code: undefined } });
      await db!.auditLog.deleteMany({ where: { entity: "Parcel", entityId: { in: block.map((b) => b.id) }, createdAt: { gte: started } } });
    }
  }, 120_000);

  it("an officer reads parcels but gets no edit form and no bulk selection", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    const url = `${baseUrl}/en/staff/parcels/${encodeURIComponent(parcel!.code)}`;
    await page.goto(url);
    await signInThroughForm(page, "officer.xinhui@jiangmen.example", DEV_STAFF_PASSWORD, false);
    await page.waitForURL(url);
    await expect(page.getByTestId("parcel-status").textContent()).resolves.toBe("Available");
    await expect(page.getByTestId("parcel-edit-form").count()).resolves.toBe(0);
    await page.getByText("You may view this parcel; editing needs the parcel.edit permission.").waitFor();
    await page.goto(`${baseUrl}/en/staff/parcels?q=${encodeURIComponent(parcel!.code)}`);
    await expect(page.getByTestId("parcel-row").first().getAttribute("data-code")).resolves.toBe(parcel!.code);
    await expect(page.getByTestId("select-page").count()).resolves.toBe(0);
    await expect(page.getByTestId("bulk-form").count()).resolves.toBe(0);
    await context.close();
  }, 60_000);
});
