// The page cache with TWO portal instances on one database (issue #12): the e2e global server
// (A) and a second portal server (B, scripts/serve.ts on the same DATABASE_URL and secrets).
// Both caches are warmed (the second request of each page is a hit), then an admin edits
// through the real staff forms on A, in Chromium: a park's description, a parcel's status (the
// home page's count of 500-mu blocks and of available parcels move), a project's name. The very
// next request to EACH instance shows the change, exactly. Everything is restored afterwards.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { localSecretsFile, readLocalSecrets } from "@/lib/db/local-secrets";
import { LARGE_BLOCK_QUERY } from "@/lib/home/queries";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { startPortal, type PortalProcess } from "../setup/portal-process";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ADMIN = "admin@jiangmen.example";
/** This stream's own port for the second instance. */
const SECOND_PORT = 3483;
const PARK = "xinhui-new-energy-battery";

const nf = new Intl.NumberFormat("en-US");
/** As React writes text into HTML. */
const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
const STATUS_CELL = (label: string) => `<dd class="text-right">${label}</dd>`;

async function page(base: string, path: string): Promise<{ html: string; cache: string | null; nonce: string }> {
  const res = await fetch(`${base}${path}`);
  expect(res.status).toBe(200);
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return { html: await res.text(), cache: res.headers.get("x-page-cache"), nonce };
}

/** The text of the element with this data-testid (the home page's figures). */
function figure(doc: string, testId: string): string {
  const m = new RegExp(`data-testid="${testId}"[^>]*>(?:<a [^>]*>)?([^<]*)<`).exec(doc);
  if (!m) throw new Error(`no ${testId} in the page`);
  return m[1]!.trim();
}

