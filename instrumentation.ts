// Next.js calls register() once when a server instance starts: it starts the mail sender's
// retry loop (every instance may run one: rows are leased, so none is sent twice), and makes a
// failure for lack of a database answer 503 + Retry-After instead of 500 (lib/db/request-status.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installDatabaseStatus } = await import("./lib/db/request-status");
  installDatabaseStatus();
  const { deliverOutboxSoon } = await import("./lib/mail/deliver");
  setInterval(() => void deliverOutboxSoon(), 60_000).unref();
}
