// The land change log on real PostgreSQL, with two app instances on one database: `reader`
// (instance B) keeps an index; the writes come through instance A (the app's own client, used by
// the import route and the staff action) or a raw client. After each write B's next search must
// be "patched" (never "reloaded") and equal what a freshly started instance loads. Plus the
// ordering guarantee of the log under two concurrent writers.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { updateParcelAction } from "@/lib/land/parcel-actions";
import { pruneLandChanges, readLog } from "@/lib/search/index-refresh";
import type { LandIndex } from "@/lib/search/land-index";
import { lastRefreshKind, runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";
import { collection, createTestPark, dropTestPark, feature, rectAt, TEST_PARK, upload } from "./helpers/cadastre";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let reader: Db;
let writer: Db;
let admin: TestStaff;
const q = (input: Record<string, unknown> = {}) => landSearchSchema.parse(input);
const zone = `${TEST_PARK}-z1`;
const attrs = { landUse: "INDUSTRIAL_M1", status: "AVAILABLE", zone, priceCnyPerMu: 250000, lastVerifiedOn: "2026-11-30" };
const QUERIES = [q(), q({ park: TEST_PARK, reserved: "1" }), q({ sort: "price-asc", minArea: "20" }), q({ view: "parcels", park: TEST_PARK }), q({ maxArea: "40", sort: "area-desc" })];

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  reader = seededDb();
  writer = seededDb();
  await dropTestPark(writer);
  admin = await createStaff(writer, { role: "ADMIN" });
});
afterAll(async () => {
  await dropTestPark(writer);
  await writer.auditLog.deleteMany({ where: { actorId: admin.id } });
  await writer.$executeRawUnsafe(`TRUNCATE "User", "StaffSession" CASCADE`);
  await Promise.all([reader.$disconnect(), writer.$disconnect(), appDb().$disconnect()]);
});

const graphOf = (index: LandIndex) => ({ ids: index.ids, codes: index.codes, offsets: Array.from(index.graph.offsets), neighbours: Array.from(index.graph.neighbours) });

/** B's next search after a write: patched from the log, never reloaded. */
async function expectPatched(): Promise<void> {
  await runLandSearch(reader, q());
  expect(lastRefreshKind(reader)).toBe("patched");
}

/** B answers exactly as an instance started now would: same slots, graph, shapes and results. */
async function expectFresh(): Promise<void> {
  const patched = await runLandSearch(reader, q());
  const fresh = seededDb();
  try {
    const loaded = await runLandSearch(fresh, q());
    expect(lastRefreshKind(fresh)).toBe("reloaded");
    expect(graphOf(patched.index)).toEqual(graphOf(loaded.index));
    expect(Array.from(patched.index.areaM2)).toEqual(Array.from(loaded.index.areaM2));
    expect(Array.from(patched.index.bbox)).toEqual(Array.from(loaded.index.bbox));
    for (const query of QUERIES) expect((await runLandSearch(reader, query)).result).toEqual((await runLandSearch(fresh, query)).result);
  } finally {
    await fresh.$disconnect();
  }
}

const keysOf = async (query = q({ park: TEST_PARK, reserved: "1" })) => (await runLandSearch(reader, query)).result.results.map((b) => b.parcelCodes);