describe.skipIf(!chromiumPath || !baseUrl)("the page cache on two instances", () => {
  const browser = useBrowser(chromiumPath);
  const db = createPrismaClient(databaseUrl, 2);
  let second: PortalProcess;
  const undo: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    const secrets = readLocalSecrets(localSecretsFile(".data/e2e/postgres"));
    second = await startPortal(SECOND_PORT, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secrets.NEXTAUTH_SECRET ?? "", IP_HASH_SALT: secrets.IP_HASH_SALT ?? "" }, 600_000);
  }, 620_000);
  afterAll(async () => {
    for (const fn of undo.reverse()) await fn();
    await second?.stop();
    await db.$disconnect();
  });

  /** Fills both caches; a hit has its own nonce, in the CSP and on every script. */
  async function warm(path: string): Promise<void> {
    for (const base of [baseUrl, second.baseUrl]) {
      const first = await page(base, path);
      const hit = await page(base, path);
      expect(hit.cache, `${base}${path} second request`).toBe("hit");
      expect(hit.nonce).not.toBe(first.nonce);
      const scripts = hit.html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(` nonce="${hit.nonce}"`);
      expect(hit.html).not.toContain(first.nonce);
    }
  }

  async function signedInAdmin(path: string): Promise<Page> {
    const context = await browser().newContext({ locale: "en-GB" });
    const p = await context.newPage();
    await p.goto(`${baseUrl}/en/staff/sign-in?callbackUrl=${encodeURIComponent(path)}`);
    await signInThroughForm(p, ADMIN, DEV_STAFF_PASSWORD, true);
    await p.waitForURL(`${baseUrl}${path}`);
    return p;
  }

  it("an admin's park, parcel and project edits on A are on A's and B's very next request", async () => {
    // The parcel: the largest member of the smallest block of 500 mu or more, so that taking it
    // off the market changes the home page's count of such blocks.
    const smallest = (await runLandSearch(db, landSearchSchema.parse({ minArea: "500", sort: "area-asc" }))).result.results[0]!;
    const members = await db.parcel.findMany({ where: { code: { in: smallest.parcelCodes } }, orderBy: [{ areaM2: "desc" }, { code: "asc" }], select: { id: true, code: true, status: true, version: true } });
    const parcel = members[0]!;
    const project = await db.enterpriseProject.findFirstOrThrow({ orderBy: { code: "asc" }, select: { id: true, code: true, nameEn: true } });
    const park = await db.park.findUniqueOrThrow({ where: { code: PARK }, select: { descriptionEn: true } });
    undo.push(() => db.park.update({ where: { code: PARK }, data: { descriptionEn: park.descriptionEn } }));
    undo.push(() => db.enterpriseProject.update({ where: { id: project.id }, data: { nameEn: project.nameEn } }));
    undo.push(() => db.parcel.update({ where: { id: parcel.id }, data: { status: parcel.status } }));

    const before = (await runLandSearch(db, LARGE_BLOCK_QUERY)).result.total;
    const availableBefore = await db.parcel.count({ where: { status: "AVAILABLE" } });
    for (const path of ["/en", `/en/parks/${PARK}`, "/en/projects", `/en/parcels/${encodeURIComponent(parcel.code)}`]) await warm(path);
    for (const base of [baseUrl, second.baseUrl]) {
      expect(figure((await page(base, "/en")).html, "live-large-blocks")).toBe(nf.format(before));
      expect((await page(base, `/en/parcels/${encodeURIComponent(parcel.code)}`)).html).toContain(STATUS_CELL("Available"));
    }

    // 1. The park's description, through the admins' park form.
    const admin = await signedInAdmin(`/en/staff/parks/${PARK}`);
    const description = `${park.descriptionEn} Cached-page check ${Date.now()}.`;
    const parkForm = admin.getByTestId("park-form");
    await parkForm.locator("#park-descriptionEn").fill(description);
    await parkForm.getByRole("button", { name: "Save park" }).click();
    await parkForm.getByRole("status").waitFor();
    for (const base of [baseUrl, second.baseUrl]) {
      const next = await page(base, `/en/parks/${PARK}`);
      expect(next.cache).toBe("miss");
      expect(next.html).toContain(html(description));
    }

    // 2. The parcel taken off the market, through the parcel edit form.
    await admin.goto(`${baseUrl}/en/staff/parcels/${encodeURIComponent(parcel.code)}`);
    const parcelForm = admin.getByTestId("parcel-edit-form");
    await parcelForm.locator("#parcel-status").selectOption("RESERVED");
    await parcelForm.locator("#parcel-reason").fill("page cache e2e");
    await parcelForm.getByRole("button", { name: "Save" }).click();
    await parcelForm.getByRole("status").filter({ hasText: "Saved." }).waitFor();
    const after = (await runLandSearch(db, LARGE_BLOCK_QUERY)).result.total;
    expect(after).toBeLessThan(before);
    for (const base of [baseUrl, second.baseUrl]) {
      const home = (await page(base, "/en")).html;
      expect(figure(home, "live-large-blocks"), base).toBe(nf.format(after));
      expect(figure(home, "live-parcels"), base).toBe(nf.format(availableBefore - 1));
      const parcelPage = (await page(base, `/en/parcels/${encodeURIComponent(parcel.code)}`)).html;
      expect(parcelPage).toContain(STATUS_CELL("Reserved"));
      expect(parcelPage).not.toContain(STATUS_CELL("Available"));
    }

    // 3. The project's English name, through the admins' project form.
    await admin.goto(`${baseUrl}/en/staff/projects/${encodeURIComponent(project.code)}`);
    const name = `${project.nameEn} (cache e2e)`;
    const projectForm = admin.getByTestId("project-form");
    await projectForm.locator("#project-nameEn").fill(name);
    await projectForm.getByRole("button", { name: /^Save/ }).click();
    await projectForm.getByRole("status").waitFor();
    for (const base of [baseUrl, second.baseUrl]) expect((await page(base, "/en/projects")).html).toContain(html(name));
    await admin.context().close();

    // And the instances serve from their caches again until the next write.
    for (const base of [baseUrl, second.baseUrl]) expect((await page(base, "/en/projects")).cache).toBe("hit");
  }, 240_000);
});
