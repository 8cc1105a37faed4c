// The app's scheduled jobs and what each runs, started once per server instance from
// instrumentation.ts (never during `next build`).
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { runSavedSearchAlerts } from "../alerts/job";
import { runHoldExpiry } from "../land/hold-expiry";
import { runEscalation } from "../leads/escalation";
import { deliverOutbox } from "../mail/deliver";
import { LOG_RETENTION_MS, pruneLandChanges } from "../search/index-refresh";
import { JOB_NAMES, JOB_SCHEDULES } from "./names";
import { startJobRunner, type JobDefinition, type JobRunner } from "./runner";
import { onShutdown } from "./shutdown";

export const APP_JOBS: readonly JobDefinition[] = [
  { name: JOB_NAMES.deliverMail, cron: JOB_SCHEDULES[JOB_NAMES.deliverMail], run: () => deliverOutbox() },
  {
    name: JOB_NAMES.escalateLeads,
    cron: JOB_SCHEDULES[JOB_NAMES.escalateLeads],
    run: async () => {
      const report = await runEscalation(db());
      if (report.escalated.length) console.info(`escalation: ${report.escalated.length} level(s) recorded on ${new Set(report.escalated.map((e) => e.inquiryId)).size} lead(s)`);
    },
  },
  {
    name: JOB_NAMES.expireHolds,
    cron: JOB_SCHEDULES[JOB_NAMES.expireHolds],
    run: async () => {
      const report = await runHoldExpiry(db());
      const ended = report.ended.EXPIRED + report.ended.LEAD_LOST;
      if (ended || report.noticed) console.info(`holds: ${ended} ended (${report.ended.EXPIRED} expired, ${report.ended.LEAD_LOST} of lost leads), ${report.noticed} lead(s) notified`);
    },
  },
  {
    name: JOB_NAMES.savedSearchAlerts,
    cron: JOB_SCHEDULES[JOB_NAMES.savedSearchAlerts],
    run: async () => {
      const report = await runSavedSearchAlerts(db());
      if (report.alerted.length || report.expired) console.info(`alerts: ${report.alerted.length} saved search(es) alerted, ${report.expired} unconfirmed one(s) expired`);
      // The alerts are in the outbox: send them now rather than at the next minute's delivery.
      if (report.alerted.length) await deliverOutbox();
    },
  },
  {
    name: JOB_NAMES.pruneLandChanges,
    cron: JOB_SCHEDULES[JOB_NAMES.pruneLandChanges],
    run: async () => {
      await pruneLandChanges(db(), new Date(Date.now() - LOG_RETENTION_MS));
    },
  },
];

/** A start that fails (database not up yet) is tried again after this long. */
const RETRY_MS = 30_000;

const KEY = Symbol.for("jiangmen-portal.job-runner");
type Slot = { runner?: JobRunner; starting?: boolean; stopped?: boolean };
const slot = (): Slot => {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  g[KEY] ??= {};
  return g[KEY];
};

// A database that is down makes pg-boss report the same error every few seconds: said once
// per distinct message until it recovers.
let lastError = "";
function reportError(error: Error): void {
  if (error.message === lastError) return;
  lastError = error.message;
  console.error(`jobs: ${error.message}`);
}

/** Starts this instance's job runner once (further calls do nothing); retries until the database answers. */
export function startAppJobs(): void {
  const s = slot();
  if (s.runner || s.starting) return;
  const url = env().DATABASE_URL;
  if (!url) {
    console.info("jobs: DATABASE_URL is not set; scheduled jobs do not run");
    return;
  }
  s.starting = true;
  s.stopped = false;
  const attempt = async () => {
    if (s.stopped) return;
    try {
      s.runner = await startJobRunner({ connectionString: url, jobs: APP_JOBS, onError: reportError });
      s.starting = false;
      lastError = "";
      if (s.stopped) await s.runner.stop();
    } catch (error) {
      reportError(error instanceof Error ? error : new Error(String(error)));
      setTimeout(() => void attempt(), RETRY_MS).unref();
    }
  };
  onShutdown(stopAppJobs);
  void attempt();
}

/** Stops the runner: running jobs get a few seconds to finish, then are marked failed (retried later). */
export async function stopAppJobs(): Promise<void> {
  const s = slot();
  s.stopped = true;
  const runner = s.runner;
  s.runner = undefined;
  s.starting = false;
  if (runner) await runner.stop();
}
