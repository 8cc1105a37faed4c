// The end-to-end tier runs the real portal: a production build served by `next start` on a
// seeded embedded PostgreSQL, driven by Debian's Chromium through playwright-core.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { seedDatabase } from "../../seeds/load";
import { findChromium } from "./browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
    e2eDatabaseUrl: string;
  }
}

const DIR = ".data/e2e-postgres";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
      last = `HTTP ${res.status}: ${await res.text()}`;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} was not healthy within ${timeoutMs} ms (last: ${last})`);
}

export default async function setup(project: TestProject) {
  const chromium = findChromium();
  project.provide("chromiumPath", chromium ?? "");
  project.provide("baseUrl", "");
  project.provide("e2eDatabaseUrl", "");
  if (!chromium) return;

  const build = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts", "--build-only"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("The production build failed; see the output above.");

  fs.rmSync(DIR, { recursive: true, force: true });
  const pg = await startEmbeddedPostgres({ dir: DIR, port: await freePort(), database: "portal" });
  await migrate(pg.url);
  const prisma = createPrismaClient(pg.url, 4);
  await seedDatabase(prisma, { force: false });
  await prisma.$disconnect();

  const port = await freePort();
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: pg.url, NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret", IP_HASH_SALT: "e2e-salt-e2e-salt" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${baseUrl}/api/health`, server, 60_000);
  } catch (error) {
    server.kill("SIGTERM");
    await pg.stop();
    throw error;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("e2eDatabaseUrl", pg.url);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await pg.stop();
  };
}
