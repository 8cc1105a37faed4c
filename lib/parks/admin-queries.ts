// Reads for the admins' park pages: the list, and one park with its zones as the edit forms
// show them (stored values, the version each form sends back).
import type { FormValues } from "../actions/form-input";
import type { DbClient } from "../db/client";
import type { County, ParkLevel } from "../generated/prisma/enums";
import { PARK_KEYS, ZONE_KEYS, type ParkValues, type ZoneValues } from "./park-schemas";

export interface AdminParkRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  county: County | null;
  level: ParkLevel;
  zones: number;
  parcels: number;
  version: number;
}

export interface ParkOption {
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface AdminZone {
  id: string;
  code: string;
  version: number;
  values: ZoneValues;
  parcels: number;
}

export interface AdminPark {
  id: string;
  code: string;
  version: number;
  values: ParkValues;
  zones: AdminZone[];
}

/** Stored values as a form shows them: numbers as text, null as blank, lists as lists. */
export function toFormValues(values: object): FormValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : v === null || v === undefined ? "" : String(v)]),
  );
}

export async function listAdminParks(db: DbClient): Promise<AdminParkRow[]> {
  const parks = await db.park.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true, county: true, level: true, version: true, _count: { select: { zones: true, parcels: true } } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return parks.map(({ _count, ...p }) => ({ ...p, zones: _count.zones, parcels: _count.parcels }));
}

export function listParkOptions(db: DbClient): Promise<ParkOption[]> {
  return db.park.findMany({ select: { code: true, nameZh: true, nameEn: true }, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}

const pick = <K extends string>(row: Record<string, unknown>, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));

export async function getAdminPark(db: DbClient, code: string): Promise<AdminPark | null> {
  const park = await db.park.findUnique({
    where: { code },
    include: {
      parent: { select: { code: true } },
      zones: { orderBy: { code: "asc" }, include: { _count: { select: { parcels: true } } } },
    },
  });
  if (!park) return null;
  return {
    id: park.id,
    code: park.code,
    version: park.version,
    values: { ...pick(park as unknown as Record<string, unknown>, PARK_KEYS), parentCode: park.parent?.code ?? null } as unknown as ParkValues,
    zones: park.zones.map((z) => ({ id: z.id, code: z.code, version: z.version, parcels: z._count.parcels, values: pick(z as unknown as Record<string, unknown>, ZONE_KEYS) as unknown as ZoneValues })),
  };
}
