// The staff parcel actions on real PostgreSQL (the seeded Jiangmen dataset), called as the
// exported actions of lib/land/parcel-actions.ts inside a request (real session cookie, real
// session and user rows): what an edit and a bulk change write (row, version, audit row), the
// version checks under 10 parallel saves, the status rules, and who may not. Every parcel
// touched is put back as it was, version and updatedAt included.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { chinaDate } from "@/lib/calendar/china-time";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { bulkUpdateParcelsAction, updateParcelAction } from "@/lib/land/parcel-actions";
import { updateParcel } from "@/lib/land/parcel-mutations";
import { CAPACITY_FIELDS, EDITABLE_SELECT } from "@/lib/land/parcel-values";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
let db: Db;
type Snapshot = Awaited<ReturnType<typeof snapshotOf>>;
const touched = new Map<string, Snapshot[number]>();

const snapshotOf = (ids: string[]) => db.parcel.findMany({ where: { id: { in: ids } }, select: EDITABLE_SELECT });

/** Parcels of the seeded park with this status, remembered for restoring. */
async function parcels(n: number, status: "AVAILABLE" | "SOLD" = "AVAILABLE", skip = 0) {
  const rows = await db.parcel.findMany({ where: { park: { code: PARK }, status }, orderBy: { code: "asc" }, skip, take: n, select: EDITABLE_SELECT });
  for (const r of rows) if (!touched.has(r.id)) touched.set(r.id, r);
  return rows;
}

beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  for (const { id, ...data } of touched.values()) await db.parcel.update({ where: { id }, data: { ...data, code: undefined } });
  touched.clear();
  await db.$executeRawUnsafe(`TRUNCATE "AuditLog", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const formOf = (p: Snapshot[number], over: Record<string, string> = {}) => ({
  parcelId: p.id,
  version: String(p.version),
  status: p.status,
  priceCnyPerMu: p.priceCnyPerMu === null ? "" : String(p.priceCnyPerMu),
  plotRatioMin: p.plotRatioMin === null ? "" : String(p.plotRatioMin),
  plotRatioMax: p.plotRatioMax === null ? "" : String(p.plotRatioMax),
  handoverOn: p.handoverOn ? p.handoverOn.toISOString().slice(0, 10) : "",
  roadReadyOn: p.roadReadyOn ? p.roadReadyOn.toISOString().slice(0, 10) : "",
  // The utility capacities the form shows (sent every time, as the other fields)
  ...Object.fromEntries(CAPACITY_FIELDS.map((f) => [f, p[f] === null ? "" : String(p[f])])),
  ...over,
});
/**
 * Holds a row lock on the parcel from another connection until released, so that parallel
 * saves all read the same version and then queue on the row: the race the version check in
 * the UPDATE must settle (without the lock the saves tend to run one after another).
 */
async function holdRowLock(id: string) {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const done = db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "Parcel" WHERE id = ${id} FOR UPDATE`;
    locked();
    await released;
  }, { timeout: 60_000 });
  await isLocked;
  return { release: async () => { release(); await done; } };
}

