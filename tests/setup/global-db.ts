// One PostgreSQL for the integration tier: TEST_DATABASE_URL when given (its user must be
// allowed to create databases), otherwise a fresh embedded server under .data/.
// Two databases: "jm_test" (migrated, emptied by the tests that write) and "jm_seeded"
// (migrated and loaded with the Jiangmen dataset once, read-only for tests).
import fs from "node:fs";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { createPrismaClient } from "../../lib/db/client";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { env } from "../../lib/env";
import { seedDatabase } from "../../seeds/load";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    seededDatabaseUrl: string;
    adminDatabaseUrl: string;
  }
}

const TEST_DIR = ".data/test-postgres";

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function recreate(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  return withDatabase(adminUrl, name);
}

export default async function setup(project: TestProject) {
  let adminUrl = env().TEST_DATABASE_URL;
  let stop = async () => undefined as void;
  if (!adminUrl) {
    fs.rmSync(TEST_DIR, { recursive: true, force: true });
    const server = await startEmbeddedPostgres({ dir: TEST_DIR, port: await freePort(), database: "postgres" });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const databaseUrl = await recreate(adminUrl, "jm_test");
  const seededDatabaseUrl = await recreate(adminUrl, "jm_seeded");
  await migrate(databaseUrl);
  await migrate(seededDatabaseUrl);
  const prisma = createPrismaClient(seededDatabaseUrl, 4);
  try {
    await seedDatabase(prisma, { force: false });
  } finally {
    await prisma.$disconnect();
  }
  project.provide("databaseUrl", databaseUrl);
  project.provide("seededDatabaseUrl", seededDatabaseUrl);
  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await stop();
  };
}
