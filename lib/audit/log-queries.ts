// The audit log page's reads (audit.read) and the per-record history of parks and projects.
// Filters: who, which kind of record (optionally one record), which action, which China dates;
// newest first, paged by keyset on (createdAt, id) so a page is as fast on row 1,000,000 as on
// row 1 (the indexes (createdAt), (actorId, createdAt), (action, createdAt), (entity, entityId)).
import { z } from "zod";
import type { DbClient } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { blankToUndefined, fields, optionalIsoDate, optionalText } from "../validation/fields";
import { messageOf } from "../validation/messages";

export const AUDIT_PAGE_SIZE = 50;

/** The records the application audits (AuditLog.entity). */
export const AUDIT_ENTITIES = ["Parcel", "Park", "Zone", "EnterpriseProject", "Inquiry", "User", "CalendarDay", "CadastreImport"] as const;

/** "<createdAt ms>.<id>": where the next (older) page starts. */
const CURSOR = /^(\d{1,15})\.(\d{1,19})$/;

export const auditFilterSchema = fields({
  actor: optionalText(64, (s) => (/^[A-Za-z0-9_-]+$/.test(s) ? null : "invalid")),
  entity: optionalText(40, (s) => ((AUDIT_ENTITIES as readonly string[]).includes(s) ? null : "notAChoice")),
  entityId: optionalText(64),
  action: optionalText(60, (s) => (/^[a-zA-Z]+\.[a-zA-Z]+$/.test(s) ? null : "invalid")),
  from: optionalIsoDate(),
  to: optionalIsoDate(),
  after: z.preprocess(blankToUndefined, z.string().regex(CURSOR, { error: messageOf("invalid") }).optional()),
}).refine((f) => !f.from || !f.to || f.from <= f.to, { path: ["to"], error: messageOf("maxBelowMin") });

export type AuditFilter = z.output<typeof auditFilterSchema>;

export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditRowDto {
  id: string;
  createdAt: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entity: string;
  entityId: string;
  /** what a person calls the record (a park's or parcel's code, a lead's reference, a person's name); null when gone */
  entityLabel: string | null;
  /** field by field: a create lists its values with `before` undefined */
  changes: AuditChange[];
  requestId: string | null;
}

export interface AuditPage {
  rows: AuditRowDto[];
  /** the cursor of the next, older page; null on the last */
  next: string | null;
}

/** A China date's first instant, and the first instant after a China date. */
const chinaStart = (day: string) => new Date(`${day}T00:00:00+08:00`);
const chinaEndExclusive = (day: string) => new Date(chinaStart(day).getTime() + 86_400_000);

export function auditWhere(f: Omit<AuditFilter, "after">): Prisma.AuditLogWhereInput {
  return {
    ...(f.actor ? { actorId: f.actor } : {}),
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.entity && f.entityId ? { entityId: f.entityId } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: chinaStart(f.from) } : {}), ...(f.to ? { lt: chinaEndExclusive(f.to) } : {}) } } : {}),
  };
}

/** The changed fields of one row: the keys of before and after, in after's order, version last. */
export function changesOf(before: unknown, after: unknown): AuditChange[] {
  const b = before && typeof before === "object" && !Array.isArray(before) ? (before as Record<string, unknown>) : {};
  const a = after && typeof after === "object" && !Array.isArray(after) ? (after as Record<string, unknown>) : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  keys.sort((x, y) => Number(x === "version") - Number(y === "version"));
  return keys.map((field) => ({ field, before: b[field], after: a[field] }));
}

