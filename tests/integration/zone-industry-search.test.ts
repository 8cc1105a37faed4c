// A zone's industries are baked into the investor land index: an admin's edit through the
// real action must change what the search finds on its next request, from another app
// instance (a second client). Runs on the seeded dataset and puts the zone back afterwards.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { db as appDb } from "@/lib/db";
import { Industry } from "@/lib/generated/prisma/enums";
import { updateZoneAction } from "@/lib/parks/park-actions";
import { runLandSearch } from "@/lib/search/queries";
import { landSearchSchema } from "@/lib/search/schemas";
import { seededDb } from "./helpers/database";
import { as, createStaff, type TestStaff } from "./helpers/staff";

let reader: Db;
let admin: TestStaff;

beforeAll(async () => {
  process.env.DATABASE_URL = inject("seededDatabaseUrl");
  reader = seededDb();
  admin = await createStaff(reader, { role: "ADMIN" });
});
afterAll(async () => {
  // The seeded dataset is shared: the admin and their audit rows go again.
  await reader.auditLog.deleteMany({ where: { actorId: admin.id } });
  await reader.user.delete({ where: { id: admin.id } });
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
    try {
      const saved = await as(admin, () =>
        updateZoneAction({ zoneId: zone.id, version: String(zone.version), nameZh: zone.nameZh, nameEn: zone.nameEn, industries: [...zone.industries, added], allowedLandUses: zone.allowedLandUses, descriptionZh: zone.descriptionZh ?? "", descriptionEn: zone.descriptionEn ?? "" }),
      );
      expect(saved).toEqual({ ok: true, data: { id: zone.id, code: zone.code, version: zone.version + 1 } });
      const after = await runLandSearch(reader, q);
      expect(after.result.total).toBe(available);
      // Its old industries still find it, as before.
      expect((await runLandSearch(reader, landSearchSchema.parse({ zone: zone.code, industry: zone.industries[0], view: "parcels" }))).result.total).toBe(available);
    } finally {
      await reader.zone.update({ where: { id: zone.id }, data: { industries: zone.industries, version: zone.version } });
    }
    expect((await runLandSearch(reader, q)).result.total).toBe(0);
  });
});
