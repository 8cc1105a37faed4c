// The search page's map loads after the page is usable (components/lazy-land-map.tsx): the
// results and the filters work while MapLibre's code has not arrived (here: never arrives), the
// map is fetched only once its box nears the viewport, and it takes exactly the box reserved
// for it. (Lighthouse figures: `npm run bench -- --only=lighthouse`.)
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const MAP_LABEL = "Map of every matching block, those listed on this page in colour (the list below has the same results as text)";

/**
 * Every script chunk of the portal passes, except those holding MapLibre (its class names are in
 * its code): those are held forever when `hang`, and counted either way.
 */
async function watchMapLibre(page: Page, hang: boolean): Promise<{ requested: string[] }> {
  const seen = { requested: [] as string[] };
  // Scripts only: MapLibre's stylesheet names the same classes.
  await page.route((url) => url.pathname.startsWith("/_next/static/chunks/") && url.pathname.endsWith(".js"), async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (!body.includes("maplibregl-canvas")) return route.fulfill({ response, body });
    seen.requested.push(route.request().url());
    if (hang) return; // never answered: the map's code does not arrive
    return route.fulfill({ response, body });
  });
  return seen;
}

/** Closes the page once its routes are gone (a held request must not outlive it as an error). */
async function close(page: Page): Promise<void> {
  await page.unrouteAll({ behavior: "ignoreErrors" });
  await page.close();
}

describe.skipIf(!chromiumPath)("search page: the map loads after the list, in the space kept for it", () => {
  const browser = useBrowser(chromiumPath);

  it("results and filters work while MapLibre's code never arrives", async () => {
    const page = await browser().newPage();
    const mapLibre = await watchMapLibre(page, true);
    await page.goto(`${baseUrl}/en/search`);
    // The list is there and readable; the map's box is a labelled placeholder saying it loads.
    expect(await page.getByTestId("block-result").count()).toBe(20);
    const countOf = async () => Number((await page.getByTestId("result-count").textContent())!.replace(/ blocks?,.*/, "").replace(/,/g, ""));
    const all = await countOf();
    const placeholder = page.getByTestId("land-map-placeholder");
    expect(await placeholder.getByRole("region", { name: MAP_LABEL }).count()).toBe(1);
    expect(await placeholder.locator(":scope > p").textContent()).toBe("Loading the map…");
    // The map (in view at this size) was asked for once the page was idle, and is held back.
    await expect.poll(() => mapLibre.requested.length, { timeout: 15_000 }).toBeGreaterThan(0);
    // A filter that needs the page's own JavaScript (hydrated, not blocked by the map): changing
    // the unit converts the typed size, 150 mu -> 10 ha, and says so.
    await page.locator("#minArea").fill("150");
    await page.locator("#unit").selectOption("ha");
    expect(await page.locator("#minArea").inputValue()).toBe("10");
    expect(await page.locator("#unit-converted").textContent()).not.toBe("");
    // And the search itself: submitting the filters gives the new results, map still held back.
    await page.locator('#filters button[type="submit"]').click();
    // ("load" may never come: the map's script, asked for early, is still held.)
    await page.waitForURL((url) => url.searchParams.get("minArea") === "10" && url.searchParams.get("unit") === "ha", { waitUntil: "domcontentloaded" });
    const larger = await countOf();
    expect(larger).toBeGreaterThan(0);
    expect(larger).toBeLessThan(all);
    expect(await page.getByTestId("block-result").count()).toBe(Math.min(20, larger));
    expect(await page.locator("canvas.maplibregl-canvas").count()).toBe(0);
    await close(page);
  });

  it("below the fold the map is not fetched until scrolled to, then fills the reserved box", async () => {
    // A phone held sideways with the keyboard up: a 200 px high view, the map's box lies below.
    const page = await browser().newPage({ viewport: { width: 390, height: 200 } });
    const mapLibre = await watchMapLibre(page, false);
    // Every layout shift the browser reports (the CLS that Lighthouse adds up), with its time.
    await page.addInitScript(() => {
      const shifts: { at: number; value: number }[] = [];
      Object.assign(window, { shifts });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push({ at: e.startTime, value: e.value });
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${baseUrl}/en/search`, { waitUntil: "load" });
    const reserved = (await page.getByTestId("land-map-placeholder").getByRole("region").boundingBox())!;
    const reservedTop = await page.getByTestId("land-map-placeholder").getByRole("region").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    // Out of sight, with the 200 px margin the observer looks ahead by.
    expect((await page.getByTestId("land-map-placeholder").boundingBox())!.y).toBeGreaterThan(200 + 200);
    await page.waitForTimeout(2_000);
    expect(mapLibre.requested).toEqual([]);
    expect(await page.locator("canvas.maplibregl-canvas").count()).toBe(0);
    const scrolledAt = await page.evaluate(() => performance.now());
    await page.getByTestId("land-map-placeholder").scrollIntoViewIfNeeded();
    await page.locator("[data-testid=land-map][data-state=ready] canvas.maplibregl-canvas").waitFor({ timeout: 30_000 });
    expect(mapLibre.requested.length).toBeGreaterThan(0);
    // MapLibre's stylesheet came with its code (it is no longer in the page's own CSS).
    expect(await page.locator(".maplibregl-map").evaluate((el) => getComputedStyle(el).position)).toBe("relative");
    // The drawn map has the placeholder's exact size: nothing reserved too little or too much.
    const drawn = (await page.getByTestId("land-map").boundingBox())!;
    expect([drawn.width, drawn.height]).toEqual([reserved.width, reserved.height]);
    // ...in the same place: the draw buttons that appear above the ready map took the row kept
    // for them (without it the map moved down by the buttons' height, CLS 0.11 on a phone).
    expect(await page.getByTestId("land-map").evaluate((el) => el.getBoundingClientRect().top + window.scrollY)).toBe(reservedTop);
    expect(await page.getByTestId("area-controls").count()).toBe(1);
    expect(await page.getByTestId("reserved-area-controls").count()).toBe(0);
    // ...and it never moved on the way either (placeholder -> loading map -> ready map): nothing
    // in view shifted from the scroll on.
    await page.waitForTimeout(500);
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { at: number; value: number }[] }).shifts);
    expect(shifts.filter((s) => s.at > scrolledAt)).toEqual([]);
    expect(await page.getByTestId("land-map-placeholder").count()).toBe(0);
    await close(page);
  });

  it("in Chinese the placeholder is labelled and says it is loading", async () => {
    const page = await browser().newPage();
    await watchMapLibre(page, true);
    await page.goto(`${baseUrl}/zh/search`);
    const placeholder = page.getByTestId("land-map-placeholder");
    expect(await placeholder.getByRole("region", { name: "全部符合条件的连片地块地图，本页列出的以彩色显示（下方列表以文字列出相同结果）" }).count()).toBe(1);
    expect(await placeholder.locator(":scope > p").textContent()).toBe("地图加载中…");
    await close(page);
  });
});
