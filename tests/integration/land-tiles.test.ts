// The results map's vector tiles through the real route handler on the seeded Jiangmen
// cadastre: protobuf with exactly the matching parcels under the tile, clusters that count
// every matching block, clear 400s, and a parcel that stops being available leaving the next
// tile (the land revision moves; the index is patched; the matching set is cut afresh).
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { NextRequest } from "next/server";
import { PbfReader } from "pbf";
import { VectorTile } from "@mapbox/vector-tile";
import { GET } from "@/app/api/land/tiles/[z]/[x]/[y]/route";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { tileBounds, tileOf, TILE_BUFFER, type TileCoord } from "@/lib/map/tile-math";
import { runLandSearch } from "@/lib/search/queries";
import { bboxOf, centroidOf, polygonAreaM2, type PolygonGeometry } from "@/lib/land/geometry";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";

let db: Db;
let parcel: { id: string; code: string; status: "AVAILABLE"; centroidLng: number; centroidLat: number };
beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
  parcel = (await db.parcel.findFirstOrThrow({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { id: true, code: true, status: true, centroidLng: true, centroidLat: true } })) as typeof parcel;
});
afterAll(async () => {
  await db.parcel.update({ where: { id: parcel.id }, data: { status: "AVAILABLE" } });
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const get = (t: { z: number | string; x: number | string; y: number | string }, query = "") =>
  GET(new NextRequest(`http://localhost/api/land/tiles/${t.z}/${t.x}/${t.y}?${query}`), { params: Promise.resolve({ z: String(t.z), x: String(t.x), y: String(t.y) }) });

async function decode(res: Response) {
  const vt = new VectorTile(new PbfReader(new Uint8Array(await res.arrayBuffer())));
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const [name, layer] of Object.entries(vt.layers)) out[name] = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
  return out;
}

async function revision() {
  return String((await db.landRevision.findUniqueOrThrow({ where: { id: 1 } })).revision);
}

/** Codes of available parcels whose box reaches into the tile (with its buffer), in code order. */
async function availableUnder(t: TileCoord) {
  const [w, s, e, n] = tileBounds(t, TILE_BUFFER);
  const rows = await db.parcel.findMany({
    where: { status: "AVAILABLE", minLng: { lte: e }, maxLng: { gte: w }, minLat: { lte: n }, maxLat: { gte: s } },
    select: { code: true },
  });
  return rows.map((r) => r.code).sort();
}

describe("GET /api/land/tiles/z/x/y", () => {
  it("answers protobuf with exactly the matching parcels under the tile", async () => {
    const t = { z: 16, ...tileOf(parcel.centroidLng, parcel.centroidLat, 16) };
    const rev = await revision();
    const res = await get(t, `rev=${rev}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/x-protobuf");
    // Asked with the current revision: the browser may keep it; with another, it may not.
    expect(res.headers.get("cache-control")).toBe("private, max-age=3600");
    expect((await get(t, "rev=0")).headers.get("cache-control")).toBe("no-store");
    const { parcels } = await decode(res);
    const expected = await availableUnder(t);
    expect(expected).toContain(parcel.code);
    expect(parcels!.map((p) => p.code).sort()).toEqual(expected);
    // Every parcel names its block; the listed page's are strong and coloured.
    const { result } = await runLandSearch(db, landSearchSchema.parse({}));
    for (const p of parcels!) {
      expect(p.kind).toBe("parcel");
      expect(p.page === 1).toBe(result.results.some((b) => b.key === p.block));
      expect(p.colour !== "").toBe(p.page === 1);
    }
    // A narrower search: only parcels of blocks of 500 mu or more.
    const big = await runLandSearch(db, landSearchSchema.parse({ minArea: "500" }));
    const bigCodes = new Set(big.result.results.flatMap((b) => b.parcelCodes));
    const narrowed = (await decode(await get(t, "minArea=500"))).parcels ?? [];
    expect(narrowed.map((p) => p.code).sort()).toEqual(expected.filter((c) => bigCodes.has(c)));
    // Past every block's size: nothing under the tile matches, so the tile is empty.
    expect((await (await get(t, "minArea=100000")).arrayBuffer()).byteLength).toBe(0);
  });

  it("clusters every matching block below the polygon zoom", async () => {
    for (const query of ["", "minArea=100", "view=parcels"]) {
      const { result } = await runLandSearch(db, landSearchSchema.parse(Object.fromEntries(new URLSearchParams(query))));
      // At zoom 3 one tile holds the whole city (Jiangmen straddles 112.5°, a tile edge down to zoom 4).
      const t = { z: 3, ...tileOf(parcel.centroidLng, parcel.centroidLat, 3) };
      const { clusters } = await decode(await get(t, query));
      expect(clusters!.reduce((s, c) => s + (c.count as number), 0)).toBe(result.total);
    }
  });

  it("answers an empty tile where there is no land", async () => {
    const res = await get({ z: 16, x: 0, y: 0 });
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("refuses a tile that does not exist or a bad search with a 400 saying why", async () => {
    const cases: [Parameters<typeof get>[0], string, Record<string, unknown>][] = [
      [{ z: 23, x: 0, y: 0 }, "", { error: "invalid tile", message: "z must be a whole number from 0 to 22" }],
      [{ z: 2, x: 4, y: 0 }, "", { error: "invalid tile", message: "x must be a whole number from 0 to 3 at zoom 2" }],
      [{ z: 2, x: 1, y: "1.pbf" }, "", { error: "invalid tile", message: "y must be a whole number from 0 to 3 at zoom 2" }],
    ];
    for (const [t, q, body] of cases) {
      const res = await get(t, q);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(body);
    }
    const res = await get({ z: 10, x: 1, y: 1 }, "minArea=abc&locale=en");
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe("invalid search");
    expect(Object.keys(body.fields)).toEqual(["minArea"]);
  });

  it("drops a parcel from the next tile once it is no longer available", async () => {
    const t = { z: 17, ...tileOf(parcel.centroidLng, parcel.centroidLat, 17) };
    const before = (await decode(await get(t))).parcels!.map((p) => p.code);
    expect(before).toContain(parcel.code);
    await db.parcel.update({ where: { id: parcel.id }, data: { status: "RESERVED" } });
    const after = ((await decode(await get(t))).parcels ?? []).map((p) => p.code);
    expect(after).not.toContain(parcel.code);
    expect(after).toEqual(before.filter((c) => c !== parcel.code));
    // With reserved land asked for, it is back.
    expect(((await decode(await get(t, "reserved=1"))).parcels ?? []).map((p) => p.code)).toContain(parcel.code);
    await db.parcel.update({ where: { id: parcel.id }, data: { status: "AVAILABLE" } });
    expect((await decode(await get(t))).parcels!.map((p) => p.code)).toEqual(before);
  });

  it("draws a redrawn parcel's new outline on the next tile (the index is patched in place, the shapes are read again)", async () => {
    const t = { z: 15, ...tileOf(parcel.centroidLng, parcel.centroidLat, 15) };
    const ring = async () => {
      const vt = new VectorTile(new PbfReader(new Uint8Array(await (await get(t)).arrayBuffer())));
      const layer = vt.layers.parcels!;
      const f = Array.from({ length: layer.length }, (_, i) => layer.feature(i)).find((x) => x.properties.code === parcel.code)!;
      return f.loadGeometry()[0]!.map((p) => [p.x, p.y]);
    };
    // Where a position falls in this tile (Web Mercator, 4096 units a side).
    const project = ([lng, lat]: number[]) => {
      const n = 2 ** t.z, rad = (lat! * Math.PI) / 180;
      return [((lng! + 180) / 360) * n - t.x, ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n - t.y].map((v) => Math.round(v * 4096));
    };
    const before = await ring();
    const row = await db.parcel.findUniqueOrThrow({ where: { id: parcel.id }, select: { geometry: true, areaM2: true, minLng: true, minLat: true, maxLng: true, maxLat: true, centroidLng: true, centroidLat: true } });
    // The same parcel, half as wide (west edge kept), as an import's redraw writes it.
    const geometry = row.geometry as unknown as PolygonGeometry;
    const narrow: PolygonGeometry = { type: "Polygon", coordinates: geometry.coordinates.map((r) => r.map(([lng, lat]) => [row.minLng + (lng! - row.minLng) / 2, lat!])) };
    const [minLng, minLat, maxLng, maxLat] = bboxOf(narrow);
    const [centroidLng, centroidLat] = centroidOf(narrow);
    await db.parcel.update({ where: { id: parcel.id }, data: { geometry: narrow as object, areaM2: polygonAreaM2(narrow), minLng, minLat, maxLng, maxLat, centroidLng, centroidLat } });
    try {
      const after = await ring();
      // The new outline's corners, to within a unit of the tile's grid (a ring may start at
      // another corner or run the other way round: compared as a set).
      const corners = (r: number[][]) => r.slice(0, -1).sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
      const expected = corners(narrow.coordinates[0]!.map(project));
      const got = corners(after);
      expect(got).toHaveLength(expected.length);
      got.forEach((p, k) => expect(Math.max(Math.abs(p[0]! - expected[k]![0]!), Math.abs(p[1]! - expected[k]![1]!))).toBeLessThanOrEqual(1));
      expect(after).not.toEqual(before);
    } finally {
      await db.parcel.update({ where: { id: parcel.id }, data: { ...row, geometry: row.geometry as object } });
    }
    expect(await ring()).toEqual(before);
  });
});
