// Land-hold benchmark on a scratch embedded PostgreSQL with the Jiangmen seed: (1) a lead moved
// to negotiating holding 50 parcels in one transaction (lock, version checks, 50 parcel
// updates, 50 hold rows, events, 51 audit rows) and moved to lost (50 releases), p50/p95 over
// N rounds; (2) the expiry job ending 10,000 expired holds (batches of 200, one transaction
// each). Goals: the 50-parcel move under 1 s p95; the job under a minute for 10,000 holds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Actor } from "../lib/auth/actor";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { runHoldExpiry } from "../lib/land/hold-expiry";
import { moveStage } from "../lib/leads/lead-mutations";
import { moveStageSchema } from "../lib/leads/lead-schemas";
import { seedDatabase } from "../seeds/load";
import { freePort } from "../tests/setup/free-port";

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const PARCELS = 50;

export async function benchHolds(rounds = 20, expired = 10_000): Promise<string[]> {
  const lines: string[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-bench-holds-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  try {
    const admin = createPrismaClient(server.adminUrl, 1);
    await admin.$executeRawUnsafe(`CREATE DATABASE bench_holds`);
    await admin.$disconnect();
    const url = server.adminUrl.replace(/\/postgres$/, "/bench_holds");
    await migrate(url);
    const db = createPrismaClient(url, 4);
    await seedDatabase(db, { force: false });
    const user = await db.user.create({ data: { email: "bench-admin@example.cn", name: "Bench", role: "ADMIN", passwordHash: "x" }, select: { id: true } });
    const actor: Actor = { id: user.id, email: "bench-admin@example.cn", name: "Bench", role: "ADMIN", locale: "zh", sessionId: "bench", parkIds: [] };
    const parcels = await db.parcel.findMany({ where: { status: "AVAILABLE" }, select: { id: true, version: true }, orderBy: { code: "asc" }, take: PARCELS });
    const lead = (n: number) => db.inquiry.create({
      data: {
        reference: `JM-BH${String(n).padStart(5, "0")}`, idempotencyKey: `bench-hold-${n}`, contactName: "A", email: "a@example.cn", company: "A", country: "China",
        message: "-", locale: "zh", consentAt: new Date(), consentVersion: "bench", stage: "SITE_VISIT", parcels: { create: parcels.map((p) => ({ parcelId: p.id })) },
      },
      select: { id: true, version: true },
    });

    const hold: number[] = [];
    const lose: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const l = await lead(i);
      const versions = await db.parcel.findMany({ where: { id: { in: parcels.map((p) => p.id) } }, select: { id: true, version: true } });
      const input = moveStageSchema.parse({ leadId: l.id, version: l.version, toStage: "NEGOTIATING", parcels: versions.map((p) => ({ parcelId: p.id, version: p.version })) });
      let t = performance.now();
      await moveStage(db, input, { actor, requestId: "bench" });
      hold.push(performance.now() - t);
      t = performance.now();
      await moveStage(db, moveStageSchema.parse({ leadId: l.id, version: l.version + 1, toStage: "LOST", lostReason: "PRICE" }), { actor, requestId: "bench" });
      lose.push(performance.now() - t);
    }
    hold.sort((a, b) => a - b);
    lose.sort((a, b) => a - b);
    lines.push(
      `lead holds, ${PARCELS} parcels in one move, ${rounds} rounds: negotiating + hold p50 ${pct(hold, 50).toFixed(0)} ms, p95 ${pct(hold, 95).toFixed(0)} ms; ` +
        `lost + release p50 ${pct(lose, 50).toFixed(0)} ms, p95 ${pct(lose, 95).toFixed(0)} ms (goal p95 < 1000 ms)`,
    );

    // 10,000 expired holds over the seeded parcels (each parcel held for one of 200 open leads).
    const holder = await lead(99_999);
    await db.$executeRawUnsafe(`
      INSERT INTO "ParcelHold" (id, "parcelId", "inquiryId", "heldAs", "statusBefore", "expiresOn", "createdAt")
      SELECT 'bh' || n, p.id, $1, 'RESERVED', 'AVAILABLE', DATE '2026-01-01', now()
      FROM generate_series(1, ${expired}) AS n
      JOIN LATERAL (SELECT id FROM "Parcel" ORDER BY code OFFSET (n % 200) LIMIT 1) p ON true`, holder.id);
    const t = performance.now();
    const report = await runHoldExpiry(db, { now: new Date("2026-12-01T02:00:00Z") });
    const seconds = (performance.now() - t) / 1000;
    lines.push(`hold expiry job: ${report.ended.EXPIRED.toLocaleString("en")} expired holds ended in ${seconds.toFixed(1)} s (${Math.round(report.ended.EXPIRED / seconds)} holds/s; goal < 60 s)`);
    await db.$disconnect();
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
