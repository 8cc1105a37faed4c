// The staff side's parcel reads: the filtered list (with versions, for the bulk change), the
// per-park "to verify" counts, one parcel's page, and a park's plan to pick a parcel on. All
// land is public, so land.read needs no park scope here; the pages check land.read first.
import { chinaDay } from "../calendar/china-time";
import type { DbClient } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { LandUse, ParcelStatus } from "../generated/prisma/enums";
import { bboxOf, expandBBox, type PolygonGeometry } from "./geometry";
import { LIST_PAGE_SIZE, type ParcelListFilters } from "./parcel-schemas";
import { EDITABLE_SELECT, isoDay, parcelValues, type ParcelValues } from "./parcel-values";

const DAY_MS = 86_400_000;

/** The last day a parcel may have been verified on and still be due: older is "to verify". */
export function verifyCutoff(now: Date, afterDays: number): Date {
  return new Date(chinaDay(now).getTime() - afterDays * DAY_MS);
}

export interface FreshnessRule {
  now: Date;
  afterDays: number;
}

export interface StaffParcelRow {
  id: string;
  code: string;
  version: number;
  status: ParcelStatus;
  areaM2: number;
  park: { code: string; nameZh: string; nameEn: string };
  zone: { code: string; nameZh: string; nameEn: string } | null;
  lastVerifiedOn: string;
  /** not verified for more than the configured number of days */
  toVerify: boolean;
}

export interface StaffParcelList {
  rows: StaffParcelRow[];
  total: number;
  page: number;
  pageCount: number;
}

function listWhere(f: ParcelListFilters, rule: FreshnessRule): Prisma.ParcelWhereInput {
  const and: Prisma.ParcelWhereInput[] = [];
  if (f.q) and.push({ code: { contains: f.q, mode: "insensitive" } });
  if (f.park) and.push({ park: { code: f.park } });
  if (f.zone) and.push({ zone: { code: f.zone } });
  if (f.status) and.push({ status: f.status });
  if (f.toVerify) and.push({ lastVerifiedOn: { lt: verifyCutoff(rule.now, rule.afterDays) } });
  if (f.codes.length) and.push({ code: { in: f.codes } });
  return and.length ? { AND: and } : {};
}

export async function listStaffParcels(db: DbClient, f: ParcelListFilters, rule: FreshnessRule, pageSize = LIST_PAGE_SIZE): Promise<StaffParcelList> {
  const where = listWhere(f, rule);
  const total = await db.parcel.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(f.page, pageCount);
  const cutoff = verifyCutoff(rule.now, rule.afterDays).getTime();
  const rows = await db.parcel.findMany({
    where,
    // The queue shows the longest-unchecked first; otherwise code order (a typed prefix lists in order).
    orderBy: f.toVerify ? [{ lastVerifiedOn: "asc" }, { code: "asc" }] : [{ code: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: {
      id: true,
      code: true,
      version: true,
      status: true,
      areaM2: true,
      lastVerifiedOn: true,
      park: { select: { code: true, nameZh: true, nameEn: true } },
      zone: { select: { code: true, nameZh: true, nameEn: true } },
    },
  });
  return {
    rows: rows.map((r) => ({ ...r, lastVerifiedOn: isoDay(r.lastVerifiedOn)!, toVerify: r.lastVerifiedOn.getTime() < cutoff })),
    total,
    page,
    pageCount,
  };
}

export interface ToVerifyCount {
  park: { code: string; nameZh: string; nameEn: string };
  count: number;
}

/** Each park's "to verify" queue length (parks with none are left out), longest first. */
export async function toVerifyCounts(db: DbClient, rule: FreshnessRule): Promise<ToVerifyCount[]> {
  const groups = await db.parcel.groupBy({
    by: ["parkId"],
    where: { lastVerifiedOn: { lt: verifyCutoff(rule.now, rule.afterDays) } },
    _count: { _all: true },
  });
  if (groups.length === 0) return [];
  const parks = await db.park.findMany({ where: { id: { in: groups.map((g) => g.parkId) } }, select: { id: true, code: true, nameZh: true, nameEn: true } });
  const byId = new Map(parks.map((p) => [p.id, p]));
  return groups
    .map((g) => ({ park: { code: byId.get(g.parkId)!.code, nameZh: byId.get(g.parkId)!.nameZh, nameEn: byId.get(g.parkId)!.nameEn }, count: g._count._all }))
    .sort((a, b) => b.count - a.count || (a.park.code < b.park.code ? -1 : 1));
}

export interface ListOptions {
  parks: { code: string; nameZh: string; nameEn: string }[];
  zones: { code: string; nameZh: string; nameEn: string; parkCode: string }[];
}

/** Parks and zones that have parcels, for the filter selects. */
export async function parcelListOptions(db: DbClient): Promise<ListOptions> {
  const [parks, zones] = await Promise.all([
    db.park.findMany({ where: { parcels: { some: {} } }, select: { code: true, nameZh: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] }),
    db.zone.findMany({ where: { parcels: { some: {} } }, select: { code: true, nameZh: true, nameEn: true, park: { select: { code: true } } }, orderBy: { code: "asc" } }),
  ]);
  return { parks, zones: zones.map((z) => ({ code: z.code, nameZh: z.nameZh, nameEn: z.nameEn, parkCode: z.park.code })) };
}

export interface Shape {
  code: string;
  status: ParcelStatus;
  geometry: PolygonGeometry;
}

export interface StaffParcelPage {
  values: ParcelValues;
  areaM2: number;
  landUse: LandUse;
  park: { code: string; nameZh: string; nameEn: string };
  zone: { code: string; nameZh: string; nameEn: string } | null;
  geometry: PolygonGeometry;
  /** the parcel and its neighbours within ~200 m, for the small plan */
  around: Shape[];
  /** not verified for more than the configured number of days */
  toVerify: boolean;
}

export async function staffParcelPage(db: DbClient, code: string, rule: FreshnessRule): Promise<StaffParcelPage | null> {
  const row = await db.parcel.findUnique({
    where: { code },
    select: {
      ...EDITABLE_SELECT,
      areaM2: true,
      landUse: true,
      geometry: true,
      park: { select: { code: true, nameZh: true, nameEn: true } },
      zone: { select: { code: true, nameZh: true, nameEn: true } },
    },
  });
  if (!row) return null;
  const geometry = row.geometry as unknown as PolygonGeometry;
  const [minLng, minLat, maxLng, maxLat] = expandBBox(bboxOf(geometry), 200);
  const around = await db.parcel.findMany({
    where: { minLng: { lte: maxLng }, maxLng: { gte: minLng }, minLat: { lte: maxLat }, maxLat: { gte: minLat } },
    select: { code: true, status: true, geometry: true },
    take: 400,
  });
  return {
    values: parcelValues(row),
    areaM2: row.areaM2,
    landUse: row.landUse,
    park: row.park,
    zone: row.zone,
    geometry,
    around: around.map((p) => ({ ...p, geometry: p.geometry as unknown as PolygonGeometry })),
    toVerify: row.lastVerifiedOn.getTime() < verifyCutoff(rule.now, rule.afterDays).getTime(),
  };
}

/** Every parcel of a park, to pick one on its site plan (capped: a plan of more is unreadable). */
export async function parkPlan(db: DbClient, parkCode: string, limit = 3000): Promise<Shape[]> {
  const rows = await db.parcel.findMany({ where: { park: { code: parkCode } }, select: { code: true, status: true, geometry: true }, orderBy: { code: "asc" }, take: limit });
  return rows.map((p) => ({ ...p, geometry: p.geometry as unknown as PolygonGeometry }));
}
