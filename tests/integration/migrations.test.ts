import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrate, MigrationError, readMigrations } from "@/lib/db/migrate";
import { createEmptyDatabase, query, schemaFingerprint } from "./helpers/database";

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jm-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("migrations", () => {
  it("builds the whole schema on an empty database, and a second run changes nothing", async () => {
    const url = await createEmptyDatabase("mig_empty");
    const first = await migrate(url);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    expect(first.applied.length).toBeGreaterThan(0);

    const tables = await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    const names = tables.map((t) => t.table_name);
    for (const t of ["Park", "Zone", "Parcel", "ParcelAdjacency", "EnterpriseProject", "Inquiry", "InquiryEvent", "User", "AuditLog", "RateLimit", "_prisma_migrations"]) {
      expect(names).toContain(t);
    }
    const before = await schemaFingerprint(url);
    const records = await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    expect(await schemaFingerprint(url)).toEqual(before);
    expect(await query(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`)).toEqual(records);
  });

  it("keeps Prisma's bookkeeping: name, sha256 checksum and finish time per migration", async () => {
    const url = await createEmptyDatabase("mig_book");
    await migrate(url);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      url,
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"`,
    );
    const files = readMigrations();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("applies pending migrations in name order, each in its own transaction", async () => {
    const url = await createEmptyDatabase("mig_order");
    const dir = tempMigrations({
      "20260101000000_b_second": `INSERT INTO "t" VALUES (2);`,
      "20250101000000_a_first": `CREATE TABLE "t" (v int); INSERT INTO "t" VALUES (1);`,
    });
    const result = await migrate(url, dir);
    expect(result.applied).toEqual(["20250101000000_a_first", "20260101000000_b_second"]);
    expect((await query<{ v: number }>(url, `SELECT v FROM "t" ORDER BY v`)).map((r) => r.v)).toEqual([1, 2]);
  });

  it("a failed migration leaves the database as it was and names the file", async () => {
    const url = await createEmptyDatabase("mig_fail");
    const dir = tempMigrations({
      "20250101000000_ok": `CREATE TABLE "kept" (v int);`,
      "20250102000000_broken": `CREATE TABLE "half_done" (v int);\nINSERT INTO "kept" VALUES ('not a number');`,
      "20250103000000_never": `CREATE TABLE "never" (v int);`,
    });
    const error = await migrate(url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as MigrationError).message).toMatch(/20250102000000_broken/);
    expect((error as MigrationError).message).toMatch(/migration\.sql/);
    expect((error as MigrationError).message).toMatch(/invalid input syntax for type integer/);

    const tables = (await query<{ table_name: string }>(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).map((t) => t.table_name);
    expect(tables).toContain("kept");
    expect(tables).not.toContain("half_done");
    expect(tables).not.toContain("never");
    const recorded = await query<{ migration_name: string }>(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["20250101000000_ok"]);

    // Fixing the file and re-running picks up where it stopped.
    fs.writeFileSync(path.join(dir, "20250102000000_broken", "migration.sql"), `INSERT INTO "kept" VALUES (1);`);
    const retry = await migrate(url, dir);
    expect(retry.applied).toEqual(["20250102000000_broken", "20250103000000_never"]);
  });

  it("reports a migration file changed after it was applied", async () => {
    const url = await createEmptyDatabase("mig_mod");
    const dir = tempMigrations({ "20250101000000_a": `CREATE TABLE "a" (v int);` });
    await migrate(url, dir);
    fs.writeFileSync(path.join(dir, "20250101000000_a", "migration.sql"), `CREATE TABLE "a" (v bigint);`);
    const result = await migrate(url, dir);
    expect(result.modified).toEqual(["20250101000000_a"]);
    expect(result.applied).toEqual([]);
  });
});
