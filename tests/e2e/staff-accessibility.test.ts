// The staff pages under the same automated audit as the investor pages (axe-core, WCAG 2.0/2.1
// A and AA; serious and critical violations fail), in both languages, plus one h1 per page and
// no skipped heading level. Signed in as the local admin, who can open every staff page.
import { describe, expect, inject, it } from "vitest";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { describeFindings, FAILING_IMPACTS, findings, headings, runAxe, type Finding } from "./axe";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

describe.skipIf(!chromiumPath)("accessibility of the staff pages (axe-core, WCAG 2.1 A/AA)", () => {
  const browser = useBrowser(chromiumPath);

  it("sign-in, overview, inbox, lead page, staff, calendar and account: no serious or critical violation, one h1, no skipped level", { timeout: 300_000 }, async () => {
    const db = createPrismaClient(databaseUrl, 2);
    const lead = await db.inquiry.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
    const parcel = await db.parcel.findFirst({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { code: true } });
    const project = await db.enterpriseProject.findFirst({ orderBy: { code: "asc" }, select: { code: true } });
    await db.$disconnect();
    const context = await browser().newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const all: Finding[] = [];
    const outline: string[] = [];
    const audit = async (path: string) => {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      all.push(...findings(path, (await runAxe(page)).violations));
      const hs = await headings(page);
      const h1s = hs.filter(([level]) => level === 1).length;
      if (h1s !== 1) outline.push(`${path}: ${h1s} h1`);
      hs.forEach(([level, text], i) => {
        if (i > 0 && level > hs[i - 1]![0] + 1) outline.push(`${path}: h${level} "${text}" follows an h${hs[i - 1]![0]}`);
      });
    };

    await audit("/zh/staff/sign-in");
    await audit("/en/staff/sign-in");
    await signInThroughForm(page, "admin@jiangmen.example", DEV_STAFF_PASSWORD, true);
    await page.waitForURL(/\/en\/staff\/leads$/); // the sign-in page last opened was the English one
    for (const locale of ["zh", "en"]) {
      for (const path of ["/staff", "/staff/leads", "/staff/leads?stage=LOST&q=%E6%97%A0", "/staff/users", "/staff/calendar", "/staff/parcels/import", "/staff/account"]) await audit(`/${locale}${path}`);
      if (lead) await audit(`/${locale}/staff/leads/${lead.id}`);
      // The land desk: the parcel list with its to-verify queue and a park's plan, one parcel's page.
      await audit(`/${locale}/staff/parcels?toVerify=1&plan=xinhui-smart-manufacturing`);
      if (parcel) await audit(`/${locale}/staff/parcels/${encodeURIComponent(parcel.code)}`);
      for (const path of ["/staff/parks", "/staff/parks/xinhui-new-energy-battery", "/staff/projects", "/staff/projects/new", "/staff/audit", `/staff/reset-password/${"z".repeat(43)}`]) await audit(`/${locale}${path}`);
      if (project) await audit(`/${locale}/staff/projects/${project.code}`);
    }
    await context.close();

    const failing = all.filter((f) => FAILING_IMPACTS.has(f.impact));
    expect(failing, `accessibility violations:\n${describeFindings(failing)}`).toEqual([]);
    expect(outline).toEqual([]);
  });
});
