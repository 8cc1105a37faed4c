// Taking it along: the data sheet downloaded from a block page in a real browser (both
// languages, its text read back from the PDF), and the compare page's remove buttons and its
// one inquiry about everything compared. The HTTP checks run without a browser too.
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { readPdf } from "../integration/helpers/pdf-text";
import { useBrowser } from "./use-browser";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");

const pdfText = async (bytes: Uint8Array) => {
  const pdf = await readPdf(bytes);
  for (const [w, h] of pdf.sizes) expect([w.toFixed(2), h.toFixed(2)]).toEqual(["595.28", "841.89"]);
  return pdf.text.join(" ").replace(/\s+/g, " ");
};

describe("data sheets over HTTP", () => {
  it("serves a park's sheet as an A4 PDF attachment and 404 for an unknown park", async () => {
    const res = await fetch(`${baseUrl}/en/parks/xinhui-smart-manufacturing/sheet`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="jiangmen-park-xinhui-smart-manufacturing-en\.pdf"; filename\*=UTF-8''/);
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("Park data sheet");
    expect((await fetch(`${baseUrl}/en/parks/no-such-park/sheet`)).status).toBe(404);
  });
});

async function openFirstBlock(page: Page, locale: "zh" | "en"): Promise<string> {
  await page.goto(`${baseUrl}/${locale}/search?minArea=300`);
  await page.getByTestId("block-result").first().getByRole("link").first().click();
  await page.waitForURL(/\/blocks\//);
  return decodeURIComponent(new URL(page.url()).pathname.split("/")[3]!);
}

describe.skipIf(!chromiumPath)("data sheet and compare in the browser", () => {
  const browser = useBrowser(chromiumPath);

  for (const locale of ["zh", "en"] as const) {
    it(`${locale}: downloads the block's data sheet from its page, with the block's figures in ${locale === "zh" ? "Chinese" : "English"}`, async () => {
      const context = await browser().newContext({ locale: locale === "zh" ? "zh-CN" : "en-GB", acceptDownloads: true });
      const page = await context.newPage();
      const key = await openFirstBlock(page, locale);
      const area = (await page.getByTestId("block-area").textContent()) ?? "";
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("data-sheet-link").click()]);
      const name = download.suggestedFilename();
      expect(name).toBe(locale === "zh" ? `地块资料单-${key}-${area.match(/^([\d,]+)亩/)![1]!.replace(/,/g, "")}亩.pdf` : `Block data sheet-${key}-${area.match(/\(([\d,]+) mu\)/)![1]!.replace(/,/g, "")} mu.pdf`);
      const text = await pdfText(new Uint8Array(await readFile((await download.path())!)));
      if (locale === "zh") {
        // The page says "1,005亩（67公顷）"; the sheet's title names the same mu.
        expect(text).toContain(`连片地块 ${area.match(/^([\d,]+)亩/)![1]}亩`);
        expect(text).toContain("配套进度（九通一平）");
        expect(text).toContain("资料单生成日期");
      } else {
        expect(text).toContain(`Contiguous block of ${area.match(/\(([\d,]+) mu\)/)![1]} mu`);
        expect(text).toContain("Readiness (nine connections and site levelling)");
        expect(text).toContain("Sheet generated on");
      }
      expect(text).toContain(`/${locale}/blocks/${key}?minArea=300`);
      await context.close();
    });
  }

  it("en: removes a compared block with its button and asks about the rest in one inquiry", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/search?minArea=300`);
    const hrefs = await page.getByTestId("block-result").evaluateAll((cards) => cards.slice(0, 3).map((c) => c.querySelector("a")!.getAttribute("href")!));
    const keys = hrefs.map((h) => decodeURIComponent(new URL(h, baseUrl).pathname.split("/")[3]!));
    expect(keys).toHaveLength(3);
    await page.goto(`${baseUrl}/en/compare?minArea=300&compare=${encodeURIComponent(keys.join(","))}`);
    const columns = page.getByTestId("compare-column");
    expect(await columns.count()).toBe(3);
    // Titled by size and park, not by a code.
    expect(await columns.first().textContent()).toMatch(/ha \([\d,]+ mu\) · /);
    // The area row differs between blocks of different sizes, and says so in words.
    await expect(page.locator("tr[data-row=area][data-differs=true] th").textContent()).resolves.toContain("(Values differ)");
    // "None yet" rather than 0/1 against 0/12, which would mark a row as differing for nothing.
    const readinessCells = await page.locator("tr[data-row^=readiness-] td").allTextContents();
    expect(readinessCells.length).toBeGreaterThan(0);
    for (const cell of readinessCells) expect(cell).not.toMatch(/^0\/\d+$/);
    await page.getByRole("link", { name: /^Remove “/ }).first().click();
    await page.waitForURL((u) => new URL(u).searchParams.get("compare") === keys.slice(1).join(","));
    expect(new URL(page.url()).searchParams.get("minArea")).toBe("300");
    expect(await page.getByTestId("compare-column").count()).toBe(2);
    await page.getByTestId("compare-ask-all").click();
    await page.waitForURL(/\/en\/inquiry\?compare=/);
    // Named by size and park, as the compare columns are, not by code.
    await expect(page.getByTestId("inquiry-about").textContent()).resolves.toMatch(/2 blocks and parcels compared: Contiguous block of [\d,.]+ ha \([\d,.]+ mu\), \d+ parcels?, in .+; Contiguous block of [\d,.]+ ha \([\d,.]+ mu\), \d+ parcels?, in /);
    expect(await page.getByTestId("inquiry-about").textContent()).not.toContain(keys[1]!);
    await expect(page.locator("input[name=compareList]").getAttribute("value")).resolves.toBe(keys.slice(1).join(","));
    await context.close();
  });
});
