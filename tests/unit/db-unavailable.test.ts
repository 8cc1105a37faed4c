// Which errors mean "the database is unavailable" (503, try again) and which are ours (500).
// The shapes are those node-postgres, @prisma/adapter-pg and Prisma produce (seen in
// tests/integration/database-faults.test.ts against a real server).
import { describe, expect, it } from "vitest";
import { DatabaseUnavailable, databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";

const withProps = (message: string, props: Record<string, unknown>) => Object.assign(new Error(message), props);
/** Prisma's wrapping of an adapter error: P2010 with meta.driverAdapterError.cause = { kind, code }. */
const prismaRaw = (cause: Record<string, unknown>) =>
  withProps("Raw query failed.", { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: withProps(String(cause.kind), { cause }) } });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["pool acquire timeout", new Error("timeout exceeded when trying to connect")],
    ["connect timeout", new Error("Connection terminated due to connection timeout")],
    ["dropped connection", new Error("Connection terminated unexpectedly")],
    ["client-side query timeout (frozen server)", new Error("Query read timeout")],
    ["refused", withProps("connect ECONNREFUSED 127.0.0.1:5432", { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["refused on every address", Object.assign(new AggregateError([withProps("connect ECONNREFUSED ::1:5432", { code: "ECONNREFUSED" })], ""), {})],
    ["unreachable (Prisma)", withProps("Can't reach database server", { code: "P1001" })],
    ["pool timeout (Prisma)", withProps("Timed out fetching a new connection", { code: "P2024" })],
    ["server stopped (adapter)", prismaRaw({ kind: "DatabaseNotReachable" })],
    ["connection closed (adapter)", prismaRaw({ kind: "ConnectionClosed" })],
    ["statement timeout", prismaRaw({ kind: "postgres", code: "57014" })],
    ["server shutting down", prismaRaw({ kind: "postgres", code: "57P01" })],
    ["server starting up", prismaRaw({ kind: "postgres", code: "57P03" })],
    ["connection failure (class 08)", prismaRaw({ kind: "postgres", code: "08006" })],
    ["too many connections", prismaRaw({ kind: "TooManyConnections" })],
    ["a cause chain", new Error("wrapped", { cause: new Error("Query read timeout") })],
    ["already typed", new DatabaseUnavailable(new Error("Query read timeout"))],
  ])("%s: yes", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaRaw({ kind: "UniqueConstraintViolation" })],
    ["a syntax error", prismaRaw({ kind: "postgres", code: "42601" })],
    ["a wrong password (configuration, not an outage)", prismaRaw({ kind: "AuthenticationFailed" })],
    ["record not found", withProps("No record found", { code: "P2025" })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "timeout exceeded when trying to connect"],
    ["nothing", undefined],
  ])("%s: no", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("DatabaseUnavailable", () => {
  it("carries the fixed digest the error page recognises, and the driver's reason without Prisma's preamble", () => {
    const error = new DatabaseUnavailable(new Error("\nInvalid `prisma.park.findMany()` invocation:\n\nCan't reach database server at db:5432"));
    expect(error.digest).toBe("DATABASE_UNAVAILABLE");
    expect(error.message).toBe("The database is unavailable: Can't reach database server at db:5432");
  });
});

describe("databaseUnavailableResponse", () => {
  it("is a 503 JSON answer with Retry-After, never cached", async () => {
    const res = databaseUnavailableResponse();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ error: "service unavailable", message: "The database is not answering. Please try again in a few seconds." });
  });
});
