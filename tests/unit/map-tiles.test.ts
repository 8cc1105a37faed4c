// The results map's vector tiles, decoded as MapLibre would read them (@mapbox/vector-tile):
// which parcels a tile holds and what they carry, clusters that count every matching block
// once, and a filter change that changes the tile.
import { describe, expect, it } from "vitest";
import { PbfReader } from "pbf";
import { VectorTile } from "@mapbox/vector-tile";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { computeAdjacency } from "@/lib/land/adjacency";
import { bboxOf, polygonAreaM2, type PolygonGeometry } from "@/lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { BLOCK_COLOURS } from "@/lib/map/colours";
import { Lru } from "@/lib/map/lru";
import { pagePoints } from "@/lib/map/page-points";
import { ParcelShapes, ParcelShapesBuilder, parcelTree } from "@/lib/map/parcel-shapes";
import { tileMatches } from "@/lib/map/tile-matches";
import { parseTileCoord, tileBounds, tileOf, type TileCoord } from "@/lib/map/tile-math";
import { encodeLandTile, type PageRange, type TileData } from "@/lib/map/vector-tile";
import { LandIndex, toDay, type LandRow } from "@/lib/search/land-index";
import { landSearchSchema } from "@/lib/search/schemas";
import { rankBlocks, type SearchContext } from "@/lib/search/search";
import { gridParcels } from "./fixtures/land-grid";

const ready = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, new Date("2025-01-01T00:00:00Z")])) as Record<ReadinessKey, Date | null>;
const ctx: SearchContext = { today: toDay(new Date("2026-11-23T00:00:00Z")), parkIdByCode: new Map(), zoneIdByCode: new Map() };

interface Spec {
  code: string;
  status: ParcelStatus;
  geometry: PolygonGeometry;
}

function build(specs: Spec[]) {
  const rows: LandRow[] = specs.map((s) => ({
    id: s.code.toLowerCase(),
    code: s.code,
    parkId: "park-1",
    zoneId: null,
    county: "XINHUI",
    landUse: "INDUSTRIAL_M1",
    status: s.status,
    areaM2: polygonAreaM2(s.geometry),
    priceCnyPerMu: 300_000,
    handoverOn: new Date("2026-06-01T00:00:00Z"),
    readiness: ready,
    industries: [],
    bbox: bboxOf(s.geometry),
  }));
  const index = new LandIndex(rows, computeAdjacency(specs.map((s) => ({ id: s.code.toLowerCase(), geometry: s.geometry }))));
  const byCode = new Map(specs.map((s) => [s.code, s.geometry.coordinates]));
  const data: TileData = { index, shapes: ParcelShapes.build(index.codes, (c) => byCode.get(c)), tree: parcelTree(index.bbox) };
  return { index, data };
}

function tileOfQuery(data: TileData, query: Record<string, string>, tile: TileCoord, page?: PageRange) {
  const { ranked } = rankBlocks(data.index as LandIndex, landSearchSchema.parse(query), ctx);
  const m = tileMatches(data.index as LandIndex, ranked);
  const bytes = encodeLandTile(data, m, page ?? { start: 0, end: Math.min(20, m.blocks) }, tile);
  return { bytes, m, vt: new VectorTile(new PbfReader(bytes)) };
}

function features(vt: VectorTile, layer: string) {
  const l = vt.layers[layer];
  return l ? Array.from({ length: l.length }, (_, i) => l.feature(i)) : [];
}

// A z16 tile near Jiangmen and rectangles placed by fractions of it: A B C D in a row inside,
// E across the east edge, F well inside the next tile east.
const T: TileCoord = { z: 16, ...tileOf(113.08, 22.58, 16) };
const [W, S, E, N] = tileBounds(T);
const dw = E - W, dh = N - S;
const rect = (x0: number, x1: number, y0: number, y1: number): PolygonGeometry => {
  const [a, b, c, d] = [W + x0 * dw, W + x1 * dw, S + y0 * dh, S + y1 * dh];
  return { type: "Polygon", coordinates: [[[a, c], [b, c], [b, d], [a, d], [a, c]]] };
};
const SPECS: Spec[] = [
  { code: "T-A", status: "AVAILABLE", geometry: rect(1 / 8, 2 / 8, 0.25, 0.375) },
  { code: "T-B", status: "AVAILABLE", geometry: rect(2 / 8, 3 / 8, 0.25, 0.375) },
  { code: "T-C", status: "RESERVED", geometry: rect(3 / 8, 4 / 8, 0.25, 0.375) },
  // Larger than E and F, so the order by area is AB, D, E, F.
  { code: "T-D", status: "AVAILABLE", geometry: rect(4 / 8, 5 / 8, 0.25, 0.4375) },
  { code: "T-E", status: "AVAILABLE", geometry: rect(15 / 16, 17 / 16, 0.6, 0.725) },
  { code: "T-F", status: "AVAILABLE", geometry: rect(1.5, 1.55, 0.6, 0.725) },
];

