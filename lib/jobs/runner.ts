// Scheduled work on pg-boss (PostgreSQL job queue, schema "pgboss" in the app's database,
// created and migrated by pg-boss itself on start). Every app instance runs one of these:
// - cron: each instance's clock checks the schedules, but pg-boss lets one instance per
//   interval enqueue, and the enqueued job is a singleton per schedule and minute, so a
//   schedule produces one job however many instances run;
// - queues use the "stately" policy: at most one job of a kind queued and one running, across
//   all instances, so a slow run is never overlapped by the next (the next waits, once);
// - a failed run is retried (retryLimit) and the next schedule comes anyway.
// The handlers themselves stay idempotent (outbox leases, escalation records), so at-least-once
// delivery by the queue is enough.
import PgBoss from "pg-boss";
import { CHINA_TIME_ZONE } from "../calendar/china-time";
import type { JobName } from "./names";

export interface JobDefinition {
  name: JobName | string;
  cron: string;
  run: () => Promise<unknown>;
  /** longest one run may take before pg-boss counts it failed */
  expireInSeconds?: number;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface RunnerOptions {
  connectionString: string;
  jobs: readonly JobDefinition[];
  /** how often each worker asks for a job (seconds, pg-boss's minimum is 0.5) */
  pollingIntervalSeconds?: number;
  /**
   * How often each instance checks the cron schedules (pg-boss default 30 s; tests use less).
   * Whatever the value, a schedule makes at most one job per minute across instances.
   */
  cronCheckSeconds?: number;
  /** how pg-boss's background errors are reported (a database that is down, a failed job) */
  onError?: (error: Error) => void;
}

/** Shutdown waits this long for a running job, then marks it failed (it is retried). */
export const STOP_TIMEOUT_MS = 8_000;

/**
 * pg-boss creates a queue as a table partition plus a row; two instances starting at the same
 * moment on a new database can deadlock there (PostgreSQL aborts one: 40P01) or collide on the
 * row (23505). Creating is idempotent, so the loser simply tries again.
 */
async function retryOnRace<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await step();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (i >= attempts || (code !== "40P01" && code !== "23505" && code !== "42P07")) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * 200)));
    }
  }
}

export async function startJobRunner(options: RunnerOptions): Promise<JobRunner> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    application_name: "portal-jobs",
    max: 3,
    ...(options.cronCheckSeconds ? { cronMonitorIntervalSeconds: options.cronCheckSeconds, cronWorkerIntervalSeconds: options.cronCheckSeconds } : {}),
    // Opening a connection never hangs on a frozen database (as lib/db/client.ts).
    ...({ connectionTimeoutMillis: 10_000 } as object),
  });
  boss.on("error", options.onError ?? ((error) => console.error("jobs:", error.message)));
  await boss.start();
  try {
    for (const job of options.jobs) {
      const queue = { name: job.name, policy: "stately" as const, retryLimit: 2, retryDelay: 30, expireInSeconds: job.expireInSeconds ?? 15 * 60 };
      await retryOnRace(() => boss.createQueue(job.name, queue));
      // An existing queue keeps its first options otherwise: bring it in line with the code.
      await boss.updateQueue(job.name, queue);
      await boss.schedule(job.name, job.cron, {}, { tz: CHINA_TIME_ZONE, singletonKey: job.name });
      await boss.work(job.name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 5, batchSize: 1 }, async () => {
        await job.run();
      });
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true }),
  };
}
