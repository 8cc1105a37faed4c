// The inquiry form filled in from the search (lib/inquiry/prefill.ts), over HTTP: the search's
// minimum area, power and water reach the form; with only a maximum the land field is blank and
// says what the search allowed; with no area, the block's size. In a real browser: an inquiry
// whose power no block of the size states is told so on the success page, with the figures.
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "./use-browser";

const baseUrl = inject("baseUrl");
const chromiumPath = inject("chromiumPath");
const get = async (path: string) => (await fetch(baseUrl + path)).text();
const valueOf = (html: string, name: string) => {
  const input = new RegExp(`<input [^>]*name="${name}"[^>]*>`).exec(html)?.[0] ?? "";
  return /value="([^"]*)"/.exec(input)?.[1] ?? null;
};
const firstBlock = async (qs: string) => /data-testid="block-result" data-key="([^"]+)"/.exec(await get(`/en/search?${qs}`))![1]!;

describe.skipIf(!baseUrl)("the inquiry form carries the search's own figures", () => {
  it("minimum area, power and water, both languages", async () => {
    const key = await firstBlock("minArea=100");
    for (const locale of ["en", "zh"]) {
      const html = await get(`/${locale}/inquiry?block=${key}&minArea=100&minPowerKva=2000&minWaterT=150`);
      expect(valueOf(html, "landNeededMu")).toBe("100");
      expect(valueOf(html, "powerKva")).toBe("2000");
      expect(valueOf(html, "waterTonsPerDay")).toBe("150");
      expect(html).toContain('data-testid="inquiry-prefilled"');
    }
  });

  it("with only a maximum: the land need is blank, the maximum said beside it", async () => {
    const key = await firstBlock("maxArea=300");
    const en = await get(`/en/inquiry?block=${key}&maxArea=300&minPowerKva=800`);
    expect(valueOf(en, "landNeededMu")).toBeNull();
    expect(valueOf(en, "powerKva")).toBe("800");
    expect(en).toContain('data-testid="land-hint">Your search allowed up to 20 ha (300 mu); enter the land you need.<');
    const zh = await get(`/zh/inquiry?block=${key}&maxArea=300`);
    expect(valueOf(zh, "landNeededMu")).toBeNull();
    expect(zh).toContain('data-testid="land-hint">您的搜索上限为300亩（20公顷）；请填写实际所需用地。<');
  });

  it("with no area in the search: the size of the block asked about", async () => {
    const search = await get("/en/search?minArea=100");
    const [, key, mu] = /data-testid="block-result" data-key="([^"]+)"[\s\S]*?\(([\d,]+) mu\)/.exec(search)!;
    const html = await get(`/en/inquiry?block=${key}`);
    // The card shows whole mu; the field one decimal: the same figure to within rounding.
    expect(Math.round(Number(valueOf(html, "landNeededMu")))).toBe(Number(mu!.replace(/,/g, "")));
    expect(valueOf(html, "powerKva")).toBeNull();
  });
});

describe.skipIf(!baseUrl)("no match because of the stated power", () => {
  const browser = useBrowser(chromiumPath);
  it.skipIf(!chromiumPath)("the success page says blocks of the size exist but none states the kVA", async () => {
    const context = await browser().newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/inquiry`);
    await page.fill("#contactName", "Anna Schmidt");
    await page.fill("#company", "Schmidt Batterietechnik GmbH");
    await page.fill("#email", "anna.power@example.de");
    await page.fill("#country", "Germany");
    await page.fill("#landNeededMu", "50");
    await page.fill("#powerKva", "9999999");
    await page.fill("#message", "A smelter: we need a very large power connection.");
    await page.check("#consent");
    await page.getByRole("button", { name: "Send inquiry" }).click();
    await page.getByTestId("inquiry-success").waitFor();
    const text = await page.getByTestId("inquiry-matched").textContent();
    expect(text).toMatch(/^We found \d+ blocks of 3\.3 ha \(50 mu\) or more, but none of them states 9,999,999 kVA of power; the officer will look for options with you/);
    await context.close();
  });
});