describe("results map tiles", () => {
  const { data } = build(SPECS);

  it("holds exactly the matching parcels under the tile, with their block, rank and colour", () => {
    const { vt, m } = tileOfQuery(data, {}, T);
    expect(Object.keys(vt.layers)).toEqual(["parcels"]);
    const got = features(vt, "parcels").map((f) => f.properties);
    // C is reserved (not asked for), F lies in the next tile; E crosses the edge and is drawn.
    expect(got).toEqual([
      { kind: "parcel", code: "T-A", block: "T-A", rank: 1, page: 1, colour: BLOCK_COLOURS[0] },
      { kind: "parcel", code: "T-B", block: "T-A", rank: 1, page: 1, colour: BLOCK_COLOURS[0] },
      { kind: "parcel", code: "T-D", block: "T-D", rank: 2, page: 1, colour: BLOCK_COLOURS[1] },
      { kind: "parcel", code: "T-E", block: "T-E", rank: 3, page: 1, colour: BLOCK_COLOURS[2] },
    ]);
    expect(m.blocks).toBe(4);
    // A's ring in tile units: lng maps linearly, 1/8 to 2/8 of 4096.
    const a = features(vt, "parcels")[0]!.loadGeometry();
    expect(a).toHaveLength(1);
    expect(new Set(a[0]!.map((p) => p.x))).toEqual(new Set([512, 1024]));
    // E is cut at the tile's buffer (64 units past the edge), not at the edge.
    const e = features(vt, "parcels")[3]!.loadGeometry()[0]!;
    expect(Math.max(...e.map((p) => p.x))).toBe(4096 + 64);
    // The next tile east holds E and F, not A.
    const east = tileOfQuery(data, {}, { ...T, x: T.x + 1 }).vt;
    expect(features(east, "parcels").map((f) => f.properties.code)).toEqual(["T-E", "T-F"]);
  });

  it("draws only the listed page strong, coloured in list order", () => {
    const { vt } = tileOfQuery(data, {}, T, { start: 1, end: 3 });
    expect(features(vt, "parcels").map((f) => [f.properties.code, f.properties.page, f.properties.colour])).toEqual([
      ["T-A", 0, ""],
      ["T-B", 0, ""],
      ["T-D", 1, BLOCK_COLOURS[0]],
      ["T-E", 1, BLOCK_COLOURS[1]],
    ]);
  });

  it("changes with the filters: with reserved land, C joins A, B and D in one block", () => {
    const { vt, m } = tileOfQuery(data, { reserved: "1" }, T);
    expect(features(vt, "parcels").map((f) => [f.properties.code, f.properties.block, f.properties.rank])).toEqual([
      ["T-A", "T-A", 1],
      ["T-B", "T-A", 1],
      ["T-C", "T-A", 1],
      ["T-D", "T-A", 1],
      ["T-E", "T-E", 2],
    ]);
    expect(m.blocks).toBe(3);
    // An area filter keeps only the larger block: E is gone from the tile.
    const big = tileOfQuery(data, { minArea: String(Math.floor(polygonAreaM2(SPECS[3]!.geometry) / 666.67)) }, T).vt;
    expect(features(big, "parcels").map((f) => f.properties.code)).toEqual(["T-A", "T-B", "T-D"]);
  });

  it("is empty (no layers, no bytes) where nothing matches", () => {
    expect(tileOfQuery(data, {}, { z: 16, x: 0, y: 0 }).bytes.byteLength).toBe(0);
    expect(tileOfQuery(data, { minArea: "100000" }, T).bytes.byteLength).toBe(0);
  });
});

