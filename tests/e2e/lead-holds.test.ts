// Leads and land in one step, in a real browser: the officer moves a lead to negotiating and
// ticks its parcels to hold; a colleague changed one of them since the page was opened, so
// nothing is saved and the page names that parcel with its status now. After a reload the
// same move holds both parcels and the page says "held for this lead until ..." (the investor
// search's side is tests/integration/lead-holds.test.ts).
import { afterAll, describe, expect, inject, it } from "vitest";
import { randomUUID } from "node:crypto";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

const OFFICER = "officer.xinhui@jiangmen.example";
const PARK = "xinhui-smart-manufacturing";

describe.skipIf(!chromiumPath)("leads and land in one step", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  let leadId: string | undefined;
  let saved: { id: string; version: number; statusReason: string | null; statusChangedAt: Date | null }[] = [];

  afterAll(async () => {
    // The seeded land as it was, for the files after this one.
    if (leadId) await db?.inquiry.delete({ where: { id: leadId } });
    for (const p of saved) await db?.parcel.update({ where: { id: p.id }, data: { status: "AVAILABLE", statusReason: p.statusReason, statusChangedAt: p.statusChangedAt, version: p.version } });
    await db?.$disconnect();
  });

  it("holds the lead's parcels with the move to negotiating; a parcel changed meanwhile refuses the whole move and is named", async () => {
    const officer = await db!.user.findUniqueOrThrow({ where: { email: OFFICER }, select: { id: true } });
    const park = await db!.park.findUniqueOrThrow({ where: { code: PARK }, select: { id: true } });
    const parcels = await db!.parcel.findMany({
      where: { parkId: park.id, status: "AVAILABLE", holds: { none: {} } },
      select: { id: true, code: true, version: true, statusReason: true, statusChangedAt: true },
      orderBy: { code: "desc" },
      take: 2,
    });
    saved = parcels;
    const [P1, P2] = parcels as [typeof parcels[number], typeof parcels[number]];
    const lead = await db!.inquiry.create({
      data: {
        reference: "JM2612-E2EHLD", idempotencyKey: randomUUID(), contactName: "Ingrid Nilsson", email: "ingrid@example.se", company: "Nordic Cell Systems AB",
        country: "Sweden", message: "We need serviced land.", locale: "en", consentAt: new Date(), consentVersion: "2026-11", parkId: park.id, stage: "SITE_VISIT",
        assigneeId: officer.id, parcels: { create: parcels.map((p) => ({ parcelId: p.id })) },
      },
      select: { id: true },
    });
    leadId = lead.id;

    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/staff/sign-in`);
    await signInThroughForm(page, OFFICER, DEV_STAFF_PASSWORD, false);
    await page.waitForURL(`${baseUrl}/en/staff/leads`);
    await page.goto(`${baseUrl}/en/staff/leads/${lead.id}`);

    const stageForm = page.getByTestId("stage-form");
    await page.selectOption("#stage-form-toStage", "NEGOTIATING");
    const fields = stageForm.getByTestId("land-hold");
    await fields.waitFor();
    await fields.locator(`input[name="parcel.${P1.id}"]`).check();
    await fields.locator(`input[name="parcel.${P2.id}"]`).check();
    await page.selectOption("#stage-form-heldAs", "RESERVED");
    // A colleague saves P2 while the officer's page is open.
    await db!.parcel.update({ where: { id: P2.id }, data: { status: "NOT_OFFERED", version: { increment: 1 } } });
    await stageForm.getByRole("button").last().click();
    const problems = stageForm.getByTestId("land-problems");
    await problems.waitFor();
    await expect(problems.textContent()).resolves.toContain(`${P2.code}: changed since you opened the page, now Not offered`);
    await expect(problems.textContent()).resolves.not.toContain(P1.code);
    // Nothing was written: the lead, its parcels, no hold.
    expect(await db!.inquiry.findUniqueOrThrow({ where: { id: lead.id }, select: { stage: true, version: true } })).toEqual({ stage: "SITE_VISIT", version: 1 });
    expect(await db!.parcel.findUniqueOrThrow({ where: { id: P1.id }, select: { status: true, version: true } })).toEqual({ status: "AVAILABLE", version: P1.version });
    expect(await db!.parcelHold.count({ where: { inquiryId: lead.id } })).toBe(0);
    // What was ticked is still ticked.
    await expect(fields.locator(`input[name="parcel.${P1.id}"]`).isChecked()).resolves.toBe(true);

    // The colleague puts P2 back on offer; the officer reloads and sends the move again.
    await db!.parcel.update({ where: { id: P2.id }, data: { status: "AVAILABLE", version: { increment: 1 } } });
    await page.reload();
    await page.selectOption("#stage-form-toStage", "NEGOTIATING");
    await fields.waitFor();
    await fields.locator(`input[name="parcel.${P1.id}"]`).check();
    await fields.locator(`input[name="parcel.${P2.id}"]`).check();
    await page.selectOption("#stage-form-heldAs", "RESERVED");
    await stageForm.getByRole("button").last().click();
    await stageForm.getByRole("status").waitFor();
    await page.getByTestId("lead-stage").filter({ hasText: "Negotiating" }).waitFor();
    const flags = page.getByTestId("lead-land").getByTestId("hold-flag");
    await expect(flags.count()).resolves.toBe(2);
    await expect(flags.first().textContent()).resolves.toMatch(/^held for this lead \(reserved\) until \d{4}-\d{2}-\d{2}$/);
    expect(await db!.parcelHold.count({ where: { inquiryId: lead.id, endedAt: null, heldAs: "RESERVED" } })).toBe(2);
    await page.getByTestId("land-panel").getByTestId("held-parcel").first().waitFor();
    await context.close();
  });
});
