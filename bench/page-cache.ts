// The public pages under load (autocannon, 10 connections): a static JS chunk (what the server
// can do at best) against home, park directory, park, projects, parcel and search, each as
// requests/s, % of the static file's, p50/p99 and errors. Run against the production portal
// (npm start: scripts/serve.ts, i.e. the build and our HTTP server) on the seeded database,
// with the page cache on (PAGE_CACHE_MB default) and, for comparison, off (PAGE_CACHE_MB=0).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { seedDatabase } from "../seeds/load";
import { freePort } from "../tests/setup/free-port";
import { startPortal } from "../tests/setup/portal-process";

interface Run {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** As a browser asks (gzip accepted), or as autocannon does by default (no Accept-Encoding: identity). */
const GZIP = { "accept-encoding": "gzip, deflate, br" };

async function load(name: string, url: string, seconds: number, headers: Record<string, string> = {}): Promise<Run> {
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  return { name, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

/** The URLs measured: the chunk the home page loads first; a park with land and one of its available parcels. */
async function targets(base: string, parcel: { code: string; park: string }): Promise<Record<string, string>> {
  const home = await (await fetch(`${base}/en`)).text();
  const chunk = /\/_next\/static\/chunks\/[^"']+\.js/.exec(home)?.[0];
  if (!chunk) throw new Error("page-cache bench: no script chunk on the home page");
  return {
    "static chunk": chunk,
    home: "/en",
    "park directory": "/en/parks",
    park: `/en/parks/${parcel.park}`,
    projects: "/en/projects",
    parcel: `/en/parcels/${encodeURIComponent(parcel.code)}`,
    "search ?minArea=500": "/en/search?minArea=500",
  };
}

async function measure(databaseUrl: string, parcel: { code: string; park: string }, cacheMb: number, seconds: number, encodings: Record<string, string>[]): Promise<Run[][]> {
  const portal = await startPortal(await freePort(), { DATABASE_URL: databaseUrl, PAGE_CACHE_MB: String(cacheMb) }, 900_000);
  try {
    const urls = await targets(portal.baseUrl, parcel);
    const out: Run[][] = [];
    for (const headers of encodings) {
      const runs: Run[] = [];
      for (const [name, p] of Object.entries(urls)) {
        // Warm-up (the land index, the first render that fills the cache), not counted.
        await load(name, `${portal.baseUrl}${p}`, 1, headers);
        runs.push(await load(name, `${portal.baseUrl}${p}`, seconds, headers));
      }
      out.push(runs);
    }
    return out;
  } finally {
    await portal.stop();
  }
}

function report(title: string, runs: Run[]): string[] {
  const base = runs[0]!.rps;
  return [
    `  ${title}:`,
    ...runs.map((r) => `    ${r.name.padEnd(20)} ${r.rps.toFixed(0).padStart(6)} req/s  ${((100 * r.rps) / base).toFixed(1).padStart(5)} % of static  p50 ${r.p50} ms  p99 ${r.p99} ms  errors ${r.errors}`),
  ];
}

export async function benchPageCache(seconds = 10, withoutCache = true): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-pages-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  try {
    const admin = createPrismaClient(server.adminUrl, 1);
    await admin.$executeRawUnsafe(`CREATE DATABASE bench_pages`);
    await admin.$disconnect();
    const url = server.adminUrl.replace(/\/postgres$/, "/bench_pages");
    await migrate(url);
    const db = createPrismaClient(url, 2);
    await seedDatabase(db, { force: false });
    const some = await db.parcel.findFirstOrThrow({ where: { status: "AVAILABLE" }, orderBy: { code: "asc" }, select: { code: true, park: { select: { code: true } } } });
    const parcel = { code: some.code, park: some.park.code };
    await db.$disconnect();
    const lines = [`Public pages under load (autocannon, 10 connections, ${seconds} s each, seeded portal, production build):`];
    const [identity, gzip] = await measure(url, parcel, 64, seconds, [{}, GZIP]);
    lines.push(...report("page cache on, no Accept-Encoding (identity, autocannon's default)", identity!));
    lines.push(...report("page cache on, Accept-Encoding: gzip, deflate, br (as a browser)", gzip!));
    if (withoutCache) lines.push(...report("page cache off (PAGE_CACHE_MB=0), identity", (await measure(url, parcel, 0, seconds, [{}]))[0]!));
    return lines;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
