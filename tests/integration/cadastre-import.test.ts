// The cadastre import on real PostgreSQL through the real route: who may call it, a bad file
// that writes nothing and names each problem, a good file that reaches the investor search with
// adjacency from its geometry, a second identical upload and export -> import as no-ops.
import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { GET as SEARCH_EXPORT } from "@/app/api/land/export/route";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { checkFeatures } from "@/lib/cadastre/checks";
import { commitPlan } from "@/lib/cadastre/commit";
import { findImportPark, loadCheckContext } from "@/lib/cadastre/context";
import { fromWgs84 } from "@/lib/cadastre/crs";
import { parseUpload } from "@/lib/cadastre/parse";
import { buildReport, planFeatures } from "@/lib/cadastre/plan";
import { updateParcelAction } from "@/lib/land/parcel-actions";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { NextRequest } from "next/server";
import { seededDb } from "./helpers/database";
import { collection, createTestPark, dropTestPark, exportPark, feature, rectAt, TEST_PARK, upload } from "./helpers/cadastre";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
let admin: TestStaff;
let officer: TestStaff;
const zone = `${TEST_PARK}-z1`;
const attrs = { landUse: "INDUSTRIAL_M1", status: "AVAILABLE", zone, priceCnyPerMu: 250000, lastVerifiedOn: "2026-11-30" };

// Block A: three 100 m squares in a row (2 shared edges); block B: one square 300 m away.
const GOOD = collection(
  feature({ code: "CT-A1", ...attrs }, rectAt(0, 0)),
  feature({ code: "CT-A2", ...attrs }, rectAt(100, 0)),
  feature({ code: "CT-A3", ...attrs }, rectAt(200, 0)),
  feature({ code: "CT-B1", ...attrs, status: "RESERVED" }, rectAt(600, 0)),
);

