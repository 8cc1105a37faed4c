// Land-search benchmark: synthetic cadastres of 10,000 and 100,000 parcels in a real
// (embedded) PostgreSQL, then a mix of block searches through runLandSearch, the same code
// path the search page uses (revision check + in-memory blocks). Prints p50/p95/max.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { spawnSync } from "node:child_process";
import type { AdjacencyEdge } from "../lib/land/adjacency";
import { landSearchSchema, type LandSearchQuery } from "../lib/search/schemas";
import { landMapData } from "../lib/search/map";
import { bulkUpdateParcels } from "../lib/land/parcel-mutations";
import { lastRefreshKind, runLandSearch } from "../lib/search/queries";
import { copyLoad } from "./copy-load";
import { benchHttpSearch } from "./http-search";
import { benchFinder } from "./land-finder";
import { pgRoutingAvailable, timePgRouting, timeUnionFind } from "./graph-comparators";
import { postgisAvailable, timePostgisClustering } from "./postgis";
import { syntheticCadastre, type SyntheticParcel } from "./synthetic-cadastre";

const QUERIES: Record<string, string>[] = [
  {},
  { minArea: "500" },
  { minArea: "100", ready: "power,gas" },
  { maxPrice: "300000", sort: "price-asc" },
  { by: "2027-06-30", reserved: "1" },
  { ready: "levelled", sort: "ready-asc" },
  { minArea: "30", maxArea: "60", unit: "ha" },
  { view: "parcels", page: "3" },
];

