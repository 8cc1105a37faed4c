// The park 大广海湾经济区's retired code "dagwanghai-bay-economic-zone" (verifier D9): its
// page, its data sheet and searches in it move permanently (308) to the new code's, with the
// rest of the URL kept, and what they land on answers 200 (lib/parks/code-aliases.ts).
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const OLD = "dagwanghai-bay-economic-zone";
const NEW = "daguanghai-bay-economic-zone";

const head = (path: string) => fetch(baseUrl + path, { redirect: "manual" });

describe.skipIf(!baseUrl)("the park's old code", () => {
  it("park page: 308 to the new code's page, which answers 200 with the park", async () => {
    for (const locale of ["en", "zh"]) {
      const res = await head(`/${locale}/parks/${OLD}`);
      expect(res.status).toBe(308);
      expect(new URL(res.headers.get("location")!, baseUrl).pathname).toBe(`/${locale}/parks/${NEW}`);
    }
    const page = await head(`/en/parks/${NEW}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Daguanghai Bay Economic Zone");
    expect(html).not.toContain(OLD);
  });

  it("data sheet: 308 to the new code's sheet, the query kept; the sheet is a PDF", async () => {
    const res = await head(`/en/parks/${OLD}/sheet?x=1`);
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`/en/parks/${NEW}/sheet?x=1`);
    const sheet = await head(`/en/parks/${NEW}/sheet`);
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-type")).toBe("application/pdf");
  });

  it("search: 308 to the same search in the new code, every other filter kept; it lists the same as the new code", async () => {
    const res = await head(`/en/search?county=TAISHAN&park=${OLD}&ready=power&ready=gas&minArea=5`);
    expect(res.status).toBe(308);
    const to = new URL(res.headers.get("location")!, baseUrl);
    expect(to.pathname).toBe("/en/search");
    expect([...to.searchParams]).toEqual([["county", "TAISHAN"], ["park", NEW], ["ready", "power"], ["ready", "gas"], ["minArea", "5"]]);
    const landed = await head(`${to.pathname}${to.search}`);
    expect(landed.status).toBe(200);
    // The same answer as the search typed with the new code (the park has no parcels of its
    // own: none in either, and said the same way).
    const count = (html: string) => /data-testid="result-count"[^>]*>(.*?)<\/h2>/s.exec(html)?.[1] ?? /data-testid="zero-results"[^>]*>(.*?)<\//s.exec(html)?.[1];
    const direct = await (await head(`/en/search?county=TAISHAN&park=${NEW}&ready=power&ready=gas&minArea=5`)).text();
    expect(count(await landed.text())).toBe(count(direct));
    expect(count(direct)).toBeTruthy();
    // A search with another park is not touched.
    expect((await head("/en/search?park=yinhu-bay")).status).toBe(200);
  });
});
