// Costs (#11) through the real exported actions on the seeded dataset: allotment terms (who may
// save them, the exact audit row, a zone's first save, the conflict with the stored values, ten
// parallel saves), exchange rates (set, history, who), a parcel's capacities edited with its
// audit row, and capacity columns through the cadastre import (CSV) and export.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { saveTermsForm } from "@/app/[locale]/(staff)/staff/parks/terms-actions";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { saveTermsAction } from "@/lib/costs/terms-actions";
import { termsForParcels } from "@/lib/costs/queries";
import { updateParcelAction } from "@/lib/land/parcel-actions";
import { EDITABLE_SELECT } from "@/lib/land/parcel-values";
import { setRatesAction } from "@/lib/money/rate-actions";
import { latestRates, rateHistory } from "@/lib/money/rates";
import { collection, createTestPark, dropTestPark, exportPark, feature, rectAt, TEST_PARK, upload } from "./helpers/cadastre";
import { seededDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

const PARK = "china-eu-cooperation-zone";
const ZONE_WITH_TERMS = "china-eu-cooperation-zone-innovation-centre";
const ZONE_WITHOUT = "china-eu-cooperation-zone-logistics";
let db: Db;
let admin: TestStaff;
let officer: TestStaff;
let park: { id: string };
let terms: Record<string, unknown> & { id: string };
const started = new Date();

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  admin = await createStaff(db, { role: "ADMIN", name: "Admin Costs" });
  officer = await createStaff(db, { role: "OFFICER" });
  park = await db.park.findUniqueOrThrow({ where: { code: PARK }, select: { id: true } });
  terms = (await db.allotmentTerms.findUniqueOrThrow({ where: { parkId: park.id } })) as never;
});
afterEach(async () => {
  // Put back what the seed had: the park's terms row as it was, no terms for the logistics zone.
  const { id, parkId: _p, zoneId: _z, updatedAt: _u, ...data } = terms as Record<string, unknown> & { id: string };
  void _p; void _z; void _u;
  await db.allotmentTerms.update({ where: { id }, data: data as never });
  await db.allotmentTerms.deleteMany({ where: { zone: { code: ZONE_WITHOUT } } });
  await db.exchangeRate.deleteMany({ where: { setById: { not: null } } });
  await db.auditLog.deleteMany({ where: { createdAt: { gte: started }, actorId: { in: [admin.id, officer.id] } } });
});
afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: [admin.id, officer.id] } } });
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const form = (over: Record<string, unknown> = {}) => ({
  owner: "park", ownerId: park.id, version: String(terms.version), minInvestmentWanPerMu: "320", taxWanPerMuYear: "20", plotRatioMin: "1.2", plotRatioMax: "4",
  buildingDensityMinPct: "40", buildingDensityMaxPct: "70", landUseTermYears: "50", methods: ["LISTING", "AUCTION"],
  incentivesZh: String(terms.incentivesZh), incentivesEn: String(terms.incentivesEn), sources: (terms.sources as string[]).join(", "), ...over,
});