async function counts() {
  const [parcels, edges, audits] = await Promise.all([db.parcel.count(), db.parcelAdjacency.count(), db.auditLog.count()]);
  return { parcels, edges, audits };
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  await dropTestPark(db);
  admin = await createStaff(db, { role: "ADMIN" });
  officer = await createStaff(db, { role: "OFFICER" });
});
beforeEach(async () => {
  await createTestPark(db);
});
afterEach(async () => {
  await dropTestPark(db);
});
afterAll(async () => {
  await db.auditLog.deleteMany({ where: { actorId: { in: [admin.id, officer.id] } } });
  await db.user.deleteMany({ where: { id: { in: [admin.id, officer.id] } } });
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

describe("cadastre import route", () => {
  it("refuses anonymous (401) and an officer (403), writing nothing", async () => {
    const before = await counts();
    expect((await upload(null, { geojson: GOOD, mode: "commit" })).status).toBe(401);
    const asOfficer = await upload(officer, { geojson: GOOD, mode: "commit" });
    expect(asOfficer.status).toBe(403);
    expect(asOfficer.body).toEqual({ error: "forbidden" });
    expect(await counts()).toEqual(before);
    expect(await db.cadastreImport.count({ where: { park: { code: TEST_PARK } } })).toBe(0);
  });

  it("a bad file writes nothing and names each problem", async () => {
    const seeded = await db.parcel.findFirst({ where: { park: { code: { not: TEST_PARK } } }, select: { code: true, park: { select: { code: true } } }, orderBy: { code: "asc" } });
    const bad = collection(
      feature({ code: "CT-A1", ...attrs }, rectAt(0, 0)),
      feature({ code: "CT-A1", ...attrs }, rectAt(100, 0)),
      feature({ code: "CT-X", ...attrs }, { type: "Polygon", coordinates: [[rectAt(0, 200).coordinates[0]![0], rectAt(0, 200).coordinates[0]![2], rectAt(0, 200).coordinates[0]![1], rectAt(0, 200).coordinates[0]![3], rectAt(0, 200).coordinates[0]![0]]] }),
      feature({ code: seeded!.code, ...attrs }, rectAt(400, 0)),
      feature({ code: "CT-OUT", ...attrs }, rectAt(1950, 0)),
      feature({ code: "CT-USE", ...attrs, landUse: "FARMLAND" }, rectAt(800, 0)),
    );
    const before = await counts();
    for (const mode of ["dry-run", "commit"] as const) {
      const r = await upload(admin, { geojson: bad, mode });
      expect(r.status).toBe(200);
      const report = r.result!.report as { clean: boolean; rows: { index: number; code: string; problems: { en: string }[] }[]; summary: unknown };
      expect(r.result!.committed).toBeNull();
      expect(report.clean).toBe(false);
      expect(report.rows.filter((row) => row.problems.length).map((row) => [row.index, row.problems.map((p) => p.en)])).toEqual([
        [1, ["Parcel code CT-A1 appears twice in the file (feature 2 has it too)"]],
        [2, ["Parcel code CT-A1 appears twice in the file (feature 1 has it too)"]],
        [3, [expect.stringMatching(/^The polygon intersects itself \(1 crossing\(s\), e\.g\. at /)]],
        [4, [`Parcel code ${seeded!.code} already belongs to another park (${seeded!.park.code})`]],
        [5, ["About 5013 m² lie outside the park's boundary, beyond the survey tolerance"]],
        [6, ["Field landUse has the invalid value FARMLAND; allowed: INDUSTRIAL_M1, INDUSTRIAL_M2, INDUSTRIAL_M3, NEW_INDUSTRIAL_M0, LOGISTICS_W, SUPPORT_SERVICES"]],
      ]);
    }
    expect(await counts()).toEqual(before);
    const records = await db.cadastreImport.findMany({ where: { park: { code: TEST_PARK } }, select: { status: true } });
    expect(records.map((r) => r.status)).toEqual(["REJECTED", "REJECTED"]);
  });

  it("a good file's blocks reach the investor search with adjacency from geometry; a second upload changes nothing", async () => {
    const before = await counts();
    const dry = await upload(admin, { geojson: GOOD });
    expect((dry.result!.report as { summary: unknown }).summary).toEqual({ features: 4, create: 4, update: 0, unchanged: 0, withProblems: 0, fileProblems: 0 });
    expect(await counts()).toEqual(before);

    const done = await upload(admin, { geojson: GOOD, mode: "commit" });
    expect(done.lines.some((l) => l.type === "progress" && l.phase === "check")).toBe(true);
    expect(done.result!.committed).toEqual({ created: 4, updated: 0, unchanged: 0, adjacencyEdges: 2 });
    const after = await counts();
    expect(after).toEqual({ parcels: before.parcels + 4, edges: before.edges + 2, audits: before.audits + 5 });
    const parcels = await db.parcel.findMany({ where: { park: { code: TEST_PARK } }, select: { code: true, version: true, areaM2: true, geometryIllustrative: true, minLng: true }, orderBy: { code: "asc" } });
    expect(parcels.map((p) => [p.code, p.version, Math.round(p.areaM2), p.geometryIllustrative])).toEqual([
      ["CT-A1", 1, 10026, false], ["CT-A2", 1, 10026, false], ["CT-A3", 1, 10026, false], ["CT-B1", 1, 10026, false],
    ]);
    const edges = await db.parcelAdjacency.findMany({ where: { parcelA: { park: { code: TEST_PARK } } }, select: { parcelA: { select: { code: true } }, parcelB: { select: { code: true } }, sharedLengthM: true } });
    expect(edges.map((e) => [e.parcelA.code, e.parcelB.code].sort().join("~")).sort()).toEqual(["CT-A1~CT-A2", "CT-A2~CT-A3"]);
    for (const e of edges) expect(e.sharedLengthM).toBeCloseTo(100, 1);

    const { result } = await runLandSearch(db, landSearchSchema.parse({ park: TEST_PARK, reserved: "1" }));
    expect(result.results.map((b) => b.parcelCodes)).toEqual([["CT-A1", "CT-A2", "CT-A3"], ["CT-B1"]]);

    const again = await upload(admin, { geojson: GOOD, mode: "commit" });
    expect(again.result!.committed).toEqual({ created: 0, updated: 0, unchanged: 4, adjacencyEdges: 0 });
    expect(await counts()).toEqual({ ...after, audits: after.audits + 1 });
    expect((await db.parcel.findMany({ where: { park: { code: TEST_PARK } }, select: { version: true } })).map((p) => p.version)).toEqual([1, 1, 1, 1]);
    const own = await db.auditLog.findMany({ where: { actorId: admin.id }, select: { action: true }, orderBy: { id: "asc" } });
    expect(own.map((a) => a.action)).toEqual([...Array(4).fill("parcel.import"), "cadastre.import", "cadastre.import"]);
  });

  it("an imported parcel is edited on the parcel desk like any other (its id has the shape the forms accept)", async () => {
    await upload(admin, { geojson: GOOD, mode: "commit" });
    const p = await db.parcel.findUniqueOrThrow({ where: { code: "CT-A2" }, select: { id: true, version: true } });
    expect(p.id).toMatch(/^c[0-9a-f]{24}$/);
    const saved = await as(admin, () => updateParcelAction({ parcelId: p.id, version: String(p.version), status: "RESERVED", priceCnyPerMu: "260000", reason: "site visit booked" }));
    expect(saved).toEqual({ ok: true, data: { id: p.id, code: "CT-A2", version: p.version + 1 } });
    expect(await db.parcel.findUniqueOrThrow({ where: { id: p.id }, select: { status: true, priceCnyPerMu: true } })).toEqual({ status: "RESERVED", priceCnyPerMu: 260000 });
  });

  it("updates by code: version bump, recomputed area and adjacency, one audit row each", async () => {
    await upload(admin, { geojson: GOOD, mode: "commit" });
    const before = await counts();
    // CT-B1 moves next to CT-A3 (a new edge); CT-A2's price changes.
    const moved = collection(
      feature({ code: "CT-A2", priceCnyPerMu: 260000 }, rectAt(100, 0)),
      feature({ code: "CT-B1", status: "AVAILABLE" }, rectAt(300, 0, 100, 50)),
    );
    const reservedSince = (await db.parcel.findUniqueOrThrow({ where: { code: "CT-B1" } })).statusChangedAt!;
    const r = await upload(admin, { geojson: moved, mode: "commit" });
    expect(r.result!.committed).toEqual({ created: 0, updated: 2, unchanged: 0, adjacencyEdges: 1 });
    expect(await counts()).toEqual({ parcels: before.parcels, edges: before.edges + 1, audits: before.audits + 3 });
    const rows = await db.parcel.findMany({ where: { code: { in: ["CT-A2", "CT-B1"] } }, select: { code: true, version: true, priceCnyPerMu: true, areaM2: true, status: true, statusChangedAt: true, maxLat: true, minLat: true }, orderBy: { code: "asc" } });
    expect(rows.map((p) => [p.code, p.version, p.priceCnyPerMu, Math.round(p.areaM2), p.status])).toEqual([["CT-A2", 2, 260000, 10026, "AVAILABLE"], ["CT-B1", 2, 250000, 5013, "AVAILABLE"]]);
    expect(rows[1]!.statusChangedAt!.getTime()).toBeGreaterThan(reservedSince.getTime());
    // the bbox follows the new 50 m-high shape: 50 m of latitude is 0.000452°
    expect(Math.round((rows[1]!.maxLat - rows[1]!.minLat) * 1e6)).toBe(452);
    // A new parcel drawn across two stored ones is refused, naming both; one clear of them is not.
    const over = await upload(admin, { geojson: collection(feature({ code: "CT-X", ...attrs }, rectAt(50, 200)), feature({ code: "CT-Y", ...attrs }, rectAt(50, 0))) });
    const rowsOver = (over.result!.report as { rows: { code: string; problems: { en: string }[] }[] }).rows;
    expect(rowsOver.map((r) => [r.code, r.problems.map((p) => p.en)])).toEqual([
      ["CT-X", []],
      ["CT-Y", ["Overlaps existing parcel CT-A1 by about 5013 m², beyond the survey tolerance", "Overlaps existing parcel CT-A2 by about 5013 m², beyond the survey tolerance"]],
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "parcel.import", entity: "Parcel", after: { path: ["code"], equals: "CT-A2" } }, orderBy: { id: "desc" }, select: { actorId: true, before: true, after: true } });
    expect(audit).toEqual({ actorId: admin.id, before: { code: "CT-A2", version: 1, priceCnyPerMu: 250000 }, after: { code: "CT-A2", version: 2, priceCnyPerMu: 260000 } });
  });

  it("imports a Gauss-Kruger (EPSG:4546, CM 111°E) survey to the same parcels: a no-op after the WGS84 import", async () => {
    await upload(admin, { geojson: GOOD, mode: "commit" });
    const doc = JSON.parse(GOOD) as { features: { geometry: { coordinates: number[][][] } }[] };
    for (const f of doc.features) f.geometry.coordinates = f.geometry.coordinates.map((ring) => ring.map((p) => fromWgs84("EPSG:4546")(p)));
    const r = await upload(admin, { geojson: JSON.stringify(doc), crs: "EPSG:4546" });
    const report = r.result!.report as { summary: { update: number; unchanged: number }; rows: unknown[] };
    // proj4's round trip is exact far below the 1e-9° (0.1 mm) the import rounds to.
    expect(report.rows).toEqual([]);
    expect(report.summary).toEqual({ features: 4, create: 0, update: 0, unchanged: 4, withProblems: 0, fileProblems: 0 });
  });

  it("export then import of the same GeoJSON and CSV is a no-op; the public search export has no status reason", async () => {
    await upload(admin, { geojson: GOOD, mode: "commit" });
    await db.parcel.update({ where: { code: "CT-B1" }, data: { statusReason: "held for =a, \"test\" lead" } });
    expect((await exportPark(null, "geojson")).status).toBe(401);
    const geo = await exportPark(officer, "geojson");
    const csv = await exportPark(officer, "csv");
    expect(geo.status).toBe(200);
    // (text() drops the byte-order mark the file starts with)
    expect(csv.text.split("\r\n")[0]).toBe("code,park,zone,landUse,status,statusReason,areaM2,priceCnyPerMu,plotRatioMin,plotRatioMax,handoverOn,lastVerifiedOn,roadReadyOn,waterReadyOn,drainageReadyOn,powerReadyOn,telecomReadyOn,gasReadyOn,heatingReadyOn,cableReadyOn,sewageReadyOn,levelledOn,powerKva,powerVoltageKv,gasM3PerDay,waterTPerDay,wastewaterTPerDay");
    const before = await counts();
    const viaGeo = await upload(admin, { geojson: geo.text, mode: "commit" });
    expect(viaGeo.result!.committed).toEqual({ created: 0, updated: 0, unchanged: 4, adjacencyEdges: 0 });
    const viaCsv = await upload(admin, { geojson: geo.text, csv: csv.text, mode: "commit" });
    expect(viaCsv.result!.committed).toEqual({ created: 0, updated: 0, unchanged: 4, adjacencyEdges: 0 });
    expect(await counts()).toEqual({ ...before, audits: before.audits + 2 });

    const res = await SEARCH_EXPORT(new NextRequest(`http://localhost/api/land/export?park=${TEST_PARK}&reserved=1&format=geojson`));
    const pub = (await res.json()) as { features: { properties: Record<string, unknown> }[] };
    expect(pub.features.map((f) => f.properties.code)).toEqual(["CT-A1", "CT-A2", "CT-A3", "CT-B1"]);
    expect(pub.features.every((f) => !("statusReason" in f.properties))).toBe(true);
    const pubCsv = await (await SEARCH_EXPORT(new NextRequest(`http://localhost/api/land/export?park=${TEST_PARK}&format=csv`))).text();
    expect(pubCsv.split("\r\n").filter(Boolean).map((l) => l.split(",")[0])).toEqual(["code", "CT-A1", "CT-A2", "CT-A3"]);
    expect(pubCsv).not.toContain("held for");
  });

  it("runs from the command line as the system: same report, audit rows without an actor marked cli", async () => {
    const dir = await mkdtemp(join(tmpdir(), "land-import-"));
    const file = join(dir, "parcels.geojson");
    await writeFile(file, GOOD);
    const run = (...args: string[]) =>
      promisify(execFile)("npx", ["tsx", "scripts/land-import.ts", TEST_PARK, file, ...args], { env: { ...process.env, DATABASE_URL: inject("seededDatabaseUrl") } });
    const dry = await run("--dry-run", "--crs", "EPSG:4326");
    expect(dry.stdout.trim().split("\n")).toEqual([
      "4 feature(s): 4 to create, 0 to update, 0 unchanged; 0 with problems, 0 file problem(s)",
      "  #1 CT-A1: create", "  #2 CT-A2: create", "  #3 CT-A3: create", "  #4 CT-B1: create",
      "Clean (dry run: nothing written)",
    ]);
    expect(await db.parcel.count({ where: { park: { code: TEST_PARK } } })).toBe(0);
    const done = await run();
    expect(done.stdout.trim().split("\n").at(-1)).toBe("Imported: 4 created, 0 updated, 0 unchanged, 2 adjacency edge(s) written");
    const ids = (await db.parcel.findMany({ where: { park: { code: TEST_PARK } }, select: { id: true } })).map((p) => p.id);
    const audits = await db.auditLog.findMany({ where: { OR: [{ entityId: { in: ids } }, { entity: "CadastreImport", action: "cadastre.import.cli" }] }, select: { actorId: true, action: true } });
    expect(audits.filter((a) => a.action === "parcel.import.cli")).toHaveLength(4);
    expect(audits.filter((a) => a.action === "cadastre.import.cli")).toHaveLength(1);
    expect(audits.every((a) => a.actorId === null)).toBe(true);
    const bad = await run("--crs", "EPSG:4547").catch((e: { code: number; stdout: string }) => e);
    expect((bad as { code: number }).code).toBe(2);
    expect((bad as { stdout: string }).stdout).toContain("#1 CT-A1: Coordinates (e.g. 112.2, 21.7) look like degrees but the projected system EPSG:4547 (metres) was declared");
  }, 60_000);

  it("refuses a file over the upload limit with 413 and a message in both languages", async () => {
    const r = await upload(admin, { geojson: " ".repeat(8 * 1024 * 1024 + 1) });
    expect(r.status).toBe(413);
    expect(r.body).toEqual({ error: "too large", zh: "文件过大：上传上限为 8 MB，请分批导入", en: "The file is too large: uploads are limited to 8 MB; split it" });
  });

  it("a parcel saved between the check and the commit aborts the whole import: nothing written", async () => {
    await upload(admin, { geojson: GOOD, mode: "commit" });
    const edited = collection(
      feature({ code: "CT-A1", priceCnyPerMu: 1 }, rectAt(0, 0)),
      feature({ code: "CT-A2", priceCnyPerMu: 2 }, rectAt(100, 0)),
      feature({ code: "CT-C1", ...attrs }, rectAt(1000, 0)),
    );
    const park = (await findImportPark(db, TEST_PARK))!;
    const parsed = parseUpload(edited, "EPSG:4326");
    const ctx = await loadCheckContext(db, park, parsed.features, true);
    const checked = await checkFeatures(parsed.features, ctx);
    const planned = planFeatures(checked, ctx.existing);
    const report = buildReport(checked, planned, parsed.fileProblems);
    expect(report.summary).toMatchObject({ create: 1, update: 2 });
    // An officer's edit of CT-A2 lands after the dry run read it.
    await db.parcel.update({ where: { code: "CT-A2" }, data: { version: { increment: 1 } } });
    const before = await counts();
    const record = await db.cadastreImport.create({ data: { parkId: park.id, fileName: "x", crs: "EPSG:4326", status: "COMMITTING" } });
    await expect(commitPlan(db, { park, importId: record.id, planned, report, actorId: admin.id, via: "web", fileName: "x", crs: "EPSG:4326" })).rejects.toMatchObject({ code: "conflict", current: { code: "CT-A2" } });
    expect(await counts()).toEqual(before);
    expect((await db.parcel.findUniqueOrThrow({ where: { code: "CT-A1" } })).priceCnyPerMu).toBe(250000);
  });

  it("refuses a cross-site upload (foreign or opaque Origin) even from a signed-in admin", async () => {
    const { POST } = await import("@/app/api/staff/cadastre/import/route");
    const { as } = await import("./helpers/staff");
    for (const origin of ["https://evil.example", "null"]) {
      const form = new FormData();
      form.set("park", TEST_PARK);
      form.set("file", new File([GOOD], "x.geojson"));
      const res = await as(admin, () => POST(new Request("http://localhost/api/staff/cadastre/import", { method: "POST", body: form, headers: { origin } })));
      expect(res.status).toBe(403);
    }
    expect(await db.cadastreImport.count({ where: { park: { code: TEST_PARK } } })).toBe(0);
  });

  it("every seeded park's export checks back clean as a no-op (dry run)", async () => {
    const parks = await db.park.findMany({ where: { parcels: { some: {} } }, select: { code: true, id: true }, orderBy: { code: "asc" } });
    expect(parks.length).toBeGreaterThan(5);
    try {
      for (const park of parks) {
        const geo = await exportPark(admin, "geojson", park.code);
        const r = await upload(admin, { geojson: geo.text, park: park.code });
        const report = r.result!.report as { clean: boolean; rows: unknown[]; summary: { features: number; unchanged: number } };
        expect([park.code, report.clean, report.rows]).toEqual([park.code, true, []]);
        expect(report.summary.unchanged).toBe(report.summary.features);
      }
    } finally {
      await db.cadastreImport.deleteMany({ where: { parkId: { in: parks.map((p) => p.id) } } });
    }
  }, 120_000);
});
