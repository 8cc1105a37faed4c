// One app instance's view at scale, in a fresh process (as the portal's server has it): the
// cold index load from PostgreSQL, the memory it holds, and the 8-query mix through
// runLandSearch. A process of its own, so the bench's million synthetic parcels (GBs of
// geometry) neither count in the RSS nor slow the searches with their garbage collection.
// Usage: node --expose-gc --import tsx bench/scale-child.ts DATABASE_URL ROUNDS QUERIES_JSON
import { createPrismaClient } from "../lib/db/client";
import { getLandIndex, runLandSearch } from "../lib/search/queries";
import { landSearchSchema } from "../lib/search/schemas";

const [url, roundsArg, queriesJson] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number) => Math.round(bytes / 1_048_576);
const db = createPrismaClient(url!, 4);
gc();
const base = process.memoryUsage();
const started = performance.now();
const { index } = await getLandIndex(db);
const loadMs = performance.now() - started;
gc();
const loaded = process.memoryUsage();
const queries = (JSON.parse(queriesJson!) as Record<string, string>[]).map((q) => landSearchSchema.parse(q));
const times: number[] = [];
for (let r = 0; r < Number(roundsArg); r++)
  for (const q of queries) {
    const t = performance.now();
    await runLandSearch(db, q);
    times.push(performance.now() - t);
  }
times.sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
const after = process.memoryUsage();
await db.$disconnect();
console.log(
  JSON.stringify({
    parcels: index.size,
    edges: index.graph.neighbours.length / 2,
    loadMs,
    rssMb: mb(loaded.rss),
    heapMb: mb(loaded.heapUsed),
    indexHeapMb: mb(loaded.heapUsed - base.heapUsed),
    arrayBuffersMb: mb(loaded.arrayBuffers),
    rssAfterSearchesMb: mb(after.rss),
    p50: pct(50),
    p95: pct(95),
    max: times.at(-1)!,
    searches: times.length,
  }),
);
