// The 404 page is in the HTML itself: a visitor without JavaScript (and a crawler) reads the
// localized not-found page, not Next's empty error shell (vercel/next.js#62228; filled in by
// lib/http/not-found-shell.ts). With JavaScript the page is the site's own, once.
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./use-browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");

const ZH = { lang: "zh-CN", title: "页面不存在", links: ['href="/zh/search">搜索用地<', 'href="/zh/parks">全部园区<', 'href="/zh">首页<'] };
const EN = { lang: "en", title: "This page does not exist", links: ['href="/en/search">Search for land<', 'href="/en/parks">All parks<', 'href="/en">Home<'] };

// /nope.php has no locale: the proxy answers it in the visitor's language (Accept-Language: en).
const CASES = [
  ["/zh/nope", ZH],
  ["/nope.php", EN],
  ["/en/nope", EN],
  ["/en/blocks/XX-0", EN],
  ["/zh/parcels/NOPE-1", ZH],
] as const;

describe.skipIf(!baseUrl)("404 pages without JavaScript", () => {
  it("answer HTTP 404 with the localized not-found page and <html lang> in the HTML", async () => {
    for (const [path, page] of CASES) {
      // fetch asks for gzip/br: the page is filled in whether or not Next compresses it.
      const res = await fetch(baseUrl + path, { headers: { "accept-language": "en" } });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-type"), path).toBe("text/html; charset=utf-8");
      const html = await res.text();
      expect(/<html\b[^>]*>/.exec(html)?.[0], path).toBe(`<html id="__next_error__" lang="${page.lang}">`);
      expect(html, path).toContain(`<title>${page.title}</title>`);
      expect(/<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1], path).toBe(page.title);
      for (const link of page.links) expect(html, path).toContain(link);
    }
  });

  it("leaves the RSC data of a client-side navigation alone", async () => {
    // (Next answers those with 200 and the not-found page in the payload.)
    const res = await fetch(`${baseUrl}/en/nope`, { headers: { rsc: "1" } });
    expect(res.headers.get("content-type")).toBe("text/x-component");
    const body = await res.text();
    expect(body).not.toContain("<h1");
    expect(body).toContain("This page does not exist");
  });

  describe.skipIf(!chromiumPath)("in Chromium", () => {
    const browser = useBrowser(chromiumPath);

    it("shows the page with JavaScript off, and the site's page once with it on", async () => {
      for (const javaScriptEnabled of [false, true]) {
        const context = await browser().newContext({ javaScriptEnabled, locale: "zh-CN" });
        const page = await context.newPage();
        const res = await page.goto(`${baseUrl}/zh/parcels/NOPE-1`);
        expect(res?.status()).toBe(404);
        if (javaScriptEnabled) await page.locator("header").first().waitFor();
        await expect(page.locator("h1").allTextContents(), `JavaScript ${javaScriptEnabled}`).resolves.toEqual(["页面不存在"]);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe("zh-CN");
        await expect(page.getByRole("link", { name: "全部园区" }).first().getAttribute("href")).resolves.toBe("/zh/parks");
        await context.close();
      }
    });
  });
});
