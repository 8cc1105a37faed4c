// Automated accessibility audit of the public (investor) pages, in both languages, with
// axe-core: the rules engine behind Lighthouse's and Chrome DevTools' accessibility audits,
// maintained by Deque and kept current with WCAG. It is injected into the real pages that
// `npm start` serves (after hydration, the MapLibre map drawn) and run against WCAG 2.0/2.1
// A and AA. Any "serious" or "critical" violation fails the test, and the failure lists the
// page, the rule, what to do and where, so it says what to fix.
//
// What axe cannot judge (and this file checks directly): <html lang> per locale, the skip
// link, a visible focus indicator and the heading outline.
import { describe, expect, inject, it } from "vitest";
import { describeFindings, FAILING_IMPACTS, findings, headings, runAxe, type Finding } from "./axe";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
type Locale = "zh" | "en";
const TEXT = {
  zh: { lang: "zh-CN", required: "必填。", submit: "提交咨询", skip: "跳到正文", zoomIn: "放大" },
  en: { lang: "en", required: "Required.", submit: "Send inquiry", skip: "Skip to content", zoomIn: "Zoom in" },
} as const;

describe.skipIf(!chromiumPath)("accessibility of the public pages (axe-core, WCAG 2.1 A/AA)", () => {
  const browser = useBrowser(chromiumPath);

  it.each(["zh", "en"] as const)("%s: no serious or critical violations, one h1 and no skipped heading level on each page", { timeout: 300_000 }, async (locale: Locale) => {
    const context = await browser().newContext({ locale: TEXT[locale].lang, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const all: Finding[] = [];
    const checks: string[] = []; // what axe does not judge: language, heading outline, map labels
    const audit = async (label: string) => {
      const results = await runAxe(page);
      all.push(...findings(`${locale} ${label}`, results.violations));
      const lang = await page.locator("html").getAttribute("lang");
      if (lang !== TEXT[locale].lang) checks.push(`${locale} ${label}: <html lang="${lang}">, expected "${TEXT[locale].lang}"`);
      const hs = await headings(page);
      const h1s = hs.filter(([level]) => level === 1).length;
      if (h1s !== 1) checks.push(`${locale} ${label}: ${h1s} h1 (headings: ${hs.map(([l, text]) => `h${l} ${text.slice(0, 20)}`).join(", ")})`);
      hs.forEach(([level, text], i) => {
        if (i > 0 && level > hs[i - 1]![0] + 1) checks.push(`${locale} ${label}: h${level} "${text}" follows an h${hs[i - 1]![0]}`);
      });
    };
    const open = async (path: string) => {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
    };
    const mapDrawn = () => page.locator("[data-testid=land-map] canvas.maplibregl-canvas").waitFor();

    await open(`/${locale}`);
    await audit("home");

    await open(`/${locale}/search`);
    if (await page.getByTestId("land-map").count()) await mapDrawn();
    await audit("search");

    await open(`/${locale}/search?minArea=abc`);
    await page.locator("#minArea-error").waitFor();
    await audit("search with a field error");

    await open(`/${locale}/search?minArea=500`);
    await mapDrawn();
    // MapLibre's own controls speak the page's language too.
    const zoomIn = await page.locator("[data-testid=land-map] .maplibregl-ctrl-zoom-in").getAttribute("aria-label");
    if (zoomIn !== TEXT[locale].zoomIn) checks.push(`${locale} search with results: the map's zoom button is labelled "${zoomIn}", expected "${TEXT[locale].zoomIn}"`);
    await audit("search with results");

    // Compare: two blocks picked with the compare toggles on the results.
    await page.getByTestId("compare-toggle").nth(0).click();
    await page.waitForURL(/compare=/);
    await page.getByTestId("compare-toggle").nth(1).click();
    await page.waitForURL(/compare=[^&]+(%2C|,)/);
    await page.getByTestId("compare-bar").click();
    await page.waitForURL(/\/compare\?/);
    await page.getByTestId("compare-table").waitFor();
    await audit("compare (2 blocks)");

    await open(`/${locale}/search?minArea=500`);
    await page.getByTestId("block-result").first().getByRole("link").first().click();
    await page.waitForURL(/\/blocks\//);
    await mapDrawn();
    await audit("block");

    await page.getByTestId("block-parcel").first().getByRole("link").click();
    await page.waitForURL(/\/parcels\//);
    await page.waitForLoadState("networkidle");
    await audit("parcel");

    await open(`/${locale}/parks`);
    await audit("park directory");

    await page.getByTestId("park-card").first().getByRole("link").first().click();
    await page.waitForURL(/\/parks\/[^/?]+/);
    await page.waitForLoadState("networkidle");
    await audit("park");

    // A park with land for sale: its site plan links every parcel.
    await open(`/${locale}/parks?land=1`);
    await page.getByTestId("park-card").first().getByRole("link").first().click();
    await page.waitForURL(/\/parks\/[^/?]+/);
    await page.waitForLoadState("networkidle");
    await audit("park with land");

    await open(`/${locale}/projects`);
    await audit("projects");

    await open(`/${locale}/compare`);
    await audit("compare (empty)");

    await open(`/${locale}/inquiry`);
    await audit("inquiry");

    await page.getByRole("button", { name: TEXT[locale].submit }).click();
    await page.getByText(TEXT[locale].required).first().waitFor();
    await page
      .waitForFunction(() => document.activeElement?.id === "contactName", null, { timeout: 5_000 })
      .catch(() => checks.push(`${locale} inquiry with field errors: focus did not move to the first field in error`));
    await audit("inquiry with field errors");

    await context.close();
    if (process.env.AXE_VERBOSE) console.log(`axe, all impacts (${locale}):\n${describeFindings(all) || "none"}`);
    const failing = all.filter((f) => FAILING_IMPACTS.has(f.impact));
    const report = [
      failing.length ? `serious/critical accessibility violations (axe-core):\n${describeFindings(failing)}` : "",
      checks.length ? `language, headings, labels:\n- ${checks.join("\n- ")}` : "",
    ].filter(Boolean);
    expect(report.join("\n"), report.join("\n")).toBe("");
  });

  it.each(["zh", "en"] as const)("%s: the first Tab reaches a visible skip link to <main>, and every Tab stop shows focus", { timeout: 120_000 }, async (locale: Locale) => {
    const context = await browser().newContext({ locale: TEXT[locale].lang });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/${locale}/search`, { waitUntil: "networkidle" });
    await page.keyboard.press("Tab");
    const skip = page.locator(":focus");
    await expect(skip.textContent()).resolves.toBe(TEXT[locale].skip);
    await expect(skip.getAttribute("href")).resolves.toBe("#main");
    const box = await skip.boundingBox();
    expect(box && box.width > 20 && box.height > 10, "the focused skip link is shown").toBe(true);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("main#main") !== null), "after the skip link, Tab goes into <main>").toBe(true);

    // Every element Tab reaches shows a focus indicator (an outline or a box shadow): the home
    // page (links on the dark hero) and the results (form, map canvas and zoom buttons, cards).
    const unmarked: string[] = [];
    for (const path of [`/${locale}`, `/${locale}/search?minArea=500`]) {
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      if (path.includes("search")) await page.locator("[data-testid=land-map] canvas.maplibregl-canvas").waitFor();
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press("Tab");
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          // Focus inside a built-in control's shadow tree (the date picker's button) is drawn
          // by the browser on that inner part: only the element itself is checked here.
          if (!el || el === document.body || !el.matches(":focus-visible")) return null;
          const s = getComputedStyle(el);
          const outlined = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
          const label = el.getAttribute("aria-label") ?? el.textContent ?? "";
          return { shown: outlined || s.boxShadow !== "none", what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${label.trim().slice(0, 30)}"` };
        });
        if (state && !state.shown) unmarked.push(`${path}: ${state.what}`);
      }
    }
    expect(unmarked, "focusable elements without a visible focus indicator").toEqual([]);
    await context.close();
  });
});
