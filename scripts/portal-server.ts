// The portal's HTTP server: Next hosted programmatically behind our own front
// (lib/http/portal-handler.ts), instead of `next start`/`next dev`, so that the client address
// comes from the socket and the configured trusted proxies rather than from a header the
// client wrote, and so that what Next answers with a 500 (malformed paths, TRACE, oversized
// or cross-site server actions) is refused with its 4xx first. Started by scripts/serve.ts,
// which prepares the database, the build and the environment: `--dev` for development.
import http from "node:http";
import next from "next";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "../lib/http/action-limits.js";
import { withDatabaseStatus } from "../lib/db/request-status";
import { createPortalHandler } from "../lib/http/portal-handler";
import { createPageCache } from "../lib/http/page-cache/handler";
import { publicRevisionSource } from "../lib/http/page-cache/revision";
import { withNotFoundShell } from "../lib/http/not-found-shell";
import { runShutdownHooks } from "../lib/jobs/shutdown";

const dev = process.argv.includes("--dev");
// Next and React pick their build by NODE_ENV when first loaded; serve.ts sets it, as `next
// start` (production) and `next dev` (development) would.
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";

async function main(): Promise<void> {
  const { env, publicBaseUrl } = await import("../lib/env");
  const settings = env();
  const server = http.createServer();
  const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: settings.PORT, httpServer: server });
  await app.prepare();
  // Public pages from memory while the public revision stays put (lib/http/page-cache/); not
  // in development, where a page must show the code just edited. The revision read (one row
  // by its key) gets short limits of its own: when the database is gone the request still goes
  // to Next, whose own failing query then decides the 503 in about the time it did before.
  const revisions = !dev && settings.PAGE_CACHE_MB > 0 && settings.DATABASE_URL ? publicRevisionSource(settings.DATABASE_URL, Math.min(settings.DB_CONNECT_TIMEOUT_MS, 1000), 250) : null;
  const nextHandler = app.getRequestHandler();
  const handle = revisions ? createPageCache({ handle: nextHandler, revision: revisions.read, maxBytes: settings.PAGE_CACHE_MB * 1024 * 1024 }).handle : nextHandler;
  const front = createPortalHandler({
    handle,
    trustedProxyHops: settings.TRUSTED_PROXY_HOPS,
    publicOrigin: new URL(publicBaseUrl(settings)).origin,
    actionBodyLimitBytes: SERVER_ACTION_BODY_LIMIT_BYTES,
  });
  // Each request in a scope of its own, so that a 500 Next answers because the database did
  // not answer goes out as 503 with Retry-After (lib/db/request-status.ts).
  // A 404 page load gets Next's script-only shell filled in with the localized not-found page,
  // readable without JavaScript (lib/http/not-found-shell.ts).
  server.on("request", (req, res) => withDatabaseStatus(req, res, () => withNotFoundShell(req, res, () => front.request(req, res))));
  server.on("connect", front.connect);
  server.on("clientError", front.clientError);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Finish the requests in flight, then let Next release what it holds (dev watchers); the
    // job runner (started inside Next, lib/jobs/) finishes its running job meanwhile.
    const jobs = runShutdownHooks();
    server.close(() => void Promise.allSettled([app.close(), jobs, revisions?.close()]).finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
  // Started by serve.ts with an IPC channel: if serve.ts is gone (even killed), so is the server.
  process.on("disconnect", stop);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // All interfaces, as `next start` listens; docker-compose publishes the port on 127.0.0.1.
    server.listen(settings.PORT, () => resolve());
  });
  console.log(`Portal server (${dev ? "development" : "production"}) listening on port ${settings.PORT}, trusted proxy hops: ${settings.TRUSTED_PROXY_HOPS}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
