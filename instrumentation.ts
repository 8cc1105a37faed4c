// Next.js calls register() once when a server instance starts: it starts the mail sender's
// retry loop (every instance may run one: rows are leased, so none is sent twice).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { deliverOutboxSoon } = await import("./lib/mail/deliver");
  setInterval(() => void deliverOutboxSoon(), 60_000).unref();
}
