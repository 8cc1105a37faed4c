// Fixed-window counters in PostgreSQL, so a limit holds across every app instance.
import type { Db } from "./db/client";

export interface Limit {
  key: string;
  windowSeconds: number;
  max: number;
}

/** Counts one hit; true when it is within the limit. Atomic under concurrency (upsert). */
export async function hitRateLimit(db: Db | Parameters<Parameters<Db["$transaction"]>[0]>[0], limit: Limit, now = new Date()): Promise<boolean> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${limit.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  // Past windows are of no use and hold (hashed) network identities: drop those of this limit's
  // family ("inquiry:..."), so nothing outlives its window by more than one window.
  const family = `${limit.key.split(":")[0]}:%`;
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "key" LIKE ${family} AND "windowStart" < ${new Date(windowStart.getTime() - windowMs)}`;
  return (rows[0]?.count ?? 1) <= limit.max;
}
