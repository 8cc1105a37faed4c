// Audit log benchmark: N audit rows (generate_series on a scratch embedded PostgreSQL, spread
// over two years, 20 people, the application's actions and record kinds, the newest densest),
// then the audit page's reads (lib/audit/log-queries.ts) as the page runs them: the newest
// page, a page deep in the log by keyset, by person, by action and a China date range, one
// record's history, and the filter bar's options. p50/p95 over R runs each. Goal: p95 < 100 ms.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { auditFilterSchema, auditOptions, listAuditLog } from "../lib/audit/log-queries";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { freePort } from "../tests/setup/free-port";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchAuditLog(size = 1_000_000, rounds = 30): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-audit-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  const lines: string[] = [];
  try {
    const url = server.adminUrl;
    await migrate(url);
    const db = createPrismaClient(url, 4);
    await db.$executeRawUnsafe(`INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt")
      SELECT 'u' || n, 'u' || n || '@bench.example', 'Person ' || n, 'ADMIN', 'x', now() FROM generate_series(1, 20) n`);
    const started = performance.now();
    await db.$executeRawUnsafe(`
      INSERT INTO "AuditLog" ("actorId", action, entity, "entityId", before, after, "createdAt")
      SELECT 'u' || (1 + (n % 20)),
             (ARRAY['parcel.update','parcel.bulkUpdate','lead.moveStage','lead.assign','lead.addNote','park.update','zone.update','project.update','user.role','cadastre.import'])[1 + (n * 7 % 10)],
             (ARRAY['Parcel','Parcel','Inquiry','Inquiry','Inquiry','Park','Zone','EnterpriseProject','User','CadastreImport'])[1 + (n * 7 % 10)],
             'e' || (n % 5000),
             jsonb_build_object('status', 'AVAILABLE', 'version', n % 9),
             jsonb_build_object('status', 'SOLD', 'version', n % 9 + 1),
             (now() AT TIME ZONE 'UTC') - power(n::float8 / ${size}, 1.5) * interval '730 days'
      FROM generate_series(1, ${size}) n`);
    await db.$executeRawUnsafe(`ANALYZE "AuditLog"`);
    lines.push(`audit log: ${size.toLocaleString("en")} rows loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const deep = await listAuditLog(db, auditFilterSchema.parse({}), 50);
    let cursor = deep.next!;
    for (let i = 0; i < 200; i++) cursor = (await listAuditLog(db, auditFilterSchema.parse({ after: cursor }), 50)).next!;
    const views: [string, () => Promise<unknown>][] = [
      ["newest page", () => listAuditLog(db, auditFilterSchema.parse({}))],
      ["page 202 (keyset)", () => listAuditLog(db, auditFilterSchema.parse({ after: cursor }))],
      ["one person", () => listAuditLog(db, auditFilterSchema.parse({ actor: "u7" }))],
      ["action + China dates", () => listAuditLog(db, auditFilterSchema.parse({ action: "zone.update", from: "2026-01-01", to: "2026-03-31" }))],
      ["one record", () => listAuditLog(db, auditFilterSchema.parse({ entity: "Parcel", entityId: "e42" }))],
      ["filter options", () => auditOptions(db)],
    ];
    for (const [name, run] of views) {
      await run();
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      lines.push(`audit log ${name}: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms (${rounds} runs)`);
    }
    await db.$disconnect();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
