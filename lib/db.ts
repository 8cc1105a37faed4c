// The app's single Prisma client. Cached on globalThis so that dev-mode hot reloads
// do not open a new pool on every change.
import "server-only";
import { createPrismaClient, type Db } from "./db/client";
import { guardDatabaseErrors } from "./db/unavailable";
import { env } from "./env";

const globalForDb = globalThis as unknown as { portalDb?: Db };

function open(): Db {
  const settings = env();
  const url = settings.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: start the portal with `npm start` (which starts the embedded database) or set DATABASE_URL.",
    );
  }
  // Timeouts make a stopped or frozen database an error within seconds (a 503), not a hang;
  // the guard gives that error one type the pages and routes recognise.
  return guardDatabaseErrors(
    createPrismaClient(url, { connectTimeoutMs: settings.DB_CONNECT_TIMEOUT_MS, statementTimeoutMs: settings.DB_STATEMENT_TIMEOUT_MS }),
  );
}

export function db(): Db {
  globalForDb.portalDb ??= open();
  return globalForDb.portalDb;
}
