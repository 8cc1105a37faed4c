// Saved-search alert job benchmark on a scratch embedded PostgreSQL with the Jiangmen seed:
// N confirmed searches over 40 distinct queries (each park's blocks and parcels views, plus
// size bands), seen lists empty so the first run alerts every one (N e-mails, one transaction
// each), then a run a day later with nothing new (every search checked, none alerted).
// Goal: 2,000 searches in under a minute per run (the job is hourly).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSavedSearchAlerts } from "../lib/alerts/job";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { seedDatabase } from "../seeds/load";
import { freePort } from "../tests/setup/free-port";

export async function benchSavedSearchAlerts(searches = 2_000): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-alerts-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  try {
    const admin = createPrismaClient(server.adminUrl, 1);
    await admin.$executeRawUnsafe(`CREATE DATABASE bench_alerts`);
    await admin.$disconnect();
    const url = server.adminUrl.replace(/\/postgres$/, "/bench_alerts");
    await migrate(url);
    const db = createPrismaClient(url, 4);
    await seedDatabase(db, { force: false });
    const parks = await db.park.findMany({ select: { code: true }, orderBy: { code: "asc" }, take: 20 });
    const queries = parks.flatMap((p) => [`park=${p.code}`, `park=${p.code}&view=parcels`]);
    const now = new Date();
    await db.savedSearch.createMany({
      data: Array.from({ length: searches }, (_, i) => ({
        id: `bench-${i}`, email: `buyer${i}@example.com`, emailKey: `buyer${i}@example.com`, locale: i % 2 ? "en" : "zh",
        query: queries[i % queries.length]!, unsubscribeTokenHash: `bench-unsub-${i}`, seenBlocks: [], confirmedAt: now, createdAt: now,
      })),
    });
    let t = performance.now();
    const first = await runSavedSearchAlerts(db, now);
    const firstMs = performance.now() - t;
    t = performance.now();
    const second = await runSavedSearchAlerts(db, new Date(now.getTime() + 25 * 3_600_000));
    const secondMs = performance.now() - t;
    await db.$disconnect();
    return [
      `saved-search alerts, ${searches} confirmed searches over ${queries.length} queries: first run ${(firstMs / 1000).toFixed(1)} s (${first.alerted.length} alerted), ` +
        `a day later with nothing new ${(secondMs / 1000).toFixed(1)} s (${second.checked} checked, ${second.alerted.length} alerted) (goal < 60 s each)`,
    ];
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
