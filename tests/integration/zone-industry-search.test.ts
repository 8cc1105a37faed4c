// A zone's industries are baked into the investor land index: an admin's edit through the
// real action must change what the search finds on its next request, from another app
// instance (a second client). On a fresh copy of the Jiangmen dataset of its own, whose
// parcels were last written minutes ago (as on any real database): a refresh that only
// patches recently written parcels would miss the zone edit, so this proves the index reloads
// what it bakes in, whatever the timing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { Industry } from "@/lib/generated/prisma/enums";
import { updateZoneAction } from "@/lib/parks/park-actions";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { createPrismaClient } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { seedDatabase } from "@/seeds/load";
import { createEmptyDatabase } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let reader: Db;
let admin: TestStaff;

beforeAll(async () => {
  const url = await createEmptyDatabase("zone_search");
  await migrate(url);
  process.env.DATABASE_URL = url;
  reader = createPrismaClient(url, 4);
  await seedDatabase(reader, { force: false, nodeEnv: "test" });
  await reader.$executeRawUnsafe(`UPDATE "Parcel" SET "updatedAt" = "updatedAt" - interval '10 minutes'`);
  admin = await createStaff(reader, { role: "ADMIN" });
});
afterAll(async () => {
  await Promise.all([reader.$disconnect(), appDb().$disconnect()]);
});

describe("a zone industry edit reaches the investor search", () => {
  it("a search by the added industry finds the zone's available parcels on the next request, and not before", async () => {
    const zone = await reader.zone.findFirstOrThrow({
      where: { NOT: { industries: { isEmpty: true } }, parcels: { some: { status: "AVAILABLE" } } },
      orderBy: { code: "asc" },
      select: { id: true, code: true, version: true, nameZh: true, nameEn: true, industries: true, allowedLandUses: true, descriptionZh: true, descriptionEn: true },
    });
    const added = Object.values(Industry).find((i) => !zone.industries.includes(i))!;
    const available = await reader.parcel.count({ where: { zoneId: zone.id, status: "AVAILABLE" } });
    const q = landSearchSchema.parse({ zone: zone.code, industry: added, view: "parcels" });
    expect(available).toBeGreaterThan(0);
    expect((await runLandSearch(reader, q)).result.total).toBe(0);
    {
      const saved = await as(admin, () =>
        updateZoneAction({ zoneId: zone.id, version: String(zone.version), nameZh: zone.nameZh, nameEn: zone.nameEn, industries: [...zone.industries, added], allowedLandUses: zone.allowedLandUses, descriptionZh: zone.descriptionZh ?? "", descriptionEn: zone.descriptionEn ?? "" }),
      );
      expect(saved).toEqual({ ok: true, data: { id: zone.id, code: zone.code, version: zone.version + 1 } });
      const after = await runLandSearch(reader, q);
      expect(after.result.total).toBe(available);
      // Its old industries still find it, as before.
      expect((await runLandSearch(reader, landSearchSchema.parse({ zone: zone.code, industry: zone.industries[0], view: "parcels" }))).result.total).toBe(available);
    }
    // And back: the industry removed again, the search no longer finds the zone by it.
    const undone = await as(admin, () =>
      updateZoneAction({ zoneId: zone.id, version: String(zone.version + 1), nameZh: zone.nameZh, nameEn: zone.nameEn, industries: zone.industries, allowedLandUses: zone.allowedLandUses, descriptionZh: zone.descriptionZh ?? "", descriptionEn: zone.descriptionEn ?? "" }),
    );
    expect(undone.ok).toBe(true);
    expect((await runLandSearch(reader, q)).result.total).toBe(0);
  });
});
