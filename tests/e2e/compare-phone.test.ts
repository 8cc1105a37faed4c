// The compare page on a phone (verifier finding D11: at 390 px the row headings wrapped one
// character per line). Row headings keep a readable width and stay in view; the data columns
// scroll inside the table's own container, never the page; printing still lays the whole
// table across the page with nothing sticky.
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");

describe.skipIf(!chromiumPath || !databaseUrl)("compare page at 390 px", () => {
  const browser = useBrowser(chromiumPath);

  async function compareUrl(locale: "zh" | "en") {
    const db = createPrismaClient(databaseUrl!, 1);
    try {
      const keys = (await runLandSearch(db, landSearchSchema.parse({ minArea: "300" }))).result.results.slice(0, 3).map((b) => b.key);
      expect(keys).toHaveLength(3);
      return `${baseUrl}/${locale}/compare?minArea=300&compare=${encodeURIComponent(keys.join(","))}`;
    } finally {
      await db.$disconnect();
    }
  }

  for (const locale of ["en", "zh"] as const) {
    it(`${locale}: row headings are readable, the table scrolls in its own box, the page does not`, async () => {
      const context = await browser().newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: locale === "zh" ? "zh-CN" : "en-GB" });
      const page = await context.newPage();
      await page.goto(await compareUrl(locale));
      const headings = await page.getByTestId("compare-row-heading").evaluateAll((els) =>
        els.map((el) => {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          // The label's own text (the cell is as tall as the row's tallest data cell): its lines.
          const range = document.createRange();
          const label = [...el.childNodes].find((c) => c.nodeType === Node.TEXT_NODE && (c.textContent ?? "").trim())!;
          range.selectNode(label);
          return { text: el.textContent ?? "", width: box.width, height: range.getBoundingClientRect().height, lineHeight: parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5, position: style.position };
        }),
      );
      expect(headings.length).toBeGreaterThan(5);
      for (const h of headings) {
        expect(h.width, h.text).toBeGreaterThanOrEqual(80);
        // at most three lines of text (one character per line took a line per character)
        expect(h.height, h.text).toBeLessThanOrEqual(3 * h.lineHeight + 1);
        expect(h.position).toBe("sticky");
      }
      const widths = await page.evaluate(() => {
        const wrap = document.querySelector('[data-testid="compare-table-wrap"]')!;
        return { doc: document.documentElement.scrollWidth, wrapScroll: wrap.scrollWidth, wrapClient: wrap.clientWidth };
      });
      expect(widths.doc).toBeLessThanOrEqual(390);
      // Three data columns do not fit 390 px: they scroll inside the table's container.
      expect(widths.wrapScroll).toBeGreaterThan(widths.wrapClient);
      // Scrolled to the last column, the row heading is still at the left edge of the box.
      const left = await page.evaluate(() => {
        const wrap = document.querySelector('[data-testid="compare-table-wrap"]')!;
        wrap.scrollLeft = wrap.scrollWidth;
        const th = document.querySelector('[data-testid="compare-row-heading"]')!;
        return th.getBoundingClientRect().left - wrap.getBoundingClientRect().left;
      });
      expect(Math.abs(left)).toBeLessThanOrEqual(2);
      await context.close();
    });
  }

  it("en: printed (A4 landscape width), the table fits the page and nothing is sticky", async () => {
    const context = await browser().newContext({ viewport: { width: 1040, height: 740 }, deviceScaleFactor: 1, locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(await compareUrl("en"));
    await page.emulateMedia({ media: "print" });
    const printed = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid="compare-table-wrap"]')!;
      const table = document.querySelector('[data-testid="compare-table"]')!;
      const th = document.querySelector('[data-testid="compare-row-heading"]')!;
      return { table: table.getBoundingClientRect().width, wrap: wrap.clientWidth, doc: document.documentElement.scrollWidth, position: getComputedStyle(th).position, headingWidth: th.getBoundingClientRect().width };
    });
    expect(printed.position).toBe("static");
    expect(printed.table).toBeLessThanOrEqual(printed.wrap + 1);
    expect(printed.doc).toBeLessThanOrEqual(1040);
    expect(printed.headingWidth).toBeGreaterThanOrEqual(80);
    // And the PDF Chromium prints has the table on A4 landscape pages.
    const pdf = await page.pdf({ preferCSSPageSize: true });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await context.close();
  });
});
