// The one action wrapper's error mapping: what the visitor is told for each kind of failure.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { defineAction } from "@/lib/actions/action";
import { DatabaseUnavailable } from "@/lib/db/unavailable";
import { conflict } from "@/lib/errors";

const action = (handler: () => Promise<unknown>) => defineAction({ name: "test", schema: z.object({}), access: "public", handler });

describe("defineAction", () => {
  it("says 'briefly unavailable' when the database did not answer, without a request id or a log line", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await action(() => Promise.reject(new DatabaseUnavailable(new Error("timeout exceeded when trying to connect"))))({});
    expect(result).toEqual({ ok: false, error: { code: "unavailable", message: "unavailable" } });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it("passes an expected failure's code and message, and hides a bug behind a request id", async () => {
    expect(await action(() => Promise.reject(conflict("keyReused")))({})).toEqual({ ok: false, error: { code: "conflict", message: "keyReused", fieldErrors: undefined } });
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = await action(() => Promise.reject(new TypeError("x is undefined")))({});
    expect(bug.ok).toBe(false);
    if (!bug.ok) {
      expect(bug.error.code).toBe("internal");
      expect(bug.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.stringify(bug)).not.toContain("x is undefined");
    }
    expect(log).toHaveBeenCalledTimes(1);
    log.mockRestore();
  });
});
