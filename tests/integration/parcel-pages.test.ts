// The staff parcel pages over their reads, on the seeded dataset: the page guard (signed out,
// disabled, two-factor pending), the list's filters and per-park "to verify" counts against
// counts taken straight from SQL, the parcel page's read, the parcel's own history (newest
// first, with who), and the page's form action keeping the typing on a conflict.
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import StaffParcelPage from "@/app/[locale]/(staff)/staff/parcels/[code]/page";
import StaffParcelsPage from "@/app/[locale]/(staff)/staff/parcels/page";
import { updateParcelForm } from "@/app/[locale]/(staff)/staff/parcels/actions";
import { recordHistory } from "@/lib/audit/log-queries";
import { db as appDb } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { parseParcelList } from "@/lib/land/parcel-schemas";
import { EDITABLE_SELECT } from "@/lib/land/parcel-values";
import { listStaffParcels, parkPlan, staffParcelPage, toVerifyCounts, verifyCutoff } from "@/lib/land/staff-parcels";
import { seededDb } from "./helpers/database";
import { as, createStaff } from "./helpers/staff";

const PARK = "xinhui-smart-manufacturing";
const NOW = new Date("2026-12-01T04:00:00Z");
const rule = { now: NOW, afterDays: 180 };
let db: Db;
const restore: (() => Promise<unknown>)[] = [];

beforeAll(() => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  db = seededDb();
});
afterEach(async () => {
  for (const fn of restore.splice(0).reverse()) await fn();
  await db.$executeRawUnsafe(`TRUNCATE "AuditLog", "User", "StaffSession" CASCADE`);
});
afterAll(async () => {
  await Promise.all([db.$disconnect(), appDb().$disconnect()]);
});

const digestOf = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => String((e as { digest?: string }).digest));
const filters = (raw: Record<string, unknown>) => parseParcelList(raw).filters;

describe("the pages' guard", () => {
  it("sends signed-out and disabled visitors to sign-in (coming back), a two-factor-pending admin to enrolment", async () => {
    const disabled = await createStaff(db, { role: "OFFICER", disabled: true });
    const pending = await createStaff(db, { role: "ADMIN", twoFactor: false });
    const list = () => StaffParcelsPage({ params: Promise.resolve({ locale: "en" }), searchParams: Promise.resolve({ status: "SOLD" }) } as never);
    const page = () => StaffParcelPage({ params: Promise.resolve({ locale: "zh", code: "XH-SM-0001" }), searchParams: Promise.resolve({}) } as never);
    for (const who of [null, disabled]) {
      expect(await as(who, () => digestOf(list()))).toBe(`NEXT_REDIRECT;replace;/en/staff/sign-in?callbackUrl=${encodeURIComponent("/en/staff/parcels?status=SOLD")};307;`);
      expect(await as(who, () => digestOf(page()))).toBe(`NEXT_REDIRECT;replace;/zh/staff/sign-in?callbackUrl=${encodeURIComponent("/zh/staff/parcels/XH-SM-0001")};307;`);
    }
    expect(await as(pending, () => digestOf(list()))).toMatch(/^NEXT_REDIRECT;replace;\/en\/staff\/account\?enrol=required;307;/);
  });
});

