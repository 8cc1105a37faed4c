// Choices offered by the search form: only parks and zones that have parcels.
import type { County } from "../generated/prisma/enums";
import type { Db } from "../db/client";

export interface ParkOption {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  county: County | null;
}
export interface ZoneOption {
  code: string;
  nameZh: string;
  nameEn: string;
  parkCode: string;
}

export async function listSearchOptions(db: Db): Promise<{ parks: ParkOption[]; zones: ZoneOption[] }> {
  const [parks, zones] = await Promise.all([
    db.park.findMany({
      where: { parcels: { some: {} } },
      select: { id: true, code: true, nameZh: true, nameEn: true, county: true },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.zone.findMany({
      where: { parcels: { some: {} } },
      select: { code: true, nameZh: true, nameEn: true, park: { select: { code: true } } },
      orderBy: { code: "asc" },
    }),
  ]);
  return { parks, zones: zones.map((z) => ({ code: z.code, nameZh: z.nameZh, nameEn: z.nameEn, parkCode: z.park.code })) };
}
