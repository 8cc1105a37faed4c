// The public revision the page cache trusts (lib/http/page-cache/): every table is either
// bumping it (the public pages read it) or deliberately left out, a write moves it exactly when
// it commits (never before: a page rendered from the old data must not be kept under the new
// number), and the portal server's reader sees a commit made through another connection on
// its very next read.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { publicRevisionSource, type PublicRevisionSource } from "@/lib/http/page-cache/revision";
import { query, testDb } from "./helpers/database";

/** Read by the public pages (home, parks, park, projects, parcel, search, blocks, costs). */
const BUMPING = ["AllotmentTerms", "Article", "CalendarDay", "EnterpriseProject", "ExchangeRate", "Park", "ParkFigure", "ParkResponsibility", "Parcel", "ParcelAdjacency", "ParcelHold", "PortalSetting", "Zone", "_EnterpriseProjectToParcel"];
/** Never shown on a public page: staff, sign-in, inquiries, mail, audit, jobs, the revisions themselves. */
const LEFT_OUT = ["AuditLog", "CadastreImport", "Inquiry", "InquiryEscalation", "InquiryEvent", "InquiryParcel", "LandChange", "LandChangeHorizon", "LandRevision", "OutboxEmail", "PasswordResetToken", "PublicRevision", "RateLimit", "RecoveryCode", "SavedSearch", "SignInAttempt", "StaffSession", "User", "_prisma_migrations"];

let db: Db;
let url: string;
let source: PublicRevisionSource;
const revision = async () => BigInt((await db.$queryRawUnsafe<{ revision: bigint }[]>(`SELECT revision FROM "PublicRevision" WHERE id = 1`))[0]!.revision);

beforeAll(() => {
  url = inject("databaseUrl");
  db = testDb();
  source = publicRevisionSource(url, 3000, 5000);
});
afterAll(async () => {
  await source.close();
  await db.$disconnect();
});

describe("PublicRevision", () => {
  it("every table of the public schema is classified, and exactly the public ones carry the trigger", async () => {
    const tables = (await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`)).map((r) => r.table_name).sort();
    expect(tables).toEqual([...BUMPING, ...LEFT_OUT].sort());
    const triggered = (await query<{ table: string }>(url, `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid WHERE p.proname = 'bump_public_revision' AND NOT t.tgisinternal`)).map((r) => r.table).sort();
    expect(triggered).toEqual([...BUMPING].sort());
  });

  it("a statement bumps it once, at commit: another connection never sees the number before the data", async () => {
    const before = await revision();
    const { rows } = { rows: await query<{ revision: string }>(url, `SELECT revision::text FROM "PublicRevision"`) };
    expect(BigInt(rows[0]!.revision)).toBe(before);
    let inside = 0n;
    await db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`INSERT INTO "PortalSetting" ("key", "value", "updatedAt") VALUES ('page-cache-test', 'x', now())`);
      inside = BigInt((await tx.$queryRawUnsafe<{ revision: bigint }[]>(`SELECT revision FROM "PublicRevision"`))[0]!.revision);
      // Not committed yet: the portal server's reader (its own pool) still reads the old number.
      expect(await source.read()).toBe(before);
    });
    expect(inside).toBe(before + 1n);
    expect(await source.read()).toBe(before + 1n);
    await db.$executeRawUnsafe(`DELETE FROM "PortalSetting" WHERE "key" = 'page-cache-test'`);
    expect(await source.read()).toBe(before + 2n);
    // Tables the public pages never read leave it alone.
    await db.$executeRawUnsafe(`DELETE FROM "RateLimit" WHERE false`);
    await db.$executeRawUnsafe(`UPDATE "User" SET "name" = "name" WHERE false`);
    expect(await source.read()).toBe(before + 2n);
    // A statement that changes no row still counts (statement triggers): harmless, one extra render.
    await db.$executeRawUnsafe(`UPDATE "Park" SET "code" = "code" WHERE false`);
    expect(await source.read()).toBe(before + 3n);
  });
});
