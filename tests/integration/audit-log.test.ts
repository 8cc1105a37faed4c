// The audit log page's reads (lib/audit/log-queries.ts): each filter returns exactly the rows
// it names, China dates bound the range (midnight in Beijing, not UTC), pages run newest first
// without a gap or a repeat, and only audit.read may load them.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadAuditPage, loadRecordHistory } from "@/lib/audit/loaders";
import { auditFilterSchema, auditOptions, changesOf, listAuditLog } from "@/lib/audit/log-queries";
import { currentActor } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { testDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let db: Db;
let alice: TestStaff;
let bob: TestStaff;
let officer: TestStaff;

// 2026-11-30 23:30 in Beijing is 15:30 UTC the same day; 2026-12-01 00:30 Beijing is 16:30 UTC on the 30th.
const ROWS = [
  { key: "a1", actor: "alice", action: "park.update", entity: "Park", entityId: "park-1", at: "2026-11-29T02:00:00Z" },
  { key: "a2", actor: "alice", action: "zone.update", entity: "Zone", entityId: "zone-1", at: "2026-11-30T15:30:00Z" },
  { key: "b1", actor: "bob", action: "park.update", entity: "Park", entityId: "park-2", at: "2026-11-30T16:30:00Z" },
  { key: "b2", actor: "bob", action: "project.update", entity: "EnterpriseProject", entityId: "proj-1", at: "2026-12-01T03:00:00Z" },
  { key: "s1", actor: null, action: "park.update", entity: "Park", entityId: "park-1", at: "2026-12-01T03:00:00Z" },
] as const;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  db = testDb();
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog" CASCADE`);
  alice = await createStaff(db, { role: "ADMIN", name: "Alice" });
  bob = await createStaff(db, { role: "ADMIN", name: "Bob" });
  officer = await createStaff(db, { role: "OFFICER" });
  const ids = { alice: alice.id, bob: bob.id };
  for (const r of ROWS) {
    await db.auditLog.create({ data: { actorId: r.actor ? ids[r.actor] : null, action: r.action, entity: r.entity, entityId: r.entityId, before: { key: r.key, version: 1 }, after: { key: `${r.key}!`, version: 2 }, createdAt: new Date(r.at) } });
  }
});
afterAll(async () => {
  await db.$executeRawUnsafe(`TRUNCATE "User", "StaffSession", "AuditLog" CASCADE`);
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const keysOf = async (raw: Record<string, unknown>, pageSize?: number) => {
  const page = await listAuditLog(db, auditFilterSchema.parse(raw), pageSize);
  return page.rows.map((r) => (r.changes.find((c) => c.field === "key")!.before as string));
};

describe("audit log filters", () => {
  it("no filter: every row, newest first (ties by id, newest first)", async () => {
    expect(await keysOf({})).toEqual(["s1", "b2", "b1", "a2", "a1"]);
  });

  it("by person, by kind of record, by one record, by action", async () => {
    expect(await keysOf({ actor: alice.id })).toEqual(["a2", "a1"]);
    expect(await keysOf({ actor: bob.id })).toEqual(["b2", "b1"]);
    expect(await keysOf({ entity: "Park" })).toEqual(["s1", "b1", "a1"]);
    expect(await keysOf({ entity: "Park", entityId: "park-1" })).toEqual(["s1", "a1"]);
    expect(await keysOf({ action: "park.update", actor: bob.id })).toEqual(["b1"]);
    expect(await keysOf({ action: "lead.assign" })).toEqual([]);
  });

  it("dates are China dates: 23:30 and 00:30 in Beijing fall on different days", async () => {
    expect(await keysOf({ from: "2026-11-30", to: "2026-11-30" })).toEqual(["a2"]);
    expect(await keysOf({ from: "2026-12-01" })).toEqual(["s1", "b2", "b1"]);
    expect(await keysOf({ to: "2026-11-29" })).toEqual(["a1"]);
    expect(auditFilterSchema.safeParse({ from: "2026-12-02", to: "2026-12-01" }).error?.issues[0]).toMatchObject({ path: ["to"], message: "maxBelowMin" });
    expect(auditFilterSchema.safeParse({ entity: "Nope" }).error?.issues[0]).toMatchObject({ path: ["entity"], message: "notAChoice" });
  });

  it("pages by keyset: two rows a page, no gap, no repeat, the last page has no next", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listAuditLog(db, auditFilterSchema.parse({ after }), 2);
      seen.push(...page.rows.map((r) => r.changes.find((c) => c.field === "key")!.before as string));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(["s1", "b2", "b1", "a2", "a1"]);
  });

  it("each row shows its changes field by field, version last, and who made them", async () => {
    const page = await listAuditLog(db, auditFilterSchema.parse({ actor: bob.id, entity: "EnterpriseProject" }));
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({ actor: { id: bob.id, name: "Bob" }, action: "project.update", entity: "EnterpriseProject", entityId: "proj-1", entityLabel: null });
    expect(page.rows[0]!.changes).toEqual([{ field: "key", before: "b2", after: "b2!" }, { field: "version", before: 1, after: 2 }]);
    expect(changesOf(null, { code: "x", version: 1 })).toEqual([{ field: "code", before: undefined, after: "x" }, { field: "version", before: undefined, after: 1 }]);
  });

  it("offers the people and the actions that appear in the log", async () => {
    const options = await auditOptions(db);
    expect(options.actors.map((a) => a.name)).toEqual(["Alice", "Bob"]);
    expect(options.actions).toEqual(["park.update", "project.update", "zone.update"]);
  });

  it("only audit.read may load the page: an officer is refused", async () => {
    const officerActor = (await as(officer, () => currentActor()))!;
    await expect(loadAuditPage(officerActor, auditFilterSchema.parse({}))).rejects.toMatchObject({ code: "forbidden" });
    const adminActor = (await as(alice, () => currentActor()))!;
    expect((await loadAuditPage(adminActor, auditFilterSchema.parse({}))).page.rows).toHaveLength(5);
  });

  it("a record's own history needs only its page's permission: an officer (land.read) reads a parcel's, not a park's", async () => {
    const officerActor = (await as(officer, () => currentActor()))!;
    await db.auditLog.create({ data: { actorId: officer.id, action: "parcel.hold", entity: "Parcel", entityId: "parcel-1", after: { status: "RESERVED" } } });
    try {
      const parcel = await loadRecordHistory(officerActor, "Parcel", "parcel-1");
      expect(parcel.rows.map((r) => [r.action, r.entityId])).toEqual([["parcel.hold", "parcel-1"]]);
      await expect(loadRecordHistory(officerActor, "Park", "park-1")).rejects.toMatchObject({ code: "forbidden" });
      await expect(loadRecordHistory(officerActor, "EnterpriseProject", "proj-1")).rejects.toMatchObject({ code: "forbidden" });
      const adminActor = (await as(alice, () => currentActor()))!;
      expect((await loadRecordHistory(adminActor, "Park", "park-1")).rows.map((r) => r.changes[0]!.before)).toEqual(["s1", "a1"]);
    } finally {
      await db.auditLog.deleteMany({ where: { entity: "Parcel" } });
    }
  });
});
