// Cadastre import benchmark: a 10,000-feature GeoJSON (the synthetic city cadastre, attributes
// in `properties`) into an empty park of a real (embedded) PostgreSQL through runImport, the
// code path of the staff route and the command line: dry run, commit, then the same file again
// (a no-op). Prints wall time and peak memory (RSS sampled every 20 ms, and heap) per step.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runImport, type ImportEvent } from "../lib/cadastre/run";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { READINESS_ITEMS } from "../lib/land/readiness";
import { syntheticCadastre } from "./synthetic-cadastre";

function geojsonOf(size: number): string {
  const features = syntheticCadastre(size).map((p) => ({
    type: "Feature",
    properties: {
      code: p.code,
      zone: "bench-import-z",
      landUse: "INDUSTRIAL_M1",
      status: p.status,
      priceCnyPerMu: p.priceCnyPerMu,
      handoverOn: p.handoverOn,
      lastVerifiedOn: "2026-11-30",
      ...Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, p.readiness[i.key] ?? null])),
    },
    geometry: p.geometry,
  }));
  return JSON.stringify({ type: "FeatureCollection", features });
}

/** Seconds spent in each phase, from the run's own progress events. */
function phaseClock() {
  const spent = new Map<string, number>();
  let phase = "", since = performance.now();
  const onEvent = (e: ImportEvent) => {
    if (e.phase === phase) return;
    const now = performance.now();
    if (phase) spent.set(phase, (spent.get(phase) ?? 0) + (now - since) / 1000);
    phase = e.phase;
    since = now;
  };
  const done = () => {
    onEvent({ type: "progress", phase: "end" as ImportEvent["phase"], done: 0, total: 0 });
    return [...spent].map(([p, s]) => `${p} ${s.toFixed(1)} s`).join(", ");
  };
  return { onEvent, done };
}

async function measure<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number; heapMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t = performance.now();
  try {
    const value = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, seconds: (performance.now() - t) / 1000, peakRssMb: peak / 2 ** 20, heapMb: process.memoryUsage().heapUsed / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function benchCadastreImport(size = 10_000): Promise<string[]> {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-import-"));
  const server = await startEmbeddedPostgres({ dir, port: 55_000 + Math.floor(Math.random() * 900), database: "postgres" });
  try {
    const admin = createPrismaClient(server.adminUrl, 1);
    await admin.$executeRawUnsafe("DROP DATABASE IF EXISTS bench_import");
    await admin.$executeRawUnsafe("CREATE DATABASE bench_import");
    await admin.$disconnect();
    const url = server.adminUrl.replace(/\/postgres$/, "/bench_import");
    await migrate(url);
    // The app's own statement timeout (5 s) applies: the commit must fit in statements under it.
    const db = createPrismaClient(url, { max: 4, statementTimeoutMs: 5000 });
    await db.park.create({
      data: {
        code: "bench-import", nameZh: "导入基准", nameEn: "Import benchmark", level: "SPECIALTY", descriptionZh: "-", descriptionEn: "-", centerLng: 113.05, centerLat: 22.45,
        zones: { create: [{ code: "bench-import-z", nameZh: "区", nameEn: "Zone", allowedLandUses: ["INDUSTRIAL_M1"] }] },
      },
    });
    const geojson = geojsonOf(size);
    const input = { parkCode: "bench-import", fileName: "bench.geojson", crs: "EPSG:4326" as const, geojson, actorId: null, mayOverride: true, via: "cli" as const };
    const head = `cadastre import, ${size.toLocaleString("en")} features (${(geojson.length / 2 ** 20).toFixed(1)} MB GeoJSON)`;
    const timed = async (commit: boolean) => {
      const clock = phaseClock();
      const m = await measure(() => runImport(db, { ...input, commit }, clock.onEvent));
      return { ...m, phases: clock.done() };
    };
    const dry = await timed(false);
    const commit = await timed(true);
    const again = await timed(true);
    // A re-survey that changes every parcel's price: 10,000 version-checked updates.
    const repriced = geojson.replace(/"priceCnyPerMu":(\d+)/g, (_m, p: string) => `"priceCnyPerMu":${Number(p) + 10_000}`);
    const clock = phaseClock();
    const update = { ...(await measure(() => runImport(db, { ...input, geojson: repriced, commit: true }, clock.onEvent))), phases: clock.done() };
    const [dryPhases, commitPhases, againPhases] = [dry.phases, commit.phases, again.phases];
    const c = commit.value.committed!, a = again.value.committed!;
    const fmt = (m: { seconds: number; peakRssMb: number; heapMb: number }) => `${m.seconds.toFixed(1)} s (peak RSS ${m.peakRssMb.toFixed(0)} MB, heap after ${m.heapMb.toFixed(0)} MB)`;
    lines.push(`${head}: dry run ${fmt(dry)}, ${dry.value.report.summary.create} to create [${dryPhases}]`);
    lines.push(`  commit ${fmt(commit)}: ${c.created} created, ${c.adjacencyEdges.toLocaleString("en")} adjacency edges [${commitPhases}]`);
    lines.push(`  same file again ${fmt(again)}: ${a.created} created, ${a.updated} updated, ${a.unchanged} unchanged [${againPhases}]`);
    const u = update.value.committed!;
    lines.push(`  every price changed ${fmt(update)}: ${u.updated} updated, ${u.unchanged} unchanged [${update.phases}]`);
    for (const l of lines) console.log(l);
    await db.$disconnect();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
