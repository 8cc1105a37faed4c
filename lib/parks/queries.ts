// Reads for the park directory and the home page. Returns plain DTOs: no Prisma types leak
// into pages.
import type { ClusterGroup, County, Industry, ParkLevel } from "../generated/prisma/enums";
import type { Db } from "../db/client";

export interface FigureDto {
  key: string;
  labelZh: string;
  labelEn: string;
  value: number;
  unit: string;
  asOf: string | null;
  source: { id: string; titleZh: string; titleEn: string; publisher: string; publishedOn: string };
}

export interface ParkCardDto {
  code: string;
  nameZh: string;
  nameEn: string;
  county: County | null;
  clusterGroup: ClusterGroup | null;
  level: ParkLevel;
  plannedAreaKm2: number | null;
  industries: Industry[];
  parentCode: string | null;
  available: { parcels: number; areaM2: number };
  totalParcels: number;
}

const COUNTY_ORDER: County[] = ["PENGJIANG", "JIANGHAI", "XINHUI", "HESHAN", "KAIPING", "TAISHAN", "ENPING"];

/** City-wide entities first, then counties in the city's usual order, then by sortOrder. */
export function compareParks(a: Pick<ParkCardDto, "county">, b: Pick<ParkCardDto, "county">): number {
  const rank = (c: County | null) => (c === null ? -1 : COUNTY_ORDER.indexOf(c));
  return rank(a.county) - rank(b.county);
}

export async function listParkCards(db: Db): Promise<ParkCardDto[]> {
  const [parks, available, totals] = await Promise.all([
    db.park.findMany({
      select: {
        id: true,
        code: true,
        nameZh: true,
        nameEn: true,
        county: true,
        clusterGroup: true,
        level: true,
        plannedAreaKm2: true,
        industries: true,
        parent: { select: { code: true } },
      },
      orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    }),
    db.parcel.groupBy({
      by: ["parkId"],
      where: { status: "AVAILABLE" },
      _count: { _all: true },
      _sum: { areaM2: true },
    }),
    db.parcel.groupBy({ by: ["parkId"], _count: { _all: true } }),
  ]);
  const availableByPark = new Map(available.map((r) => [r.parkId, r]));
  const totalByPark = new Map(totals.map((r) => [r.parkId, r._count._all]));
  const cards = parks.map((p) => {
    const a = availableByPark.get(p.id);
    return {
      code: p.code,
      nameZh: p.nameZh,
      nameEn: p.nameEn,
      county: p.county,
      clusterGroup: p.clusterGroup,
      level: p.level,
      plannedAreaKm2: p.plannedAreaKm2,
      industries: p.industries,
      parentCode: p.parent?.code ?? null,
      available: { parcels: a?._count._all ?? 0, areaM2: a?._sum.areaM2 ?? 0 },
      totalParcels: totalByPark.get(p.id) ?? 0,
    };
  });
  // Array.prototype.sort is stable, so sortOrder survives within a county.
  return cards.sort(compareParks);
}

/** Figures of the city-wide entities (cluster, main platform), in their seeded order. */
export async function listHeadlineFigures(db: Db, limit = 8): Promise<FigureDto[]> {
  const rows = await db.parkFigure.findMany({
    where: { park: { level: { in: ["CLUSTER", "PLATFORM"] } } },
    select: {
      key: true,
      labelZh: true,
      labelEn: true,
      value: true,
      unit: true,
      asOf: true,
      article: { select: { id: true, titleZh: true, titleEn: true, publisher: true, publishedOn: true } },
    },
    orderBy: [{ park: { sortOrder: "asc" } }, { sortOrder: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({
    key: r.key,
    labelZh: r.labelZh,
    labelEn: r.labelEn,
    value: r.value,
    unit: r.unit,
    asOf: r.asOf,
    source: { ...r.article, publishedOn: r.article.publishedOn.toISOString().slice(0, 10) },
  }));
}

export async function getParkName(db: Db, code: string): Promise<{ nameZh: string; nameEn: string } | null> {
  return db.park.findUnique({ where: { code }, select: { nameZh: true, nameEn: true } });
}

/** Every park's code and last change, for the sitemap. */
export async function listParkCodes(db: Db): Promise<{ code: string; updatedAt: Date }[]> {
  return db.park.findMany({ select: { code: true, updatedAt: true }, orderBy: { code: "asc" } });
}
