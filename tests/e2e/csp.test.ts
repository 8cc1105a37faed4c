// The Content-Security-Policy in a real browser: the map pages (MapLibre's WebGL canvas and its
// blob: worker), the pages around them and a soft navigation, in zh and en, with zero
// violations. Violations are caught three ways: the document's securitypolicyviolation events,
// console errors naming the policy, and Chromium's own issue reports (which see the worker too).
import type { BrowserContext, CDPSession, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./use-browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");

declare global {
  interface Window {
    __csp: string[];
  }
}

interface Watch {
  page: Page;
  cdp: CDPSession;
  seen: string[];
  /** violations recorded since the last call, from every source */
  take(): Promise<string[]>;
}

async function watch(context: BrowserContext): Promise<Watch> {
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /content security policy/i.test(m.text())) seen.push(`console: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  cdp.on("Audits.issueAdded", ({ issue }) => {
    if (issue.code === "ContentSecurityPolicyIssue") seen.push(`issue: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails)}`);
  });
  await cdp.send("Audits.enable");
  return {
    page,
    cdp,
    seen,
    async take() {
      const inPage = await page.evaluate(() => window.__csp.splice(0));
      return [...inPage.map((v) => `event: ${v}`), ...seen.splice(0)];
    },
  };
}

const mapReady = (page: Page) => page.locator("[data-testid=land-map][data-state=ready] canvas.maplibregl-canvas").waitFor();

/** MapLibre drew into a WebGL context (not the "no WebGL" fallback). */
async function drewWithWebGl(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>("[data-testid=land-map] canvas.maplibregl-canvas");
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    return Boolean(canvas.getContext("webgl2") ?? canvas.getContext("webgl"));
  });
}

describe.skipIf(!chromiumPath || !baseUrl)("Content-Security-Policy in Chromium", () => {
  const browser = useBrowser(chromiumPath);

  it("catches a violation when one happens (the policy is on and the watch works)", async () => {
    const context = await browser().newContext();
    const w = await watch(context);
    const res = await w.page.goto(`${baseUrl}/en`);
    expect(res?.headers()["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    // A script element without the nonce, parsed from markup: what an injected <script> is.
    await w.page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", "<img src=x onerror=\"window.injected=1\">");
    });
    await expect.poll(async () => (await w.take()).join("\n"), { timeout: 5_000 }).toMatch(/script-src/);
    expect(await w.page.evaluate(() => (window as unknown as { injected?: number }).injected)).toBeUndefined();
    await context.close();
  });

  it.each(["zh", "en"] as const)("%s: map pages and the pages around them run with zero violations, the map drawn with WebGL", { timeout: 240_000 }, async (locale) => {
    const context = await browser().newContext({ locale: locale === "zh" ? "zh-CN" : "en-GB", viewport: { width: 1280, height: 900 } });
    const w = await watch(context);
    const { page } = w;
    const report: string[] = [];
    const visited = async (label: string) => {
      await page.waitForLoadState("networkidle");
      report.push(...(await w.take()).map((v) => `${locale} ${label}: ${v}`));
    };

    await page.goto(`${baseUrl}/${locale}`);
    await visited("home");

    await page.goto(`${baseUrl}/${locale}/search?minArea=500`);
    await mapReady(page);
    expect(await drewWithWebGl(page)).toBe(true);
    // Pan and zoom: MapLibre's worker re-tiles the GeoJSON.
    await page.locator("[data-testid=land-map] .maplibregl-ctrl-zoom-in").click();
    await visited("search with results");

    // Soft navigation (Next's client router loads the block page's chunks).
    await page.getByTestId("block-result").first().getByRole("link").first().click();
    await page.waitForURL(/\/blocks\//);
    await mapReady(page);
    expect(await drewWithWebGl(page)).toBe(true);
    await visited("block (client navigation)");

    // The same block page loaded as a document.
    await page.reload();
    await mapReady(page);
    expect(await drewWithWebGl(page)).toBe(true);
    await visited("block");

    await page.getByTestId("block-parcel").first().getByRole("link").click();
    await page.waitForURL(/\/parcels\//);
    await visited("parcel");

    await page.goto(`${baseUrl}/${locale}/parks/xinhui-smart-manufacturing`);
    await visited("park");

    await page.goto(`${baseUrl}/${locale}/inquiry`);
    await visited("inquiry");

    await page.goto(`${baseUrl}/nope.php`);
    await expect(page.locator("h1").textContent()).resolves.toBe(locale === "zh" ? "页面不存在" : "This page does not exist");
    await visited("404 outside the locales");

    expect(report).toEqual([]);
    await context.close();
  });
});
