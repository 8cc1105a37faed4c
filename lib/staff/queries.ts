// Reads for the staff management page: staff as the admins see them (never a password hash or
// a TOTP secret: two-factor is only on or off) and the parks an officer can answer for.
import type { DbClient } from "../db/client";
import type { Role } from "../generated/prisma/enums";

/** The page lists at most this many accounts (a city's promotion bureau has dozens). */
export const STAFF_PAGE_LIMIT = 500;

export interface StaffParkDto {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface StaffRowDto {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  twoFactor: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** what a change must name to be applied (optimistic concurrency) */
  version: number;
  parks: StaffParkDto[];
}

const PARK_SELECT = { id: true, code: true, nameZh: true, nameEn: true } as const;

const STAFF_SELECT = {
  id: true,
  name: true,
  email: true,
  role: true,
  disabled: true,
  totpEnabledAt: true,
  lastLoginAt: true,
  createdAt: true,
  version: true,
  parks: { select: { park: { select: { ...PARK_SELECT, sortOrder: true } } } },
} as const;

type StaffRecord = {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  totpEnabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  version: number;
  parks: { park: StaffParkDto & { sortOrder: number } }[];
};

function toDto(u: StaffRecord): StaffRowDto {
  const parks = u.parks
    .map((p) => p.park)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))
    .map(({ id, code, nameZh, nameEn }) => ({ id, code, nameZh, nameEn }));
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    disabled: u.disabled,
    twoFactor: u.totpEnabledAt !== null,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    version: u.version,
    parks,
  };
}

/** Active accounts first, admins before officers, then by name. */
export async function listStaff(db: DbClient): Promise<{ rows: StaffRowDto[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.user.findMany({ select: STAFF_SELECT, orderBy: [{ disabled: "asc" }, { role: "asc" }, { name: "asc" }, { id: "asc" }], take: STAFF_PAGE_LIMIT }),
    db.user.count(),
  ]);
  return { rows: rows.map(toDto), total };
}

export async function getStaffRow(db: DbClient, id: string): Promise<StaffRowDto | null> {
  const row = await db.user.findUnique({ where: { id }, select: STAFF_SELECT });
  return row ? toDto(row) : null;
}

/** Every park, in the directory's order, for the responsibility checkboxes. */
export async function listParkOptions(db: DbClient): Promise<StaffParkDto[]> {
  return db.park.findMany({ select: PARK_SELECT, orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
}
