// Fixed-window counters in PostgreSQL, so a limit holds across every app instance.
import type { DbClient } from "./db/client";

export interface Limit {
  key: string;
  windowSeconds: number;
  max: number;
}

const windowOf = (limit: Limit, now: Date) => {
  const windowMs = limit.windowSeconds * 1000;
  return { windowMs, windowStart: new Date(Math.floor(now.getTime() / windowMs) * windowMs) };
};

// Past windows are of no use and hold (hashed) network identities: drop those of this limit's
// family ("inquiry:..."), so nothing outlives its window by more than one window.
async function forgetOldWindows(db: DbClient, limit: Limit, windowStart: Date, windowMs: number): Promise<void> {
  const family = `${limit.key.split(":")[0]}:%`;
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE ${family} AND "windowStart" < ${new Date(windowStart.getTime() - windowMs)}`;
}

/**
 * Takes one unit of the limit only when one is left: true when taken, false (and nothing
 * counted) when the limit is reached. For limits on work that is done, not on attempts: called
 * inside the transaction that does the work, a refusal or a rollback leaves the count as it
 * was, so retries of a refused or failed request never use up the quota.
 */
export async function takeRateLimit(db: DbClient, limit: Limit, now = new Date()): Promise<boolean> {
  const { windowMs, windowStart } = windowOf(limit, now);
  if (limit.max < 1) return false;
  // The conditional DO UPDATE is atomic: concurrent takers queue on the row lock, and once the
  // count is at the max the update matches nothing and returns no row.
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${limit.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
      WHERE "RateLimit"."count" < ${limit.max}::int
    RETURNING "count"`;
  await forgetOldWindows(db, limit, windowStart, windowMs);
  return rows.length > 0;
}
