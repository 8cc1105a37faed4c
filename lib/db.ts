// The app's single Prisma client. Cached on globalThis so that dev-mode hot reloads
// do not open a new pool on every change.
import "server-only";
import { createPrismaClient, type Db } from "./db/client";
import { env } from "./env";

const globalForDb = globalThis as unknown as { portalDb?: Db };

function open(): Db {
  const url = env().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: start the portal with `npm start` (which starts the embedded database) or set DATABASE_URL.",
    );
  }
  return createPrismaClient(url);
}

export function db(): Db {
  globalForDb.portalDb ??= open();
  return globalForDb.portalDb;
}