describe("allotment terms", () => {
  it("the seed gives the park illustrative terms and one zone its own, which override the park's", async () => {
    expect(terms).toMatchObject({ minInvestmentWanPerMu: 300, taxWanPerMuYear: 20, plotRatioMin: 1.2, plotRatioMax: 4, landUseTermYears: 50, methods: ["LISTING", "AUCTION"], sources: ["003", "illustrative"], version: 1 });
    const inZone = await db.parcel.findFirstOrThrow({ where: { zone: { code: ZONE_WITH_TERMS } }, select: { code: true } });
    const [place] = await termsForParcels(db, [inZone.code]);
    expect(place!.zone!.code).toBe(ZONE_WITH_TERMS);
    expect(place!.terms.minInvestmentWanPerMu).toEqual({ value: 400, from: "zone" });
    expect(place!.terms.plotRatioMin).toEqual({ value: 2, from: "zone" });
    expect(place!.terms.plotRatioMax).toEqual({ value: 4, from: "park" });
    expect(place!.terms.landUseTermYears).toEqual({ value: 50, from: "park" });
    // sources as articles (by title), never as codes
    expect(place!.sources.map((s) => (s.kind === "article" ? s.id : s.kind))).toEqual(["illustrative", "003"]);
    expect(place!.sources[1]).toMatchObject({ kind: "article", titleZh: expect.stringContaining("一园三中心") });
  });

  it("refuses anonymous (unauthenticated) and an officer (forbidden), writing nothing", async () => {
    expect(await as(null, () => saveTermsAction(form()))).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
    expect(await as(officer, () => saveTermsAction(form()))).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });
    expect((await db.allotmentTerms.findUniqueOrThrow({ where: { id: terms.id } })).version).toBe(1);
    expect(await db.auditLog.count({ where: { entity: "AllotmentTerms" } })).toBe(0);
  });

  it("an admin's save changes the fields and writes one audit row with only what changed", async () => {
    const r = await as(admin, () => saveTermsAction(form({ minInvestmentWanPerMu: "320", landUseTermYears: "", methods: ["AUCTION"] })));
    expect(r).toEqual({ ok: true, data: { id: terms.id, code: PARK, version: 2 } });
    expect(await db.allotmentTerms.findUniqueOrThrow({ where: { id: terms.id } })).toMatchObject({ minInvestmentWanPerMu: 320, landUseTermYears: null, methods: ["AUCTION"], version: 2, updatedById: admin.id });
    const audits = await db.auditLog.findMany({ where: { entity: "AllotmentTerms" }, select: { action: true, entityId: true, actorId: true, before: true, after: true } });
    expect(audits).toEqual([{
      action: "terms.update", entityId: terms.id, actorId: admin.id,
      before: { minInvestmentWanPerMu: 300, landUseTermYears: 50, methods: ["LISTING", "AUCTION"], version: 1 },
      after: { park: PARK, minInvestmentWanPerMu: 320, landUseTermYears: null, methods: ["AUCTION"], version: 2 },
    }]);
  });

  it("a zone's first save creates its terms (version 0 -> 1) with an audit row", async () => {
    const zone = await db.zone.findUniqueOrThrow({ where: { code: ZONE_WITHOUT }, select: { id: true } });
    const blank = { minInvestmentWanPerMu: "", taxWanPerMuYear: "", plotRatioMin: "", plotRatioMax: "", buildingDensityMinPct: "", buildingDensityMaxPct: "", landUseTermYears: "", methods: [], incentivesZh: "", incentivesEn: "", sources: "" };
    const r = await as(admin, () => saveTermsAction({ ...blank, owner: "zone", ownerId: zone.id, version: "0", landUseTermYears: "40", sources: "003" }));
    expect(r).toMatchObject({ ok: true, data: { code: ZONE_WITHOUT, version: 1 } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "AllotmentTerms" } });
    expect(audit).toMatchObject({ action: "terms.create", after: { zone: ZONE_WITHOUT, landUseTermYears: 40, sources: ["003"], version: 1 } });
    // Saving again against version 0 is a conflict: the terms exist now.
    const again = await as(admin, () => saveTermsAction({ ...blank, owner: "zone", ownerId: zone.id, version: "0", landUseTermYears: "45" }));
    expect(again).toMatchObject({ ok: false, error: { code: "conflict", message: "stale", current: { landUseTermYears: 40, sources: ["003"], version: 1 } } });
  });

  it("a stale form is a conflict carrying the stored values; the page's form keeps what was typed", async () => {
    await as(admin, () => saveTermsAction(form({ taxWanPerMuYear: "22" })));
    const stale = await as(admin, () => saveTermsAction(form({ taxWanPerMuYear: "25" })));
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", message: "stale", current: { taxWanPerMuYear: 22, minInvestmentWanPerMu: 320, version: 2 } } });
    const fd = new FormData();
    for (const [k, v] of Object.entries(form({ plotRatioMin: "3", plotRatioMax: "2", version: "2" }))) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
    fd.set("locale", "en");
    const state = await as(admin, () => saveTermsForm(null, fd));
    expect(state).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { plotRatioMax: "maxBelowMin" } }, values: { plotRatioMin: "3", plotRatioMax: "2", methods: ["LISTING", "AUCTION"] } });
    expect(await db.auditLog.count({ where: { entity: "AllotmentTerms" } })).toBe(1);
  });

  it("ten parallel saves of one version: exactly one is saved, nine are conflicts, one audit row", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => as(admin, () => saveTermsAction(form({ minInvestmentWanPerMu: String(301 + i) })))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === "conflict")).toHaveLength(9);
    const saved = await db.allotmentTerms.findUniqueOrThrow({ where: { id: terms.id } });
    expect(saved.version).toBe(2);
    const audits = await db.auditLog.findMany({ where: { entity: "AllotmentTerms" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toEqual({ park: PARK, minInvestmentWanPerMu: saved.minInvestmentWanPerMu, version: 2 });
  });
});

