// Investor pages read parks and projects from the database: no curation notes for the data
// team and no stand-in contacts, whether the database was seeded now or before the cleanup.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { getParkDetail, listProjects } from "@/lib/parks/detail";
import { seedDatabase } from "@/seeds/load";
import { createEmptyDatabase, query, seededDb } from "./helpers/database";

const MIGRATION = path.join(import.meta.dirname, "../../prisma/migrations/20261201090000_investor_text_without_curation_notes/migration.sql");

let db: Db;
beforeAll(() => {
  db = seededDb();
});
afterAll(async () => {
  await db.$disconnect();
});

describe("park and project text from a fresh seed", () => {
  it("loads no placeholder contact: the park page gets none (and points to the inquiry form)", async () => {
    expect(await db.park.count({ where: { OR: [{ contactPhone: { not: null } }, { contactEmail: { not: null } }] } })).toBe(0);
    expect((await getParkDetail(db, "jiangmen-safety-emergency"))!.contact).toBeNull();
  });

  it("shows project descriptions without the notes about what the articles lack", async () => {
    const all = await listProjects(db);
    const rcep = all.find((p) => p.code === "rcep-exchange-centre")!;
    expect(rcep.descriptionEn).not.toContain("filed under");
    expect(rcep.descriptionZh).not.toContain("暂归");
    expect(all.filter((p) => /article|文章/i.test(p.descriptionEn + p.descriptionZh)).map((p) => p.code)).toEqual([]);
  });
});

describe("the data migration for a database seeded before the cleanup", () => {
  it("replaces the old seeded text and placeholder contacts, and leaves text edited since alone", async () => {
    const url = await createEmptyDatabase("notes_mig");
    await migrate(url);
    const fresh = createPrismaClient(url, 2);
    try {
      await seedDatabase(fresh, { force: false });
    } finally {
      await fresh.$disconnect();
    }
    // Put back what the old seed wrote, and one description a staff member has since edited.
    await query(
      url,
      `UPDATE "EnterpriseProject" SET "descriptionEn" = 'Has set up its Asia-Pacific R&D and production headquarters in Heshan. The article names neither the park nor the products.' WHERE code = 'taitaisi-heshan'`,
    );
    await query(url, `UPDATE "EnterpriseProject" SET "descriptionEn" = 'Edited by staff. The article names no park.' WHERE code = 'franke-heshan'`);
    await query(
      url,
      `UPDATE "Park" SET "contactNameEn" = 'Investment Promotion Office (illustrative)', "contactPhone" = '+86 750 000 0000', "contactEmail" = 'invest.heshan-yayao@example.cn' WHERE code = 'heshan-yayao'`,
    );
    await query(url, fs.readFileSync(MIGRATION, "utf8"));
    const rows = await query<{ code: string; descriptionEn: string }>(url, `SELECT code, "descriptionEn" FROM "EnterpriseProject" WHERE code IN ('taitaisi-heshan', 'franke-heshan') ORDER BY code`);
    expect(rows).toEqual([
      { code: "franke-heshan", descriptionEn: "Edited by staff. The article names no park." },
      { code: "taitaisi-heshan", descriptionEn: "Has set up its Asia-Pacific R&D and production headquarters in Heshan." },
    ]);
    expect(await query(url, `SELECT "contactNameEn", "contactPhone", "contactEmail" FROM "Park" WHERE code = 'heshan-yayao'`)).toEqual([
      { contactNameEn: null, contactPhone: null, contactEmail: null },
    ]);
  });
});
