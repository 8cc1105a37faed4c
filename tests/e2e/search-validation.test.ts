// The search page over HTTP with input that used to be misread: every field message is ours,
// in the page's language, and names the limit; a repeated parameter is named.
import { describe, expect, inject, it } from "vitest";

const baseUrl = inject("baseUrl");
const page = async (path: string) => {
  const res = await fetch(baseUrl + path);
  return { status: res.status, html: await res.text() };
};

describe.skipIf(!baseUrl)("search page field messages", () => {
  it("/zh: too large, not a plain number, no such day, in Chinese and with the limit", async () => {
    const { status, html } = await page("/zh/search?minArea=1e308&maxPrice=1000000001&by=2025-02-30&maxArea=abc");
    expect(status).toBe(200);
    expect(html).toContain("数值不能超过 1,000,000,000。");
    expect(html).toContain("请输入普通数字，如 1500 或 12.5（数字、小数点，千位间可用逗号或空格）。");
    expect(html).toContain("日历上没有这一天，请检查月份和日期。");
    expect(html).not.toMatch(/Invalid input|expected number|received NaN/);
    expect(html).not.toContain('data-testid="result-count"');
  });

  it("/en: a repeated parameter is named, including one without its own control", async () => {
    const { html } = await page("/en/search?reserved=1&reserved=1&page=2&page=3");
    expect(html).toContain("This parameter is given more than once in the address; keep a single value.");
    expect(html).toMatch(/<code>page<\/code>: (<!-- -->)?This parameter is given more than once/);
    expect(html).not.toContain('data-testid="result-count"');
  });

  it("by=1969-12-31 is a deadline nothing meets, not 'no deadline'", async () => {
    const { html } = await page("/en/search?by=1969-12-31");
    expect(html).toMatch(/data-testid="result-count"[^>]*>No blocks match/);
  });
});
