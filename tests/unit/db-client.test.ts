// The pool settings the app's client gets: @prisma/adapter-pg hands its config to pg.Pool as
// is, so these are the timeouts node-postgres applies.
import { describe, expect, it } from "vitest";
import { poolConfig } from "@/lib/db/client";

describe("poolConfig", () => {
  it("bounds connecting, statements (server and client side) and idle transactions when asked", () => {
    expect(poolConfig("postgresql://u@h/d", { max: 4, connectTimeoutMs: 3000, statementTimeoutMs: 5000 })).toEqual({
      connectionString: "postgresql://u@h/d",
      max: 4,
      connectionTimeoutMillis: 3000,
      statement_timeout: 5000,
      idle_in_transaction_session_timeout: 5000,
      // A frozen server never sends the cancellation: the client stops waiting a second later.
      query_timeout: 6000,
    });
  });

  it("never waits forever to connect, even in scripts that set no statement limit", () => {
    const config = poolConfig("postgresql://u@h/d");
    expect(config.connectionTimeoutMillis).toBe(10_000);
    expect(config).not.toHaveProperty("statement_timeout");
    expect(config).not.toHaveProperty("query_timeout");
  });
});
