// db:seed --force keeps the audit trail and refuses a production database; db:reset refuses it
// too, as the command line shows it (one line, nothing dropped). Each test uses a fresh
// database of its own, never the shared seeded one.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { markDatabaseEnvironment, ProductionDatabaseError } from "@/lib/db/environment-marker";
import { migrate } from "@/lib/db/migrate";
import { DATA_TABLES, seedDatabase } from "@/seeds/load";
import { createEmptyDatabase } from "./helpers/database";

const run = promisify(execFile);

let url: string;
let db: Db;
beforeAll(async () => {
  url = await createEmptyDatabase("seed_guard");
  await migrate(url);
  db = createPrismaClient(url, 2);
  await seedDatabase(db, { force: false, nodeEnv: "test" });
});
afterAll(async () => {
  await db.$disconnect();
});

describe("db:seed --force", () => {
  it("does not list AuditLog among the tables it empties", () => {
    expect(DATA_TABLES).not.toContain("AuditLog");
  });

  it("reloads the dataset and keeps every audit row, with its actor", async () => {
    const user = await db.user.create({ data: { email: "keeper@staff.example.cn", name: "Keeper", role: "ADMIN", passwordHash: "x" } });
    const park = await db.park.findFirstOrThrow({ where: { code: "jiangmen-safety-emergency" }, select: { id: true } });
    await db.auditLog.create({ data: { actorId: user.id, action: "park.update", entity: "Park", entityId: park.id, before: { nameEn: "a" }, after: { nameEn: "b" } } });
    const parksBefore = await db.park.count();
    const summary = await seedDatabase(db, { force: true, nodeEnv: "test" });
    expect(summary.loaded).toBe(true);
    expect(await db.park.count()).toBe(parksBefore);
    const rows = await db.auditLog.findMany({ select: { actorId: true, action: true, entity: true, before: true, after: true } });
    expect(rows).toEqual([{ actorId: user.id, action: "park.update", entity: "Park", before: { nameEn: "a" }, after: { nameEn: "b" } }]);
  });

  it("refuses when NODE_ENV is production, and writes nothing", async () => {
    const audits = await db.auditLog.count();
    const parkIds = (await db.park.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);
    await expect(seedDatabase(db, { force: true, nodeEnv: "production" })).rejects.toThrow(
      new ProductionDatabaseError("db:seed --force", "nodeEnv"),
    );
    expect((await db.park.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual(parkIds);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a database the portal marked as production, from the command line too (one line, nothing dropped)", async () => {
    // A development start leaves no marker; a production start writes it.
    expect(await markDatabaseEnvironment(db, "development")).toBe(false);
    expect(await db.portalSetting.count()).toBe(0);
    expect(await markDatabaseEnvironment(db, "production")).toBe(true);
    expect(await db.portalSetting.findMany({ select: { key: true, value: true } })).toEqual([{ key: "environment", value: "production" }]);
    const parkIds = (await db.park.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id);

    await expect(seedDatabase(db, { force: true, nodeEnv: "test" })).rejects.toThrow(
      "Refusing db:seed --force: this database is marked as production (PortalSetting environment = production); it would delete live data.",
    );
    // Without --force an already loaded database is left alone, marker or not.
    expect((await seedDatabase(db, { force: false, nodeEnv: "test" })).loaded).toBe(false);

    for (const [args, command] of [[["seed", "--force"], "db:seed --force"], [["reset"], "db:reset"]] as const) {
      const failed = await run(process.execPath, ["--import", "tsx", "scripts/db.ts", ...args], { env: { ...process.env, DATABASE_URL: url, NODE_ENV: "development" } }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed?.code, command).toBe(1);
      expect(failed?.stderr.trim(), command).toBe(
        `Refusing ${command}: this database is marked as production (PortalSetting environment = production); it would delete live data.`,
      );
    }
    expect((await db.park.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((p) => p.id)).toEqual(parkIds);
    expect(await db.auditLog.count()).toBe(1);
  });
});