describe("the land change log: another instance's writes are patched in", () => {
  it("a cadastre import, a redrawn boundary, a status edit and a removal each patch B's index", async () => {
    await runLandSearch(reader, q());
    await createTestPark(writer);
    const first = collection(
      feature({ code: "LC-A1", ...attrs }, rectAt(0, 0)),
      feature({ code: "LC-A2", ...attrs }, rectAt(100, 0)),
      feature({ code: "LC-A3", ...attrs }, rectAt(200, 0)),
      feature({ code: "LC-B1", ...attrs, status: "RESERVED" }, rectAt(600, 0)),
    );
    expect((await upload(admin, { geojson: first, mode: "commit" })).result).toMatchObject({ type: "result" });
    await expectPatched();
    expect(await keysOf()).toEqual([["LC-A1", "LC-A2", "LC-A3"], ["LC-B1"]]);
    await expectFresh();

    // Redrawn: LC-B1 moves next to LC-A3 (the import recomputes its area and adjacency).
    const redrawn = collection(feature({ code: "LC-B1", ...attrs, status: "RESERVED" }, rectAt(300, 0, 150, 100)));
    expect((await upload(admin, { geojson: redrawn, mode: "commit" })).result).toMatchObject({ type: "result" });
    await expectPatched();
    expect(await keysOf()).toEqual([["LC-A1", "LC-A2", "LC-A3", "LC-B1"]]);
    await expectFresh();
    const { index } = await runLandSearch(reader, q());
    const b1 = await writer.parcel.findUniqueOrThrow({ where: { code: "LC-B1" }, select: { areaM2: true } });
    expect(index.areaM2[index.positionOf("LC-B1")]).toBe(b1.areaM2);
    expect(b1.areaM2).toBeGreaterThan(14_000);

    // A status edit through the staff action on instance A: the block splits around it.
    const a2 = await writer.parcel.findUniqueOrThrow({ where: { code: "LC-A2" }, select: { id: true, version: true } });
    const saved = await as(admin, () => updateParcelAction({ parcelId: a2.id, version: String(a2.version), status: "NOT_OFFERED", priceCnyPerMu: "250000", reason: "withdrawn for a road" }));
    expect(saved.ok).toBe(true);
    await expectPatched();
    expect(await keysOf()).toEqual([["LC-A3", "LC-B1"], ["LC-A1"]]);
    await expectFresh();

    // Removed (adjacency cascades), and the park with them.
    await dropTestPark(writer);
    await expectPatched();
    expect(await keysOf(q({ view: "parcels", reserved: "1" }))).not.toContainEqual(["LC-A1"]);
    await expectFresh();
    expect((await runLandSearch(reader, q())).index.positionOf("LC-A1")).toBe(-1);
  });

  it("two concurrent writers: the later committer's log rows carry larger revisions, and no reader skips the earlier one", async () => {
    const [x, y] = await writer.parcel.findMany({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, take: 2, select: { id: true, code: true, priceCnyPerMu: true } });
    const other = seededDb();
    const { revision: start } = await runLandSearch(reader, q());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let aWrote!: () => void;
    const written = new Promise<void>((r) => (aWrote = r));
    try {
      const a = writer.$transaction(
        async (tx) => {
          await tx.parcel.update({ where: { id: x!.id }, data: { priceCnyPerMu: 111_111 } });
          aWrote();
          await gate;
        },
        { timeout: 20_000 },
      );
      await written;
      let bDone = false;
      const b = other.parcel.update({ where: { id: y!.id }, data: { priceCnyPerMu: 222_222 } }).then(() => (bDone = true));
      await new Promise((r) => setTimeout(r, 300));
      // B waits on the LandRevision row lock A holds; B's reader sees neither write yet.
      expect(bDone).toBe(false);
      const seen = await reader.$transaction((tx) => readLog(tx, start), { isolationLevel: "RepeatableRead" });
      expect(seen.revision).toBe(start);
      expect(seen.log.parcels.size).toBe(0);
      await runLandSearch(reader, q());
      expect(lastRefreshKind(reader)).toBe("hit");
      release();
      await Promise.all([a, b]);
      const rows = await writer.landChange.findMany({ where: { entityId: { in: [x!.id, y!.id] }, kind: "parcel", revision: { gt: start } }, orderBy: { revision: "desc" }, select: { entityId: true, revision: true } });
      const last = (id: string) => rows.find((r) => r.entityId === id)!.revision;
      expect(last(y!.id)).toBeGreaterThan(last(x!.id));
      const { index } = await runLandSearch(reader, q());
      expect(lastRefreshKind(reader)).toBe("patched");
      expect([index.price[index.positionOf(x!.code)], index.price[index.positionOf(y!.code)]]).toEqual([111_111, 222_222]);
    } finally {
      release();
      await writer.parcel.update({ where: { id: x!.id }, data: { priceCnyPerMu: x!.priceCnyPerMu } });
      await writer.parcel.update({ where: { id: y!.id }, data: { priceCnyPerMu: y!.priceCnyPerMu } });
      await other.$disconnect();
    }
    await expectPatched();
    await expectFresh();
  });

  it("pruning drops the rows older than the cut-off, up to the newest such revision, and moves the horizon there", async () => {
    const [p] = await writer.parcel.findMany({ orderBy: { code: "asc" }, take: 1, select: { id: true, priceCnyPerMu: true } });
    await writer.parcel.update({ where: { id: p!.id }, data: { priceCnyPerMu: 123_456 } });
    const cut = await writer.landChange.aggregate({ _max: { revision: true, at: true } });
    const old = await writer.landChange.count();
    await new Promise((r) => setTimeout(r, 20));
    const before = new Date(cut._max.at!.getTime() + 1);
    await writer.parcel.update({ where: { id: p!.id }, data: { priceCnyPerMu: p!.priceCnyPerMu } });
    const kept = await writer.landChange.count({ where: { revision: { gt: cut._max.revision! } } });
    expect(kept).toBe(1);
    expect(await pruneLandChanges(writer, before)).toEqual({ deleted: old, prunedThrough: cut._max.revision });
    expect(await writer.landChange.count()).toBe(kept);
    expect(await writer.landChangeHorizon.findUniqueOrThrow({ where: { id: 1 } })).toEqual({ id: 1, prunedThrough: cut._max.revision });
    // Nothing older left: a second run changes nothing.
    expect(await pruneLandChanges(writer, before)).toEqual({ deleted: 0, prunedThrough: cut._max.revision });
    // B had seen less than the horizon: it cannot patch, it reloads.
    await runLandSearch(reader, q());
    expect(lastRefreshKind(reader)).toBe("reloaded");
  });
});

