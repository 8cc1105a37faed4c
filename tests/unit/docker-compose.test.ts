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

  it("has a healthcheck on the app that hits the health route, which exists", () => {
    expect(compose).toContain("/api/health");
    expect(dockerfile).toContain("/api/health");
    expect(fs.existsSync("app/api/health/route.ts")).toBe(true);
  });

  it("builds with the Dockerfile, which builds the app at image build time", () => {
    expect(compose).toMatch(/build: \./);
    expect(dockerfile).toMatch(/npm install/);
    expect(dockerfile).toMatch(/npm run build/);
  });
});
