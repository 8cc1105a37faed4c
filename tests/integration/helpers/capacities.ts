// Parcel capacities for tests on the seeded database: clears every stated capacity (the seed
// may state some), sets the test's own, and puts every row back afterwards.
import type { Db } from "@/lib/db/client";

type Caps = { powerKva?: number | null; waterTPerDay?: number | null; gasM3PerDay?: number | null; wastewaterTPerDay?: number | null; powerVoltageKv?: number | null };
const COLUMNS = { powerKva: true, waterTPerDay: true, gasM3PerDay: true, wastewaterTPerDay: true, powerVoltageKv: true } as const;
const NONE: Caps = { powerKva: null, waterTPerDay: null, gasM3PerDay: null, wastewaterTPerDay: null, powerVoltageKv: null };

export async function withOnlyCapacities(db: Db, set: Record<string, Caps>): Promise<() => Promise<void>> {
  const stated = await db.parcel.findMany({
    where: { OR: Object.keys(COLUMNS).map((c) => ({ [c]: { not: null } })) },
    select: { code: true, ...COLUMNS },
  });
  const touched = [...new Set([...stated.map((s) => s.code), ...Object.keys(set)])];
  const before = await db.parcel.findMany({ where: { code: { in: touched } }, select: { code: true, ...COLUMNS } });
  await db.$transaction([
    db.parcel.updateMany({ where: { code: { in: touched } }, data: NONE }),
    ...Object.entries(set).map(([code, caps]) => db.parcel.update({ where: { code }, data: caps })),
  ]);
  return async () => {
    await db.$transaction(before.map(({ code, ...caps }) => db.parcel.update({ where: { code }, data: caps })));
  };
}
