import { describe, expect, inject, it } from "vitest";
import { env } from "@/lib/env";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");

it("has a browser to run in (CI installs Debian's chromium)", () => {
  if (!chromiumPath && !env().CI) {
    console.warn("Chromium not found: browser tests skipped. Install it with `apt-get install -y chromium`.");
    return;
  }
  expect(chromiumPath, "chromium is required in CI").not.toBe("");
});

describe.skipIf(!baseUrl)("home page over HTTP", () => {
  it("shows the large-block figure the search gives for minArea=500, and links to that search", async () => {
    const html = await (await fetch(`${baseUrl}/en`)).text();
    // The figure and its label are links to the search that counts them.
    expect(html).toMatch(/data-testid="live-large-blocks"><a [^>]*href="\/en\/search\?minArea=500"[^>]*>28<\/a>/);
    expect(html).toMatch(/<a href="\/en\/search\?minArea=500"[^>]*data-testid="live-large-blocks-link">Contiguous available blocks of 500 mu or more<\/a>/);
    // The hero's first call to action is the land search.
    expect(html).toMatch(/<a href="\/en\/search"[^>]*data-testid="cta-search">Search available land<\/a>/);
    expect(html).toContain('href="/en/search?minArea=500"');
    const search = await (await fetch(`${baseUrl}/en/search?minArea=500`)).text();
    expect(search.match(/data-testid="block-result"/g)).toHaveLength(20); // first page of 28
    expect(search).toContain("28 blocks, 1,501.6 ha (22,525 mu) in total");
  });
});

describe.skipIf(!chromiumPath)("home page in a real browser", () => {
  const browser = useBrowser(chromiumPath);

  it("a Chinese-speaking visitor lands on /zh with the live land figures and the park directory", async () => {
    const context = await browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(baseUrl + "/");
    expect(new URL(page.url()).pathname).toBe("/zh");
    await expect(page.locator("h1").textContent()).resolves.toBe("江门有地");
    expect(await page.locator("html").getAttribute("lang")).toBe("zh-CN");
    const largeBlocks = Number((await page.getByTestId("live-large-blocks").textContent())?.replace(/\D/g, ""));
    // The land search's own count for /zh/search?minArea=500 on the seeded data.
    expect(largeBlocks).toBe(28);
    await expect(page.getByTestId("live-large-blocks-area").textContent()).resolves.toBe("合计 22,525亩（1,501.6公顷）");
    expect(await page.getByTestId("park-card").count()).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId("headline-figure").count()).toBeGreaterThan(0);
    await expect(page.getByText("示意几何").first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("the language switch shows the same page in English, every string from the English messages", async () => {
    const context = await browser().newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.goto(baseUrl + "/zh");
    await page.getByRole("link", { name: /English/ }).click();
    await page.waitForURL("**/en");
    await expect(page.locator("h1").textContent()).resolves.toBe("Jiangmen has land");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect(page.getByText("Park directory").isVisible()).resolves.toBe(true);
    await expect(page.getByText("Xinhui", { exact: true }).first().isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("an English-speaking visitor is sent to /en", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(baseUrl + "/");
    expect(new URL(page.url()).pathname).toBe("/en");
    await context.close();
  });

  it("is usable on a phone: no sideways scrolling, cards in one column", async () => {
    const context = await browser().newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(baseUrl + "/zh");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const boxes = await page.getByTestId("park-card").evaluateAll((els) => els.slice(0, 3).map((e) => e.getBoundingClientRect().x));
    expect(new Set(boxes.map((x) => Math.round(x))).size).toBe(1);
    await context.close();
  });

  it("search on a phone: results and map first, the filters one tap away", async () => {
    const context = await browser().newContext({ locale: "zh-CN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(baseUrl + "/zh/search?minArea=100");
    await page.locator("[data-testid=land-map][data-state=ready]").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const top = async (selector: string) => (await page.locator(selector).first().boundingBox())!.y;
    expect(await top("[data-testid=block-result]")).toBeLessThan(await top("#filters"));
    await page.getByRole("link", { name: "调整筛选条件 ↓" }).click();
    await expect(page.evaluate(() => location.hash)).resolves.toBe("#filters");
    // A filter to correct comes first instead.
    await page.goto(baseUrl + "/zh/search?minArea=abc");
    expect(await top("#filters")).toBeLessThan(await top("[role=alert]"));
    await context.close();
  });

  it("from the directory to a park page: site plan by status, zones, projects, and its land search", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(baseUrl + "/en");
    await page.getByRole("link", { name: "Xinhui Smart Manufacturing Industrial Park", exact: true }).click();
    await page.waitForURL("**/en/parks/xinhui-smart-manufacturing");
    expect(await page.locator("svg[role=group] path").count()).toBeGreaterThan(50);
    expect(Number(await page.getByTestId("count-AVAILABLE").textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId("project-card").count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: "Search land in this park" }).click();
    await page.waitForURL(/\/en\/search\?park=xinhui-smart-manufacturing/);
    expect(await page.getByTestId("block-result").count()).toBeGreaterThan(0);
    // Asking about a block found in this park: the park stays one of the block's filters.
    await page.getByTestId("block-result").first().getByRole("link", { name: "View block" }).click();
    await page.getByRole("link", { name: "Ask about this block" }).click();
    await page.waitForURL(/\/en\/inquiry\?block=/);
    expect(await page.locator("input[name=blockQuery]").inputValue()).toContain("park=xinhui-smart-manufacturing");
    await expect(page.getByTestId("inquiry-about").textContent()).resolves.toMatch(/block/i);
    await context.close();
  });

  it("the park directory filters by county and land on offer, from the URL", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(baseUrl + "/en/parks");
    const all = await page.getByTestId("park-card").count();
    await page.selectOption("select[name=county]", "HESHAN");
    await page.check("input[name=land]");
    await page.getByRole("button", { name: "Search" }).click();
    await page.waitForURL(/county=HESHAN/);
    const cards = page.getByTestId("park-card");
    expect(await cards.count()).toBeGreaterThan(0);
    expect(await cards.count()).toBeLessThan(all);
    for (const text of await cards.allTextContents()) expect(text).toMatch(/available in/);
    await expect(page.getByRole("heading", { name: "Heshan" }).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
