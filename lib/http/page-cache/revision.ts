// The public revision as a request may trust it: read from PostgreSQL by a query that STARTED
// after the request arrived, so a write committed (on any instance) before the request came
// in is always seen. Concurrent requests share reads: a request arriving while a read is in
// flight waits for the next read, which starts when that one ends and is shared by every
// request that arrives before it starts. At most one query runs at a time.
import pg from "pg";
import { poolConfig } from "../../db/client";

export type RevisionRead = () => Promise<bigint>;

export function coalescedReader(read: RevisionRead): RevisionRead {
  let inflight: Promise<bigint> | null = null;
  let next: Promise<bigint> | null = null;

  function start(): Promise<bigint> {
    const p: Promise<bigint> = Promise.resolve()
      .then(read)
      .finally(() => {
        if (inflight === p) inflight = null;
      });
    inflight = p;
    return p;
  }

  return () => {
    // Not started yet: it will start after this request's arrival, so it may be shared.
    if (next) return next;
    if (!inflight) return start();
    const waiting = inflight.then(
      () => undefined,
      () => undefined,
    );
    const queued: Promise<bigint> = waiting.then(() => {
      next = null;
      return start();
    });
    next = queued;
    return queued;
  };
}

export interface PublicRevisionSource {
  read: RevisionRead;
  close(): Promise<void>;
}

/** Reads "PublicRevision" over a small pool of its own (the portal server is outside Next's bundles and their Prisma client). */
export function publicRevisionSource(databaseUrl: string, connectTimeoutMs: number, statementTimeoutMs: number): PublicRevisionSource {
  const pool = new pg.Pool(poolConfig(databaseUrl, { max: 2, connectTimeoutMs, statementTimeoutMs }));
  // An idle client's error (the database restarted) must not crash the server; the next read fails and the request goes to Next.
  pool.on("error", () => {});
  const read = coalescedReader(async () => {
    const { rows } = await pool.query<{ revision: string }>(`SELECT "revision"::text AS revision FROM "PublicRevision" WHERE "id" = 1`);
    if (!rows[0]) throw new Error("PublicRevision has no row");
    return BigInt(rows[0].revision);
  });
  return { read, close: () => pool.end() };
}