/** Waits until `n` statements of this database wait on a lock. */
async function lockWaiters(n: number) {
  for (let i = 0; i < 400; i++) {
    const [r] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if (Number(r!.n) >= n) return;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error(`fewer than ${n} statements waited on the lock`);
}

const audits = (entityId?: string) => db.auditLog.findMany({ where: entityId ? { entity: "Parcel", entityId } : { entity: "Parcel" }, orderBy: { id: "asc" } });
const row = (id: string) => db.parcel.findUniqueOrThrow({ where: { id }, select: EDITABLE_SELECT });

describe("editing one parcel", () => {
  it("saves price, plot ratios, a readiness date, handover and verified-today, with one audit row", async () => {
    const admin = await createStaff(db, { role: "ADMIN", name: "王管理" });
    const [p] = await parcels(1);
    const result = await as(admin, () =>
      updateParcelAction(formOf(p!, { priceCnyPerMu: "345000", plotRatioMin: "1.5", plotRatioMax: "3", roadReadyOn: "2027-02-01", handoverOn: "2027-06-30", verified: "on", reason: "site visit" })),
    );
    expect(result).toEqual({ ok: true, data: { id: p!.id, code: p!.code, version: p!.version + 1 } });
    const now = await row(p!.id);
    expect(now).toMatchObject({ priceCnyPerMu: 345000, plotRatioMin: 1.5, plotRatioMax: 3, version: p!.version + 1, status: p!.status, statusReason: p!.statusReason });
    expect(now.roadReadyOn?.toISOString().slice(0, 10)).toBe("2027-02-01");
    expect(now.handoverOn?.toISOString().slice(0, 10)).toBe("2027-06-30");
    expect(now.lastVerifiedOn.toISOString().slice(0, 10)).toBe(chinaDate(new Date()));
    const [audit, ...more] = await audits(p!.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorId: admin.id, action: "parcel.update", entity: "Parcel", entityId: p!.id });
    expect(audit!.requestId).toEqual(expect.any(String));
    expect((audit!.after as Record<string, unknown>)).toMatchObject({ priceCnyPerMu: 345000, plotRatioMin: 1.5, plotRatioMax: 3, roadReadyOn: "2027-02-01", handoverOn: "2027-06-30", lastVerifiedOn: chinaDate(new Date()), version: p!.version + 1, reason: "site visit" });
    expect((audit!.before as Record<string, unknown>)).toMatchObject({ priceCnyPerMu: p!.priceCnyPerMu, version: p!.version, lastVerifiedOn: p!.lastVerifiedOn.toISOString().slice(0, 10) });
    // Only what changed is in the row: the status did not.
    expect(audit!.after).not.toHaveProperty("status");
  });

  it("a status change records its reason and time on the parcel and in the audit row", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1);
    const before = new Date();
    const result = await as(admin, () => updateParcelAction(formOf(p!, { status: "NOT_OFFERED", reason: "kept for the road widening" })));
    expect(result.ok).toBe(true);
    const now = await row(p!.id);
    expect(now.status).toBe("NOT_OFFERED");
    expect(now.statusReason).toBe("kept for the road widening");
    expect(now.statusChangedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    const [audit] = await audits(p!.id);
    expect(audit!.before).toMatchObject({ status: "AVAILABLE", statusReason: p!.statusReason });
    expect(audit!.after).toMatchObject({ status: "NOT_OFFERED", statusReason: "kept for the road widening", reason: "kept for the road widening" });
  });

  it("a move that needs a reason is refused without one, naming the reason field, and writes nothing", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1);
    const result = await as(admin, () => updateParcelAction(formOf(p!, { status: "NOT_OFFERED" })));
    expect(result).toEqual({ ok: false, error: { code: "validation", message: "transition:needsReason:AVAILABLE:NOT_OFFERED", fieldErrors: { reason: "transition:needsReason:AVAILABLE:NOT_OFFERED" } } });
    expect(await row(p!.id)).toEqual(p);
    expect(await audits()).toEqual([]);
  });

  it("saving nothing new is refused as nothing changed", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1);
    const same = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
    const rest = { waterReadyOn: same(p!.waterReadyOn), drainageReadyOn: same(p!.drainageReadyOn), powerReadyOn: same(p!.powerReadyOn), telecomReadyOn: same(p!.telecomReadyOn), gasReadyOn: same(p!.gasReadyOn), heatingReadyOn: same(p!.heatingReadyOn), cableReadyOn: same(p!.cableReadyOn), sewageReadyOn: same(p!.sewageReadyOn), levelledOn: same(p!.levelledOn) };
    const result = await as(admin, () => updateParcelAction(formOf(p!, rest)));
    expect(result).toMatchObject({ ok: false, error: { code: "validation", message: "nothingChanged", fieldErrors: { form: "nothingChanged" } } });
  });

  it("10 parallel saves at the same version: exactly 1 succeeds, 9 get the conflict with the saved values, version +1, 1 audit row", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1);
    const lock = await holdRowLock(p!.id);
    const running = Promise.all(
      Array.from({ length: 10 }, (_, i) => as(admin, () => updateParcelAction(formOf(p!, { priceCnyPerMu: String(400_000 + i) })))),
    );
    await lockWaiters(10);
    await lock.release();
    const results = await running;
    const ok = results.filter((r) => r.ok);
    const conflicts = results.filter((r) => !r.ok && r.error.code === "conflict");
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(9);
    const now = await row(p!.id);
    expect(now.version).toBe(p!.version + 1);
    const winner = 400_000 + results.findIndex((r) => r.ok);
    expect(now.priceCnyPerMu).toBe(winner);
    for (const c of conflicts) {
      expect(!c.ok && c.error.message).toBe("staleVersion");
      // The loser sees what is saved now, to compare with what they typed.
      expect(!c.ok && c.error.current).toMatchObject({ id: p!.id, version: p!.version + 1, priceCnyPerMu: winner });
    }
    expect(await audits(p!.id)).toHaveLength(1);
  });

  it("an old version is a conflict carrying the current values, and nothing is written", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1);
    expect((await as(admin, () => updateParcelAction(formOf(p!, { priceCnyPerMu: "310000" })))).ok).toBe(true);
    const stale = await as(admin, () => updateParcelAction(formOf(p!, { priceCnyPerMu: "999999" })));
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", message: "staleVersion", current: { version: p!.version + 1, priceCnyPerMu: 310000 } } });
    expect((await row(p!.id)).priceCnyPerMu).toBe(310000);
    expect(await audits(p!.id)).toHaveLength(1);
  });

  it("sold -> available: refused without parcel.override, needs a reason with it, allowed for an admin with a reason", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [p] = await parcels(1, "SOLD");
    const actor = { id: admin.id, email: admin.email, name: "x", role: "ADMIN" as const, locale: "zh", sessionId: "s", parkIds: [] };
    // The write's own rule, for an actor who may edit but not override (no role has that today).
    await expect(updateParcel(db, { ...formOf(p!, { status: "AVAILABLE" }), version: p!.version, status: "AVAILABLE", reason: "contract cancelled", verified: false } as never, { actor: { ...actor, role: "OFFICER" }, requestId: "t" }))
      .rejects.toMatchObject({ code: "validation", message: "transition:needsOverride:SOLD:AVAILABLE", fieldErrors: { status: "transition:needsOverride:SOLD:AVAILABLE" } });
    const noReason = await as(admin, () => updateParcelAction(formOf(p!, { status: "AVAILABLE" })));
    expect(noReason).toMatchObject({ ok: false, error: { code: "validation", fieldErrors: { reason: "transition:needsReason:SOLD:AVAILABLE" } } });
    expect(await audits()).toEqual([]);
    const ok = await as(admin, () => updateParcelAction(formOf(p!, { status: "AVAILABLE", reason: "sale entered on the wrong parcel" })));
    expect(ok.ok).toBe(true);
    expect(await row(p!.id)).toMatchObject({ status: "AVAILABLE", statusReason: "sale entered on the wrong parcel", version: p!.version + 1 });
    const [audit] = await audits(p!.id);
    expect(audit).toMatchObject({ actorId: admin.id, before: { status: "SOLD" }, after: { status: "AVAILABLE", reason: "sale entered on the wrong parcel" } });
  });
});

