// Location context on the maps (issue #11, "Where is it?"): distances to the logistics layer on
// park, block and parcel pages (plain HTTP, exact figures), and in Chromium the offline context
// layer (county names, scale bar, logistics symbols and their switch), list <-> map highlight,
// the marker popup, an area drawn on the search map landing in the URL, the phone width, and
// the site plan in place of the map where the browser has no WebGL.
// Headless Chromium draws MapLibre here with the usual flags (--disable-gpu): WebGL falls back
// to SwiftShader (software), which is what the "ready" state below proves.
import { afterAll, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { createPrismaClient } from "@/lib/db/client";
import { bboxOf } from "@/lib/land/geometry";
import type { PolygonGeometry } from "@/lib/land/geometry";
import { logisticsPoints, nearestByKind } from "@/lib/location/distance";
import { bboxCentre, formatKm } from "@/lib/location/site";
import { parseSearchArea } from "@/lib/map/area";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const db = createPrismaClient(inject("e2eDatabaseUrl"), 2);
afterAll(() => db.$disconnect());

/** The distance table's rows as the page renders them: kind -> [place id, km text, minutes text]. */
function distanceRows(html: string): Record<string, [string, string, string]> {
  const rows: Record<string, [string, string, string]> = {};
  const re = /data-testid="nearest-(\w+)" data-point="([\w-]+)".*?data-testid="nearest-km">([^<]*)<.*?data-testid="nearest-minutes">([^<]*)</gs;
  for (const m of html.matchAll(re)) rows[m[1]!] = [m[2]!, m[3]!, m[4]!];
  return rows;
}

const expected = (site: { lng: number; lat: number }) =>
  Object.fromEntries(nearestByKind(site).map((n) => [n.point.kind, [n.point.id, `${formatKm("en", n.straightKm)} km`, `about ${n.minutes} min`]]));

describe("distances to ports, airports, rail, expressways and sea crossings", () => {
  it("park page: the nearest of each kind from the park's centre, exact figures", async () => {
    const html = await (await fetch(`${baseUrl}/en/parks/xinhui-smart-manufacturing`)).text();
    // Centre 112.96, 22.56 (seeds/data/parks.ts); km by haversine, minutes by driveEstimate.
    expect(distanceRows(html)).toEqual({
      port: ["port-gaosha", "18 km", "about 30 min"],
      airport: ["airport-zhuhai", "75 km", "about 95 min"],
      rail: ["rail-xinhui", "11 km", "about 25 min"],
      expressway: ["expressway-xinhui", "14 km", "about 30 min"],
      crossing: ["crossing-huangmaohai", "59 km", "about 80 min"],
    });
    expect(html).toContain("Positions are approximate");
    // The port named by an article shows its source by title, not an id.
    expect(html).toMatch(/Source: Jiangmen Daily[^<]*2023-08-23/);
    const zh = await (await fetch(`${baseUrl}/zh/parks/xinhui-smart-manufacturing`)).text();
    expect(zh).toContain("约 30 分钟");
    expect(zh).toContain("江门港高沙港区");
  });

  it("parcel page: measured from the middle of the parcel", async () => {
    const parcel = await db.parcel.findFirstOrThrow({ orderBy: { code: "desc" }, select: { code: true, geometry: true } });
    const html = await (await fetch(`${baseUrl}/en/parcels/${encodeURIComponent(parcel.code)}`)).text();
    expect(distanceRows(html)).toEqual(expected(bboxCentre(bboxOf(parcel.geometry as unknown as PolygonGeometry))));
  });

  it("block page: measured from the middle of the block", async () => {
    const search = await (await fetch(`${baseUrl}/en/search?county=XINHUI`)).text();
    const key = /data-testid="block-result" data-key="([^"]+)"/.exec(search)![1]!;
    const html = await (await fetch(`${baseUrl}/en/blocks/${encodeURIComponent(key)}?county=XINHUI`)).text();
    const rows = distanceRows(html);
    expect(Object.keys(rows)).toEqual(["port", "airport", "rail", "expressway", "crossing"]);
    // The block's box is the union of its parcels' boxes.
    const codes = [...html.matchAll(/data-testid="block-parcel"[^>]*>.*?\/parcels\/([^"]+)"/gs)].map((m) => decodeURIComponent(m[1]!));
    const parcels = await db.parcel.findMany({ where: { code: { in: codes } }, select: { geometry: true } });
    const boxes = parcels.map((p) => bboxOf(p.geometry as unknown as PolygonGeometry));
    const box: [number, number, number, number] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
    expect(rows).toEqual(expected(bboxCentre(box)));
  });
});

/** A numbered marker other than `not` that the open popup does not cover (so it can be clicked). */
async function uncoveredMarker(page: Page, not: string) {
  const popup = (await page.locator(".maplibregl-popup").boundingBox())!;
  const markers = page.locator("a[data-marker-key]");
  for (let i = 0; i < (await markers.count()); i++) {
    const m = markers.nth(i);
    const b = await m.boundingBox();
    if (!b || (await m.getAttribute("aria-label")) === not) continue;
    const overlaps = b.x < popup.x + popup.width && b.x + b.width > popup.x && b.y < popup.y + popup.height && b.y + b.height > popup.y;
    const inMap = await m.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const box = el.closest("[data-testid=land-map]")!.getBoundingClientRect();
      return r.left >= box.left && r.right <= box.right - 40 && r.top >= box.top && r.bottom <= box.bottom - 30;
    });
    if (!overlaps && inMap) return m;
  }
  throw new Error("every other marker lies under the popup or off the map");
}

