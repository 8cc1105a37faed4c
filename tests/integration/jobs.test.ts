// Scheduled work on pg-boss, on real PostgreSQL (the test database; pg-boss installs its
// schema "pgboss" there on first start): the app's schedules, one run per job across two
// instances, the queue policy that never runs a job twice at once, and a clean stop.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { startAppJobs, stopAppJobs } from "@/lib/jobs/app-jobs";
import { JOB_NAMES } from "@/lib/jobs/names";
import { startJobRunner, type JobRunner } from "@/lib/jobs/runner";
import { runShutdownHooks } from "@/lib/jobs/shutdown";
import { query, testDb } from "./helpers/database";

let db: Db;
let url: string;
const runners: JobRunner[] = [];
beforeAll(() => {
  url = inject("databaseUrl");
  process.env.DATABASE_URL = url;
  db = testDb();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await stopAppJobs();
  await db.$executeRawUnsafe(`TRUNCATE "Inquiry", "InquiryEvent", "InquiryEscalation", "OutboxEmail" CASCADE`);
  // Each test starts with no jobs or schedules (queues and the schema stay, as in production).
  await db.$executeRawUnsafe(`DELETE FROM pgboss.schedule`).catch(() => undefined);
  await db.$executeRawUnsafe(`DELETE FROM pgboss.job`).catch(() => undefined);
  // pg-boss lets one instance check the crons per 30 s (pgboss.version.cron_on): a new test is a new deployment.
  await db.$executeRawUnsafe(`UPDATE pgboss.version SET cron_on = NULL`).catch(() => undefined);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
const start = async (jobs: Parameters<typeof startJobRunner>[0]["jobs"]) => {
  const runner = await startJobRunner({ connectionString: url, jobs, pollingIntervalSeconds: 0.5, cronCheckSeconds: 1, onError: (e) => console.error(e) });
  runners.push(runner);
  return runner;
};

describe("job runner (pg-boss)", () => {
  it("the app's jobs: mail delivery every minute, escalation every 10 minutes, hold expiry, saved-search alerts and the land change-log prune hourly, stately queues; stopped by the shutdown hook", async () => {
    startAppJobs();
    startAppJobs(); // a second call in the same process starts nothing more
    await until("the schedules", async () => (await query<{ name: string }>(url, `SELECT name FROM pgboss.schedule`).catch(() => [])).length === 5);
    const schedules = await query<{ name: string; cron: string; timezone: string }>(url, `SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name`);
    expect(schedules).toEqual([
      { name: JOB_NAMES.pruneLandChanges, cron: "41 * * * *", timezone: "Asia/Shanghai" },
      { name: JOB_NAMES.expireHolds, cron: "7 * * * *", timezone: "Asia/Shanghai" },
      { name: JOB_NAMES.escalateLeads, cron: "*/10 * * * *", timezone: "Asia/Shanghai" },
      { name: JOB_NAMES.deliverMail, cron: "* * * * *", timezone: "Asia/Shanghai" },
      { name: JOB_NAMES.savedSearchAlerts, cron: "23 * * * *", timezone: "Asia/Shanghai" },
    ]);
    const queues = await query<{ name: string; policy: string; retry_limit: number }>(url, `SELECT name, policy, retry_limit FROM pgboss.queue WHERE name = ANY($1) ORDER BY name`, [Object.values(JOB_NAMES)]);
    expect(queues).toEqual([
      { name: JOB_NAMES.pruneLandChanges, policy: "stately", retry_limit: 2 },
      { name: JOB_NAMES.expireHolds, policy: "stately", retry_limit: 2 },
      { name: JOB_NAMES.escalateLeads, policy: "stately", retry_limit: 2 },
      { name: JOB_NAMES.deliverMail, policy: "stately", retry_limit: 2 },
      { name: JOB_NAMES.savedSearchAlerts, policy: "stately", retry_limit: 2 },
    ]);
    // The escalation job, run by the queue, does the real work: a lead untouched for a month reaches level 3.
    const old = new Date(Date.now() - 40 * 86_400_000);
    const lead = await db.inquiry.create({
      data: { reference: "JM2612-JOBS01", idempotencyKey: randomUUID(), contactName: "A", email: "a@example.de", company: "A GmbH", country: "Germany", message: "We need land soon.", locale: "en", consentAt: old, consentVersion: "2026-11", lastActivityAt: old },
      select: { id: true },
    });
    const sender = await start([]);
    expect(await sender.boss.send(JOB_NAMES.escalateLeads, {})).toBeTruthy();
    await until("the escalation run", async () => (await db.inquiryEscalation.count({ where: { inquiryId: lead.id } })) === 3);
    expect((await db.inquiry.findUniqueOrThrow({ where: { id: lead.id } })).escalationLevel).toBe(3);

    await runShutdownHooks();
    // Stopped: a job sent now stays queued, nobody in this process takes it.
    expect(await sender.boss.send(JOB_NAMES.escalateLeads, {})).toBeTruthy();
    await sleep(2_000);
    const states = await query<{ state: string }>(url, `SELECT state FROM pgboss.job WHERE name = $1 ORDER BY created_on DESC LIMIT 1`, [JOB_NAMES.escalateLeads]);
    expect(states).toEqual([{ state: "created" }]);
  });

  it("an every-minute schedule on two instances runs once, right after start, and a sent job runs on one instance only", async () => {
    // Stay inside one minute: the schedule rightly runs again in the next.
    const second = new Date().getSeconds();
    if (second > 40) await sleep((61 - second) * 1000);
    const calls: string[] = [];
    const job = (instance: string) => [{ name: "test-minutely", cron: "* * * * *", run: async () => void calls.push(instance) }];
    await Promise.all([start(job("one")), start(job("two"))]);
    await until("the cron run", () => calls.length > 0);
    // Both instances check the crons every second; the schedule's job is a singleton per minute: one run.
    await sleep(5_000);
    expect(calls).toHaveLength(1);
    await runners[0]!.boss.send("test-minutely", {});
    await until("the sent job", () => calls.length > 1);
    await sleep(2_000);
    expect(calls).toHaveLength(2);
  });

  it("never runs a job of one kind twice at once: while one runs, one more waits and further ones are refused", async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const job = [
      {
        name: "test-stately",
        cron: "0 0 1 1 *",
        run: async () => {
          running++;
          runs++;
          most = Math.max(most, running);
          await gate;
          running--;
        },
      },
    ];
    const [a] = await Promise.all([start(job), start(job)]);
    expect(await a!.boss.send("test-stately", {})).toBeTruthy();
    await until("the first run", () => running === 1);
    expect(await a!.boss.send("test-stately", {})).toBeTruthy(); // queued behind the running one
    expect(await a!.boss.send("test-stately", {})).toBeNull(); // one is already waiting
    await sleep(1_500);
    expect(most).toBe(1);
    release();
    await until("the second run", () => runs === 2 && running === 0);
    expect(most).toBe(1);
  });
});
