// The portal's scheduled jobs: one queue each in pg-boss, with its cron schedule. Crons are
// read in China time (the office's clock); both of these are time-of-day independent anyway.

export const JOB_NAMES = {
  /** sends what the outbox holds (lib/mail/deliver.ts); new e-mails also go right after their request */
  deliverMail: "mail-deliver",
  /** records escalation levels of untouched leads (lib/leads/escalation.ts) */
  escalateLeads: "lead-escalation",
  /** ends expired holds and holds of lost leads, and sends the week-before notices (lib/land/hold-expiry.ts) */
  expireHolds: "land-hold-expiry",
  /** e-mails confirmed saved searches about newly matching blocks, at most daily (lib/alerts/job.ts) */
  savedSearchAlerts: "saved-search-alerts",
  /** drops land change-log rows older than a day (lib/search/index-refresh.ts): an index older than that reloads */
  pruneLandChanges: "land-change-prune",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export const JOB_SCHEDULES: Record<JobName, string> = {
  [JOB_NAMES.deliverMail]: "* * * * *",
  [JOB_NAMES.escalateLeads]: "*/10 * * * *",
  // Hourly: a hold ends on the first run after its last China day; a lost lead's holds (already
  // released by the move itself) are a safety net.
  [JOB_NAMES.expireHolds]: "7 * * * *",
  // Hourly: each search is alerted at most once in 24 hours (the job checks), so an hourly run
  // only decides how soon after its 24 hours new land is reported.
  [JOB_NAMES.savedSearchAlerts]: "23 * * * *",
  [JOB_NAMES.pruneLandChanges]: "41 * * * *",
};
