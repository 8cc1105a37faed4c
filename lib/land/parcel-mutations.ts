// The staff parcel writes: one parcel's edit and a bulk change of a selection. Each is one
// transaction: the version check of what the form showed (updateMany where {id, version}, a
// count short of the selection is someone else's save), the status rules of
// lib/land/status-transitions.ts, and one audit row per parcel on the same transaction client.
// Nothing is written unless everything is: a refused or stale parcel rolls the whole change back.
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { writeAudit, writeAudits, changedFields, type AuditEntry } from "../audit/write";
import { chinaDate } from "../calendar/china-time";
import type { Db } from "../db/client";
import { AppError, conflict, notFound, validation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { ParcelStatus } from "../generated/prisma/enums";
import type { BulkUpdateInput, UpdateParcelInput } from "./parcel-schemas";
import { dayDate, EDITABLE_SELECT, editableValues, parcelValues, type EditableRow, type EditableValues } from "./parcel-values";
import { READINESS_ITEMS } from "./readiness";
import { endHoldsForStatusEdit, heldParcelIds, type LandWriter } from "./hold-writes";
import { checkParcelTransition } from "./status-transitions";

type Tx = Prisma.TransactionClient;

export interface WriteContext {
  actor: Actor;
  requestId: string;
  now?: Date;
}

export interface ParcelWritten {
  id: string;
  code: string;
  version: number;
}

const transaction = <T>(db: Db, fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { maxWait: 10_000, timeout: 20_000 });

/** The refusal of a status move, as a field message the form translates: "transition:<why>:<from>:<to>". */
const transitionMessage = (why: string, from: ParcelStatus, to: ParcelStatus) => `transition:${why}:${from}:${to}`;

/** A held parcel's status moves only by override with a reason (the hold then ends, see hold-writes). */
const mayMoveHeld = (mayOverride: boolean, reason: string | null | undefined) => mayOverride && (reason ?? "").trim().length > 0;

const landWriter = (context: WriteContext, now: Date, mayOverride: boolean): LandWriter => ({ actorId: context.actor.id, requestId: context.requestId, now, mayOverride });

/** Prisma data for the changed values (dates as `date` columns). */
function toData(after: Partial<EditableValues>): Prisma.ParcelUpdateManyMutationInput {
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const isDate = key === "handoverOn" || key === "lastVerifiedOn" || READINESS_ITEMS.some((i) => i.column === key);
    data[key] = isDate ? dayDate(value as string | null) : value;
  }
  return data as Prisma.ParcelUpdateManyMutationInput;
}

async function currentOf(tx: Tx, id: string) {
  const row = await tx.parcel.findUnique({ where: { id }, select: EDITABLE_SELECT });
  return row ? parcelValues(row) : null;
}

