// Staff management writes. Each change is one transaction with its AuditLog row (entity "User",
// before/after as below: never a password hash), checked against the version the admin saw,
// and effective on the next request: disabling or changing the role bumps the token version
// and ends the user's sessions; park responsibilities are re-read by every request anyway.
import { randomInt } from "node:crypto";
import { hashPassword } from "../auth/password";
import type { Db } from "../db/client";
import { AppError, conflict, notFound, validation } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { getStaffRow, type StaffRowDto } from "./queries";
import type { ChangeRoleInput, CreateStaffInput, SetDisabledInput, SetParksInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** Who makes the change, for the audit row. */
export interface ChangeBy {
  actor: { id: string };
  requestId: string;
}

export interface StaffChange {
  id: string;
  version: number;
}

/** What the audit row keeps of an account: no hash, no TOTP secret. Parks by code, sorted. */
export type StaffSnapshot = {
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  parks: string[];
};

const snapshot = (row: StaffRowDto): StaffSnapshot => ({
  email: row.email,
  name: row.name,
  role: row.role,
  disabled: row.disabled,
  parks: row.parks.map((p) => p.code).sort(),
});

// No 0/O, 1/l/I: the password is read off a screen and typed once.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/** 20 characters of 56 (about 116 bits), in groups of five: shown to the admin once, never stored. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join("")).join("-");
}

async function audit(tx: Tx, by: ChangeBy, action: string, entityId: string, before: StaffSnapshot | null, after: StaffSnapshot) {
  await tx.auditLog.create({
    data: { actorId: by.actor.id, action, entity: "User", entityId, ...(before ? { before } : {}), after, requestId: by.requestId },
  });
}

async function assertParksExist(tx: Tx, parkIds: string[]) {
  if (!parkIds.length) return;
  const found = await tx.park.count({ where: { id: { in: parkIds } } });
  if (found !== parkIds.length) throw validation({ parkIds: "notAChoice" });
}

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

export async function createStaffAccount(db: Db, by: ChangeBy, input: CreateStaffInput): Promise<StaffChange & { generatedPassword: string | null }> {
  const generatedPassword = input.password === null ? generatePassword() : null;
  // Hashing takes tens of milliseconds of CPU: done before the transaction opens.
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw validation({ email: "emailTaken" });
      await assertParksExist(tx, input.parkIds);
      const user = await tx.user.create({
        data: {
          name: input.name,
          email: input.email,
          role: input.role,
          passwordHash,
          parks: { create: input.parkIds.map((parkId) => ({ parkId })) },
        },
        select: { id: true, version: true },
      });
      const row = (await getStaffRow(tx, user.id))!;
      await audit(tx, by, "user.create", user.id, null, snapshot(row));
      return { id: user.id, version: user.version, generatedPassword };
    });
  } catch (error) {
    // Two admins creating the same address at once: the unique index decides.
    if (isUniqueViolation(error)) throw validation({ email: "emailTaken" });
    throw error;
  }
}

/**
 * Locks the active admins (in id order, so two such changes cannot deadlock) and refuses the
 * change if `target` is the last of them: two admins demoting each other at once cannot both win.
 */
async function assertNotLastAdmin(tx: Tx, target: StaffRowDto) {
  if (target.role !== "ADMIN" || target.disabled) return;
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND disabled = false ORDER BY id FOR UPDATE`;
  if (!admins.some((a) => a.id !== target.id)) throw conflict("lastAdmin");
}

/** The row as it is now, refused with the current row when the admin saw another version. */
async function loadForChange(tx: Tx, userId: string, version: number): Promise<StaffRowDto> {
  const row = await getStaffRow(tx, userId);
  if (!row) throw notFound("notFound");
  if (row.version !== version) throw conflict("stale", row);
  return row;
}

/** Applies `data` if the version is still the one checked; bumps it. */
async function applyVersioned(tx: Tx, row: StaffRowDto, data: Prisma.UserUpdateManyMutationInput) {
  const { count } = await tx.user.updateMany({ where: { id: row.id, version: row.version }, data: { ...data, version: { increment: 1 } } });
  if (count !== 1) throw conflict("stale", await getStaffRow(tx, row.id));
}

/** Every open session of the user ends now: their next request is signed out. */
async function revokeSessions(tx: Tx, userId: string) {
  await tx.staffSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: new Date(), endReason: "revoked" } });
}

async function finish(tx: Tx, by: ChangeBy, action: string, before: StaffRowDto): Promise<StaffChange> {
  const after = (await getStaffRow(tx, before.id))!;
  await audit(tx, by, action, before.id, snapshot(before), snapshot(after));
  return { id: after.id, version: after.version };
}

export async function setStaffDisabled(db: Db, by: ChangeBy, input: SetDisabledInput): Promise<StaffChange> {
  return db.$transaction(async (tx) => {
    if (input.disabled && input.userId === by.actor.id) throw new AppError("forbidden", "selfDisable");
    const row = await loadForChange(tx, input.userId, input.version);
    if (row.disabled === input.disabled) return { id: row.id, version: row.version };
    if (input.disabled) {
      await assertNotLastAdmin(tx, row);
      await applyVersioned(tx, row, { disabled: true, tokenVersion: { increment: 1 } });
      await revokeSessions(tx, row.id);
    } else {
      await applyVersioned(tx, row, { disabled: false });
    }
    return finish(tx, by, input.disabled ? "user.disable" : "user.enable", row);
  });
}

export async function changeStaffRole(db: Db, by: ChangeBy, input: ChangeRoleInput): Promise<StaffChange> {
  return db.$transaction(async (tx) => {
    if (input.userId === by.actor.id && input.role !== "ADMIN") throw new AppError("forbidden", "selfDemote");
    const row = await loadForChange(tx, input.userId, input.version);
    if (row.role === input.role) return { id: row.id, version: row.version };
    if (input.role !== "ADMIN") await assertNotLastAdmin(tx, row);
    await applyVersioned(tx, row, { role: input.role, tokenVersion: { increment: 1 } });
    // An admin sees every park: responsibilities would only mislead routing and the page.
    if (input.role === "ADMIN") await tx.parkResponsibility.deleteMany({ where: { userId: row.id } });
    await revokeSessions(tx, row.id);
    return finish(tx, by, "user.role", row);
  });
}

export async function setStaffParks(db: Db, by: ChangeBy, input: SetParksInput): Promise<StaffChange> {
  return db.$transaction(async (tx) => {
    const row = await loadForChange(tx, input.userId, input.version);
    if (row.role !== "OFFICER") throw validation({ parkIds: "adminAllParks" });
    await assertParksExist(tx, input.parkIds);
    const had = new Set(row.parks.map((p) => p.id));
    const wanted = new Set(input.parkIds);
    if (had.size === wanted.size && [...wanted].every((id) => had.has(id))) return { id: row.id, version: row.version };
    await applyVersioned(tx, row, {});
    await tx.parkResponsibility.deleteMany({ where: { userId: row.id, parkId: { notIn: [...wanted] } } });
    await tx.parkResponsibility.createMany({ data: [...wanted].filter((id) => !had.has(id)).map((parkId) => ({ userId: row.id, parkId })) });
    // No session ends: every request re-reads the parks (lib/auth/session.ts).
    return finish(tx, by, "user.parks", row);
  });
}
