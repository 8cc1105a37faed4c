// An admin in a real browser (#11): sets exchange rates on /staff/settings/rates (a bad rate is
// refused with its message and the typing kept; a good one becomes current and lands in the
// history), and edits a zone's allotment terms on the park page, which the zone's parcels then
// show as the zone's. Everything written is removed afterwards.
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ADMIN = "admin@jiangmen.example";
const PARK = "china-eu-cooperation-zone";
const ZONE = "china-eu-cooperation-zone-logistics";

describe.skipIf(!chromiumPath)("an admin sets rates and terms", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  const started = new Date();
  afterAll(async () => {
    await db!.exchangeRate.deleteMany({ where: { createdAt: { gte: started }, setById: { not: null } } });
    await db!.allotmentTerms.deleteMany({ where: { zone: { code: ZONE } } });
    await db!.auditLog.deleteMany({ where: { createdAt: { gte: started }, entity: { in: ["ExchangeRate", "AllotmentTerms"] } } });
    await db?.$disconnect();
  });

  it("rates: refused with the reason and the typing kept, then saved and current", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/staff/settings/rates`);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(`${baseUrl}/en/staff/settings/rates`);
    const form = page.getByTestId("rates-form");
    await form.getByLabel("CNY per USD").fill("7.1234567");
    await form.getByLabel("Rate date").fill("2026-11-30");
    await form.getByRole("button", { name: "Save rates" }).click();
    await page.getByTestId("rates-form").getByText("At most six decimals.").waitFor();
    await expect(page.getByTestId("rates-form").getByLabel("CNY per USD").inputValue()).resolves.toBe("7.1234567");
    await page.getByTestId("rates-form").getByLabel("CNY per USD").fill("7.19");
    await page.getByTestId("rates-form").getByLabel("CNY per EUR").fill("8.31");
    await page.getByTestId("rates-form").getByRole("button", { name: "Save rates" }).click();
    await page.getByTestId("rates-form").getByRole("status").waitFor();
    await page.reload();
    await expect(page.getByTestId("rate-USD").textContent()).resolves.toBe("CNY 7.19 per USD, as of 2026-11-30");
    await expect(page.getByTestId("rate-EUR").textContent()).resolves.toBe("CNY 8.31 per EUR, as of 2026-11-30");
    expect(await db!.auditLog.count({ where: { entity: "ExchangeRate", createdAt: { gte: started } } })).toBe(2);
    await context.close();
  });

  it("terms: a zone's first save, shown on its parcels as the zone's", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/staff/parks/${PARK}`);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(`${baseUrl}/en/staff/parks/${PARK}`);
    const zone = page.locator(`[data-testid=terms-zone][data-code="${ZONE}"]`);
    await zone.locator("summary").click();
    await zone.getByLabel("Land-use term (years)").fill("30");
    await zone.getByLabel("Sources").fill("003, article two");
    await zone.getByRole("button", { name: "Save conditions" }).click();
    await zone.getByText("“article” is not a source", { exact: false }).waitFor();
    await expect(zone.getByLabel("Land-use term (years)").inputValue()).resolves.toBe("30");
    await zone.getByLabel("Sources").fill("003");
    await zone.getByRole("button", { name: "Save conditions" }).click();
    await zone.getByRole("status").waitFor();
    const parcel = await db!.parcel.findFirstOrThrow({ where: { zone: { code: ZONE } }, orderBy: { code: "asc" }, select: { code: true } });
    await page.goto(`${baseUrl}/en/parcels/${encodeURIComponent(parcel.code)}`);
    await expect(page.getByTestId("terms-term").textContent()).resolves.toMatch(/^Land-use term30 yearszone: /);
    await context.close();
  });
});