export function updateParcel(db: Db, input: UpdateParcelInput, context: WriteContext): Promise<ParcelWritten> {
  const now = context.now ?? new Date();
  return transaction(db, async (tx) => {
    const row = await tx.parcel.findUnique({ where: { id: input.parcelId }, select: EDITABLE_SELECT });
    if (!row) throw notFound();
    // Someone saved since the form was opened: their values, for the admin to compare.
    if (row.version !== input.version) throw conflict("staleVersion", parcelValues(row));
    const before = editableValues(row);
    const wanted: EditableValues = {
      status: input.status,
      priceCnyPerMu: input.priceCnyPerMu ?? null,
      plotRatioMin: input.plotRatioMin ?? null,
      plotRatioMax: input.plotRatioMax ?? null,
      powerKva: input.powerKva ?? null,
      powerVoltageKv: input.powerVoltageKv ?? null,
      gasM3PerDay: input.gasM3PerDay ?? null,
      waterTPerDay: input.waterTPerDay ?? null,
      wastewaterTPerDay: input.wastewaterTPerDay ?? null,
      ...(Object.fromEntries(READINESS_ITEMS.map((i) => [i.column, input[i.column] ?? null])) as Record<(typeof READINESS_ITEMS)[number]["column"], string | null>),
      handoverOn: input.handoverOn ?? null,
      lastVerifiedOn: input.verified ? chinaDate(now) : before.lastVerifiedOn,
    };
    const statusChanges = wanted.status !== row.status;
    const mayOverride = can(context.actor.role, "parcel.override");
    let held = false;
    if (statusChanges) {
      const check = checkParcelTransition({ from: row.status, to: wanted.status, reason: input.reason, mayOverride });
      if (!check.ok) {
        const message = transitionMessage(check.reason, row.status, wanted.status);
        throw validation({ [check.reason === "needsReason" ? "reason" : "status"]: message }, message);
      }
      held = (await heldParcelIds(tx, [row.id])).size > 0;
      if (held && !mayMoveHeld(mayOverride, input.reason)) {
        const message = transitionMessage("held", row.status, wanted.status);
        throw validation({ reason: message }, message);
      }
    }
    const diff = changedFields(before, wanted);
    if (!diff) throw validation({ form: "nothingChanged" }, "nothingChanged");
    const data = {
      ...toData(diff.after),
      ...(statusChanges ? { statusReason: input.reason ?? null, statusChangedAt: now } : {}),
      version: { increment: 1 },
    };
    const { count } = await tx.parcel.updateMany({ where: { id: row.id, version: row.version }, data });
    // A save landed between the read and this update (the row lock made us wait for it).
    if (count === 0) throw conflict("staleVersion", await currentOf(tx, row.id));
    const holdsEnded = held ? await endHoldsForStatusEdit(tx, landWriter(context, now, mayOverride), [row], input.reason!.trim()) : 0;
    await writeAudit(tx, {
      actorId: context.actor.id,
      requestId: context.requestId,
      action: "parcel.update",
      entity: "Parcel",
      entityId: row.id,
      before: { ...diff.before, ...(statusChanges ? { statusReason: row.statusReason } : {}), version: row.version },
      after: { ...diff.after, ...(statusChanges ? { statusReason: input.reason ?? null } : {}), version: row.version + 1, ...(input.reason ? { reason: input.reason } : {}), ...(holdsEnded ? { holdsEnded } : {}) },
      at: now,
    });
    return { id: row.id, code: row.code, version: row.version + 1 };
  });
}

/** A parcel of a bulk change that is no longer as the list showed it. */
export interface ChangedParcel {
  id: string;
  code: string | null;
  /** the version the list showed, and the one saved now (null: the parcel is gone) */
  shownVersion: number;
  version: number | null;
  status: ParcelStatus | null;
  lastVerifiedOn: string | null;
}

/** A parcel of a bulk change whose status move the rules refuse. */
export interface RefusedParcel {
  code: string;
  from: ParcelStatus;
  to: ParcelStatus;
  why: string;
}

export interface BulkWritten {
  /** parcels changed (one audit row each) */
  changed: number;
  /** parcels already as asked (nothing written for them) */
  unchanged: number;
  parcels: ParcelWritten[];
}

function staleList(selection: BulkUpdateInput["parcels"], rows: EditableRow[]): ChangedParcel[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return selection
    .filter((s) => byId.get(s.id)?.version !== s.version)
    .map((s) => {
      const r = byId.get(s.id);
      return { id: s.id, code: r?.code ?? null, shownVersion: s.version, version: r?.version ?? null, status: r?.status ?? null, lastVerifiedOn: r ? editableValues(r).lastVerifiedOn : null };
    });
}