describe("exchange rates", () => {
  it("the seed has one illustrative rate per currency", async () => {
    expect(await latestRates(db)).toEqual({ USD: { currency: "USD", cnyPerUnit: 7.12, asOf: "2026-11-01", seed: true }, EUR: { currency: "EUR", cnyPerUnit: 8.25, asOf: "2026-11-01", seed: true } });
  });

  it("refuses anonymous and an officer; an admin's rates become current, the seed's stay in the history, each audited", async () => {
    const input = { usd: "7.1834", eur: "", asOf: "2026-11-28" };
    expect(await as(null, () => setRatesAction(input))).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(await as(officer, () => setRatesAction(input))).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await as(admin, () => setRatesAction({ usd: "abc", asOf: "2026-11-28" }))).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { usd: "mustBeNumber" } } });
    expect(await db.exchangeRate.count()).toBe(2);
    expect(await as(admin, () => setRatesAction(input))).toMatchObject({ ok: true });
    expect(await as(admin, () => setRatesAction({ usd: "7.2", eur: "8.3105", asOf: "2026-11-29" }))).toMatchObject({ ok: true });
    // An older date entered later does not displace the newer one.
    expect(await as(admin, () => setRatesAction({ usd: "7.0", asOf: "2026-10-01" }))).toMatchObject({ ok: true });
    // A future date is refused and changes nothing (it would have stayed the current rate).
    expect(await as(admin, () => setRatesAction({ usd: "7.5", asOf: "2999-01-01" }))).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { asOf: "rateInFuture" } } });
    expect(await latestRates(db)).toEqual({ USD: { currency: "USD", cnyPerUnit: 7.2, asOf: "2026-11-29", seed: false }, EUR: { currency: "EUR", cnyPerUnit: 8.3105, asOf: "2026-11-29", seed: false } });
    const history = await rateHistory(db);
    expect(history.map((h) => [h.currency, h.cnyPerUnit, h.asOf, h.setBy])).toEqual([
      ["USD", 7, "2026-10-01", "Admin Costs"],
      ...([["EUR", 8.3105, "2026-11-29", "Admin Costs"], ["USD", 7.2, "2026-11-29", "Admin Costs"]].sort()),
      ["USD", 7.1834, "2026-11-28", "Admin Costs"],
      ...([["EUR", 8.25, "2026-11-01", null], ["USD", 7.12, "2026-11-01", null]]),
    ].map((x) => x));
    const audits = await db.auditLog.findMany({ where: { entity: "ExchangeRate" }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, before: true, after: true } });
    expect(audits).toHaveLength(4);
    expect(audits[0]).toEqual({ action: "rate.set", actorId: admin.id, before: { currency: "USD", cnyPerUnit: 7.12, asOf: "2026-11-01" }, after: { currency: "USD", cnyPerUnit: 7.1834, asOf: "2026-11-28" } });
  });
});

