// The admins' park and zone writes. Each is one transaction: the lookup, the version check the
// form sent (updateMany where {id, version}; a count of 0 is a conflict carrying the current
// values for the admin to compare with what they typed), the change and its one AuditLog row,
// on the same transaction client. Park and Zone rows bump LandRevision by trigger, so the
// investor search reloads what it bakes in (county, industries) on its next request.
import type { Db } from "../db/client";
import { conflict, notFound, validation } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { changedFields, writeAudit } from "../audit/write";
import {
  type CreateParkInput,
  type CreateZoneInput,
  type ParkValues,
  type UpdateParkInput,
  type UpdateZoneInput,
  type ZoneValues,
  PARK_KEYS,
  ZONE_KEYS,
  parkValuesOf,
  zoneValuesOf,
} from "./park-schemas";

type Tx = Prisma.TransactionClient;

export interface WriteBy {
  actor: { id: string };
  requestId: string;
}

export interface Written {
  id: string;
  code: string;
  version: number;
}

/** A conflict's current row: the stored values and the version to save against next. */
export type ParkCurrent = ParkValues & { version: number };
export type ZoneCurrent = ZoneValues & { version: number };

const PARK_SELECT = {
  id: true,
  code: true,
  version: true,
  parent: { select: { code: true } },
  ...Object.fromEntries(PARK_KEYS.filter((k) => k !== "parentCode").map((k) => [k, true])),
} as const;

async function parkRow(tx: Tx, id: string): Promise<(ParkCurrent & { id: string; code: string }) | null> {
  const row = (await tx.park.findUnique({ where: { id }, select: PARK_SELECT as Prisma.ParkSelect })) as (Record<string, unknown> & { parent: { code: string } | null }) | null;
  if (!row) return null;
  const { parent, ...rest } = row;
  return { ...(rest as unknown as ParkValues & { id: string; code: string; version: number }), parentCode: parent?.code ?? null };
}

async function zoneRow(tx: Tx, id: string): Promise<(ZoneCurrent & { id: string; code: string; parkId: string }) | null> {
  return tx.zone.findUnique({
    where: { id },
    select: { id: true, code: true, parkId: true, version: true, nameZh: true, nameEn: true, industries: true, allowedLandUses: true, descriptionZh: true, descriptionEn: true },
  });
}

const transaction = <T>(db: Db, fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });
const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** The parent park's id for a code; refused when unknown, the park itself, or one of its own descendants (a loop). */
async function resolveParent(tx: Tx, parentCode: string | null, selfId: string | null): Promise<string | null> {
  if (!parentCode) return null;
  const parent = await tx.park.findUnique({ where: { code: parentCode }, select: { id: true, parentId: true } });
  if (!parent) throw validation({ parentCode: "unknownPark" });
  if (selfId) {
    // Walk up from the new parent: meeting this park means it would become its own ancestor.
    let at: { id: string; parentId: string | null } | null = parent;
    for (let depth = 0; at && depth < 50; depth++) {
      if (at.id === selfId) throw validation({ parentCode: "parentLoop" });
      at = at.parentId ? await tx.park.findUnique({ where: { id: at.parentId }, select: { id: true, parentId: true } }) : null;
    }
  }
  return parent.id;
}

function parkData(values: ParkValues, parentId: string | null) {
  const { parentCode: _parentCode, ...rest } = values;
  void _parentCode;
  return { ...rest, parentId };
}

export async function createPark(db: Db, by: WriteBy, input: CreateParkInput): Promise<Written> {
  const values = parkValuesOf(input);
  try {
    return await transaction(db, async (tx) => {
      if (await tx.park.findUnique({ where: { code: input.code }, select: { id: true } })) throw validation({ code: "codeTaken" });
      const parentId = await resolveParent(tx, values.parentCode, null);
      const last = await tx.park.aggregate({ _max: { sortOrder: true } });
      const park = await tx.park.create({
        data: { code: input.code, ...parkData(values, parentId), sortOrder: (last._max.sortOrder ?? -1) + 1 },
        select: { id: true, code: true, version: true },
      });
      await writeAudit(tx, { actorId: by.actor.id, requestId: by.requestId, action: "park.create", entity: "Park", entityId: park.id, after: { code: park.code, ...values, version: park.version } });
      return park;
    });
  } catch (error) {
    // Two admins creating the same code at once: the unique index decides.
    if (isUniqueViolation(error)) throw validation({ code: "codeTaken" });
    throw error;
  }
}

