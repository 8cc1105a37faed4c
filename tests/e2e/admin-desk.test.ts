// The admins' desk on the running portal: the park, project and audit pages behind their
// guards (HTTP), then in Chromium an admin edits a park (the public page shows it on the next
// request, the audit log lists it) and sends a staff member a password reset link, which that
// person opens from the e-mail, uses, and signs in with the new password.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { localSecretsFile, readLocalSecrets } from "@/lib/db/local-secrets";
import { createStaff, type TestStaff } from "../integration/helpers/staff";
import { bodyOf, waitForMail } from "./mail";
import { signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

const ADMIN = "admin@jiangmen.example";
const RESET_USER = "reset.e2e@jmtz.gov.cn";
const OFFICER = "records.officer.e2e@jmtz.gov.cn";
const PARK = "xinhui-new-energy-battery";
const NEW_PASSWORD = "violet harbour lantern 42";

const cookieHeader = (s: TestStaff) => Object.entries(s.cookies).map(([k, v]) => `${k}=${v}`).join("; ");


describe.skipIf(!baseUrl)("the admins' record pages over HTTP", () => {
  let db: Db;
  let officer: TestStaff;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET = readLocalSecrets(localSecretsFile(".data/e2e/postgres")).NEXTAUTH_SECRET;
    db = createPrismaClient(databaseUrl, 2);
    officer = await createStaff(db, { role: "OFFICER", email: OFFICER });
  });
  afterAll(async () => {
    await db?.user.deleteMany({ where: { email: OFFICER } });
    await db?.$disconnect();
  });

  for (const path of ["/en/staff/parks", `/en/staff/parks/${PARK}`, "/en/staff/projects", "/en/staff/projects/new", "/en/staff/audit"]) {
    it(`${path}: signed out goes to sign-in, an officer gets 403`, async () => {
      const anonymous = await fetch(`${baseUrl}${path}`, { redirect: "manual" });
      expect([303, 307]).toContain(anonymous.status);
      expect(anonymous.headers.get("location")).toContain(`/en/staff/sign-in?callbackUrl=${encodeURIComponent(path)}`);
      const refused = await fetch(`${baseUrl}${path}`, { headers: { cookie: cookieHeader(officer) }, redirect: "manual" });
      expect(refused.status).toBe(403);
    });
  }

  it("the reset page needs no session, is not indexed, and says an unknown link is not valid", async () => {
    const res = await fetch(`${baseUrl}/en/staff/reset-password/${"z".repeat(43)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("This link is not valid.");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toMatch(/<meta name="referrer" content="no-referrer"/);
  });
});

describe.skipIf(!chromiumPath)("the admins' desk in a browser", () => {
  const browser = useBrowser(chromiumPath);
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  let parkName = "";

  beforeAll(async () => {
    parkName = (await db!.park.findUniqueOrThrow({ where: { code: PARK }, select: { nameEn: true } })).nameEn;
    await db!.user.create({ data: { email: RESET_USER, name: "Reset Tester", role: "OFFICER", locale: "en", passwordHash: await hashPassword(DEV_STAFF_PASSWORD) } });
  });
  afterAll(async () => {
    await db?.park.update({ where: { code: PARK }, data: { nameEn: parkName } });
    await db?.user.deleteMany({ where: { email: RESET_USER } });
    await db?.$disconnect();
  });

  it("an admin edits a park: the public page shows it next, the audit log lists it; then sends a reset link that the officer uses from the e-mail", async () => {
    const adminContext = await browser().newContext({ locale: "en-GB" });
    const page = await adminContext.newPage();
    await page.goto(`${baseUrl}/en/staff/sign-in?callbackUrl=${encodeURIComponent(`/en/staff/parks/${PARK}`)}`);
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(`${baseUrl}/en/staff/parks/${PARK}`);

    // 1. The park's English name, saved: version-checked, audited, public on the next request.
    const edited = `${parkName} (edited in e2e)`;
    const form = page.getByTestId("park-form");
    await form.locator("#park-nameEn").fill(edited);
    await form.getByRole("button", { name: "Save park" }).click();
    await form.getByRole("status").waitFor();
    const publicPage = await (await fetch(`${baseUrl}/en/parks/${PARK}`)).text();
    expect(publicPage).toContain("(edited in e2e)");
    await page.goto(`${baseUrl}/en/staff/audit?entity=Park&action=park.update`);
    const row = page.getByTestId("audit-row").first();
    await expect(row.textContent()).resolves.toContain("(edited in e2e)");

    // 2. A reset link for the officer, from the staff page.
    await page.goto(`${baseUrl}/en/staff/users`);
    const card = page.locator(`[data-testid="staff-row"][data-email="${RESET_USER}"]`);
    await card.locator("summary").click();
    await card.getByRole("button", { name: "Send password reset link" }).click();
    await card.getByTestId("reset-link-form").getByRole("status").waitFor();
    await adminContext.close();

    const mails = await waitForMail((raw) => raw.includes(`To: ${RESET_USER}`));
    expect(mails).toHaveLength(1);
    const link = /(http:\/\/\S+\/en\/staff\/reset-password\/[A-Za-z0-9_-]{43})/.exec(bodyOf(mails[0]!))?.[1];
    expect(link).toBeTruthy();

    // 3. The officer opens it, sets a new password, and signs in with it.
    const officerContext = await browser().newContext({ locale: "en-GB" });
    const officerPage = await officerContext.newPage();
    await officerPage.goto(link!.replace(/^http:\/\/[^/]+/, baseUrl));
    await officerPage.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await officerPage.getByLabel("New password again").fill(NEW_PASSWORD);
    await officerPage.getByRole("button", { name: "Set new password" }).click();
    await officerPage.getByTestId("reset-done").waitFor();
    await officerPage.getByRole("link", { name: "Sign in with the new password" }).click();
    await signInThroughForm(officerPage, RESET_USER, NEW_PASSWORD, false);
    await officerPage.waitForURL(`${baseUrl}/en/staff/leads`);
    // The link is spent.
    await officerPage.goto(link!.replace(/^http:\/\/[^/]+/, baseUrl));
    await expect(officerPage.getByTestId("reset-refused").textContent()).resolves.toContain("already been used");
    await officerContext.close();
  });
});
