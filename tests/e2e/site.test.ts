// What a search engine, a mistyped link and a security scanner see of the running portal.
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");

describe.skipIf(!baseUrl)("site-wide answers", () => {
  it("answers unknown parks, parcels and paths with HTTP 404 and a page in the visitor's language", async () => {
    for (const [path, text] of [
      ["/en/parks/no-such-park", "This page does not exist"],
      ["/zh/parcels/NO-SUCH-PARCEL", "页面不存在"],
      ["/en/no/such/page", "Search for land"],
    ] as const) {
      const res = await fetch(baseUrl + path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).toContain(text);
    }
  });

  it("serves robots.txt and a sitemap with every park in both languages", async () => {
    const robots = await (await fetch(`${baseUrl}/robots.txt`)).text();
    expect(robots).toContain("Disallow: /api/");
    expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
    const res = await fetch(`${baseUrl}/sitemap.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain("/zh/parks/xinhui-smart-manufacturing</loc>");
    expect(xml).toContain("/en/parks/xinhui-smart-manufacturing</loc>");
    expect(xml).toMatch(/hreflang="zh-CN"/);
    // 36 parks + 4 pages, twice.
    expect(xml.match(/<url>/g)?.length).toBe((36 + 4) * 2);
  });

  it("sends the hardening headers with pages", async () => {
    const res = await fetch(`${baseUrl}/en`);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });
});
