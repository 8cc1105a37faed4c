// Kept apart from browser.ts, which the benchmarks import outside vitest.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";

/**
 * One Chromium for the tests of a describe block: launched before them, closed after. Without
 * a browser nothing is launched (the block's browser tests skip themselves; its HTTP ones run).
 */
export function useBrowser(executablePath: string): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!executablePath) return;
    browser = await launchBrowser(executablePath);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

