// Helpers for the integration tier. Each file gets clients on the databases prepared by
// tests/setup/global-db.ts; nothing here mocks the database.
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";

export function seededDb(): Db {
  return createPrismaClient(inject("seededDatabaseUrl"), 4);
}

export function testDb(): Db {
  return createPrismaClient(inject("databaseUrl"), 4);
}

/** Creates an empty database with a unique name and returns its URL. */
export async function createEmptyDatabase(prefix: string): Promise<string> {
  const admin = inject("adminDatabaseUrl");
  const name = `${prefix}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Tables and columns of the public schema: a fingerprint to compare before and after. */
export async function schemaFingerprint(url: string): Promise<string[]> {
  const rows = await query<{ t: string; c: string; d: string }>(
    url,
    `SELECT table_name AS t, column_name AS c, data_type AS d FROM information_schema.columns
     WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  return rows.map((r) => `${r.t}.${r.c}:${r.d}`);
}

/** The committed calendar migration: the CalendarDay rows every database starts with. */
const CALENDAR_MIGRATION = "prisma/migrations/20261201120000_calendar_2025_2027/migration.sql";

/**
 * Puts CalendarDay back as the migration left it. The integration files share one database
 * and run in no fixed order, so a file that empties or edits the calendar must restore it, or
 * a later file computes its deadlines on a weekends-only calendar.
 */
export async function restoreMigratedCalendar(db: Db): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM "CalendarDay"`);
  await db.$executeRawUnsafe(fs.readFileSync(CALENDAR_MIGRATION, "utf8"));
}