/** Our default search against pgRouting over the same adjacency and the union-find floor. */
async function graphComparisons(parcels: SyntheticParcel[], edges: AdjacencyEdge[], oursP50: number, ourBlocks: number): Promise<string[]> {
  const out: string[] = [];
  const floor = timeUnionFind(parcels, edges);
  out.push(
    `  vs union-find over the same adjacency in process (the floor: components only): p50 ${floor.p50.toFixed(1)} ms (${floor.blocks} blocks; ours ${ourBlocks}), ` +
      `ratio ours/floor ${(oursP50 / floor.p50).toFixed(1)}`,
  );
  if (pgRoutingAvailable()) {
    const gr = await timePgRouting(parcels, edges);
    out.push(
      `  vs pgRouting pgr_connectedComponents over the same adjacency, filtered by status in SQL: p50 ${gr.p50.toFixed(1)} ms (${gr.blocks} blocks), ` +
        `ratio ours/pgRouting ${(oursP50 / gr.p50).toFixed(3)}`,
    );
  } else {
    out.push("  pgRouting comparison skipped: install postgresql-15-pgrouting (Debian) to run it");
  }
  return out;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The cold load, memory and search mix in a fresh process (bench/scale-child.ts). */
function appInstance(url: string, rounds: number): string {
  const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/scale-child.ts", url, String(rounds), JSON.stringify(QUERIES)], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench/scale-child.ts failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
  return (
    `  one app instance (fresh process): cold index load from PostgreSQL ${(r.loadMs! / 1000).toFixed(2)} s (${r.parcels!.toLocaleString("en")} parcels, ${r.edges!.toLocaleString("en")} edges); ` +
    `RSS ${r.rssMb} MB, heap ${r.heapMb} MB (index ${r.indexHeapMb} MB) + typed arrays ${r.arrayBuffersMb} MB after load; ` +
    `search mix p50 ${r.p50!.toFixed(1)} ms, p95 ${r.p95!.toFixed(1)} ms, max ${r.max!.toFixed(1)} ms over ${r.searches} searches (RSS after ${r.rssAfterSearchesMb} MB)`
  );
}

export async function benchLandSearch(sizes = [10_000, 100_000], rounds = 25, { http = true, scale = false, comparators = true } = {}): Promise<string[]> {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-"));
  const server = await startEmbeddedPostgres({ dir, port: 55_000 + Math.floor(Math.random() * 900), database: "postgres" });
  try {
    for (const size of sizes) {
      const name = `bench_${size}`;
      const admin = createPrismaClient(server.adminUrl, 1);
      await admin.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name}`);
      await admin.$executeRawUnsafe(`CREATE DATABASE ${name}`);
      await admin.$disconnect();
      const url = server.adminUrl.replace(/\/postgres$/, `/${name}`);
      await migrate(url);
      const db = createPrismaClient(url, 4);
      const parcels = syntheticCadastre(size);
      // Rows are written aged (copy-load.ts), so the status-change timing below measures the
      // patch path (rows touched since the last read), not a rebuild.
      const loaded = await copyLoad(db, url, parcels);
      console.log(`  loaded ${size.toLocaleString("en")} parcels with COPY in ${loaded.seconds.toFixed(1)} s`);
      if (scale) {
        lines.push(appInstance(url, Math.max(3, Math.round(rounds / 2))));
        console.log(lines.at(-1));
      }
      const queries: LandSearchQuery[] = QUERIES.map((q) => landSearchSchema.parse(q));
      const coldStart = performance.now();
      const first = await runLandSearch(db, queries[0]!);
      const cold = performance.now() - coldStart;
      const times: number[] = [];
      let blocks = 0;
      for (let r = 0; r < rounds; r++) {
        for (const q of queries) {
          const t = performance.now();
          const { result } = await runLandSearch(db, q);
          times.push(performance.now() - t);
          blocks += result.total;
        }
      }
      times.sort((a, b) => a - b);
      lines.push(
        `land search, ${size.toLocaleString("en")} parcels (${loaded.edges.length.toLocaleString("en")} adjacencies, ${first.result.total} blocks for the default search): ` +
          `p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over ${times.length} searches; ` +
          `first search (loads the index) ${cold.toFixed(0)} ms; data load ${loaded.seconds.toFixed(1)} s; avg ${Math.round(blocks / times.length)} results`,
      );
      console.log(lines.at(-1));
      for (const line of await benchFinder(db, size, Math.max(3, Math.round(rounds / 2)))) {
        lines.push(line);
        console.log(line);
      }
      // An officer marks a parcel sold: the next search patches the index instead of reloading.
      const victim = parcels.find((p) => p.status === "AVAILABLE")!.code;
      await db.parcel.update({ where: { code: victim }, data: { status: "SOLD" } });
      const patchStart = performance.now();
      await runLandSearch(db, queries[0]!);
      const patched = performance.now() - patchStart;
      lines.push(`  first search after a parcel is marked sold (index ${lastRefreshKind(db)}): ${patched.toFixed(1)} ms`);
      console.log(lines.at(-1));
      // An admin edits a zone's industries: no parcel row moves, the snapshot's fingerprint
      // of parks and zones does, and the next search rebuilds the index.
      await db.zone.update({ where: { code: "bench-z" }, data: { industries: ["NEW_ENERGY_BATTERY", "ENERGY_STORAGE"] } });
      const zoneStart = performance.now();
      await runLandSearch(db, queries[0]!);
      lines.push(`  first search after a zone's industries change (index ${lastRefreshKind(db)}): ${(performance.now() - zoneStart).toFixed(1)} ms`);
      console.log(lines.at(-1));
      // A bulk change of 1,000 parcels: one transaction, each version-checked, 1,000 audit rows.
      const benchAdmin = await db.user.create({ data: { email: `bench-${size}@bench.example`, name: "bench", role: "ADMIN", passwordHash: "-" } });
      const selection = await db.parcel.findMany({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, take: 1000, select: { id: true, version: true } });
      const bulkStart = performance.now();
      await bulkUpdateParcels(db, { parcels: selection, status: "RESERVED", reason: "bench", verified: true, handoverOn: undefined }, { actor: { id: benchAdmin.id, email: benchAdmin.email, name: "bench", role: "ADMIN", locale: "en", sessionId: "bench", parkIds: [] }, requestId: "bench" });
      const bulkMs = performance.now() - bulkStart;
      const afterBulk = performance.now();
      await runLandSearch(db, queries[0]!);
      lines.push(`  bulk change of 1,000 parcels (status + verified, 1,000 audit rows): ${bulkMs.toFixed(0)} ms; next search (index ${lastRefreshKind(db)}): ${(performance.now() - afterBulk).toFixed(1)} ms`);
      console.log(lines.at(-1));
      // The results map's data (every matching block; polygons up to the budget, then points).
      // Not at scale: the tiled map has a bench of its own there.
      if (!scale) {
      const mapTimes: number[] = [];
      let mapBytes = 0, mapData = await landMapData(db, queries[0]!);
      for (let r = 0; r < 5; r++) {
        const t = performance.now();
        mapData = await landMapData(db, queries[0]!);
        mapBytes = JSON.stringify(mapData).length;
        mapTimes.push(performance.now() - t);
      }
      mapTimes.sort((a, b) => a - b);
      const polygons = mapData.features.filter((f) => f.properties.kind === "parcel").length;
      lines.push(
        `  results map data for the default search: p50 ${pct(mapTimes, 50).toFixed(0)} ms incl. JSON, ${(mapBytes / 1024).toFixed(0)} KB ` +
          `(${polygons.toLocaleString("en")} parcel polygons, ${mapData.pointBlocks ?? 0} blocks as points)`,
      );
      console.log(lines.at(-1));
      }
      // Like for like: the default search (available land only, no other filter) vs PostGIS.
      const defaults: number[] = [];
      for (let r = 0; r < 7; r++) {
        const t = performance.now();
        await runLandSearch(db, queries[0]!);
        defaults.push(performance.now() - t);
      }
      defaults.sort((a, b) => a - b);
      if (!comparators) lines.push("  comparators skipped (--no-comparators)");
      else if (postgisAvailable()) {
        const gis = await timePostgisClustering(parcels);
        const ours = defaults[3]!;
        lines.push(
          `  vs PostGIS ST_ClusterDBSCAN(geom, 0, 1) on the same ${size.toLocaleString("en")} parcels: PostGIS p50 ${gis.p50.toFixed(1)} ms (${gis.clusters} clusters), ` +
            `our default block search p50 ${ours.toFixed(1)} ms, ratio ours/PostGIS ${(ours / gis.p50).toFixed(3)}`,
        );
      } else {
        lines.push("  PostGIS comparison skipped: install postgresql-15-postgis-3 (Debian) to run it");
      }
      console.log(lines.at(-1));
      for (const line of comparators ? await graphComparisons(parcels, loaded.edges, defaults[3]!, first.result.total) : []) {
        lines.push(line);
        console.log(line);
      }
      if (http) {
        lines.push(await benchHttpSearch(url, QUERIES, Math.max(3, Math.round(rounds / 5)), scale ? { maps: false, port: 3481 } : {}));
        console.log(lines.at(-1));
      }
      await db.$disconnect();
    }
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
