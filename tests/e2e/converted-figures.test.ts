// USD and EUR beside the CNY figures where investors compare land (verifier finding D12): the
// search result cards, the compare table and the block data sheet's costs, at the admin-set
// dated rate, with the rates and their date stated once; CNY only when no rate is set. Exact
// figures over HTTP in both languages, computed here from the search's rows and the rates.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import type { BlockResult } from "@/lib/search/search";
import { readPdf } from "../integration/helpers/pdf-text";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const USD = 7.245, EUR = 7.86, AS_OF = "2026-11-20";

const n = (v: number) => new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(v);
const conv = (cny: number, rate: number) => n(Math.round(cny / rate)); // every figure here is ≥ 100
const range = (min: number, max: number | null, rate: number) => (max === null || max === min ? conv(min, rate) : `${conv(min, rate)}–${conv(max, rate)}`);
const compact = (locale: "zh" | "en", min: number, max: number | null = null) =>
  locale === "en" ? `≈ USD ${range(min, max, USD)} · EUR ${range(min, max, EUR)}` : `约 ${range(min, max, USD)} 美元 · ${range(min, max, EUR)} 欧元`;
const FOOTNOTE = {
  en: `≈ converted at CNY 7.2450 per USD, CNY 7.8600 per EUR, set ${AS_OF}`,
  zh: `约数按 1 美元 = 7.2450 元，1 欧元 = 7.8600 元 折算，汇率 ${AS_OF} 设定`,
};
const textOf = (html: string) => html.replace(/<script[^]*?<\/script>/g, " ").replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/\s+/g, " ");
/** The inner text of each element that carries data-testid=`id` (no nested element of the same kind). */
const byTestId = (html: string, id: string) => [...html.matchAll(new RegExp(`data-testid="${id}"[^>]*>([^]*?)</(?:p|span)>`, "g"))].map((m) => textOf(m[1]!).trim());
/** The visible text of the compare table's row `row`. */
const rowText = (html: string, row: string) => textOf(new RegExp(`<tr[^>]*data-row="${row}"[^>]*>([^]*?)</tr>`).exec(html)?.[1] ?? "");

describe.skipIf(!baseUrl || !databaseUrl)("converted figures on the search, compare page and data sheet", () => {
  const db = createPrismaClient(databaseUrl!, 2);
  const added: string[] = [];
  let blocks: BlockResult[] = [];
  const query = landSearchSchema.parse({ minArea: "300" });

  beforeAll(async () => {
    // A rate an admin set, dated after the seed's: the one every page converts at.
    const rows = await Promise.all([
      db.exchangeRate.create({ data: { currency: "USD", cnyPerUnit: "7.245000", asOf: new Date(`${AS_OF}T00:00:00Z`), setById: "e2e-admin" }, select: { id: true } }),
      db.exchangeRate.create({ data: { currency: "EUR", cnyPerUnit: "7.860000", asOf: new Date(`${AS_OF}T00:00:00Z`), setById: "e2e-admin" }, select: { id: true } }),
    ]);
    added.push(...rows.map((r) => r.id));
    blocks = (await runLandSearch(db, query)).result.results.filter((b) => b.priceMin !== null && b.indicativeTotalCny !== null);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await db.exchangeRate.deleteMany({ where: { id: { in: added } } });
    await db.$disconnect();
  });

  for (const locale of ["en", "zh"] as const) {
    it(`${locale}: each result card gives its price and total in USD and EUR, the rates and date under the list`, async () => {
      const html = await (await fetch(`${baseUrl}/${locale}/search?minArea=300`)).text();
      const cards = html.split('data-testid="block-result"').slice(1);
      for (const b of blocks.slice(0, 5)) {
        const card = cards.find((c) => c.includes(`data-key="${b.key}"`))!;
        expect(byTestId(card, "price-converted")).toEqual([compact(locale, b.priceMin!, b.priceMax)]);
        expect(byTestId(card, "total-converted")).toEqual([compact(locale, b.indicativeTotalCny!)]);
      }
      expect(byTestId(html, "rates-footnote")).toEqual([FOOTNOTE[locale]]);
    });

    it(`${locale}: the compare table converts the price and total rows, with the rates under the table`, async () => {
      const [a, b] = blocks;
      const html = await (await fetch(`${baseUrl}/${locale}/compare?minArea=300&compare=${encodeURIComponent(`${a!.key},${b!.key}`)}`)).text();
      const price = rowText(html, "price");
      const total = rowText(html, "total");
      for (const blk of [a!, b!]) {
        expect(price).toContain(compact(locale, blk.priceMin!, blk.priceMax));
        expect(total).toContain(compact(locale, blk.indicativeTotalCny!));
      }
      expect(byTestId(html, "rates-footnote")).toEqual([FOOTNOTE[locale]]);
    });

    it(`${locale}: the block data sheet's costs give USD and EUR and name the rates`, async () => {
      const b = blocks[0]!;
      const res = await fetch(`${baseUrl}/${locale}/blocks/${encodeURIComponent(b.key)}/sheet?minArea=300`);
      expect(res.status).toBe(200);
      // Lines wrap where the layout wants (in Chinese anywhere): compare without white space.
      const text = (await readPdf(new Uint8Array(await res.arrayBuffer()))).text.join("").replace(/\s+/g, "");
      const flat = (s: string) => s.replace(/\s+/g, "");
      expect(text).toContain(flat(compact(locale, b.priceMin!, b.priceMax)));
      expect(text).toContain(flat(compact(locale, b.indicativeTotalCny!)));
      expect(text).toContain(flat(FOOTNOTE[locale]));
    });
  }

  it("without any rate set, the cards, the compare table and the sheet are CNY only, with no rate line", async () => {
    const saved = await db.exchangeRate.findMany();
    await db.exchangeRate.deleteMany({});
    try {
      const [a, b] = blocks;
      for (const locale of ["en", "zh"] as const) {
        const search = await (await fetch(`${baseUrl}/${locale}/search?minArea=300`)).text();
        expect(search).toContain('data-testid="block-price"');
        expect(search).not.toContain('data-testid="price-converted"');
        expect(search).not.toContain('data-testid="rates-footnote"');
        const compare = await (await fetch(`${baseUrl}/${locale}/compare?minArea=300&compare=${encodeURIComponent(`${a!.key},${b!.key}`)}`)).text();
        expect(compare).toContain('data-testid="compare-table"');
        expect(compare).not.toContain('data-testid="cell-converted"');
        expect(compare).not.toContain('data-testid="rates-footnote"');
        const sheet = (await readPdf(new Uint8Array(await (await fetch(`${baseUrl}/${locale}/blocks/${encodeURIComponent(a!.key)}/sheet?minArea=300`)).arrayBuffer()))).text.join("");
        expect(sheet).not.toMatch(locale === "en" ? /USD|EUR|Exchange rates/ : /美元|欧元|汇率/);
      }
    } finally {
      await db.exchangeRate.deleteMany({});
      await db.exchangeRate.createMany({ data: saved });
    }
  });
});
