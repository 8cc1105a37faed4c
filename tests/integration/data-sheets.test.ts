// The data-sheet route handlers, called as HTTP requests on the seeded Jiangmen data: a valid
// A4 PDF whose text (read back with pdf.js) carries the exact figures, Chinese included; the
// file name and cache headers; 404 for what never existed, 410 for a block gone under its filters.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as blockGET } from "@/app/[locale]/(public)/blocks/[key]/sheet/route";
import { GET as parcelGET } from "@/app/[locale]/(public)/parcels/[code]/sheet/route";
import { GET as parkGET } from "@/app/[locale]/(public)/parks/[code]/sheet/route";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import type { BlockResult } from "@/lib/search/search";
import { seededDb } from "./helpers/database";
import { readPdf } from "./helpers/pdf-text";

let db: Db;
let block: BlockResult;
let park: { id: string; code: string; nameZh: string; nameEn: string; sourceArticles: string[] };
const restore: (() => Promise<unknown>)[] = [];
const BASE = "http://portal.test";
const en = (n: number) => new Intl.NumberFormat("en-US").format(n);

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  const { result } = await runLandSearch(db, landSearchSchema.parse({ minArea: "300" }));
  block = result.results[0]!;
  const first = await db.parcel.findUniqueOrThrow({ where: { code: block.key }, select: { park: { select: { id: true, code: true, nameZh: true, nameEn: true, sourceArticles: true } } } });
  park = first.park;
  // Known capacities and conditions for this test (whatever the seed says), restored after.
  const before = await db.parcel.findMany({ where: { code: { in: block.parcelCodes } }, select: { id: true, powerKva: true, powerVoltageKv: true } });
  restore.push(() => Promise.all(before.map((p) => db.parcel.update({ where: { id: p.id }, data: { powerKva: p.powerKva, powerVoltageKv: p.powerVoltageKv } }))));
  await db.parcel.updateMany({ where: { code: { in: block.parcelCodes } }, data: { powerKva: 2500, powerVoltageKv: 10 } });
  const terms = await db.allotmentTerms.findUnique({ where: { parkId: park.id } });
  restore.push(() => (terms ? db.allotmentTerms.update({ where: { id: terms.id }, data: terms }) : db.allotmentTerms.deleteMany({ where: { parkId: park.id } })));
  await db.allotmentTerms.upsert({
    where: { parkId: park.id },
    create: { parkId: park.id, minInvestmentWanPerMu: 350, landUseTermYears: 50, methods: ["LISTING"] },
    update: { minInvestmentWanPerMu: 350, taxWanPerMuYear: null, landUseTermYears: 50, methods: ["LISTING"] },
  });
});
afterAll(async () => {
  for (const fn of restore.splice(0).reverse()) await fn();
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const blockSheet = (locale: string, key: string, qs = "minArea=300") =>
  blockGET(new Request(`${BASE}/${locale}/blocks/${encodeURIComponent(key)}/sheet?${qs}`), { params: Promise.resolve({ locale, key }) });
const parcelSheet = (locale: string, code: string) => parcelGET(new Request(`${BASE}/${locale}/parcels/${code}/sheet`), { params: Promise.resolve({ locale, code }) });
const parkSheet = (locale: string, code: string) => parkGET(new Request(`${BASE}/${locale}/parks/${code}/sheet`), { params: Promise.resolve({ locale, code }) });

async function pdfOf(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const pdf = await readPdf(bytes);
  for (const [w, h] of pdf.sizes) expect([w.toFixed(2), h.toFixed(2)]).toEqual(["595.28", "841.89"]);
  // Items (lines, runs) joined by one space: a value wrapped at a space reads as typed.
  return pdf.text.join(" ").replace(/\s+/g, " ");
}

describe("block data sheet", () => {
  it("is an A4 PDF in English with the block's exact figures, conditions, sources by title and the live link", async () => {
    const res = await blockSheet("en", block.key);
    const mu = Math.round(block.areaM2 / (10000 / 15));
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="jiangmen-block-${block.key}-${mu}mu-en.pdf"; filename*=UTF-8''${encodeURIComponent(`Block data sheet-${block.key}-${mu} mu.pdf`)}`,
    );
    const text = await pdfOf(res);
    expect(text).toContain(`Contiguous block of ${en(mu)} mu in ${park.nameEn}`);
    expect(text).toContain(`${en(Math.round(block.areaM2))} m²`);
    expect(text).toContain(`CNY ${en(block.indicativeTotalCny!)}`);
    expect(text).toContain(`${en(2500 * block.parcelCount)} kVA (sum over the parcels)`);
    expect(text).toContain("CNY 3,500,000 per mu");
    expect(text).toContain(`CNY ${en(Math.round(350 * 10_000 * (block.areaM2 / (10000 / 15))))}`);
    expect(text).toContain("Land-use term");
    const articles = await db.article.findMany({ where: { id: { in: park.sourceArticles } }, select: { titleEn: true } });
    expect(articles.length).toBeGreaterThan(0);
    // Titles long enough to wrap are checked by their opening words.
    for (const a of articles) expect(text).toContain(a.titleEn.split(" ").slice(0, 4).join(" "));
    expect(text).not.toMatch(/\barticle 00\d\b/);
    expect(text).toContain(`${BASE}/en/blocks/${block.key}?minArea=300`);
  });

  it("renders Chinese text in the zh sheet (embedded CJK font subset)", async () => {
    const res = await blockSheet("zh", block.key);
    const mu = Math.round(block.areaM2 / (10000 / 15));
    const text = await pdfOf(res);
    expect(text).toContain(`${park.nameZh}连片地块 ${en(mu)}亩`);
    expect(text).toContain("最低投资强度");
    expect(text).toContain("350万元/亩");
    expect(text).toContain(`${en(block.indicativeTotalCny!)}元`);
    expect(text).toContain("北京时间");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent(`地块资料单-${block.key}-${mu}亩.pdf`)}`);
  });

  it("answers 404 for a key no block has and 410 for a block gone under its filters", async () => {
    const unknown = await blockSheet("en", "NO-SUCH-PARCEL");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("No such block, parcel or park.");
    // A member that is not the block's key never named a block.
    expect((await blockSheet("zh", block.parcelCodes[1]!)).status).toBe(404);
    // The same block under a price cap its parcels no longer meet: gone.
    const gone = await blockSheet("zh", block.key, "minArea=300&maxPrice=1");
    expect(gone.status).toBe(410);
    expect(await gone.text()).toContain("该地块已不存在");
    expect((await blockSheet("fr", block.key)).status).toBe(404);
  });
});

describe("parcel and park data sheets", () => {
  it("gives a parcel's sheet as A4 PDF, 404 for an unknown code", async () => {
    const code = block.parcelCodes[0]!;
    const text = await pdfOf(await parcelSheet("en", code));
    expect(text).toContain(`Parcel ${code}`);
    expect(text).toContain("2,500 kVA");
    expect(text).toContain("10 kV");
    expect((await parcelSheet("en", "NOPE-1")).status).toBe(404);
  });

  it("gives a park's sheet in Chinese with its parcels counted, 404 for an unknown park", async () => {
    const count = await db.parcel.count({ where: { parkId: park.id } });
    const text = await pdfOf(await parkSheet("zh", park.code));
    expect(text).toContain(park.nameZh);
    expect(text).toContain(`宗地数 ${count}`);
    expect((await parkSheet("zh", "no-such-park")).status).toBe(404);
  });
});
