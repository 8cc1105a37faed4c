// Patching the land index from the change log must give exactly what a full rebuild from the
// same rows gives: columns, graph and search results. A random world of parcels, edges, parks
// and zones is edited at random; after every batch the refresh's own planning (planChange and
// patchIndex, fed the log rows the triggers would write) patches the index, which is then
// compared with a fresh LandIndex built from the world.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { County, Industry, ParcelStatus } from "@/lib/generated/prisma/enums";
import { READINESS_ITEMS, type ReadinessKey } from "@/lib/land/readiness";
import { addLogRow, emptyLog, patchIndex, structuralPart, touchedIds } from "@/lib/search/index-refresh";
import { codeOf, LandIndex, type LandRow } from "@/lib/search/land-index";
import { landSearchSchema } from "@/lib/search/schemas";
import { searchLand, type SearchContext } from "@/lib/search/search";

interface World {
  parcels: Map<string, Omit<LandRow, "county" | "industries">>;
  edges: Set<string>; // "idA|idB", idA < idB
  parks: Map<string, { county: County | null; industries: Industry[] }>;
  zones: Map<string, { parkId: string; industries: Industry[] }>;
  next: number;
}

const STATUSES: ParcelStatus[] = ["AVAILABLE", "AVAILABLE", "RESERVED", "SOLD"];
const INDUSTRIES: Industry[] = ["NEW_ENERGY_BATTERY", "HYDROGEN", "PAPER", "GLASS"];
const d = (day: number) => new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);

function row(w: World, p: Omit<LandRow, "county" | "industries">): LandRow {
  const park = w.parks.get(p.parkId)!;
  const zone = p.zoneId ? w.zones.get(p.zoneId) : undefined;
  return { ...p, county: park.county, industries: zone && zone.industries.length ? zone.industries : park.industries };
}

const edgeKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const rows = (w: World) => [...w.parcels.values()].map((p) => row(w, p));
const edgesById = (w: World) => [...w.edges].map((e) => ({ a: e.split("|")[0]!, b: e.split("|")[1]! }));

function shape(x: number, size: number) {
  const bbox: [number, number, number, number] = [113 + x * 0.001, 22.4, 113 + x * 0.001 + size * 0.0009, 22.4 + size * 0.0009];
  return { bbox, areaM2: 6_400 * size * size, centroid: [(bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2] as [number, number] };
}

function newParcel(w: World, seed: number): Omit<LandRow, "county" | "industries"> {
  const n = w.next++;
  const readiness = Object.fromEntries(READINESS_ITEMS.map((i, k) => [i.key, (seed + k) % 5 === 0 ? null : d(((seed * 7 + k) % 40) - 20)])) as Record<ReadinessKey, Date | null>;
  return {
    id: `id-${n}`,
    // Codes not in id order, so slots and ids disagree (as in the database).
    code: `C-${String((n * 7919) % 10_007).padStart(5, "0")}-${n}`,
    parkId: seed % 3 === 0 ? "park-b" : "park-a",
    zoneId: seed % 2 === 0 ? (seed % 3 === 0 ? "zone-b1" : "zone-a1") : null,
    landUse: "INDUSTRIAL_M1",
    status: STATUSES[seed % STATUSES.length]!,
    priceCnyPerMu: seed % 4 === 0 ? null : 200_000 + (seed % 9) * 10_000,
    handoverOn: seed % 6 === 0 ? null : d(seed % 30),
    readiness,
    ...shape(n, 1 + (seed % 3)),
    powerKva: seed % 2 ? 1_000 * (seed % 5) : null,
  };
}

type Op =
  | { kind: "add"; seed: number; links: number[] }
  | { kind: "remove" | "reshape" | "status" | "rename" | "edgeAdd" | "edgeRemove"; pick: number; other: number; seed: number }
  | { kind: "zone" | "park"; seed: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), seed: fc.nat(1000), links: fc.array(fc.nat(1000), { maxLength: 3 }) }),
  fc.record({ kind: fc.constantFrom("remove" as const, "reshape" as const, "status" as const, "rename" as const, "edgeAdd" as const, "edgeRemove" as const), pick: fc.nat(1000), other: fc.nat(1000), seed: fc.nat(1000) }),
  fc.record({ kind: fc.constantFrom("zone" as const, "park" as const), seed: fc.nat(1000) }),
);

