// Next.js calls register() once when a server instance starts: it starts this instance's
// scheduled jobs on pg-boss (lib/jobs/: e-mail delivery every minute, lead escalation every
// 10 minutes; one run at a time across instances). Not during `next build`, which loads this
// file too but must not touch the database. scripts/portal-server.ts stops them on shutdown.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startAppJobs } = await import("./lib/jobs/app-jobs");
  startAppJobs();
}