describe("results map tiles: clusters below the polygon zoom", () => {
  // 30 x 12 parcels of 100 m; every 4th column sold and every 5th reserved, so the available
  // land splits into many blocks (fewer with reserved land).
  const grid = gridParcels(30, 12);
  const statusOf = (col: number, row: number): ParcelStatus => (col % 4 === 3 ? "SOLD" : col % 5 === 1 && row % 3 === 0 ? "RESERVED" : "AVAILABLE");
  const { data, index } = build(grid.map((g) => ({ code: g.id.toUpperCase(), status: statusOf(g.col, g.row), geometry: g.geometry })));

  it("counts every matching block once, with its parcels and area, at every zoom", () => {
    for (const query of [{}, { reserved: "1" }, { view: "parcels" }] as Record<string, string>[]) {
      const { ranked } = rankBlocks(index, landSearchSchema.parse(query), ctx);
      const area = ranked.reduce((s, c) => s + Math.round(c.areaM2), 0);
      const parcels = ranked.reduce((s, c) => s + c.members.length, 0);
      expect(ranked.length).toBeGreaterThan(5);
      const [minLng, minLat] = index.bbox.subarray(0, 2);
      let tested = 0;
      for (let z = 4; z <= 13; z++) {
        const t = { z, ...tileOf(minLng! + 0.0145, minLat! + 0.0054, z) };
        // The whole grid lies in this one tile, clear of its edges (no points shared with a neighbour).
        const [w, s, e, n] = tileBounds(t, 200);
        const box = [Infinity, Infinity, -Infinity, -Infinity];
        for (let i = 0; i < index.size; i++) for (let k = 0; k < 4; k++) box[k] = (k < 2 ? Math.min : Math.max)(box[k]!, index.bbox[i * 4 + k]!);
        if (!(box[0]! > w && box[1]! > s && box[2]! < e && box[3]! < n)) continue;
        const { vt, m } = tileOfQuery(data, query, t);
        const dots = features(vt, "clusters").map((f) => f.properties as { count: number; parcels: number; areaM2: number; block?: string; expand?: number });
        expect(dots.reduce((s, d) => s + d.count, 0)).toBe(m.blocks);
        expect(m.blocks).toBe(ranked.length);
        expect(dots.reduce((s, d) => s + d.parcels, 0)).toBe(parcels);
        expect(dots.reduce((s, d) => s + d.areaM2, 0)).toBe(area);
        // A cluster says where it splits; a lone block says which block it is.
        for (const d of dots) expect(d.count > 1 ? d.expand! > z && d.block === undefined : typeof d.block === "string").toBe(true);
        // Zoomed out far enough, the whole grid is one dot; zoomed in, several.
        if (z <= 6) expect(dots).toHaveLength(1);
        if (z === 13) expect(dots.length).toBeGreaterThan(1);
        tested++;
      }
      expect(tested).toBeGreaterThanOrEqual(8);
    }
  });
});

describe("parseTileCoord", () => {
  it("takes whole numbers inside the zoom's range only", () => {
    expect(parseTileCoord({ z: "3", x: "7", y: "0" })).toEqual({ ok: true, tile: { z: 3, x: 7, y: 0 } });
    expect(parseTileCoord({ z: "3", x: "8", y: "0" })).toEqual({ ok: false, message: "x must be a whole number from 0 to 7 at zoom 3" });
    expect(parseTileCoord({ z: "23", x: "0", y: "0" })).toEqual({ ok: false, message: "z must be a whole number from 0 to 22" });
    for (const bad of ["-1", "1e1", " 1", "0x1", "1.0", ""]) expect(parseTileCoord({ z: "4", x: "1", y: bad }).ok).toBe(false);
  });
});

describe("Lru", () => {
  it("drops the least recently used entry past its weight", () => {
    const lru = new Lru<string, string>(5, (v) => v.length);
    lru.set("a", "xx");
    lru.set("b", "yy");
    expect(lru.get("a")).toBe("xx");
    lru.set("c", "zz");
    expect([lru.get("a"), lru.get("b"), lru.get("c")]).toEqual(["xx", undefined, "zz"]);
  });
});

describe("ParcelShapes", () => {
  it("gives back each parcel's rings, holes included, and nothing for a parcel without a shape", () => {
    const outer = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const hole = [[1, 1], [2, 1], [2, 2], [1, 1]];
    const shapes = ParcelShapes.build(["A", "B", "C"], (c) => (c === "A" ? [outer, hole] : c === "C" ? [outer] : undefined));
    expect(shapes.rings(0)).toEqual([outer, hole]);
    expect(shapes.rings(1)).toEqual([]);
    expect(shapes.rings(2)).toEqual([outer]);
  });

  it("packs shapes arriving in any order (the database's batches)", () => {
    const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 0]]];
    const b = new ParcelShapesBuilder(3);
    for (const i of [2, 0, 1]) b.set(i, square(i));
    const shapes = b.finish();
    expect([0, 1, 2].map((i) => shapes.rings(i))).toEqual([square(0), square(1), square(2)]);
  });
});

describe("pagePoints", () => {
  it("numbers the listed page's blocks like the list, at their boxes' centres", () => {
    const fc = pagePoints([
      { key: "B-1", bbox: [113, 22, 113.002, 22.004], areaM2: 1234.4 },
      { key: "A-9", bbox: [113.1, 22.1, 113.1, 22.1], areaM2: 10 },
    ], "7");
    expect(fc.revision).toBe("7");
    expect(fc.features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[113.001, 22.002], { kind: "point", block: "B-1", code: "B-1", page: 1, label: 1, areaM2: 1234, polygons: 1 }],
      [[113.1, 22.1], { kind: "point", block: "A-9", code: "A-9", page: 1, label: 2, areaM2: 10, polygons: 1 }],
    ]);
  });
});
