import area from "@turf/area";
import booleanWithin from "@turf/boolean-within";
import { describe, expect, it } from "vitest";
import type { LandUse, ParcelStatus } from "../../lib/generated/prisma/enums";
import { generateParkCadastre, type ParcelDraft, type ParkCadastre, type PolygonGeometry } from "../../seeds/cadastre";
import { cadastrePlan, generateCadastre, type CadastrePark } from "../../seeds/data/cadastre-plan";
import { createRng } from "../../seeds/random";

const AS_OF = "2026-11-01";
const SQM_PER_MU = 10000 / 15;
const DAY = 86_400_000;
type XY = [number, number];

const LAND_USE_SETS: LandUse[][] = [
  ["INDUSTRIAL_M1", "INDUSTRIAL_M2"],
  ["INDUSTRIAL_M1", "NEW_INDUSTRIAL_M0", "SUPPORT_SERVICES"],
  ["INDUSTRIAL_M2", "INDUSTRIAL_M3", "LOGISTICS_W"],
  ["LOGISTICS_W"],
];

// 15 parks on a 5 x 3 lattice 0.06 degrees apart (>= 6 km) around Jiangmen, 1-3 zones each.
const fakeParks: CadastrePark[] = cadastrePlan.map((entry, i) => ({
  code: entry.parkCode,
  center: [113.0 + ((i % 5) - 2) * 0.06, 22.45 + (Math.floor(i / 5) - 1) * 0.06],
  zones: Array.from({ length: (i % 3) + 1 }, (_, z) => ({
    code: `${entry.parkCode}-zone-${z + 1}`,
    allowedLandUses: LAND_USE_SETS[(i + z) % LAND_USE_SETS.length] as LandUse[],
  })),
}));

const result = generateCadastre(fakeParks, cadastrePlan);
const parcels = result.flatMap((c) => c.parcels);
const muOf = (g: PolygonGeometry): number => area(g) / SQM_PER_MU;
const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/** Independent of the generator's projection on purpose: a plain equirectangular plane. */
function localPlane(center: XY): (p: XY) => XY {
  const kx = Math.cos((center[1] * Math.PI) / 180) * 111320;
  return ([lng, lat]) => [(lng - center[0]) * kx, (lat - center[1]) * 110574];
}
const outer = (g: PolygonGeometry): XY[] => g.coordinates[0] as XY[];
const edgesOf = (ring: XY[]): [XY, XY][] => ring.slice(0, -1).map((p, i) => [p, ring[i + 1] as XY]);