describe("who may not edit", () => {
  it("an officer is forbidden and an anonymous caller unauthenticated, for every edit action; nothing is written", async () => {
    const officer = await createStaff(db, { role: "OFFICER", parkCodes: [PARK] });
    const pending = await createStaff(db, { role: "ADMIN", twoFactor: false });
    const disabled = await createStaff(db, { role: "ADMIN", disabled: true });
    const [p, q] = await parcels(2);
    const calls: (() => Promise<{ ok: boolean }>)[] = [
      () => updateParcelAction(formOf(p!, { priceCnyPerMu: "1" })),
      () => bulkUpdateParcelsAction({ parcels: [`${p!.id}:${p!.version}`, `${q!.id}:${q!.version}`], verified: "on" }),
    ];
    for (const call of calls) {
      expect(await as(officer, call)).toEqual({ ok: false, error: { code: "forbidden", message: "forbidden" } });
      expect(await as(null, call)).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(disabled, call)).toEqual({ ok: false, error: { code: "unauthenticated", message: "signedOut" } });
      expect(await as(pending, call)).toEqual({ ok: false, error: { code: "forbidden", message: "twoFactorRequired" } });
    }
    expect(await snapshotOf([p!.id, q!.id])).toEqual(expect.arrayContaining([p, q]));
    expect(await audits()).toEqual([]);
  });
});

