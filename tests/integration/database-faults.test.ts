// The app's database client against a PostgreSQL of its own that is slowed, frozen, stopped
// and started again: every failure is a DatabaseUnavailable within the configured timeouts
// (a 503 for the caller, never a hang), other errors keep their type, and the same client
// works again once the server is back, without being rebuilt.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { migrate } from "@/lib/db/migrate";
import { DatabaseUnavailable, guardDatabaseErrors, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { freePort } from "../setup/free-port";
import { freezePostgres, stopPostgres } from "../setup/postgres-faults";

const CONNECT_MS = 1000;
const STATEMENT_MS = 1000;
/** The longest any one query may take to fail: a connection, then the client-side query limit. */
const BOUND_MS = CONNECT_MS + STATEMENT_MS + 1000;
/** Scheduling slack on a shared 2-core machine; this bounds a hang, it does not time speed. */
const MARGIN_MS = 2000;

const dir = path.resolve(`.data/test-faults-${process.pid}`);
const dataDir = path.join(dir, "data");
const password = randomBytes(16).toString("hex");
let port: number;
let server: EmbeddedServer;
let db: Db;

async function failure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected the database call to fail");
}

async function expectUnavailable(run: () => Promise<unknown>, boundMs = BOUND_MS): Promise<void> {
  const { error, ms } = await failure(run);
  expect(error).toBeInstanceOf(DatabaseUnavailable);
  expect((error as DatabaseUnavailable).digest).toBe("DATABASE_UNAVAILABLE");
  expect(ms).toBeLessThan(boundMs + MARGIN_MS);
}

const writeOne = (code: string) =>
  db.$transaction(async (tx) => {
    await tx.rateLimit.create({ data: { key: code, windowStart: new Date(), count: 1 } });
    await tx.$executeRaw`SELECT 1`;
  });

beforeAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  port = await freePort();
  server = await startEmbeddedPostgres({ dir, port, database: "faults", password });
  await migrate(server.url);
  db = guardDatabaseErrors(createPrismaClient(server.url, { max: 3, connectTimeoutMs: CONNECT_MS, statementTimeoutMs: STATEMENT_MS }));
}, 120_000);

afterAll(async () => {
  await db?.$disconnect().catch(() => undefined);
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the app's database client when the database is slow or gone", () => {
  it("cancels a statement that runs past the limit, as DatabaseUnavailable", async () => {
    await expectUnavailable(() => db.$queryRaw`SELECT pg_sleep(10)::text AS slept`, STATEMENT_MS);
    // The connection survives a server-side cancel: the next query just works.
    expect(await db.$queryRaw`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
  });

  it("leaves other errors as they are (a bug stays a 500)", async () => {
    const { error } = await failure(() => db.$queryRawUnsafe("SELEC 1"));
    expect(error).not.toBeInstanceOf(DatabaseUnavailable);
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect((error as { code?: string }).code).toBe("P2010");
  });

  it("fails within the timeouts when the server is frozen (pooled and new connections, transactions), then recovers", async () => {
    // Warm the pool, so that pooled connections to frozen backends are exercised, not only new ones.
    await Promise.all([1, 2, 3].map(() => db.$queryRaw`SELECT pg_sleep(0.05)::text AS s`));
    const thaw = freezePostgres(dataDir);
    try {
      await expectUnavailable(() => db.park.findMany({ take: 1 }));
      // More requests than connections: some wait for the pool, each fails within its bound.
      const started = Date.now();
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => db.park.count()));
      expect(results.map((r) => r.status === "rejected" && r.reason instanceof DatabaseUnavailable)).toEqual([true, true, true, true, true]);
      expect(Date.now() - started).toBeLessThan(2 * BOUND_MS + MARGIN_MS);
      await expectUnavailable(() => writeOne("frozen"));
    } finally {
      thaw();
    }
    expect(await db.park.count()).toBe(0);
  });

  it("fails at once when the server is stopped, writes nothing, and works again once it is started", async () => {
    await db.$queryRaw`SELECT 1::int AS one`;
    await stopPostgres(dataDir);
    await expectUnavailable(() => db.park.findMany({ take: 1 }));
    await expectUnavailable(() => db.$queryRaw`SELECT 1::int AS one`);
    await expectUnavailable(() => writeOne("stopped"));
    await server.stop(); // the old process is gone: this must not wait for it
    server = await startEmbeddedPostgres({ dir, port, database: "faults", password });
    // The same client, not rebuilt: the pool opens new connections.
    expect(await db.$queryRaw`SELECT 1::int AS one`).toEqual([{ one: 1 }]);
    expect(await db.rateLimit.count()).toBe(0);
    await writeOne("after");
    expect(await db.rateLimit.count()).toBe(1);
  });
});
