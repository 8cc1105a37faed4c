// The search as an investor gets it: HTTP GET of the search page (filters parsed, search run,
// 20 result cards rendered to HTML) and of the results-map data, from the production server
// (`npm start`, i.e. scripts/serve.ts: build if stale, next start) on the benchmark database.
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

/** p50/p95 of the search page and the map data over HTTP, `rounds` times each query. */
export async function benchHttpSearch(databaseUrl: string, queries: Record<string, string>[], rounds: number): Promise<string> {
  const portal = await startPortal(await freePort(), { DATABASE_URL: databaseUrl }, 600_000);
  const base = portal.baseUrl;
  try {
    const pages = queries.map((q) => `${base}/en/search?${new URLSearchParams(q)}`);
    const maps = queries.map((q) => `${base}/api/land/map?${new URLSearchParams(q)}`);
    // Warm-up: the first request loads the land index (timed separately by the caller).
    for (const url of [...pages, ...maps]) await timeGet(url);
    const pageTimes: number[] = [];
    const mapTimes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const url of pages) pageTimes.push(await timeGet(url));
      for (const url of maps) mapTimes.push(await timeGet(url));
    }
    pageTimes.sort((a, b) => a - b);
    mapTimes.sort((a, b) => a - b);
    return (
      `  over HTTP (portal server, as npm start): search page p50 ${pct(pageTimes, 50).toFixed(0)} ms, p95 ${pct(pageTimes, 95).toFixed(0)} ms; ` +
      `map data p50 ${pct(mapTimes, 50).toFixed(0)} ms, p95 ${pct(mapTimes, 95).toFixed(0)} ms (${pageTimes.length} requests each)`
    );
  } finally {
    await portal.stop();
  }
}
