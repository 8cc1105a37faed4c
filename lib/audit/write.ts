// Audit rows: written with the same transaction client as the change they record, never after
// the fact, so a change cannot commit without its row. The application never deletes them
// (db:seed --force keeps them too).
import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Plain JSON for audit rows: dates as ISO strings, BigInt as strings, undefined dropped. */
export function auditJson(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))) as Prisma.InputJsonValue;
}

export interface AuditEntry {
  actorId: string | null;
  requestId?: string | null;
  /** "<area>.<verb>", e.g. "parcel.update", "parcel.bulkUpdate", "cadastre.import" */
  action: string;
  /** the Prisma model name: "Parcel", "Park", "Zone", "EnterpriseProject", "User", "Inquiry"... */
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  at?: Date;
}

const row = (e: AuditEntry): Prisma.AuditLogCreateManyInput => ({
  actorId: e.actorId,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  before: e.before === undefined || e.before === null ? undefined : auditJson(e.before),
  after: e.after === undefined || e.after === null ? undefined : auditJson(e.after),
  requestId: e.requestId ?? null,
  ...(e.at ? { createdAt: e.at } : {}),
});

export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: row(entry) });
}

/** Many rows in one statement (a bulk change or an import: one row per parcel). */
export async function writeAudits(tx: Tx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({ data: entries.map(row) });
}

/** Only the fields whose value differs, as { before, after }; null when nothing changed. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {}, a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const x = before[key], y = after[key];
    if (JSON.stringify(x ?? null) !== JSON.stringify(y ?? null)) {
      b[key] = x;
      a[key] = y;
    }
  }
  return Object.keys(a).length ? { before: b, after: a } : null;
}
