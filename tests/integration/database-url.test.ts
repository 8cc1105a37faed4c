// The DATABASE_URL error path as a user meets it: the command exits with one line that says
// what to fix, never a stack trace.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import { describeConnectionError, redactUrl } from "@/lib/db/connection-error";

function runMigrate(databaseUrl: string) {
  const result = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db.ts", "migrate"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

function withCredentials(url: string, user: string, password: string, database?: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  if (database) u.pathname = `/${database}`;
  return u.toString();
}

describe("an unusable DATABASE_URL", () => {
  it("refused connection: one clear line and exit code 1", () => {
    const r = runMigrate("postgresql://portal:secret@127.0.0.1:1/portal");
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Cannot reach PostgreSQL at 127\.0\.0\.1:1: connection refused/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain("secret");
  });

  it("wrong password: says the credentials are wrong, without echoing the password", () => {
    const admin = inject("adminDatabaseUrl");
    const r = runMigrate(withCredentials(admin, new URL(admin).username, "definitely-wrong"));
    expect(r.status).toBe(1);
    expect(r.stderr.split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/rejected the password for user/);
    expect(r.stderr).not.toContain("definitely-wrong");
  });

  it("missing database: names it and how to create it", () => {
    const admin = inject("adminDatabaseUrl");
    const u = new URL(admin);
    const r = runMigrate(withCredentials(admin, decodeURIComponent(u.username), decodeURIComponent(u.password), "no_such_db"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Database "no_such_db" does not exist/);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });

  it("not a PostgreSQL URL: rejected by the settings check, naming the variable", () => {
    const r = runMigrate("mysql://root@localhost/portal");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with postgres/);
    expect(r.stderr.split("\n")).toHaveLength(1);
  });
});

describe("describeConnectionError", () => {
  it("maps unknown host and timeouts", () => {
    expect(describeConnectionError({ code: "ENOTFOUND" }, "postgresql://u:p@nowhere.invalid/db")).toMatch(/Cannot resolve the database host/);
    expect(describeConnectionError({ code: "CONNECT_TIMEOUT" }, "postgresql://u:p@10.0.0.1:5432/db")).toMatch(/Timed out connecting/);
  });

  it("masks the password when printing a URL", () => {
    expect(redactUrl("postgresql://user:hunter2@db:5432/portal")).toBe("postgresql://user:***@db:5432/portal");
  });
});
