// Staff sign-in in Chromium against the portal as `npm start` runs it (with the local staff
// accounts it creates): the admin with password + TOTP, an officer in and out, the messages
// of a refusal with the e-mail kept; and next-auth's own HTTP endpoints behind the portal
// server (CSRF, the cookie actorFromToken reads, sign-out ending the session row).
import { afterAll, describe, expect, inject, it } from "vitest";
import { DEV_STAFF_PASSWORD } from "@/lib/auth/staff-accounts";
import { createPrismaClient } from "@/lib/db/client";
import { freshDevAdminCode, signInThroughForm } from "./staff-sign-in-helpers";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ADMIN = "admin@jiangmen.example";
const OFFICER = "officer.xinhui@jiangmen.example";

describe.skipIf(!chromiumPath)("staff sign-in in the browser", () => {
  const browser = useBrowser(chromiumPath);

  it("signs the admin in with password and authenticator code, back to the page asked for, with the admin's links", async () => {
    const context = await browser().newContext({ locale: "en-GB", viewport: { width: 390, height: 844 } }); // a phone
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/en/staff/account`);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(`/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/staff/account")}`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toContain("noindex");
    await signInThroughForm(page, ADMIN, DEV_STAFF_PASSWORD, true);
    await page.waitForURL(`${baseUrl}/en/staff/account`);
    const bar = page.getByTestId("staff-bar");
    await expect(bar.getByRole("link").allTextContents()).resolves.toEqual(["Leads", "Overview", "Parcels", "Cadastre import", "Staff", "Calendar", "Parks", "Projects", "Audit log", "Exchange rates", "My account"]);
    await expect(page.getByTestId("totp-enabled").isVisible()).resolves.toBe(true);
    // The bar fits a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("keeps the e-mail through a wrong password, says why, then signs an officer in (landing on the leads) and out", async () => {
    const context = await browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/zh/staff/sign-in`);
    await signInThroughForm(page, OFFICER, "not the right password", false);
    const error = page.getByTestId("sign-in-error");
    await expect(error.textContent()).resolves.toBe("电子邮箱或密码不正确。");
    expect(await page.getByLabel("电子邮箱").inputValue()).toBe(OFFICER);
    expect(await page.getByLabel("密码").inputValue()).toBe("");
    await page.getByLabel("密码").fill(DEV_STAFF_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`${baseUrl}/zh/staff/leads`);
    await page.goto(`${baseUrl}/zh/staff/account`);
    const bar = page.getByTestId("staff-bar");
    await expect(bar.getByRole("link").allTextContents()).resolves.toEqual(["线索", "总览", "地块", "我的账户"]);
    // Two-factor is offered to officers: the QR code and the key are there.
    await expect(page.getByTestId("totp-enrol-form").isVisible()).resolves.toBe(true);
    await page.getByTestId("sign-out").click();
    await page.waitForURL(`${baseUrl}/zh/staff/sign-in`);
    expect((await context.cookies()).find((c) => c.name === "next-auth.session-token")).toBeUndefined();
    await page.goto(`${baseUrl}/zh/staff/account`);
    expect(new URL(page.url()).pathname).toBe("/zh/staff/sign-in");
    await context.close();
  });
});

/** Cookies of a response, name -> value (Set-Cookie lines). */
function setCookies(res: Response): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((line) => {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    return [pair!.slice(0, i), pair!.slice(i + 1)];
  }));
}

describe.skipIf(!chromiumPath)("next-auth's endpoints behind the portal server", () => {
  const db = databaseUrl ? createPrismaClient(databaseUrl, 2) : null;
  afterAll(async () => {
    await db?.$disconnect();
  });

  async function csrf(): Promise<{ token: string; cookie: string }> {
    const res = await fetch(`${baseUrl}/api/auth/csrf`);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const cookie = setCookies(res).get("next-auth.csrf-token")!;
    return { token: csrfToken, cookie: `next-auth.csrf-token=${cookie}` };
  }

  const post = (path: string, cookie: string, body: Record<string, string>) =>
    fetch(`${baseUrl}/api/auth/${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
      body: new URLSearchParams({ ...body, json: "true" }),
    });

  it("refuses a sign-in without the CSRF token, signs in with it, serves staff pages on that cookie, and signs out", async () => {
    const noCsrf = await post("callback/credentials", "", { email: ADMIN, password: DEV_STAFF_PASSWORD, code: "000000" });
    expect(setCookies(noCsrf).has("next-auth.session-token")).toBe(false);
    expect(((await noCsrf.json()) as { url: string }).url).toContain("csrf=true");

    const { token, cookie } = await csrf();
    const wrong = await post("callback/credentials", cookie, { csrfToken: token, email: "nobody@jiangmen.example", password: "wrong password here" });
    expect(wrong.status).toBe(401);
    expect(new URL(((await wrong.json()) as { url: string }).url).searchParams.get("error")).toBe("bad-credentials");

    const ok = await post("callback/credentials", cookie, { csrfToken: token, email: ADMIN, password: DEV_STAFF_PASSWORD, code: await freshDevAdminCode() });
    expect(ok.status).toBe(200);
    const session = setCookies(ok).get("next-auth.session-token");
    expect(session).toBeTruthy();
    const staffCookie = `${cookie}; next-auth.session-token=${session}`;
    const page = await fetch(`${baseUrl}/en/staff/account`, { headers: { Cookie: staffCookie }, redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="staff-bar"');
    const rows = await db!.staffSession.findMany({ where: { user: { email: ADMIN }, endedAt: null }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(rows).toHaveLength(1);

    const out = await post("signout", staffCookie, { csrfToken: token });
    expect(setCookies(out).get("next-auth.session-token")).toBe("");
    expect(await db!.staffSession.findUniqueOrThrow({ where: { id: rows[0]!.id } })).toMatchObject({ endReason: "signed-out" });
    const after = await fetch(`${baseUrl}/en/staff/account`, { headers: { Cookie: staffCookie }, redirect: "manual" });
    expect(after.status).toBe(307);
    expect(after.headers.get("location")).toContain("/en/staff/sign-in?callbackUrl=");
  });

  it("answers an oversized or length-less sign-in body before next-auth reads it", async () => {
    const big = await fetch(`${baseUrl}/api/auth/callback/credentials`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=".padEnd(20_000, "x") });
    expect(big.status).toBe(413);
  });
});
