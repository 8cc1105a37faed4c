// Signing in as the local development staff (lib/auth/staff-accounts.ts) in the e2e tier.
// A TOTP code is refused once used (replay), and several e2e files may sign the admin in
// within one 30-second step: the last step used is kept in a file all test workers share,
// and a sign-in waits for the next step when its own was taken.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { DEV_ADMIN_TOTP_SECRET } from "@/lib/auth/staff-accounts";
import { totpCode } from "@/lib/auth/totp";

const STEP_FILE = path.resolve(".data/e2e/totp-last-step");

/** A code for the dev admin that no earlier sign-in of this run has used. */
export async function freshDevAdminCode(): Promise<string> {
  for (;;) {
    const last = fs.existsSync(STEP_FILE) ? Number(fs.readFileSync(STEP_FILE, "utf8")) : 0;
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    // Not in the last 2 s of a step either: the server may already be in the next one, where
    // this code is still accepted, but the margin keeps it clear of clock edges.
    if (step > last && now % 30_000 < 28_000) {
      fs.mkdirSync(path.dirname(STEP_FILE), { recursive: true });
      fs.writeFileSync(STEP_FILE, String(step));
      return totpCode(DEV_ADMIN_TOTP_SECRET, new Date(now));
    }
    await new Promise((r) => setTimeout(r, 30_000 - (now % 30_000) + 50));
  }
}

/** Fills the sign-in form (already open) and, for the admin, the second step. */
export async function signInThroughForm(page: Page, email: string, password: string, withCode: boolean): Promise<void> {
  await page.getByLabel(/E-mail|电子邮箱/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  if (!withCode) return;
  const code = page.getByLabel(/Code or recovery code|验证码或恢复码/);
  await code.waitFor();
  await code.fill(await freshDevAdminCode());
  await page.getByRole("button", { name: /Verify and sign in|验证并登录/ }).click();
}
