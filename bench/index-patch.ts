// Patching the land index after a geometry change, instead of reloading it. In process (no
// database) at 100,000 or 1,000,000 synthetic parcels: each kind of change applied to the
// live index (a 100-parcel import, a redrawn boundary, one parcel added, one removed, a status
// edit). Then the database path at 100,000: a write on one client, the other client's next
// search (change log read, rows re-read, patch, search). Prints p50/p95/max.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type Db } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { bboxOf, centroidOf, polygonAreaM2 } from "../lib/land/geometry";
import { READINESS_ITEMS, type ReadinessKey } from "../lib/land/readiness";
import { applyChange, type IndexChange } from "../lib/search/index-patch";
import { County, LandUse, ParcelStatus } from "../lib/generated/prisma/enums";
import { CAPACITIES, LandIndex, NO_DATE, type LandRow } from "../lib/search/land-index";
import { lastRefreshKind, runLandSearch } from "../lib/search/queries";
import { landSearchSchema } from "../lib/search/schemas";
import { syntheticCapacities } from "./land-finder";
import { syntheticCadastre, type SyntheticParcel } from "./synthetic-cadastre";

const date = (s: string | null) => (s ? new Date(`${s}T00:00:00Z`) : null);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${pct(s, 50).toFixed(1)} / p95 ${pct(s, 95).toFixed(1)} / max ${s.at(-1)!.toFixed(1)} ms`;
};

function toRow(p: SyntheticParcel, i: number): LandRow {
  return {
    id: p.code, code: p.code, parkId: "park", zoneId: "zone", county: "XINHUI", landUse: "INDUSTRIAL_M1", status: p.status,
    areaM2: polygonAreaM2(p.geometry), priceCnyPerMu: p.priceCnyPerMu, handoverOn: date(p.handoverOn), lastVerifiedOn: new Date("2026-11-01T00:00:00Z"),
    readiness: Object.fromEntries(READINESS_ITEMS.map((it) => [it.key, date(p.readiness[it.key] ?? null)])) as Record<ReadinessKey, Date | null>,
    industries: ["NEW_ENERGY_BATTERY"], bbox: bboxOf(p.geometry), centroid: centroidOf(p.geometry), ...syntheticCapacities(i),
  };
}

/** The synthetic cadastre's adjacency without geometry: 6 x 5 squares per super-block, roads between. */
function gridEdges(codes: readonly string[]): { a: string; b: string }[] {
  const have = new Set(codes);
  const out: { a: string; b: string }[] = [];
  for (const c of codes) {
    const prefix = c.slice(0, -2), k = Number(c.slice(-2));
    const right = `${prefix}${String(k + 1).padStart(2, "0")}`, up = `${prefix}${String(k + 6).padStart(2, "0")}`;
    if (k % 6 < 5 && have.has(right)) out.push({ a: c, b: right });
    if (k + 6 < 30 && have.has(up)) out.push({ a: c, b: up });
  }
  return out;
}

const neighboursOf = (index: LandIndex, code: string) => {
  const i = index.positionOf(code);
  const out: string[] = [];
  for (let k = index.graph.offsets[i]!; k < index.graph.offsets[i + 1]!; k++) out.push(index.codes[index.graph.neighbours[k]!]!);
  return out;
};

/**
 * A parcel's row read back from the index: the benchmark keeps no row objects of its own, so
 * its heap is the index's (a million rows with a dozen Dates each would make every full GC,
 * and so the figures, the benchmark's rather than the index's).
 */
function rowAt(index: LandIndex, i: number): LandRow {
  const day = (d: number) => (d === NO_DATE ? null : new Date(d * 86_400_000));
  const num = (v: number) => (Number.isNaN(v) ? null : v);
  const b = index.bbox;
  return {
    id: index.ids[i]!, code: index.codes[i]!, parkId: index.parkIds[index.park[i]!]!, zoneId: index.zone[i]! < 0 ? null : index.zoneIds[index.zone[i]!]!,
    county: index.county[i] === 255 ? null : Object.values(County)[index.county[i]!]!, landUse: Object.values(LandUse)[index.landUse[i]!]!,
    status: Object.values(ParcelStatus)[index.status[i]!]!, areaM2: index.areaM2[i]!, priceCnyPerMu: num(index.price[i]!), handoverOn: day(index.handover[i]!),
    lastVerifiedOn: day(index.verified[i]!), readiness: Object.fromEntries(READINESS_ITEMS.map((it) => [it.key, day(index.readiness[it.key][i]!)])) as Record<ReadinessKey, Date | null>,
    industries: ["NEW_ENERGY_BATTERY"], bbox: [b[i * 4]!, b[i * 4 + 1]!, b[i * 4 + 2]!, b[i * 4 + 3]!], centroid: [index.centroid[i * 2]!, index.centroid[i * 2 + 1]!],
    ...Object.fromEntries(CAPACITIES.map((c) => [c, num(index.capacity[c][i]!)])), powerVoltageKv: num(index.powerVoltageKv[i]!),
  };
}

/** One change of each kind, built against the current index (r varies the parcel picked). */
const KINDS: Record<string, (index: LandIndex, r: number) => IndexChange> = {
  "100-parcel import": (_index, r) => {
    const fresh = syntheticCadastre(100, 1000 + r).map((p, i) => ({ ...toRow(p, i), id: `IMP${r}-${p.code}`, code: `IMP${r}-${p.code}` }));
    const codes = fresh.map((f) => f.code);
    return { upsert: fresh, edgeParcels: codes, edges: gridEdges(codes) };
  },
  "redrawn boundary": (index, r) => {
    const code = index.codes[(r * 7919) % index.size]!;
    const row = rowAt(index, index.positionOf(code));
    const bbox: [number, number, number, number] = [row.bbox[0], row.bbox[1], row.bbox[2] + 1e-5, row.bbox[3]];
    const next = { ...row, bbox, areaM2: row.areaM2 * 1.01 };
    return { upsert: [next], edgeParcels: [code], edges: neighboursOf(index, code).map((b) => ({ a: code, b })) };
  },
  "parcel added": (index, r) => {
    const [p] = syntheticCadastre(1, 5000 + r);
    const row = { ...toRow(p!, r), id: `ADD-${r}`, code: `ADD-${r}` };
    const b = index.codes[(r * 104_729) % index.size]!;
    return { upsert: [row], edgeParcels: [row.code], edges: [{ a: row.code, b }] };
  },
  "parcel removed": (index, r) => {
    const code = index.codes[(r * 15_485_863) % index.size]!;
    // The log names the neighbours too (their edges went with the parcel): re-read, unchanged.
    const near = neighboursOf(index, code);
    const edges = near.flatMap((n) => neighboursOf(index, n).filter((x) => x !== code).map((b) => ({ a: n, b })));
    return { remove: [code], edgeParcels: near, edges };
  },
  "status edit": (index, r) => {
    const next: LandRow = { ...rowAt(index, (r * 31) % index.size), status: r % 2 ? "SOLD" : "AVAILABLE" };
    return { upsert: [next] };
  },
};

function build(size: number): { index: LandIndex; seconds: number } {
  const rows = syntheticCadastre(size).map(toRow);
  const t0 = performance.now();
  const index = new LandIndex(rows, gridEdges(rows.map((r) => r.code)));
  return { index, seconds: (performance.now() - t0) / 1000 };
}

export async function benchIndexPatchInProcess(size: number, rounds: number): Promise<string[]> {
  const built = build(size);
  let index = built.index;
  const heap = () => `${Math.round(process.memoryUsage().heapUsed / 1e6)} MB JS heap`;
  const lines = [`index patch in process at ${size.toLocaleString("en")} parcels (full build ${built.seconds.toFixed(1)} s, ${heap()}), ${rounds} rounds each:`];
  for (const [kind, make] of Object.entries(KINDS)) {
    const ms: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const change = make(index, r);
      const start = performance.now();
      index = applyChange(index, change);
      ms.push(performance.now() - start);
    }
    lines.push(`  ${kind}: ${stats(ms)}`);
  }
  return lines;
}

async function loadDb(db: Db, parcels: SyntheticParcel[]): Promise<void> {
  const park = await db.park.create({ data: { code: "bench", nameZh: "基准园区", nameEn: "Benchmark park", level: "SPECIALTY", county: "XINHUI", industries: ["NEW_ENERGY_BATTERY"], descriptionZh: "-", descriptionEn: "-", centerLng: 113.05, centerLat: 22.45 } });
  const data = (p: SyntheticParcel, i: number, prefix = "") => {
    const r = toRow(p, i);
    return {
      id: prefix + p.code, code: prefix + p.code, parkId: park.id, geometry: p.geometry as object, areaM2: r.areaM2,
      minLng: r.bbox[0], minLat: r.bbox[1], maxLng: r.bbox[2], maxLat: r.bbox[3], centroidLng: r.centroid![0], centroidLat: r.centroid![1],
      landUse: "INDUSTRIAL_M1" as const, status: p.status, priceCnyPerMu: p.priceCnyPerMu, handoverOn: r.handoverOn, lastVerifiedOn: r.lastVerifiedOn!,
      ...syntheticCapacities(i), ...Object.fromEntries(READINESS_ITEMS.map((it) => [it.column, r.readiness[it.key]])),
    };
  };
  for (let i = 0; i < parcels.length; i += 5000) await db.parcel.createMany({ data: parcels.slice(i, i + 5000).map((p, k) => data(p, i + k)) });
  const edges = gridEdges(parcels.map((p) => p.code));
  for (let i = 0; i < edges.length; i += 10_000) await db.parcelAdjacency.createMany({ data: edges.slice(i, i + 10_000).map((e) => ({ parcelAId: e.a, parcelBId: e.b, sharedLengthM: 80 })) });
  dbData = (p, i, prefix) => ({ ...data(p, i, prefix) });
}
let dbData: (p: SyntheticParcel, i: number, prefix: string) => Record<string, unknown>;

/** Writes on `writer`, then times the reader's next search (refresh from the log + search). */
export async function benchIndexPatchDb(size: number, rounds: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-patch-"));
  const server = await startEmbeddedPostgres({ dir, port: 55_000 + Math.floor(Math.random() * 900), database: "postgres" });
  const lines = [`index patch through the database at ${size.toLocaleString("en")} parcels (write on one client, the other's next search), ${rounds} rounds each:`];
  try {
    await migrate(server.url);
    const writer = createPrismaClient(server.url, 4), reader = createPrismaClient(server.url, 4);
    const parcels = syntheticCadastre(size);
    await loadDb(writer, parcels);
    const q = landSearchSchema.parse({ minArea: "100" });
    const t0 = performance.now();
    await runLandSearch(reader, q);
    lines.push(`  first search (full load): ${(performance.now() - t0).toFixed(0)} ms`);
    const codes = parcels.map((p) => p.code);
    const writes: Record<string, (r: number) => Promise<unknown>> = {
      "100-parcel import": (r) => {
        const fresh = syntheticCadastre(100, 2000 + r);
        const prefix = `IMP${r}-`;
        return writer.$transaction([
          writer.parcel.createMany({ data: fresh.map((p, i) => dbData(p, i, prefix) as never) }),
          writer.parcelAdjacency.createMany({ data: gridEdges(fresh.map((p) => prefix + p.code)).map((e) => ({ parcelAId: e.a, parcelBId: e.b, sharedLengthM: 80 })) }),
        ]);
      },
      "redrawn boundary": (r) => writer.parcel.update({ where: { id: codes[(r * 7919) % size]! }, data: { maxLng: { increment: 1e-5 }, areaM2: { multiply: 1.01 } } }),
      "parcel added": (r) => writer.$transaction([
        writer.parcel.create({ data: dbData(syntheticCadastre(1, 6000 + r)[0]!, r, `ADD${r}-`) as never }),
        writer.parcelAdjacency.create({ data: { parcelAId: `ADD${r}-SYN-00000-00`, parcelBId: codes[(r * 104_729) % size]!, sharedLengthM: 1 } }),
      ]),
      "parcel removed": (r) => writer.parcel.delete({ where: { id: codes[(r * 15_485_863 + 1) % size]! } }),
      "status edit": (r) => writer.parcel.update({ where: { id: codes[(r * 31 + 3) % size]! }, data: { status: r % 2 ? "SOLD" : "AVAILABLE" } }),
    };
    for (const [kind, write] of Object.entries(writes)) {
      const ms: number[] = [];
      const kinds = new Set<string>();
      for (let r = 0; r < rounds; r++) {
        await write(r);
        const start = performance.now();
        await runLandSearch(reader, q);
        ms.push(performance.now() - start);
        kinds.add(lastRefreshKind(reader) ?? "?");
      }
      lines.push(`  ${kind}: next search ${stats(ms)} (index ${[...kinds].join("/")})`);
    }
    await Promise.all([writer.$disconnect(), reader.$disconnect()]);
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}

export async function benchIndexPatch(size: number, rounds: number, dbSize: number): Promise<string[]> {
  return [...(await benchIndexPatchInProcess(size, rounds)), ...(await benchIndexPatchDb(dbSize, Math.max(5, Math.round(rounds / 2))))];
}
