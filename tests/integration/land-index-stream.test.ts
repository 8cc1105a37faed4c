// The land index streamed from PostgreSQL (binary COPY into columns, lib/search/stream-load.ts)
// must be the index the LandRow constructor builds from the same rows: every column, the
// graph's CSR, ids, codes, parks and zones in the same order. On the Jiangmen seed, and on a
// database of its own whose parcels leave every nullable column empty (or not), with parks
// without a county, zones without industries, and codes whose byte order is not `<` order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { connectionOf } from "@/lib/db/connections";
import { migrate } from "@/lib/db/migrate";
import { LandIndex } from "@/lib/search/land-index";
import { landRows, runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { searchLand } from "@/lib/search/search";
import { streamLandColumns } from "@/lib/search/stream-load";
import { READINESS_ITEMS } from "@/lib/land/readiness";
import { createEmptyDatabase, seededDb } from "./helpers/database";

const plain = (a: ArrayLike<number>) => Array.from(a);

function expectSameIndex(streamed: LandIndex, built: LandIndex) {
  expect(streamed.size).toBe(built.size);
  expect(streamed.ids).toEqual(built.ids);
  expect(streamed.codes).toEqual(built.codes);
  expect(streamed.parkIds).toEqual(built.parkIds);
  expect(streamed.zoneIds).toEqual(built.zoneIds);
  for (const col of ["park", "zone", "county", "landUse", "status", "industries", "areaM2", "price", "handover", "verified", "bbox", "powerVoltageKv", "centroid"] as const)
    expect(plain(streamed[col]), col).toEqual(plain(built[col]));
  for (const [key, col] of Object.entries(built.readiness)) expect(plain(streamed.readiness[key as keyof typeof built.readiness]), key).toEqual(plain(col));
  for (const [key, col] of Object.entries(built.capacity)) expect(plain(streamed.capacity[key as keyof typeof built.capacity]), key).toEqual(plain(col));
  for (const [key, col] of Object.entries(built.nearKm)) expect(plain(streamed.nearKm[key as keyof typeof built.nearKm]), key).toEqual(plain(col));
  expect(plain(streamed.graph.offsets)).toEqual(plain(built.graph.offsets));
  expect(plain(streamed.graph.neighbours)).toEqual(plain(built.graph.neighbours));
  for (const id of built.ids) expect(streamed.graph.indexOf(id)).toBe(built.graph.indexOf(id));
  for (const code of built.codes) expect(streamed.parkIndexOf(built.parkIds[built.park[built.codes.indexOf(code)]!]!)).toBe(built.park[built.codes.indexOf(code)]);
}

async function bothWays(db: Db) {
  const { columns } = await streamLandColumns(connectionOf(db)!);
  const { rows, edges } = await landRows(db);
  return { columns, built: new LandIndex(rows, edges) };
}

describe("the streamed land index", () => {
  let seeded: Db;
  beforeAll(() => {
    seeded = seededDb();
  });
  afterAll(async () => {
    await seeded.$disconnect();
  });

  it("equals the index built from LandRows on the Jiangmen seed, and searches the same", async () => {
    const { columns, built } = await bothWays(seeded);
    expect(columns).not.toBeNull();
    const streamed = LandIndex.fromColumns(columns!);
    expect(streamed.size).toBeGreaterThan(100);
    expect(streamed.graph.neighbours.length).toBeGreaterThan(100);
    expectSameIndex(streamed, built);
    // The app's path (getLandIndex streams for any createPrismaClient client) answers as the built index does.
    const { index } = await runLandSearch(seeded, landSearchSchema.parse({}));
    expectSameIndex(index, built);
  });

  it("equals it with every nullable column empty, parks without a county and zones without industries", async () => {
    const url = await createEmptyDatabase("land_stream");
    await migrate(url);
    const db = createPrismaClient(url, 2);
    try {
      const park = (code: string, county: "XINHUI" | null, industries: ("NEW_ENERGY_BATTERY" | "ENERGY_STORAGE")[]) =>
        db.park.create({ data: { code, nameZh: code, nameEn: code, level: "SPECIALTY", county, industries, descriptionZh: "-", descriptionEn: "-", centerLng: 113, centerLat: 22.5 } });
      const a = await park("pa", null, ["ENERGY_STORAGE", "NEW_ENERGY_BATTERY"]);
      const b = await park("pb", "XINHUI", []);
      const za = await db.zone.create({ data: { code: "za", parkId: a.id, nameZh: "z", nameEn: "z", industries: [], allowedLandUses: ["INDUSTRIAL_M1"] } });
      const zb = await db.zone.create({ data: { code: "zb", parkId: b.id, nameZh: "z", nameEn: "z", industries: ["ENERGY_STORAGE"], allowedLandUses: ["INDUSTRIAL_M1"] } });
      const square = { type: "Polygon", coordinates: [[[113, 22.5], [113.001, 22.5], [113.001, 22.501], [113, 22.5]]] };
      // Codes in no order, with Chinese and mixed case (all sort alike as bytes and as `<`).
      const codes = ["B-2", "a-1", "江门-3", "A-10", "b-1", "Z", "江门-1"];
      await db.parcel.createMany({
        data: codes.map((code, k) => {
          const full = k % 2 === 0;
          return {
            id: `p${(k * 7) % 10}-${code}`,
            code,
            parkId: k < 4 ? a.id : b.id,
            zoneId: full ? (k < 4 ? za.id : zb.id) : null,
            geometry: square,
            areaM2: 1000.5 + k / 3,
            minLng: 113 + k / 7, minLat: 22.5 - k / 9, maxLng: 113.001 + k / 7, maxLat: 22.501, centroidLng: 113.0005 + k / 11, centroidLat: 22.5005,
            landUse: k % 3 === 0 ? ("INDUSTRIAL_M2" as const) : ("INDUSTRIAL_M1" as const),
            status: (["AVAILABLE", "RESERVED", "SOLD"] as const)[k % 3]!,
            priceCnyPerMu: full ? 200_000 + k : null,
            handoverOn: full ? new Date(Date.UTC(1969, 11, 31 - k)) : null,
            lastVerifiedOn: new Date(Date.UTC(2026, 10, k + 1)),
            powerKva: full ? 5_000 : null,
            powerVoltageKv: full ? 10.5 : null,
            gasM3PerDay: full ? 300 : null,
            waterTPerDay: full ? 50 : null,
            wastewaterTPerDay: full ? 40 : null,
            ...Object.fromEntries(READINESS_ITEMS.map((it, j) => [it.column, full && j % 2 === 0 ? new Date(Date.UTC(2027, j, k + 1)) : null])),
          };
        }),
      });
      const ids = (await db.parcel.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
      await db.parcelAdjacency.createMany({ data: ([[0, 1], [1, 2], [4, 2], [5, 6], [3, 0]] as const).map(([x, y]) => ({ parcelAId: ids[x]!, parcelBId: ids[y]!, sharedLengthM: 80 })) });
      const { columns, built } = await bothWays(db);
      expect(columns).not.toBeNull();
      const streamed = LandIndex.fromColumns(columns!);
      expect(streamed.codes).toEqual(["A-10", "B-2", "Z", "a-1", "b-1", "江门-1", "江门-3"]);
      expect(streamed.graph.neighbours.length).toBe(10);
      expect(plain(streamed.price).filter(Number.isNaN).length).toBe(3);
      expectSameIndex(streamed, built);
      const ctx = { today: 20_000, parkIdByCode: new Map([["pa", a.id], ["pb", b.id]]), zoneIdByCode: new Map() };
      for (const q of [{}, { reserved: "1" }, { view: "parcels" }, { industry: "ENERGY_STORAGE" }]) {
        const query = landSearchSchema.parse(q);
        expect(searchLand(streamed, query, ctx)).toEqual(searchLand(built, query, ctx));
      }

      // A code beyond U+FFFF sorts differently as UTF-8 bytes and as UTF-16 units: no columns
      // (the caller builds from rows), and the app's search still loads an index, from rows.
      await db.parcel.createMany({
        data: ["\u{20000}", "\uE000"].map((code, k) => ({ id: `astral-${k}`, code, parkId: a.id, geometry: square, areaM2: 10, minLng: 113, minLat: 22, maxLng: 113, maxLat: 22, centroidLng: 113, centroidLat: 22, landUse: "INDUSTRIAL_M1" as const, status: "AVAILABLE" as const, lastVerifiedOn: new Date() })),
      });
      const again = await bothWays(db);
      expect(again.columns).toBeNull();
      const { index } = await runLandSearch(db, landSearchSchema.parse({}));
      expect(index.codes.slice(-2)).toEqual(["\u{20000}", "\uE000"]);
      expectSameIndex(index, again.built);
    } finally {
      await db.$disconnect();
    }
  });
});