function segmentDistance([a, b]: [XY, XY], [c, d]: [XY, XY]): number {
  const cross = (o: XY, p: XY, q: XY): number => (p[0] - o[0]) * (q[1] - o[1]) - (p[1] - o[1]) * (q[0] - o[0]);
  const d1 = cross(a, b, c), d2 = cross(a, b, d), d3 = cross(c, d, a), d4 = cross(c, d, b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return 0;
  const toSeg = (p: XY, [s, t]: [XY, XY]): number => {
    const [dx, dy] = [t[0] - s[0], t[1] - s[1]];
    const k = Math.max(0, Math.min(1, ((p[0] - s[0]) * dx + (p[1] - s[1]) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(p[0] - s[0] - k * dx, p[1] - s[1] - k * dy);
  };
  return Math.min(toSeg(a, [c, d]), toSeg(b, [c, d]), toSeg(c, [a, b]), toSeg(d, [a, b]));
}

/** Length over which segment q lies on segment p (collinear within 5 cm), else 0. */
function collinearOverlap([a, b]: [XY, XY], [c, d]: [XY, XY]): number {
  const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const [ux, uy] = [(b[0] - a[0]) / len, (b[1] - a[1]) / len];
  const off = (p: XY): number => Math.abs((p[0] - a[0]) * uy - (p[1] - a[1]) * ux);
  if (off(c) > 0.05 || off(d) > 0.05) return 0;
  const along = (p: XY): number => (p[0] - a[0]) * ux + (p[1] - a[1]) * uy;
  const [lo, hi] = [Math.min(along(c), along(d)), Math.max(along(c), along(d))];
  return Math.max(0, Math.min(len, hi) - Math.max(0, lo));
}

const blockCodeOf = (p: ParcelDraft): string => p.code.replace(/-P\d+$/, "");

describe("seeded cadastre", () => {
  it("is deterministic per seed and stable per park", () => {
    expect(generateCadastre(fakeParks, cadastrePlan)).toEqual(result);
    expect(generateCadastre(fakeParks, cadastrePlan, 7)).not.toEqual(result);
    // Dropping a park must leave every other park's land untouched.
    expect(generateCadastre(fakeParks, cadastrePlan.slice(1))).toEqual(result.slice(1));
    expect(createRng(1).next()).toBe(createRng(1).next());
  });

  it("keeps geometry and statuses independent of zones and the reference date", () => {
    const entry = cadastrePlan[0]!;
    const park = fakeParks[0]!;
    const base = { ...entry, center: park.center, zones: park.zones };
    const a = generateParkCadastre(base, createRng("x"));
    const b = generateParkCadastre({ ...base, zones: [fakeParks[4]!.zones[0]!], asOf: "2027-06-30" }, createRng("x"));
    expect(b.parcels.map((p) => [p.geometry, p.status])).toEqual(a.parcels.map((p) => [p.geometry, p.status]));
  });

  it("produces the planned amount of land", () => {
    expect(parcels.length).toBeGreaterThanOrEqual(650);
    expect(parcels.length).toBeLessThanOrEqual(900);
    expect(new Set(parcels.map((p) => p.code)).size).toBe(parcels.length);
    for (const c of result) {
      const prefix = cadastrePlan.find((e) => e.parkCode === c.parkCode)!.codePrefix;
      for (const p of c.parcels) expect(p.code).toMatch(new RegExp(`^${prefix}-B\\d{2}-P\\d{2}$`));
      for (const b of c.superBlocks) {
        expect(b.parcelCodes.length).toBeGreaterThanOrEqual(2);
        expect(b.parcelCodes.length).toBeLessThanOrEqual(12);
      }
    }
    for (const p of parcels) {
      expect(muOf(p.geometry)).toBeGreaterThanOrEqual(15);
      expect(muOf(p.geometry)).toBeLessThanOrEqual(400);
    }
    const mus = parcels.map((p) => muOf(p.geometry));
    expect(mus.filter((m) => m >= 30 && m <= 120).length / mus.length).toBeGreaterThan(0.6);
    // Not a field of rectangles: some cuts lean, and T-junctions add vertices to long edges.
    const leaning = parcels.filter((p) => {
      const pts = outer(p.geometry).map(localPlane(outer(p.geometry)[0]!));
      return edgesOf(pts).some(([a, b], i, all) => {
        const [, c] = all[(i + 1) % all.length]!;
        const cos = ((b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1])) / (Math.hypot(b[0] - a[0], b[1] - a[1]) * Math.hypot(c[0] - b[0], c[1] - b[1]));
        return Math.abs(cos) > Math.sin((3 * Math.PI) / 180) && Math.abs(cos) < Math.cos((3 * Math.PI) / 180);
      });
    });
    expect(leaning.length / parcels.length).toBeGreaterThan(0.2);
    expect(parcels.filter((p) => outer(p.geometry).length > 5).length / parcels.length).toBeGreaterThan(0.1);
  });

  it("writes closed, counter-clockwise, 7-decimal rings", () => {
    for (const g of [...parcels.map((p) => p.geometry), ...result.map((c) => c.boundary)]) {
      expect(g.type).toBe("Polygon");
      expect(g.coordinates).toHaveLength(1);
      const ring = outer(g);
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const twiceArea = edgesOf(ring).reduce((s, [a, b]) => s + a[0] * b[1] - b[0] * a[1], 0);
      expect(twiceArea).toBeGreaterThan(0);
      for (const [lng, lat] of ring) {
        expect(Math.round(lng * 1e7) / 1e7).toBe(lng);
        expect(Math.round(lat * 1e7) / 1e7).toBe(lat);
      }
    }
  });

  it("makes the planned fully-available blocks, all AVAILABLE and >= 520 mu", () => {
    const full = result.flatMap((c) => c.superBlocks.filter((b) => b.fullyAvailable));
    const planned = cadastrePlan.reduce((n, e) => n + e.fullyAvailableBlocks, 0);
    expect(planned).toBeGreaterThanOrEqual(22);
    expect(full).toHaveLength(planned);
    const byCode = new Map(parcels.map((p) => [p.code, p]));
    for (const block of full) {
      const members = block.parcelCodes.map((code) => byCode.get(code)!);
      expect(members.every((p) => p.status === "AVAILABLE")).toBe(true);
      expect(members.reduce((s, p) => s + muOf(p.geometry), 0)).toBeGreaterThanOrEqual(520);
      for (const p of members) expect(ms(p.readiness.levelledOn!)).toBeLessThanOrEqual(ms(AS_OF));
    }
  });

  it("tiles each super-block with parcels sharing exact vertices", () => {
    for (const c of result) {
      const toXY = localPlane(outer(c.boundary)[0]!);
      for (const block of c.superBlocks) {
        const members = c.parcels.filter((p) => blockCodeOf(p) === block.code);
        expect(members.map((p) => p.code)).toEqual(block.parcelCodes);
        // Sum of parts equals the whole, so parcels neither overlap nor leave gaps.
        const sum = members.reduce((s, p) => s + area(p.geometry), 0);
        expect(Math.abs(sum / area(block.geometry) - 1)).toBeLessThan(1e-4);

        const directed = new Map<string, string>();
        const key = (a: XY, b: XY): string => `${a[0]},${a[1]}>${b[0]},${b[1]}`;
        for (const p of members) for (const [a, b] of edgesOf(outer(p.geometry))) directed.set(key(a, b), p.code);
        for (const p of members) {
          let shared = 0;
          for (const [a, b] of edgesOf(outer(p.geometry))) {
            const across = directed.get(key(b, a));
            if (across) {
              expect(across).not.toBe(p.code);
              shared++;
              continue;
            }
            // No reversed twin: then no other parcel may run along this edge at all.
            const edge: [XY, XY] = [toXY(a), toXY(b)];
            for (const q of members) {
              if (q === p) continue;
              for (const [c2, d2] of edgesOf(outer(q.geometry))) {
                expect(collinearOverlap(edge, [toXY(c2), toXY(d2)]), `${p.code} vs ${q.code}`).toBeLessThan(0.5);
              }
            }
          }
          expect(shared, `${p.code} has no neighbour`).toBeGreaterThan(0);
        }
      }
    }
  });

  it("keeps parcels of different super-blocks at least a road apart", () => {
    for (const c of result) {
      const toXY = localPlane(outer(c.boundary)[0]!);
      const shapes = c.parcels.map((p) => {
        const pts = outer(p.geometry).map(toXY);
        const xs = pts.map((q) => q[0]), ys = pts.map((q) => q[1]);
        return { block: blockCodeOf(p), edges: edgesOf(pts), box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
      });
      for (let i = 0; i < shapes.length; i++) {
        for (let j = i + 1; j < shapes.length; j++) {
          const [s, t] = [shapes[i]!, shapes[j]!];
          if (s.block === t.block) continue;
          const gapX = Math.max(s.box[0]! - t.box[2]!, t.box[0]! - s.box[2]!);
          const gapY = Math.max(s.box[1]! - t.box[3]!, t.box[1]! - s.box[3]!);
          if (Math.max(gapX, gapY) >= 20) continue; // boxes already far apart
          const d = Math.min(...s.edges.flatMap((e) => t.edges.map((f) => segmentDistance(e, f))));
          expect(d).toBeGreaterThanOrEqual(20);
        }
      }
    }
  });

  it("keeps every parcel inside a site of at most ~3.5 km x 3.5 km", () => {
    for (const c of result) {
      for (const p of c.parcels) expect(booleanWithin(p.geometry, c.boundary), p.code).toBe(true);
      const toXY = localPlane(outer(c.boundary)[0]!);
      const pts = outer(c.boundary).map(toXY);
      for (const [a, b] of edgesOf(pts)) expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeLessThanOrEqual(3500);
      for (const a of pts) for (const b of pts) expect(Math.hypot(b[0] - a[0], b[1] - a[1])).toBeLessThanOrEqual(3500 * Math.SQRT2);
    }
  });

  it("has a realistic status mix, clustered by super-block", () => {
    const share = (s: ParcelStatus): number => parcels.filter((p) => p.status === s).length / parcels.length;
    const ranges: [ParcelStatus, number, number][] = [
      ["AVAILABLE", 0.45, 0.55], ["RESERVED", 0.08, 0.12], ["UNDER_NEGOTIATION", 0.05, 0.1],
      ["SOLD", 0.15, 0.2], ["LEASED", 0.05, 0.1], ["NOT_OFFERED", 0.05, 0.1],
    ];
    for (const [status, lo, hi] of ranges) {
      expect(share(status), status).toBeGreaterThanOrEqual(lo);
      expect(share(status), status).toBeLessThanOrEqual(hi);
    }
    // Blocks should read as sold-out, on the market or not yet released, far more than a
    // shuffle of the same statuses over the same blocks would.
    const phase = (s: ParcelStatus): string => (s === "SOLD" || s === "LEASED" ? "taken" : s === "NOT_OFFERED" ? "held" : "offered");
    const blocks = result.flatMap((c) => c.superBlocks.filter((b) => !b.fullyAvailable));
    const open = parcels.filter((p) => blocks.some((b) => b.parcelCodes.includes(p.code)));
    const dominance = (statusOf: (p: ParcelDraft) => ParcelStatus): number => {
      const shares = blocks.map((b) => {
        const phases = open.filter((p) => blockCodeOf(p) === b.code).map((p) => phase(statusOf(p)));
        return Math.max(...phases.map((x) => phases.filter((y) => y === x).length)) / phases.length;
      });
      return shares.reduce((a, b) => a + b, 0) / shares.length;
    };
    const permuted = createRng("shuffle").shuffle(open);
    const shuffled = new Map(open.map((p, i) => [p.code, permuted[i]!.status]));
    const clustered = dominance((p) => p.status);
    const noise = dominance((p) => shuffled.get(p.code)!);
    expect(clustered).toBeGreaterThan(0.8);
    expect(clustered - noise).toBeGreaterThan(0.2);
  });

  it("uses only land uses the zone allows", () => {
    const zones = new Map(fakeParks.flatMap((park) => park.zones.map((z) => [z.code, { park: park.code, z }] as const)));
    for (const p of parcels) {
      const zone = zones.get(p.zoneCode);
      expect(zone?.park).toBe(p.parkCode);
      expect(zone?.z.allowedLandUses).toContain(p.landUse);
    }
  });

  it("writes well-formed dates, prices and plot ratios", () => {
    const asOf = ms(AS_OF);
    const isDay = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(ms(d)).toISOString().startsWith(d);
    for (const p of parcels) {
      const items = Object.values(p.readiness);
      expect(items).toHaveLength(10);
      for (const d of items) if (d !== null) expect(isDay(d), `${p.code} ${d}`).toBe(true);
      if (p.status === "SOLD" || p.status === "LEASED") {
        for (const d of items) expect(d !== null && ms(d) <= asOf, p.code).toBe(true);
        expect(p.handoverOn).toBeNull();
      }
      if (p.status === "AVAILABLE" || p.status === "RESERVED") expect(p.handoverOn).not.toBeNull();
      if (p.status === "NOT_OFFERED") expect(p.handoverOn).toBeNull();
      if (p.handoverOn !== null) {
        expect(isDay(p.handoverOn)).toBe(true);
        expect(ms(p.handoverOn)).toBeGreaterThanOrEqual(asOf - 60 * DAY);
        expect(ms(p.handoverOn)).toBeLessThanOrEqual(ms("2028-11-01"));
      }
      expect(isDay(p.lastVerifiedOn)).toBe(true);
      expect(ms(p.lastVerifiedOn)).toBeLessThanOrEqual(asOf);
      expect(ms(p.lastVerifiedOn)).toBeGreaterThan(asOf - 180 * DAY);
      if (p.status === "NOT_OFFERED") expect(p.priceCnyPerMu).toBeNull();
      else {
        expect(Number.isInteger(p.priceCnyPerMu)).toBe(true);
        expect(p.priceCnyPerMu).toBeGreaterThanOrEqual(150_000);
        expect(p.priceCnyPerMu).toBeLessThanOrEqual(450_000);
      }
      expect(p.plotRatioMin).toBeGreaterThanOrEqual(1.0);
      expect(p.plotRatioMax).toBeGreaterThan(p.plotRatioMin);
      expect(p.plotRatioMax).toBeLessThanOrEqual(4.5);
    }
  });

  it("rejects a plan that does not match the parks", () => {
    expect(() => generateCadastre(fakeParks.slice(1), cadastrePlan)).toThrow(/no park with code "xinhui-smart-manufacturing"/);
    const zoneless = fakeParks.map((p, i) => (i === 2 ? { ...p, zones: [] } : p));
    expect(() => generateCadastre(zoneless, cadastrePlan)).toThrow(/china-eu-cooperation-zone.*no zones/);
  });
});

// Keeps the exported result type in the test's vocabulary (and checked by tsc).
export type { ParkCadastre };
