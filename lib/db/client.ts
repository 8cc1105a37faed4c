// Builds a Prisma client on node-postgres. Separate from lib/db.ts (server-only) so that
// scripts and tests can open their own clients against a given URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "../generated/prisma/client";
import { rememberConnection } from "./connections";

export type Db = PrismaClient;

/** The client or the transaction a write joins: functions that take part in a caller's transaction accept either. */
export type DbClient = Db | Prisma.TransactionClient;

export interface ClientOptions {
  /** Pool size. */
  max?: number;
  /** Longest wait to open a connection or to get one from a full pool (pg connectionTimeoutMillis). */
  connectTimeoutMs?: number;
  /**
   * Longest a statement runs. Unset (scripts: seeding, benchmarks' bulk loads): no limit.
   * Set (the app): the server cancels it, and the client stops waiting one second later.
   */
  statementTimeoutMs?: number;
}

/** Opening a connection never waits forever, even in scripts: a frozen server is an error. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** pg.Pool settings for these options (exported for the unit test: the adapter passes them through unchanged). */
export function poolConfig(connectionString: string, options: ClientOptions = {}) {
  const statement = options.statementTimeoutMs;
  return {
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    ...(statement === undefined
      ? {}
      : {
          // Server side: the statement is cancelled and the connection stays usable.
          statement_timeout: statement,
          // A transaction left open (a request that died half-way) must not hold locks.
          idle_in_transaction_session_timeout: statement,
          // Client side: a server that is stopped with SIGSTOP, or a host that vanished, never
          // sends the cancellation; without this the request would wait for TCP to give up.
          query_timeout: statement + 1000,
        }),
  };
}

export function createPrismaClient(connectionString: string, options: ClientOptions | number = {}): PrismaClient {
  const opts = typeof options === "number" ? { max: options } : options;
  const adapter = new PrismaPg(poolConfig(connectionString, opts));
  const client = new PrismaClient({ adapter });
  rememberConnection(client, connectionString, opts);
  return client;
}