/** Labels for the rows' records, one query per kind of record on the page (never one per row). */
async function labels(db: DbClient, rows: { entity: string; entityId: string }[]): Promise<Map<string, string>> {
  const ids = (entity: string) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];
  const out = new Map<string, string>();
  const put = (entity: string, list: { id: string; label: string }[]) => list.forEach((r) => out.set(`${entity}:${r.id}`, r.label));
  const [parks, zones, projects, parcels, users, leads] = await Promise.all([
    ids("Park").length ? db.park.findMany({ where: { id: { in: ids("Park") } }, select: { id: true, code: true } }) : [],
    ids("Zone").length ? db.zone.findMany({ where: { id: { in: ids("Zone") } }, select: { id: true, code: true } }) : [],
    ids("EnterpriseProject").length ? db.enterpriseProject.findMany({ where: { id: { in: ids("EnterpriseProject") } }, select: { id: true, code: true } }) : [],
    ids("Parcel").length ? db.parcel.findMany({ where: { id: { in: ids("Parcel") } }, select: { id: true, code: true } }) : [],
    ids("User").length ? db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true } }) : [],
    ids("Inquiry").length ? db.inquiry.findMany({ where: { id: { in: ids("Inquiry") } }, select: { id: true, reference: true } }) : [],
  ]);
  put("Park", parks.map((p) => ({ id: p.id, label: p.code })));
  put("Zone", zones.map((p) => ({ id: p.id, label: p.code })));
  put("EnterpriseProject", projects.map((p) => ({ id: p.id, label: p.code })));
  put("Parcel", parcels.map((p) => ({ id: p.id, label: p.code })));
  put("User", users.map((p) => ({ id: p.id, label: p.name })));
  put("Inquiry", leads.map((p) => ({ id: p.id, label: p.reference })));
  return out;
}

export async function listAuditLog(db: DbClient, filter: AuditFilter, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = auditWhere(filter);
  const cursor = filter.after ? CURSOR.exec(filter.after) : null;
  const older: Prisma.AuditLogWhereInput | null = cursor
    ? { OR: [{ createdAt: { lt: new Date(Number(cursor[1])) } }, { createdAt: new Date(Number(cursor[1])), id: { lt: BigInt(cursor[2]!) } }] }
    : null;
  const found = await db.auditLog.findMany({
    where: older ? { AND: [where, older] } : where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: { id: true, createdAt: true, action: true, entity: true, entityId: true, before: true, after: true, requestId: true, actor: { select: { id: true, name: true, email: true } } },
  });
  const page = found.slice(0, pageSize);
  const names = await labels(db, page);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      createdAt: r.createdAt,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      entityLabel: names.get(`${r.entity}:${r.entityId}`) ?? null,
      changes: changesOf(r.before, r.after),
      requestId: r.requestId,
    })),
    next: found.length > pageSize && last ? `${last.createdAt.getTime()}.${last.id}` : null,
  };
}

/** A ?historyAfter= value as a cursor, or undefined when it is not one (then page one shows). */
export const historyCursor = (v: string | string[] | undefined): string | undefined => (typeof v === "string" && CURSOR.test(v) ? v : undefined);

/** One record's history, newest first (the parcel, park and project pages). */
export function recordHistory(db: DbClient, entity: (typeof AUDIT_ENTITIES)[number], entityId: string, after?: string, pageSize = 20): Promise<AuditPage> {
  return listAuditLog(db, { entity, entityId, after }, pageSize);
}

export interface AuditOptions {
  actors: { id: string; name: string; email: string }[];
  actions: string[];
}

/** The filter bar's choices: people who have audit rows, and the actions recorded. */
export async function auditOptions(db: DbClient): Promise<AuditOptions> {
  const [actors, actions] = await Promise.all([
    db.user.findMany({ where: { auditLogs: { some: {} } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" }, take: 500 }),
    // A loose index scan on (action, createdAt): one probe per distinct action, not a pass over every row.
    db.$queryRaw<{ action: string }[]>`
      WITH RECURSIVE a AS (
        SELECT min("action") AS action FROM "AuditLog"
        UNION ALL
        SELECT (SELECT min("action") FROM "AuditLog" WHERE "action" > a.action) FROM a WHERE a.action IS NOT NULL
      )
      SELECT action FROM a WHERE action IS NOT NULL`,
  ]);
  return { actors, actions: actions.map((a) => a.action) };
}