/** Applies one edit to the world and returns the log rows its triggers would write. */
function edit(w: World, op: Op): { kind: string; entityId: string | null; otherId: string | null; code: string | null }[] {
  const ids = [...w.parcels.keys()];
  const at = (k: number) => ids[k % Math.max(1, ids.length)];
  const log: ReturnType<typeof edit> = [];
  const parcel = (id: string, code: string) => log.push({ kind: "parcel", entityId: id, otherId: null, code });
  const edge = (key: string) => log.push({ kind: "edge", entityId: key.split("|")[0]!, otherId: key.split("|")[1]!, code: null });
  const link = (key: string) => {
    w.edges.add(key);
    edge(key);
  };
  const unlink = (key: string) => {
    w.edges.delete(key);
    edge(key);
  };
  const dropEdges = (id: string) => {
    for (const e of [...w.edges]) if (e.split("|").includes(id)) unlink(e);
  };
  if (op.kind === "add") {
    const p = newParcel(w, op.seed);
    w.parcels.set(p.id, p);
    parcel(p.id, p.code);
    for (const l of op.links) {
      const o = at(l);
      if (o && o !== p.id) link(edgeKey(p.id, o));
    }
    return log;
  }
  if (op.kind === "zone") {
    const z = op.seed % 2 ? "zone-a1" : "zone-b1";
    w.zones.get(z)!.industries = op.seed % 5 === 0 ? [] : [INDUSTRIES[op.seed % INDUSTRIES.length]!];
    return [{ kind: "zone", entityId: z, otherId: null, code: null }];
  }
  if (op.kind === "park") {
    const p = op.seed % 2 ? "park-a" : "park-b";
    Object.assign(w.parks.get(p)!, { county: op.seed % 3 ? "XINHUI" : "ENPING", industries: [INDUSTRIES[op.seed % INDUSTRIES.length]!] });
    return [{ kind: "park", entityId: p, otherId: null, code: null }];
  }
  if (!("pick" in op)) return log;
  const id = at(op.pick);
  if (!id) return log;
  const p = w.parcels.get(id)!;
  if (op.kind === "remove") {
    dropEdges(id); // the cascade
    w.parcels.delete(id);
    parcel(id, p.code);
  } else if (op.kind === "reshape") {
    w.parcels.set(id, { ...p, ...shape(op.seed, 1 + (op.seed % 4)) });
    parcel(id, p.code);
    dropEdges(id);
    const o = at(op.other);
    if (o && o !== id) link(edgeKey(id, o));
  } else if (op.kind === "status") {
    w.parcels.set(id, { ...p, status: STATUSES[op.seed % STATUSES.length]!, priceCnyPerMu: op.seed % 3 ? 100_000 + op.seed : null });
    parcel(id, p.code);
  } else if (op.kind === "rename") {
    w.parcels.set(id, { ...p, code: `R-${op.seed}-${w.next++}` });
    parcel(id, p.code);
  } else {
    const o = at(op.other);
    if (!o || o === id) return log;
    const key = edgeKey(id, o);
    if (op.kind === "edgeAdd" && !w.edges.has(key)) link(key);
    if (op.kind === "edgeRemove" && w.edges.has(key)) unlink(key);
  }
  return log;
}

/** What a refresh does with the log rows: re-read the touched parcels and (if needed) their edges. */
function refreshFromLog(index: LandIndex, w: World, logRows: ReturnType<typeof edit>): LandIndex {
  const log = emptyLog();
  for (const r of logRows) addLogRow(log, r);
  const ids = new Set(touchedIds(log));
  const current = rows(w).filter((r) => ids.has(r.id));
  const codeOf = new Map(rows(w).map((r) => [r.id, r.code]));
  const edges = structuralPart(index, log, current).structural
    ? edgesById(w).filter((e) => ids.has(e.a) || ids.has(e.b)).map((e) => ({ a: codeOf.get(e.a)!, b: codeOf.get(e.b)! }))
    : null;
  return patchIndex(index, log, current, edges, (parkId, zoneId) => row(w, { ...[...w.parcels.values()][0]!, parkId, zoneId }));
}