describe("bulk change", () => {
  it("sets status, reason, handover and verified-today on every selected parcel, one audit row each", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const ps = await parcels(3);
    const result = await as(admin, () =>
      bulkUpdateParcelsAction({ parcels: ps.map((p) => `${p.id}:${p.version}`), status: "RESERVED", reason: "held for the EV cluster", handoverOn: "2027-09-01", verified: "on" }),
    );
    expect(result).toMatchObject({ ok: true, data: { changed: 3, unchanged: 0 } });
    for (const p of ps) {
      expect(await row(p.id)).toMatchObject({ status: "RESERVED", statusReason: "held for the EV cluster", version: p.version + 1, handoverOn: new Date("2027-09-01T00:00:00Z"), lastVerifiedOn: new Date(`${chinaDate(new Date())}T00:00:00Z`) });
    }
    const rows = await audits();
    expect(rows.map((r) => r.entityId).sort()).toEqual(ps.map((p) => p.id).sort());
    for (const r of rows) expect(r).toMatchObject({ action: "parcel.bulkUpdate", actorId: admin.id, after: { status: "RESERVED", reason: "held for the EV cluster", handoverOn: "2027-09-01" } });
  });

  it("10 parallel bulk changes of the same selection: 1 succeeds, 9 conflict, each parcel +1, one audit row per parcel", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const ps = await parcels(4);
    const selection = ps.map((p) => `${p.id}:${p.version}`);
    // Bulk writes lock in id order: holding the first parcel queues all ten behind it.
    const lock = await holdRowLock([...ps].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!.id);
    const running = Promise.all(
      Array.from({ length: 10 }, (_, i) => as(admin, () => bulkUpdateParcelsAction({ parcels: selection, handoverOn: `2027-10-${String(i + 1).padStart(2, "0")}` }))),
    );
    await lockWaiters(10);
    await lock.release();
    const results = await running;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const conflicts = results.filter((r) => !r.ok && r.error.code === "conflict");
    expect(conflicts).toHaveLength(9);
    const winner = `2027-10-${String(results.findIndex((r) => r.ok) + 1).padStart(2, "0")}`;
    for (const p of ps) expect(await row(p.id)).toMatchObject({ version: p.version + 1, handoverOn: new Date(`${winner}T00:00:00Z`) });
    // Each loser is told which parcels changed: all four, now one version on.
    for (const c of conflicts) {
      const changed = (!c.ok && (c.error.current as { changed: { id: string; version: number }[] }).changed) || [];
      expect(changed.map((x) => [x.id, x.version]).sort()).toEqual(ps.map((p) => [p.id, p.version + 1]).sort());
    }
    const rows = await audits();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.entityId))).toEqual(new Set(ps.map((p) => p.id)));
  });

  it("one parcel changed since the list was shown: nothing is written, and that parcel is named", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const ps = await parcels(3);
    await db.parcel.update({ where: { id: ps[1]!.id }, data: { priceCnyPerMu: 1, version: { increment: 1 } } });
    const result = await as(admin, () => bulkUpdateParcelsAction({ parcels: ps.map((p) => `${p.id}:${p.version}`), status: "RESERVED" }));
    expect(result).toEqual({
      ok: false,
      error: { code: "conflict", message: "staleSelection", current: { changed: [{ id: ps[1]!.id, code: ps[1]!.code, shownVersion: ps[1]!.version, version: ps[1]!.version + 1, status: "AVAILABLE", lastVerifiedOn: ps[1]!.lastVerifiedOn.toISOString().slice(0, 10) }] } },
    });
    for (const p of [ps[0]!, ps[2]!]) expect(await row(p.id)).toEqual(p);
    expect(await audits()).toEqual([]);
  });

  it("a refused move of any one parcel refuses the whole change and lists it; parcels already as asked are left alone", async () => {
    const admin = await createStaff(db, { role: "ADMIN" });
    const [a] = await parcels(1);
    const [sold] = await parcels(1, "SOLD");
    const refused = await as(admin, () => bulkUpdateParcelsAction({ parcels: [`${a!.id}:${a!.version}`, `${sold!.id}:${sold!.version}`], status: "NOT_OFFERED" }));
    expect(refused).toMatchObject({ ok: false, error: { code: "validation", current: { refused: expect.arrayContaining([{ code: sold!.code, from: "SOLD", to: "NOT_OFFERED", why: "needsReason" }, { code: a!.code, from: "AVAILABLE", to: "NOT_OFFERED", why: "needsReason" }]) } } });
    expect(await row(a!.id)).toEqual(a);
    expect(await audits()).toEqual([]);
    // Setting AVAILABLE on an available parcel and a sold one (override, with reason): only the sold one changes.
    const ok = await as(admin, () => bulkUpdateParcelsAction({ parcels: [`${a!.id}:${a!.version}`, `${sold!.id}:${sold!.version}`], status: "AVAILABLE", reason: "survey correction" }));
    expect(ok).toMatchObject({ ok: true, data: { changed: 1, unchanged: 1 } });
    expect(await row(a!.id)).toEqual(a);
    expect((await audits()).map((r) => r.entityId)).toEqual([sold!.id]);
  });
});