describe("the parcel list", () => {
  it("filters by code (contains, any case), park, status and zone, paginated in code order", async () => {
    const all = await listStaffParcels(db, filters({ q: "xh-sm" }), rule, 50);
    const [counted] = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Parcel" WHERE code ILIKE '%xh-sm%'`;
    const n = counted!.n;
    expect(all.total).toBe(Number(n));
    expect(all.rows).toHaveLength(Math.min(50, Number(n)));
    expect(all.rows.map((r) => r.code)).toEqual([...all.rows.map((r) => r.code)].sort());
    const page2 = await listStaffParcels(db, filters({ q: "xh-sm", page: "2" }), rule, 50);
    expect(page2.page).toBe(2);
    expect(page2.rows[0]!.code > all.rows.at(-1)!.code).toBe(true);
    const sold = await listStaffParcels(db, filters({ park: PARK, status: "SOLD" }), rule);
    expect(sold.total).toBe(await db.parcel.count({ where: { park: { code: PARK }, status: "SOLD" } }));
    expect(sold.rows.every((r) => r.status === "SOLD" && r.park.code === PARK)).toBe(true);
    const zone = await db.zone.findFirstOrThrow({ where: { park: { code: PARK } }, select: { code: true, id: true } });
    expect((await listStaffParcels(db, filters({ zone: zone.code }), rule)).total).toBe(await db.parcel.count({ where: { zoneId: zone.id } }));
    // A page past the end shows the last one.
    const park = await listStaffParcels(db, filters({ park: PARK }), rule);
    expect(park.pageCount).toBeGreaterThan(1);
    expect((await listStaffParcels(db, filters({ park: PARK, page: "9999" }), rule)).page).toBe(park.pageCount);
  });

  it("lists exactly a block's codes, with each row's version for the bulk change", async () => {
    const rows = await db.parcel.findMany({ where: { park: { code: PARK } }, orderBy: { code: "asc" }, take: 3, select: { id: true, code: true, version: true } });
    const list = await listStaffParcels(db, filters({ codes: rows.map((r) => r.code).reverse().join(" ") }), rule);
    expect(list.rows.map((r) => ({ id: r.id, code: r.code, version: r.version }))).toEqual(rows);
  });

  it("'to verify': parcels not checked for more than N days, per park and in the list, oldest first", async () => {
    // Make the queue known: one parcel checked 181 days ago, one exactly 180 days ago (not due).
    const [due, edge] = await db.parcel.findMany({ where: { park: { code: PARK } }, orderBy: { code: "asc" }, take: 2, select: EDITABLE_SELECT });
    for (const p of [due!, edge!]) restore.push(() => db.parcel.update({ where: { id: p.id }, data: { lastVerifiedOn: p.lastVerifiedOn, updatedAt: p.updatedAt } }));
    const cutoff = verifyCutoff(NOW, 180);
    expect(cutoff.toISOString().slice(0, 10)).toBe("2026-06-04");
    await db.parcel.update({ where: { id: due!.id }, data: { lastVerifiedOn: new Date("2026-06-03T00:00:00Z") } });
    await db.parcel.update({ where: { id: edge!.id }, data: { lastVerifiedOn: new Date("2026-06-04T00:00:00Z") } });
    const sql = await db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT pk.code, count(*) AS n FROM "Parcel" p JOIN "Park" pk ON pk.id = p."parkId"
      WHERE p."lastVerifiedOn" < DATE '2026-06-04' GROUP BY pk.code`;
    const counts = await toVerifyCounts(db, rule);
    expect(Object.fromEntries(counts.map((c) => [c.park.code, c.count]))).toEqual(Object.fromEntries(sql.map((r) => [r.code, Number(r.n)])));
    const queue = await listStaffParcels(db, filters({ park: PARK, toVerify: "1" }), rule);
    expect(queue.total).toBe(Number(sql.find((r) => r.code === PARK)!.n));
    expect(queue.rows.map((r) => r.code)).toContain(due!.code);
    expect(queue.rows.map((r) => r.code)).not.toContain(edge!.code);
    expect(queue.rows.every((r) => r.toVerify)).toBe(true);
    const days = queue.rows.map((r) => r.lastVerifiedOn);
    expect(days).toEqual([...days].sort());
  });
});

describe("the parcel page's read and history", () => {
  it("reads the parcel with its neighbours, the park's plan has every parcel of the park; an unknown code is null", async () => {
    const p = await db.parcel.findFirstOrThrow({ where: { park: { code: PARK } }, orderBy: { code: "asc" }, select: { code: true, version: true, id: true } });
    const page = await staffParcelPage(db, p.code, rule);
    expect(page).toMatchObject({ values: { id: p.id, code: p.code, version: p.version }, park: { code: PARK } });
    expect(page!.around.map((a) => a.code)).toContain(p.code);
    expect(await staffParcelPage(db, "NO-SUCH-CODE", rule)).toBeNull();
    expect((await parkPlan(db, PARK)).length).toBe(await db.parcel.count({ where: { park: { code: PARK } } }));
  });

  it("history: the parcel's own audit rows, newest first, with who; paginated", async () => {
    const admin = await createStaff(db, { role: "ADMIN", name: "黄主任" });
    const p = await db.parcel.findFirstOrThrow({ where: { park: { code: PARK }, status: "AVAILABLE" }, orderBy: { code: "asc" }, select: EDITABLE_SELECT });
    restore.push(() => db.parcel.update({ where: { id: p.id }, data: { ...p, id: undefined, code: undefined } }));
    const base = { parcelId: p.id, status: "AVAILABLE", roadReadyOn: p.roadReadyOn?.toISOString().slice(0, 10) ?? "", waterReadyOn: p.waterReadyOn?.toISOString().slice(0, 10) ?? "", drainageReadyOn: p.drainageReadyOn?.toISOString().slice(0, 10) ?? "", powerReadyOn: p.powerReadyOn?.toISOString().slice(0, 10) ?? "", telecomReadyOn: p.telecomReadyOn?.toISOString().slice(0, 10) ?? "", gasReadyOn: p.gasReadyOn?.toISOString().slice(0, 10) ?? "", heatingReadyOn: p.heatingReadyOn?.toISOString().slice(0, 10) ?? "", cableReadyOn: p.cableReadyOn?.toISOString().slice(0, 10) ?? "", sewageReadyOn: p.sewageReadyOn?.toISOString().slice(0, 10) ?? "", levelledOn: p.levelledOn?.toISOString().slice(0, 10) ?? "", handoverOn: p.handoverOn?.toISOString().slice(0, 10) ?? "" };
    const form = (over: Record<string, string>) => { const f = new FormData(); for (const [k, v] of Object.entries({ ...base, ...over })) f.set(k, v); return f; };
    const first = await as(admin, () => updateParcelForm(null, form({ version: String(p.version), priceCnyPerMu: "280000" })));
    expect(first?.ok).toBe(true);
    const second = await as(admin, () => updateParcelForm(null, form({ version: String(p.version + 1), priceCnyPerMu: "290000", reason: "new price list" })));
    expect(second?.ok).toBe(true);
    // A third at the old version: the conflict keeps the typing and carries what is saved now.
    const stale = await as(admin, () => updateParcelForm(null, form({ version: String(p.version), priceCnyPerMu: "333333", reason: "my typing" })));
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", current: { version: p.version + 2, priceCnyPerMu: 290000 } }, values: { priceCnyPerMu: "333333", reason: "my typing" } });
    const history = await recordHistory(db, "Parcel", p.id, undefined, 1);
    expect(history.rows).toHaveLength(1);
    expect(history.rows[0]).toMatchObject({ action: "parcel.update", actor: { id: admin.id, name: "黄主任" }, entityLabel: p.code });
    expect(history.rows[0]!.changes).toEqual(
      expect.arrayContaining([{ field: "priceCnyPerMu", before: 280000, after: 290000 }, { field: "reason", before: undefined, after: "new price list" }]),
    );
    // The keyset cursor opens the older page, which is the last one.
    const older = await recordHistory(db, "Parcel", p.id, history.next!, 1);
    expect(older.rows[0]!.changes).toEqual(expect.arrayContaining([{ field: "priceCnyPerMu", before: p.priceCnyPerMu, after: 280000 }]));
    expect(older.next).toBeNull();
    // Another entity's rows never show.
    expect((await recordHistory(db, "Parcel", "cmnotaparcel000")).rows).toEqual([]);
  });
});
