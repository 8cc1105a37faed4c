// The search as an investor gets it: HTTP GET of the search page (filters parsed, search run,
// 20 result cards rendered to HTML) and of the results-map data, from the production server
// (`npm start`, i.e. scripts/serve.ts: build if stale, next start) on the benchmark database.
import fs from "node:fs";
import { freePort } from "../tests/setup/free-port";
import { startPortal } from "../tests/setup/portal-process";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - started;
}

/** Resident memory (MB) of a process and each of its descendants (the portal server is serve.ts's child). */
function treeRssMb(pid: number): { pid: number; rssMb: number; command: string }[] {
  const out: { pid: number; rssMb: number; command: string }[] = [];
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      out.push({ pid: p, rssMb: Math.round(rss / 1024), command: fs.readFileSync(`/proc/${p}/cmdline`, "utf8").split("\0").slice(-2).join(" ") });
      for (const task of fs.readdirSync(`/proc/${p}/task`))
        for (const child of fs.readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      // the process ended meanwhile
    }
  };
  visit(pid);
  return out;
}

export interface HttpSearchOptions {
  /** time the results-map data too (default true) */
  maps?: boolean;
  port?: number;
}

/** p50/p95 of the search page and the map data over HTTP, `rounds` times each query. */
export async function benchHttpSearch(databaseUrl: string, queries: Record<string, string>[], rounds: number, options: HttpSearchOptions = {}): Promise<string> {
  const withMaps = options.maps ?? true;
  const portal = await startPortal(options.port ?? (await freePort()), { DATABASE_URL: databaseUrl }, 900_000);
  const base = portal.baseUrl;
  try {
    const pages = queries.map((q) => `${base}/en/search?${new URLSearchParams(q)}`);
    const maps = withMaps ? queries.map((q) => `${base}/api/land/map?${new URLSearchParams(q)}`) : [];
    // Warm-up: the first request loads the land index (timed separately by the caller).
    const coldStart = performance.now();
    await timeGet(pages[0]!);
    const cold = performance.now() - coldStart;
    for (const url of [...pages, ...maps]) await timeGet(url);
    const pageTimes: number[] = [];
    const mapTimes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const url of pages) pageTimes.push(await timeGet(url));
      for (const url of maps) mapTimes.push(await timeGet(url));
    }
    pageTimes.sort((a, b) => a - b);
    mapTimes.sort((a, b) => a - b);
    // The app instance: the largest process under serve.ts (the portal server with the index).
    const server = treeRssMb(portal.pid).sort((a, b) => b.rssMb - a.rssMb)[0];
    return (
      `  over HTTP (portal server, as npm start): search page p50 ${pct(pageTimes, 50).toFixed(0)} ms, p95 ${pct(pageTimes, 95).toFixed(0)} ms, max ${pageTimes.at(-1)!.toFixed(0)} ms` +
      (withMaps ? `; map data p50 ${pct(mapTimes, 50).toFixed(0)} ms, p95 ${pct(mapTimes, 95).toFixed(0)} ms` : "") +
      ` (${pageTimes.length} requests each); first page after start (loads the index) ${cold.toFixed(0)} ms; portal server RSS ${server?.rssMb ?? "?"} MB with the index loaded`
    );
  } finally {
    await portal.stop();
  }
}