export async function updatePark(db: Db, by: WriteBy, input: UpdateParkInput): Promise<Written> {
  const values = parkValuesOf(input);
  return transaction(db, async (tx) => {
    const row = await parkRow(tx, input.parkId);
    if (!row) throw notFound();
    const current = (): ParkCurrent => ({ ...pickValues(row, PARK_KEYS), version: row.version }) as ParkCurrent;
    if (row.version !== input.version) throw conflict("stale", current());
    const diff = changedFields(pickValues(row, PARK_KEYS) as unknown as Record<string, unknown>, values as unknown as Record<string, unknown>);
    if (!diff) return { id: row.id, code: row.code, version: row.version };
    const parentId = await resolveParent(tx, values.parentCode, row.id);
    const { count } = await tx.park.updateMany({ where: { id: row.id, version: row.version }, data: { ...parkData(values, parentId), version: { increment: 1 } } });
    if (count === 0) {
      // Saved by someone else between the read and this update: their values, fresh.
      const now = await parkRow(tx, row.id);
      throw conflict("stale", now ? { ...pickValues(now, PARK_KEYS), version: now.version } : undefined);
    }
    await writeAudit(tx, {
      actorId: by.actor.id,
      requestId: by.requestId,
      action: "park.update",
      entity: "Park",
      entityId: row.id,
      before: { ...diff.before, version: row.version },
      after: { ...diff.after, version: row.version + 1 },
    });
    return { id: row.id, code: row.code, version: row.version + 1 };
  });
}

function pickValues<K extends string>(row: Record<string, unknown> | object, keys: readonly K[]): Record<K, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (row as Record<string, unknown>)[k] ?? null])) as Record<K, unknown>;
}

export async function createZone(db: Db, by: WriteBy, input: CreateZoneInput): Promise<Written> {
  const values = zoneValuesOf(input);
  try {
    return await transaction(db, async (tx) => {
      if (!(await tx.park.findUnique({ where: { id: input.parkId }, select: { id: true } }))) throw notFound();
      if (await tx.zone.findUnique({ where: { code: input.code }, select: { id: true } })) throw validation({ code: "codeTaken" });
      const zone = await tx.zone.create({ data: { code: input.code, parkId: input.parkId, ...values }, select: { id: true, code: true, version: true } });
      await writeAudit(tx, { actorId: by.actor.id, requestId: by.requestId, action: "zone.create", entity: "Zone", entityId: zone.id, after: { code: zone.code, parkId: input.parkId, ...values, version: zone.version } });
      return zone;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw validation({ code: "codeTaken" });
    throw error;
  }
}

export async function updateZone(db: Db, by: WriteBy, input: UpdateZoneInput): Promise<Written> {
  const values = zoneValuesOf(input);
  return transaction(db, async (tx) => {
    const row = await zoneRow(tx, input.zoneId);
    if (!row) throw notFound();
    if (row.version !== input.version) throw conflict("stale", { ...pickValues(row, ZONE_KEYS), version: row.version });
    const diff = changedFields(pickValues(row, ZONE_KEYS) as Record<string, unknown>, values as unknown as Record<string, unknown>);
    if (!diff) return { id: row.id, code: row.code, version: row.version };
    // A land use the zone's parcels have cannot be taken away: they would break the zone's own rule.
    const dropped = row.allowedLandUses.filter((u) => !values.allowedLandUses.includes(u));
    if (dropped.length) {
      const used = await tx.parcel.groupBy({ by: ["landUse"], where: { zoneId: row.id, landUse: { in: dropped } }, _count: { _all: true } });
      if (used.length) throw validation({ allowedLandUses: `landUseInUse:${used.map((u) => u.landUse).sort().join(",")}` });
    }
    const { count } = await tx.zone.updateMany({ where: { id: row.id, version: row.version }, data: { ...values, version: { increment: 1 } } });
    if (count === 0) {
      const now = await zoneRow(tx, row.id);
      throw conflict("stale", now ? { ...pickValues(now, ZONE_KEYS), version: now.version } : undefined);
    }
    await writeAudit(tx, {
      actorId: by.actor.id,
      requestId: by.requestId,
      action: "zone.update",
      entity: "Zone",
      entityId: row.id,
      before: { ...diff.before, version: row.version },
      after: { ...diff.after, version: row.version + 1 },
    });
    return { id: row.id, code: row.code, version: row.version + 1 };
  });
}
