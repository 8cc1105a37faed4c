// The investor pages over HTTP show costs and capacities (#11): a parcel's price per mu and
// indicative total in CNY with USD/EUR at the dated rate, its area in four units, its utility
// capacities, the allotment conditions with zone-over-park origin and article titles; a block's
// summed capacities ("stated for k of n"); a park's terms. Exact figures, computed here from
// the database rows the pages read. A rate set (newer date) replaces the seed's on every page.
import { afterAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";

const baseUrl = inject("baseUrl");
const databaseUrl = inject("e2eDatabaseUrl");
const ZONE = "china-eu-cooperation-zone-innovation-centre";
const PARK = "china-eu-cooperation-zone";

const en = (n: number, digits = 0) => new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
/** formatMoney(en) below a million and in millions (as lib/i18n/format.ts writes CNY). */
const cny = (v: number) => (v >= 1e6 ? `CNY ${en(v / 1e6, 2)} m` : `CNY ${en(v)}`);
const conv = (v: number, rate: number) => {
  const x = v / rate;
  return x >= 100 ? en(Math.round(x)) : new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Math.round(x * 100) / 100);
};
/** The page's visible text: scripts (the RSC payload carries every message) and tags out, entities decoded. */
const textOf = (html: string) => html.replace(/<script[^]*?<\/script>/g, " ").replace(/<!-- -->/g, "").replace(/<[^>]+>/g, " ").replace(/&amp;/g, "&").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, " ");

describe.skipIf(!baseUrl || !databaseUrl)("costs and capacities on the investor pages", () => {
  const db = createPrismaClient(databaseUrl!, 2);
  const added: string[] = [];
  afterAll(async () => {
    await db.exchangeRate.deleteMany({ where: { id: { in: added } } });
    await db.$disconnect();
  });

  it("a parcel page: price and total converted at the seed's dated rate, four area units, capacities, terms with their origin and article titles", async () => {
    const p = await db.parcel.findFirstOrThrow({
      where: { zone: { code: ZONE }, status: "AVAILABLE", priceCnyPerMu: { not: null }, powerKva: { not: null } },
      orderBy: { code: "asc" },
      select: { code: true, areaM2: true, priceCnyPerMu: true, powerKva: true, powerVoltageKv: true, waterTPerDay: true, zone: { select: { nameEn: true } }, park: { select: { nameEn: true } } },
    });
    const res = await fetch(`${baseUrl}/en/parcels/${encodeURIComponent(p.code)}`);
    expect(res.status).toBe(200);
    const text = textOf(await res.text());
    const price = p.priceCnyPerMu!;
    expect(text).toContain(`${cny(price)} per mu ≈ USD ${conv(price, 7.12)} / EUR ${conv(price, 8.25)} at the rate of 2026-11-01 (illustrative seed rate)`);
    const total = Math.round(price * (p.areaM2 / (10000 / 15)));
    expect(text).toContain(`Indicative total ${cny(total)} ≈ USD ${conv(total, 7.12)} / EUR ${conv(total, 8.25)} at the rate of 2026-11-01`);
    expect(text).toContain(`${en(Math.round(p.areaM2))} m² · ${en((p.areaM2 * 15) / 10_000, 1)} mu · ${en(p.areaM2 / 10_000, 2)} ha · ${en(p.areaM2 / 4046.8564224, 2)} acres`);
    expect(text).toContain(`Power available ${en(p.powerKva!)} kVA`);
    expect(text).toContain(`Supply voltage ${en(p.powerVoltageKv!)} kV`);
    expect(text).toContain(p.waterTPerDay === null ? "Water supply not stated" : `Water supply ${en(p.waterTPerDay)} t/day`);
    // The zone asks CNY 4 m per mu (its own); the land-use term is the park's.
    expect(text).toContain(`Minimum investment intensity CNY 4 m per mu ≈ USD ${conv(4e6, 7.12)} / EUR ${conv(4e6, 8.25)} at the rate of 2026-11-01 (illustrative seed rate) zone: ${p.zone!.nameEn}`);
    expect(text).toContain(`Land-use term 50 years park: ${p.park.nameEn}`);
    expect(text).toContain("How land is allotted listing (挂牌), auction (拍卖)");
    const article = await db.article.findUniqueOrThrow({ where: { id: "003" }, select: { titleEn: true, publisher: true, publishedOn: true } });
    expect(text).toContain(`${article.titleEn} (${article.publisher}, ${article.publishedOn.toISOString().slice(0, 10)})`);
    expect(text).toContain("Illustrative figures, not from an official source");
    expect(text).not.toContain("article 003");
  });

  it("a block page sums its parcels' capacities and says for how many they are stated", async () => {
    const search = await (await fetch(`${baseUrl}/en/search`)).text();
    const href = /href="(\/en\/blocks\/[^"]+)"/.exec(search)![1]!.replace(/&amp;/g, "&");
    const html = await (await fetch(baseUrl + href)).text();
    const codes = [...html.matchAll(/data-testid="block-parcel"[^]*?href="\/en\/parcels\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(codes.length).toBeGreaterThan(0);
    const rows = await db.parcel.findMany({ where: { code: { in: codes } }, select: { powerKva: true, waterTPerDay: true } });
    const power = rows.filter((r) => r.powerKva !== null);
    const water = rows.filter((r) => r.waterTPerDay !== null);
    const text = textOf(html);
    expect(text).toContain(`Power available ${power.length ? `${en(power.reduce((s, r) => s + r.powerKva!, 0))} kVA` : "not stated"} stated for ${power.length} of ${rows.length} parcels`);
    expect(text).toContain(`Water supply ${water.length ? `${en(water.reduce((s, r) => s + r.waterTPerDay!, 0))} t/day` : "not stated"} stated for ${water.length} of ${rows.length} parcels`);
    expect(text).toContain("Allotment conditions");
  });

  it("a rate an admin sets (a newer date) is the one every page converts at, with its date", async () => {
    const rows = await Promise.all([
      db.exchangeRate.create({ data: { currency: "USD", cnyPerUnit: "7.250000", asOf: new Date("2026-11-30T00:00:00Z"), setById: "e2e-admin" }, select: { id: true } }),
      db.exchangeRate.create({ data: { currency: "EUR", cnyPerUnit: "8.400000", asOf: new Date("2026-11-30T00:00:00Z"), setById: "e2e-admin" }, select: { id: true } }),
    ]);
    added.push(...rows.map((r) => r.id));
    const text = textOf(await (await fetch(`${baseUrl}/en/parks/${PARK}`)).text());
    expect(text).toContain("Allotment conditions in this park");
    const terms = await db.allotmentTerms.findFirstOrThrow({ where: { park: { code: PARK } }, select: { minInvestmentWanPerMu: true } });
    const min = terms.minInvestmentWanPerMu! * 10_000;
    expect(text).toContain(`Minimum investment intensity ${cny(min)} per mu ≈ USD ${conv(min, 7.25)} / EUR ${conv(min, 8.4)} at the rate of 2026-11-30`);
    expect(text).not.toContain("illustrative seed rate");
    const zh = textOf(await (await fetch(`${baseUrl}/zh/parks/${PARK}`)).text());
    expect(zh).toContain(`约 ${en(Math.round(min / 7.25))} 美元 / ${en(Math.round(min / 8.4))} 欧元（按 2026-11-30 汇率）`);
  });
});
