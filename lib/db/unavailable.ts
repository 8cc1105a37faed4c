// One answer to "is this error the database being down, frozen or overloaded?", used by every
// route handler, the page error boundary and the HTTP layer: such a failure is a 503 with
// Retry-After (try again shortly), not a 500 (our bug).
import type { PrismaClient } from "../generated/prisma/client";
import { sameConnection } from "./connections";
import { DATABASE_UNAVAILABLE_DIGEST, RETRY_AFTER_SECONDS } from "./unavailable-constants";
import { noteDatabaseUnavailable } from "./request-status";

/** Prisma's codes for "could not reach / timed out / connection closed / pool exhausted". */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
/** What @prisma/adapter-pg reports for a lost or refused connection. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** Socket errors from node-postgres. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EADDRNOTAVAIL"]);
/**
 * SQLSTATEs of a server that is shutting down, starting, out of connections or too slow:
 * admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, query_canceled
 * (statement_timeout), idle_in_transaction_session_timeout, and class 08 (connection exception).
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "57014", "25P03"]);
/** node-postgres's own messages for timeouts and dropped connections (they carry no code). */
const PG_MESSAGES = [
  /^timeout exceeded when trying to connect/i,
  /^Connection terminated/i,
  /^Query read timeout/i,
  /^Client has encountered a connection error and is not queryable/i,
  /^Client was closed and is not queryable/i,
  /^Cannot use a pool after calling end/i,
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  errorCode?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown };
  errors?: unknown;
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as ErrorLike;
  if (e instanceof DatabaseUnavailable) return true;
  const code = typeof e.code === "string" ? e.code : typeof e.errorCode === "string" ? e.errorCode : undefined;
  if (code && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && PG_MESSAGES.some((re) => re.test(e.message as string))) return true;
  // Prisma wraps the adapter's error (meta.driverAdapterError, whose cause is { kind, code });
  // node-postgres chains causes; Node's happy-eyeballs connect throws an AggregateError.
  const nested = [e.cause, e.meta?.driverAdapterError, ...(Array.isArray(e.errors) ? e.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * The database did not answer. Thrown in place of the driver's error so that the page error
 * boundary can tell (by the digest) and say "briefly unavailable, try again" instead of "bug".
 */
export class DatabaseUnavailable extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message.trim().split("\n").pop() : String(cause);
    super(`The database is unavailable: ${reason}`, { cause });
    this.name = "DatabaseUnavailable";
  }
}

/** Rethrows a database-unavailable error as DatabaseUnavailable (and notes it for the HTTP status). */
export function rethrowDatabaseError(error: unknown): never {
  if (isDatabaseUnavailable(error)) {
    noteDatabaseUnavailable();
    throw error instanceof DatabaseUnavailable ? error : new DatabaseUnavailable(error);
  }
  throw error;
}

/**
 * The app's client, with every query and transaction failing as DatabaseUnavailable when the
 * database is down. A query extension changes no types, hence the cast back.
 */
export function guardDatabaseErrors(client: PrismaClient): PrismaClient {
  const guarded = client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          rethrowDatabaseError(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  sameConnection(guarded, client);
  // Opening an interactive transaction (BEGIN on a pooled connection) is not an operation the
  // extension sees; a frozen database fails right there.
  const transaction = guarded.$transaction.bind(guarded) as (...args: unknown[]) => Promise<unknown>;
  (guarded as { $transaction: unknown }).$transaction = (...args: unknown[]) => transaction(...args).catch(rethrowDatabaseError);
  return guarded;
}

/** The body and headers of every 503 the API answers while the database is unavailable. */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: "service unavailable", message: "The database is not answering. Please try again in a few seconds." },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}