export function bulkUpdateParcels(db: Db, input: BulkUpdateInput, context: WriteContext): Promise<BulkWritten> {
  const now = context.now ?? new Date();
  const mayOverride = can(context.actor.role, "parcel.override");
  // One order for every bulk change: two overlapping selections lock rows alike, never deadlock.
  const selection = [...input.parcels].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = selection.map((s) => s.id);
  return transaction(db, async (tx) => {
    // Lock the selection first, in id order: overlapping bulk changes then queue instead of
    // deadlocking, and the versions read below are the latest committed ones.
    await tx.$queryRaw`SELECT id FROM "Parcel" WHERE id = ANY(${ids}::text[]) ORDER BY id FOR UPDATE`;
    const rows = await tx.parcel.findMany({ where: { id: { in: ids } }, select: EDITABLE_SELECT, orderBy: { id: "asc" } });
    const stale = staleList(selection, rows);
    if (stale.length) throw conflict("staleSelection", { changed: stale });
    const refused: RefusedParcel[] = [];
    const wanted: Partial<EditableValues> = {
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.handoverOn !== undefined ? { handoverOn: input.handoverOn } : {}),
      ...(input.verified ? { lastVerifiedOn: chinaDate(now) } : {}),
    };
    // Parcels already as asked are left alone; the others get only the fields that change for
    // them (a parcel already verified today still moves status, and vice versa).
    const writes: { row: EditableRow; moves: boolean; after: Partial<EditableValues> }[] = [];
    const entries: AuditEntry[] = [];
    const held = input.status !== undefined ? await heldParcelIds(tx, ids) : new Set<string>();
    const heldMoved: EditableRow[] = [];
    for (const row of rows) {
      const moves = input.status !== undefined && input.status !== row.status;
      if (moves) {
        const check = checkParcelTransition({ from: row.status, to: input.status!, reason: input.reason, mayOverride });
        if (!check.ok) refused.push({ code: row.code, from: row.status, to: input.status!, why: check.reason });
        else if (held.has(row.id)) {
          if (mayMoveHeld(mayOverride, input.reason)) heldMoved.push(row);
          else refused.push({ code: row.code, from: row.status, to: input.status!, why: "held" });
        }
      }
      const diff = changedFields(editableValues(row), wanted);
      if (!diff) continue;
      writes.push({ row, moves, after: diff.after });
      entries.push({
        actorId: context.actor.id,
        requestId: context.requestId,
        action: "parcel.bulkUpdate",
        entity: "Parcel",
        entityId: row.id,
        before: { ...diff.before, ...(moves ? { statusReason: row.statusReason } : {}), version: row.version },
        after: { ...diff.after, ...(moves ? { statusReason: input.reason ?? null } : {}), version: row.version + 1, ...(input.reason ? { reason: input.reason } : {}) },
        at: now,
      });
    }
    if (refused.length) {
      const first = refused[0]!;
      const message = transitionMessage(first.why, first.from, first.to);
      throw new AppError("validation", message, { [first.why === "needsReason" || first.why === "held" ? "reason" : "status"]: message }, { refused });
    }
    if (writes.length === 0) throw validation({ form: "nothingChanged" }, "nothingChanged");
    // Parcels that get the same change are written by one statement, still version-checked
    // row by row: a count short of the group is someone else's save, and it all rolls back.
    const groups = new Map<string, { moves: boolean; after: Partial<EditableValues>; rows: EditableRow[] }>();
    for (const w of writes) {
      const key = JSON.stringify([w.moves, w.after]);
      const group = groups.get(key) ?? { moves: w.moves, after: w.after, rows: [] };
      group.rows.push(w.row);
      groups.set(key, group);
    }
    for (const { moves, after, rows: members } of groups.values()) {
      const { count } = await tx.parcel.updateMany({
        where: { OR: members.map((r) => ({ id: r.id, version: r.version })) },
        data: { ...toData(after), ...(moves ? { statusReason: input.reason ?? null, statusChangedAt: now } : {}), version: { increment: 1 } },
      });
      if (count !== members.length) {
        const fresh = await tx.parcel.findMany({ where: { id: { in: ids } }, select: EDITABLE_SELECT });
        throw conflict("staleSelection", { changed: staleList(selection, fresh) });
      }
    }
    await endHoldsForStatusEdit(tx, landWriter(context, now, mayOverride), heldMoved, (input.reason ?? "").trim());
    await writeAudits(tx, entries);
    const changedIds = new Set(entries.map((e) => e.entityId));
    return {
      changed: entries.length,
      unchanged: rows.length - entries.length,
      parcels: rows.map((r) => ({ id: r.id, code: r.code, version: changedIds.has(r.id) ? r.version + 1 : r.version })),
    };
  });
}