/** Every column by slot, with park/zone numbers resolved to ids (interning order may differ). */
function normalised(index: LandIndex) {
  const cols: Record<string, unknown[]> = {};
  const put = (name: string, col: ArrayLike<number>) => (cols[name] = Array.from(col, (v) => (Number.isNaN(v) ? "NaN" : v)));
  for (const [k, v] of Object.entries(index)) {
    if (k === "park" || k === "zone") continue;
    if (ArrayBuffer.isView(v)) put(k, v as Float64Array);
    else if (v && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) for (const [c, col] of Object.entries(v)) put(`${k}.${c}`, col as Float64Array);
  }
  return {
    ...cols,
    ids: index.ids,
    codes: index.codes,
    park: Array.from(index.park, (p) => index.parkIds[p]),
    zone: Array.from(index.zone, (z) => (z < 0 ? null : index.zoneIds[z])),
    offsets: Array.from(index.graph.offsets),
    neighbours: Array.from(index.graph.neighbours),
  };
}

const ctx: SearchContext = { today: 20_460, parkIdByCode: new Map([["a", "park-a"], ["b", "park-b"]]), zoneIdByCode: new Map([["a1", "zone-a1"]]) };
const QUERIES = [{}, { sort: "price-asc", minArea: "1" }, { view: "parcels", industry: "HYDROGEN" }, { county: "ENPING", reserved: "1" }, { park: "b", maxArea: "20", sort: "ready-asc" }, { zone: "a1" }].map((q) => landSearchSchema.parse(q));

function world(initial: number): World {
  const w: World = {
    parcels: new Map(),
    edges: new Set(),
    parks: new Map([["park-a", { county: "XINHUI", industries: ["PAPER"] }], ["park-b", { county: "TAISHAN", industries: ["GLASS"] }]]),
    zones: new Map([["zone-a1", { parkId: "park-a", industries: ["HYDROGEN"] }], ["zone-b1", { parkId: "park-b", industries: [] }]]),
    next: 0,
  };
  for (let s = 0; s < initial; s++) edit(w, { kind: "add", seed: s * 13, links: [s * 3, s * 5 + 1] });
  return w;
}

describe("patching the land index from the change log", () => {
  it("equals a full rebuild after any sequence of edits: columns, graph and search results", () => {
    fc.assert(
      fc.property(fc.nat(40), fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (initial, batches) => {
        const w = world(initial);
        let index = new LandIndex(rows(w), edgesById(w));
        for (const batch of batches) {
          const logRows = batch.flatMap((op) => edit(w, op));
          index = refreshFromLog(index, w, logRows);
          const rebuilt = new LandIndex(rows(w), edgesById(w));
          expect(normalised(index)).toEqual(normalised(rebuilt));
          for (const q of QUERIES) expect(searchLand(index, q, ctx)).toEqual(searchLand(rebuilt, q, ctx));
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it("an added parcel makes a new index and leaves the old one intact; a status edit and a redrawn boundary patch in place", () => {
    const w = world(20);
    const index = new LandIndex(rows(w), edgesById(w));
    const before = normalised(index);
    const added = refreshFromLog(index, w, edit(w, { kind: "add", seed: 5, links: [3] }));
    expect(added).not.toBe(index);
    expect(added.size).toBe(21);
    expect(normalised(index)).toEqual(before);
    const reshaped = refreshFromLog(added, w, edit(w, { kind: "reshape", pick: 3, other: 7, seed: 2 }));
    expect(reshaped).toBe(added);
    const id = [...w.parcels.keys()][5]!;
    const status = refreshFromLog(reshaped, w, edit(w, { kind: "status", pick: 5, other: 0, seed: 2 }));
    expect(status).toBe(added);
    expect(status.status[status.positionOf(w.parcels.get(id)!.code)]).toBe(codeOf.status("RESERVED"));
    expect(normalised(status)).toEqual(normalised(new LandIndex(rows(w), edgesById(w))));
  });
});