async function openSearch(page: Page, query: string) {
  await page.goto(`${baseUrl}/en/search?${query}`);
  await page.locator("[data-testid=land-map][data-state=ready] canvas.maplibregl-canvas").waitFor();
}

describe.skipIf(!chromiumPath)("the search map in Chromium", () => {
  const browser = useBrowser(chromiumPath);

  it("draws the offline context: county names, scale bar, logistics symbols with a working switch", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI");
    const labels = await page.getByTestId("map-label").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["Pengjiang", "Jianghai", "Xinhui", "Taishan", "Kaiping", "Heshan", "Enping"]));
    expect(await page.locator(".maplibregl-ctrl-scale").textContent()).toMatch(/^\d+\s(k?m)$/);
    const layers = await page.evaluate(() => [...document.querySelectorAll("[data-testid=map-logistics]")].length);
    expect(layers).toBe(logisticsPoints.length);
    const gaosha = page.locator("[data-testid=map-logistics][data-id=port-gaosha]");
    expect(await gaosha.getAttribute("aria-label")).toBe("Jiangmen Port, Gaosha terminal");
    await page.getByTestId("logistics-toggle").uncheck();
    expect(await gaosha.isVisible()).toBe(false);
    await page.getByTestId("logistics-toggle").check();
    expect(await gaosha.isVisible()).toBe(true);
    await page.close();
  });

  it("park page (zh): a location map with the county names in Chinese, framing the nearest station", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/zh/parks/xinhui-smart-manufacturing`);
    const map = page.getByTestId("park-location").locator("[data-testid=land-map][data-state=ready]");
    await map.waitFor();
    expect(await map.getByTestId("map-label").allTextContents()).toEqual(expect.arrayContaining(["新会区", "蓬江区"]));
    const station = map.locator("[data-testid=map-logistics][data-id=rail-xinhui]");
    expect(await station.getAttribute("aria-label")).toBe("新会站");
    // Framed on screen: the station's symbol lies inside the map's box.
    const [m, s] = [(await map.boundingBox())!, (await station.boundingBox())!];
    expect(s.x >= m.x && s.x <= m.x + m.width && s.y >= m.y && s.y <= m.y + m.height).toBe(true);
    await page.close();
  });

  it("highlights a card's block on the map and a marker's card in the list; the popup names and links the block", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI");
    const card = page.getByTestId("block-result").nth(1);
    const key = (await card.getAttribute("data-key"))!;
    const marker = page.getByRole("link", { name: "Block 2 in the list" });
    await card.hover();
    expect(await marker.getAttribute("data-highlighted")).toBe("true");
    await page.mouse.move(1, 1);
    await card.hover();
    // Keyboard: tabbing into the card does the same.
    await card.getByRole("link").first().focus();
    expect(await marker.getAttribute("data-highlighted")).toBe("true");
    await page.getByTestId("block-result").first().hover();
    expect(await marker.getAttribute("data-highlighted")).toBe("false");
    await marker.hover();
    expect(await card.getAttribute("class")).toContain("ring-2");
    // Hover lights up, it does not open: the popup comes with a click (or a tap, or Tab).
    const popup = page.getByTestId("map-popup");
    expect(await popup.count()).toBe(0);
    await marker.click();
    await popup.waitFor();
    expect(page.url()).toContain("/en/search?");
    // Size and park, as the card says them.
    const cardText = (await card.textContent())!;
    const size = (await card.locator("p").first().evaluate((p) => p.lastChild?.textContent ?? ""))!;
    expect(size).toMatch(/^[\d.,]+ ha \([\d,]+ mu\)$/);
    const park = /\)([^·]+) · \d+ parcels/.exec(cardText)![1]!.trim();
    expect(await popup.textContent()).toBe(`${size}${park}Open this block`);
    const href = (await popup.getByRole("link").getAttribute("href"))!;
    expect(href).toBe(await marker.getAttribute("href"));
    expect(href.startsWith(`/en/blocks/${encodeURIComponent(key)}?`)).toBe(true);
    await popup.getByRole("link").click();
    await page.waitForURL(new RegExp(`/en/blocks/${key}`));
    await page.close();
  });

  it("puts a circle drawn on the map into the URL as area=c:<lng>,<lat>,<km>, keeps the other filters, and clears it", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI&minArea=50&page=2");
    await page.getByRole("button", { name: "Draw a circle" }).click();
    const box = (await page.locator("[data-testid=land-map] canvas").boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.click(cx, cy);
    await page.mouse.move(cx + 150, cy);
    await page.mouse.click(cx + 150, cy);
    await page.waitForURL(/area=c/);
    const url = new URL(page.url());
    const area = url.searchParams.get("area")!;
    expect(area).toMatch(/^c:1\d\d\.\d{1,5},2\d\.\d{1,5},\d+(\.\d{1,3})?$/);
    const parsed = parseSearchArea(area);
    expect(parsed?.kind).toBe("circle");
    if (parsed?.kind === "circle") {
      expect(parsed.radiusKm).toBeGreaterThan(0.5);
      expect(parsed.radiusKm).toBeLessThan(50);
    }
    expect(url.searchParams.get("county")).toBe("XINHUI");
    expect(url.searchParams.get("minArea")).toBe("50");
    expect(url.searchParams.get("page")).toBeNull();
    // The search applies the drawn area: the count shown is the engine's own for the same URL
    // (run here in-process on the same database), and fewer than without the area.
    const q = landSearchSchema.parse(searchParamsToObject(url.searchParams));
    const within = (await runLandSearch(db, q)).result.total;
    const without = (await runLandSearch(db, { ...q, area: undefined })).result.total;
    expect(within).toBeLessThan(without);
    const count = (await page.getByTestId("result-count").textContent()) ?? "";
    expect(count).toMatch(within === 0 ? /^No blocks match/ : new RegExp(`^${within} blocks?,`));
    // The map shows the URL's area after the navigation (a search with no result shows no map).
    if (within > 0) {
      await page.locator("[data-testid=land-map][data-state=ready]").waitFor();
      await expect(page.getByTestId("area-controls").textContent()).resolves.toContain("Only land inside the drawn area is searched.");
    }
    const clear = page.getByTestId("area-clear");
    const back = new URL((await clear.getAttribute("href"))!, baseUrl);
    expect(back.searchParams.get("area")).toBeNull();
    expect(back.searchParams.get("county")).toBe("XINHUI");
    await page.close();
  });

  it("draws a circle without a pointer: pan with the keyboard, pick a radius, circle around the map's centre", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI");
    await page.locator("[data-testid=land-map] canvas").focus();
    await page.keyboard.press("ArrowRight");
    await page.getByLabel("Radius of the circle around the map's centre").selectOption("10");
    await page.getByRole("button", { name: "around the map's centre" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/area=c/);
    const area = parseSearchArea(new URL(page.url()).searchParams.get("area"));
    expect(area?.kind === "circle" && area.radiusKm).toBe(10);
    await page.close();
  });

  it("fits a 390 px phone: no sideways scroll, zoom and draw controls on screen, a polygon drawn by taps", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openSearch(page, "county=XINHUI");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const zoom = (await page.getByRole("button", { name: "Zoom in" }).boundingBox())!;
    expect(zoom.x + zoom.width).toBeLessThanOrEqual(390);
    await page.getByRole("button", { name: "Draw an area" }).click();
    const box = (await page.locator("[data-testid=land-map] canvas").boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    for (const [dx, dy] of [[-50, -40], [50, -40], [50, 40], [-50, 40]] as const) await page.mouse.click(cx + dx, cy + dy);
    await page.getByRole("button", { name: "Finish" }).click();
    await page.waitForURL(/area=p/);
    const area = parseSearchArea(new URL(page.url()).searchParams.get("area"));
    expect(area?.kind === "polygon" && area.vertices.length).toBe(4);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it("popups: one at a time, closed by the close button and by Escape; Tab opens one as before", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI");
    const popups = page.getByTestId("map-popup");
    const first = page.getByRole("link", { name: "Block 1 in the list" });
    await first.click();
    await popups.waitFor();
    const other = await uncoveredMarker(page, "Block 1 in the list");
    await other.click();
    await expect.poll(() => popups.count()).toBe(1);
    expect(await popups.getAttribute("data-key")).toBe(await other.getAttribute("data-marker-key"));
    const close = page.getByTestId("map-popup-close");
    expect(await close.getAttribute("aria-label")).toBe("Close");
    await close.click();
    await expect.poll(() => popups.count()).toBe(0);
    await first.click();
    await popups.waitFor();
    await page.keyboard.press("Escape");
    await expect.poll(() => popups.count()).toBe(0);
    // Keyboard: Tab onto a marker opens its popup (the last one reached); Enter opens the block.
    await other.focus();
    await first.focus();
    const firstKey = await first.getAttribute("data-marker-key");
    await expect.poll(() => popups.getAttribute("data-key")).toBe(firstKey);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/blocks\//);
    await page.close();
  });

  it("stacks place labels (even those re-added on zoom) under logistics symbols, under the markers; each marker takes its own click", async () => {
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await openSearch(page, "county=XINHUI");
    await page.getByRole("button", { name: "Zoom out" }).click();
    await page.waitForTimeout(600);
    await page.mouse.move(1, 1);
    const stacking = await page.evaluate(() => {
      const zs = (sel: string) => [...new Set([...document.querySelectorAll<HTMLElement>(sel)].map((e) => getComputedStyle(e).zIndex))];
      return { labels: zs("[data-testid=map-label]"), logistics: zs("[data-testid=map-logistics]"), markers: zs("a[data-marker-key]") };
    });
    expect(stacking).toEqual({ labels: ["0"], logistics: ["1"], markers: ["2"] });
    const covered = await page.evaluate(() => {
      const box = document.querySelector("[data-testid=land-map]")!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>("a[data-marker-key]")].flatMap((m) => {
        const r = m.getBoundingClientRect();
        if (r.left < box.left || r.right > box.right - 40 || r.top < box.top || r.bottom > box.bottom - 30) return [];
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return hit?.closest("a[data-marker-key]") === m ? [] : [m.getAttribute("aria-label")];
      });
    });
    expect(covered).toEqual([]);
    await page.close();
  });

  it("on a 390 px phone a tap on a marker opens its popup with a working link; a tap on another closes the first", async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openSearch(page, "county=XINHUI");
    const popups = page.getByTestId("map-popup");
    const first = page.getByRole("link", { name: "Block 1 in the list" });
    const key = (await first.getAttribute("data-marker-key"))!;
    await first.tap();
    await popups.waitFor();
    // Still on the search: the tap opened the popup, not the block.
    expect(new URL(page.url()).pathname).toBe("/en/search");
    const card = page.locator(`[data-testid=block-result][data-key="${key}"]`);
    const size = (await card.locator("p").first().evaluate((p) => p.lastChild?.textContent ?? ""))!;
    expect((await popups.textContent())!.startsWith(size)).toBe(true);
    expect(await popups.getByRole("link").getAttribute("href")).toBe(await first.getAttribute("href"));
    const other = await uncoveredMarker(page, "Block 1 in the list");
    await other.tap();
    await expect.poll(async () => (await popups.count()) === 1 && (await popups.getAttribute("data-key")) === (await other.getAttribute("data-marker-key"))).toBe(true);
    const href = (await popups.getByRole("link").getAttribute("href"))!;
    await popups.getByRole("link").tap();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await context.close();
  });

  it("parcel page: the context map (ready, scale bar, logistics, county names when zoomed out) with the parcel outlined", async () => {
    const parcel = await db.parcel.findFirstOrThrow({ where: { code: { startsWith: "XH-SM" } }, orderBy: { code: "asc" }, select: { code: true } });
    const page = await browser().newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseUrl}/en/parcels/${encodeURIComponent(parcel.code)}`);
    const map = page.getByTestId("parcel-map").locator("[data-testid=land-map][data-state=ready]");
    await map.locator("canvas.maplibregl-canvas").waitFor();
    expect(await page.getByTestId("parcel-map").locator(".maplibregl-ctrl-scale").textContent()).toMatch(/^\d+\s(k?m)$/);
    expect(await page.getByTestId("parcel-map").locator("[data-testid=map-logistics]").count()).toBe(logisticsPoints.length);
    expect(await page.getByTestId("parcel-map").getByTestId("map-legend").textContent()).toContain("This parcel's outline");
    // Framed on the parcel and its neighbours (town scale: no county names yet); zooming out
    // brings the counties in.
    const labels = page.getByTestId("parcel-map").getByTestId("map-label");
    expect(await labels.count()).toBe(0);
    for (let i = 0; i < 8 && (await labels.count()) === 0; i++) {
      await page.getByRole("button", { name: "Zoom out" }).click();
      await page.waitForTimeout(400);
    }
    expect(await labels.allTextContents()).toEqual(expect.arrayContaining(["Xinhui", "Jianghai"]));
    // The site plan is the fallback only.
    expect(await page.getByTestId("parcel-map").locator("svg path").count()).toBe(0);
    await page.close();
  });

  it("parcel page without WebGL: the site plan with the parcel, and why", async () => {
    const parcel = await db.parcel.findFirstOrThrow({ where: { code: { startsWith: "XH-SM" } }, orderBy: { code: "asc" }, select: { code: true } });
    const page = await browser().newPage();
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return kind.startsWith("webgl") ? null : (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}/en/parcels/${encodeURIComponent(parcel.code)}`);
    const map = page.getByTestId("parcel-map").locator("[data-testid=land-map][data-state=nowebgl]");
    await map.waitFor();
    expect(await map.textContent()).toContain("Here is the site plan instead");
    expect(await map.locator("svg path").count()).toBeGreaterThan(1);
    await page.close();
  });

  it("without WebGL shows the block's site plan and says why, not an empty box", async () => {
    const page = await browser().newPage();
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        return kind.startsWith("webgl") ? null : (original as (...a: unknown[]) => unknown).call(this, kind, ...rest);
      } as typeof original;
    });
    await page.goto(`${baseUrl}/en/search?county=XINHUI`);
    await page.locator("[data-testid=land-map][data-state=nowebgl]").waitFor();
    expect(await page.getByTestId("land-map").textContent()).toContain("Every result is in the list below.");
    // No key left under a map that is not there.
    await expect(page.locator("[data-testid=land-map][data-state=nowebgl] ~ [data-testid=map-legend]").isVisible()).resolves.toBe(false);
    expect(await page.locator("[data-testid=land-map][data-state=nowebgl] ~ [data-testid=map-legend]").count()).toBe(1);
    await page.getByTestId("block-result").first().getByRole("link").first().click();
    await page.waitForURL(/\/blocks\//);
    const map = page.locator("[data-testid=land-map][data-state=nowebgl]");
    await map.waitFor();
    expect(await map.textContent()).toContain("Here is the site plan instead");
    expect(await map.locator("svg path").count()).toBeGreaterThan(1);
    await page.close();
  });
});
