// The park 大广海湾经济区 moved from the misspelt code "dagwanghai-bay-economic-zone" to
// "daguanghai-bay-economic-zone" (verifier D9): a fresh seed has the new code, the data
// migration renames it in an existing database together with the search query strings that
// carry it as text, and the search reads the old code as the new one (lib/parks/code-aliases.ts).
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { PARK_CODE_ALIASES } from "@/lib/parks/code-aliases";
import { inquirySchema } from "@/lib/inquiry/schemas";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";

const OLD = "dagwanghai-bay-economic-zone";
const NEW = "daguanghai-bay-economic-zone";
const MIGRATION = fs.readFileSync(path.join(import.meta.dirname, "../../prisma/migrations/20261201210000_daguanghai_code/migration.sql"), "utf8");

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("the seed and the alias", () => {
  it("seeds the park, its two sub-parks' parent link and its project under the new code", async () => {
    const park = await db.park.findUniqueOrThrow({ where: { code: NEW }, select: { id: true, nameEn: true, children: { select: { code: true }, orderBy: { code: "asc" } } } });
    expect(park.nameEn).toBe("Daguanghai Bay Economic Zone");
    expect(park.children.map((c) => c.code)).toEqual(["guanghai-bay-hk-macao-new-city", "yinhu-bay"]);
    expect(await db.park.count({ where: { code: OLD } })).toBe(0);
    expect(await db.enterpriseProject.count({ where: { parkId: park.id } })).toBe(1);
    expect(PARK_CODE_ALIASES).toEqual({ [OLD]: NEW });
  });

  it("searches the old code as the new one: same parsed query, same results as the new code", async () => {
    const viaOld = landSearchSchema.parse({ park: OLD, minArea: "5" });
    const viaNew = landSearchSchema.parse({ park: NEW, minArea: "5" });
    expect(viaOld).toEqual(viaNew);
    expect(viaOld.park).toBe(NEW);
    expect(landSearchSchema.parse({}).park).toBeUndefined();
    const [a, b] = [await runLandSearch(db, viaOld), await runLandSearch(db, viaNew)];
    expect(a.result).toEqual(b.result);
    // The sub-park with land is searched the same way whatever the parent's code: the alias
    // touches only the one retired code.
    const yinhu = await runLandSearch(db, landSearchSchema.parse({ park: "yinhu-bay" }));
    expect(yinhu.result.total).toBeGreaterThan(0);
  });

  it("an inquiry sent from an old link is about the park under its new code", () => {
    expect(inquirySchema.shape.parkCode.parse(OLD)).toBe(NEW);
    expect(inquirySchema.shape.parkCode.parse("yinhu-bay")).toBe("yinhu-bay");
  });
});

describe("the data migration on a database that still has the old code", () => {
  // Run inside a transaction on the shared seeded database and rolled back: nothing stays.
  it("renames the park and the query strings that name it, and nothing that only looks alike", async () => {
    const client = new pg.Client({ connectionString: inject("seededDatabaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE "Park" SET code = $1 WHERE code = $2`, [OLD, NEW]);
      const saved = [
        ["ss-a", `park=${OLD}`],
        ["ss-b", `county=TAISHAN&park=${OLD}&minArea=5`],
        ["ss-c", `park=${OLD}-annex&zone=${OLD}`],
        ["ss-d", "park=yinhu-bay"],
      ];
      for (const [id, q] of saved)
        await client.query(`INSERT INTO "SavedSearch" (id, email, "emailKey", locale, query, "unsubscribeTokenHash", "seenBlocks") VALUES ($1, 'x@example.com', 'x@example.com', 'en', $2, $1, '{}')`, [id, q]);
      const blocks = (q: string) => JSON.stringify([{ key: "YH-BY-001", query: q, areaM2: 1000, parcelCodes: ["YH-BY-001"], parkIds: [] }]);
      await client.query(
        `INSERT INTO "Inquiry" (id, reference, "idempotencyKey", "contactName", email, company, country, message, locale, "consentAt", "consentVersion", "updatedAt", "requestedBlocks", "matchedBlocks")
         VALUES ('inq-d9', 'JM-D9', 'idem-d9', 'A', 'a@example.com', 'C', 'DE', 'm', 'en', now(), '2026-11', now(), $1::jsonb, $2::jsonb)`,
        [blocks(`park=${OLD}&minArea=5`), blocks(`minArea=5&park=${OLD}`)],
      );
      await client.query(MIGRATION);
      expect((await client.query(`SELECT code FROM "Park" WHERE code IN ($1, $2)`, [OLD, NEW])).rows).toEqual([{ code: NEW }]);
      expect((await client.query(`SELECT id, query FROM "SavedSearch" WHERE id LIKE 'ss-%' ORDER BY id`)).rows).toEqual([
        { id: "ss-a", query: `park=${NEW}` },
        { id: "ss-b", query: `county=TAISHAN&park=${NEW}&minArea=5` },
        { id: "ss-c", query: `park=${OLD}-annex&zone=${OLD}` },
        { id: "ss-d", query: "park=yinhu-bay" },
      ]);
      const inquiry = (await client.query(`SELECT "requestedBlocks", "matchedBlocks" FROM "Inquiry" WHERE id = 'inq-d9'`)).rows[0];
      expect(inquiry.requestedBlocks[0].query).toBe(`park=${NEW}&minArea=5`);
      expect(inquiry.matchedBlocks[0].query).toBe(`minArea=5&park=${NEW}`);
      expect(inquiry.matchedBlocks[0].parcelCodes).toEqual(["YH-BY-001"]);
      // Run twice (a database already renamed, or seeded with the new code): nothing changes.
      await client.query(MIGRATION);
      expect((await client.query(`SELECT count(*)::int AS n FROM "Park" WHERE code = $1`, [NEW])).rows).toEqual([{ n: 1 }]);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