describe("parcel capacities", () => {
  it("an edit of the capacities saves them with one audit row naming only what changed", async () => {
    const p = await db.parcel.findFirstOrThrow({ where: { park: { code: PARK }, status: "AVAILABLE", powerKva: { not: null } }, orderBy: { code: "asc" }, select: EDITABLE_SELECT });
    const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    const str = (v: number | null) => (v === null ? "" : String(v));
    const input = {
      parcelId: p.id, version: String(p.version), status: p.status, priceCnyPerMu: "25万", plotRatioMin: str(p.plotRatioMin), plotRatioMax: str(p.plotRatioMax),
      powerKva: "16,000", powerVoltageKv: "20", gasM3PerDay: str(p.gasM3PerDay), waterTPerDay: "", wastewaterTPerDay: str(p.wastewaterTPerDay),
      handoverOn: iso(p.handoverOn), roadReadyOn: iso(p.roadReadyOn), waterReadyOn: iso(p.waterReadyOn), drainageReadyOn: iso(p.drainageReadyOn), powerReadyOn: iso(p.powerReadyOn),
      telecomReadyOn: iso(p.telecomReadyOn), gasReadyOn: iso(p.gasReadyOn), heatingReadyOn: iso(p.heatingReadyOn), cableReadyOn: iso(p.cableReadyOn), sewageReadyOn: iso(p.sewageReadyOn), levelledOn: iso(p.levelledOn),
    };
    try {
      expect(await as(admin, () => updateParcelAction(input))).toMatchObject({ ok: true, data: { version: p.version + 1 } });
      expect(await db.parcel.findUniqueOrThrow({ where: { id: p.id }, select: { priceCnyPerMu: true, powerKva: true, powerVoltageKv: true, waterTPerDay: true } })).toEqual({ priceCnyPerMu: 250_000, powerKva: 16_000, powerVoltageKv: 20, waterTPerDay: null });
      const audit = await db.auditLog.findFirstOrThrow({ where: { entity: "Parcel", entityId: p.id, createdAt: { gte: started } } });
      const before: Record<string, unknown> = { powerKva: p.powerKva, powerVoltageKv: p.powerVoltageKv, waterTPerDay: p.waterTPerDay, version: p.version };
      const after: Record<string, unknown> = { powerKva: 16_000, powerVoltageKv: 20, waterTPerDay: null, version: p.version + 1 };
      if (p.priceCnyPerMu !== 250_000) {
        before.priceCnyPerMu = p.priceCnyPerMu;
        after.priceCnyPerMu = 250_000;
      }
      if (p.powerVoltageKv === 20) {
        delete before.powerVoltageKv;
        delete after.powerVoltageKv;
      }
      expect(audit.before).toEqual(before);
      expect(audit.after).toEqual(after);
    } finally {
      const { id, code: _c, ...data } = p;
      void _c;
      await db.parcel.update({ where: { id }, data });
      await db.auditLog.deleteMany({ where: { entity: "Parcel", entityId: p.id, createdAt: { gte: started } } });
    }
  });
});

describe("capacity columns in the cadastre import and export", () => {
  afterEach(() => dropTestPark(db));

  it("imports capacities from the CSV (blank clears, absent keeps), refuses a bad one by field, exports them", async () => {
    await createTestPark(db);
    const attrs = { landUse: "INDUSTRIAL_M1", status: "AVAILABLE", zone: `${TEST_PARK}-z1`, priceCnyPerMu: 250000, lastVerifiedOn: "2026-11-30" };
    const geo = collection(feature({ code: "CC-1", ...attrs }, rectAt(0, 0)), feature({ code: "CC-2", ...attrs }, rectAt(300, 0)));
    const csv = "code,powerKva,powerVoltageKv,gasM3PerDay,waterTPerDay,wastewaterTPerDay\r\nCC-1,12000,10,3000,800,640\r\nCC-2,,,,150,\r\n";
    const done = await upload(admin, { geojson: geo, csv, mode: "commit" });
    expect(done.result).toMatchObject({ type: "result", committed: { created: 2, updated: 0, unchanged: 0 } });
    const rows = await db.parcel.findMany({ where: { park: { code: TEST_PARK } }, orderBy: { code: "asc" }, select: { code: true, powerKva: true, powerVoltageKv: true, gasM3PerDay: true, waterTPerDay: true, wastewaterTPerDay: true } });
    expect(rows).toEqual([
      { code: "CC-1", powerKva: 12000, powerVoltageKv: 10, gasM3PerDay: 3000, waterTPerDay: 800, wastewaterTPerDay: 640 },
      { code: "CC-2", powerKva: null, powerVoltageKv: null, gasM3PerDay: null, waterTPerDay: 150, wastewaterTPerDay: null },
    ]);
    const bad = await upload(admin, { geojson: geo, csv: "code,powerKva\r\nCC-1,12000.5\r\n" });
    const problems = JSON.stringify(bad.lines);
    expect(problems).toContain("invalidCapacity");
    expect(problems).toContain("powerKva");
    // Absent columns keep the stored values; a changed one updates just that parcel.
    const again = await upload(admin, { geojson: geo, csv: "code,waterTPerDay\r\nCC-2,200\r\n", mode: "commit" });
    expect(again.result).toMatchObject({ committed: { created: 0, updated: 1, unchanged: 1 } });
    expect(await db.parcel.findUniqueOrThrow({ where: { code: "CC-1" }, select: { powerKva: true } })).toEqual({ powerKva: 12000 });
    const exported = await exportPark(admin, "csv");
    const [header, first] = exported.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header!.split(",").slice(-5)).toEqual(["powerKva", "powerVoltageKv", "gasM3PerDay", "waterTPerDay", "wastewaterTPerDay"]);
    expect(first!.split(",").slice(-5)).toEqual(["12000", "10", "3000", "800", "640"]);
  });
});
