// Debian's Chromium driven by playwright-core: `npx playwright install` downloads a browser,
// which fails offline, so the tests use the system one.
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { env } from "../../lib/env";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** CHROMIUM_PATH when set ("none": no browser), else the first of the usual places that exists. */
export function findChromium(setting = env().CHROMIUM_PATH): string | null {
  if (setting === "none") return null;
  return (setting ? [setting] : CANDIDATES).find((p) => fs.existsSync(p)) ?? null;
}

export function launchBrowser(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
