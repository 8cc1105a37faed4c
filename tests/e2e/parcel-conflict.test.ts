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
  let parcel: { id: string; code: string; version: number; priceCnyPerMu: number | null; updatedAt: Date } | undefined;
  const started = new Date();

  beforeAll(async () => {
    parcel = await db!.parcel.findFirstOrThrow({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { id: true, code: true, version: true, priceCnyPerMu: true, updatedAt: true } });
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

    // The second admin saves first.
    await price(second).fill("411111");
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
    expect(await db!.parcel.findUniqueOrThrow({ where: { id: parcel!.id }, select: { priceCnyPerMu: true, version: true } })).toEqual({ priceCnyPerMu: 411111, version: parcel!.version + 1 });

    // Saving again, with both values in view, is a deliberate choice: it goes through.
    await first.getByRole("button", { name: "Save" }).click();
    await first.getByTestId("parcel-edit-form").getByRole("status").filter({ hasText: "Saved." }).waitFor();
    expect(await db!.parcel.findUniqueOrThrow({ where: { id: parcel!.id }, select: { priceCnyPerMu: true, version: true } })).toEqual({ priceCnyPerMu: 422222, version: parcel!.version + 2 });
    // Both saves are in the parcel's history on the page, newest first.
    await first.reload();
    const entries = first.getByTestId("history-entry");
    await expect(entries.count()).resolves.toBe(2);
    await expect(entries.first().locator("[data-field=priceCnyPerMu]").textContent()).resolves.toContain("422,222");
  }, 150_000);
});
