// The search as an investor gets it: HTTP GET of the search page (filters parsed, search run,
// 20 result cards rendered to HTML) and of the results-map data, from the production server
// (`npm start`, i.e. scripts/serve.ts: build if stale, next start) on the benchmark database.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "../tests/setup/free-port";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not healthy within ${timeoutMs} ms`);
}

async function timeGet(url: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(url);
  await res.text();
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return performance.now() - started;
}

/** p50/p95 of the search page and the map data over HTTP, `rounds` times each query. */
export async function benchHttpSearch(databaseUrl: string, queries: Record<string, string>[], rounds: number): Promise<string> {
  const port = await freePort();
  // As `npm start` on a machine: no NODE_ENV from the caller (serve.ts sets production).
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) };
  delete env.NODE_ENV;
  const server: ChildProcess = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(`${base}/api/health`, server, 600_000);
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
      `  over HTTP (next start): search page p50 ${pct(pageTimes, 50).toFixed(0)} ms, p95 ${pct(pageTimes, 95).toFixed(0)} ms; ` +
      `map data p50 ${pct(mapTimes, 50).toFixed(0)} ms, p95 ${pct(mapTimes, 95).toFixed(0)} ms (${pageTimes.length} requests each)`
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
  }
}
