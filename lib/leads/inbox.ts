// The lead inbox's reads: the filtered, sorted, paginated list, its total, the counts bar, and
// the export's batches. Always within what the actor may see (the rule of lib/leads/scope.ts).
//
// The list is one SQL statement (Prisma.sql, parameters only): the search runs on
// Inquiry."searchText", a generated column Prisma does not know, with its trigram index, and it
// has to be combined with the other filters in the same WHERE to use the indexes together. The
// counts bar has no search, so it goes through Prisma with leadScope itself; the integration
// tests check that both agree for officers and admins.
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { chinaMidnight } from "../calendar/china-time";
import type { DbClient } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { InquiryStage } from "../generated/prisma/enums";
import { INBOX_PAGE_SIZE, type InboxFilters, type InboxSort } from "./inbox-schema";
import { leadScope } from "./scope";

const DAY_MS = 86_400_000;
const CLOSED_STAGES: InquiryStage[] = ["SIGNED", "LOST"];

export interface InboxRow {
  id: string;
  reference: string;
  receivedAt: Date;
  company: string;
  contactName: string;
  country: string;
  parkNameZh: string | null;
  parkNameEn: string | null;
  landNeededMu: number | null;
  stage: InquiryStage;
  assigneeName: string | null;
  /** the officers' first-contact deadline */
  dueAt: Date | null;
  overdue: boolean;
  escalationLevel: number;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  /** the page shown (a page past the end shows the last one) */
  page: number;
  pageCount: number;
}

export interface InboxCounts {
  new: number;
  overdue: number;
  escalated: number;
}

/** `from`/`to` are China days: [midnight China time of from, midnight after to). */
export function receivedRange(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } {
  return {
    gte: from ? chinaMidnight(new Date(`${from}T00:00:00Z`)) : undefined,
    lt: to ? new Date(chinaMidnight(new Date(`${to}T00:00:00Z`)).getTime() + DAY_MS) : undefined,
  };
}

/** `q` as a LIKE pattern matching it anywhere: its own % _ and \ are literal characters. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** leadScope(actor) in SQL, for the statements Prisma cannot express (the search column). */
function scopeSql(actor: Actor): Prisma.Sql {
  if (can(actor.role, "lead.readAll")) return Prisma.sql`TRUE`;
  if (!actor.parkIds.length) return Prisma.sql`i."assigneeId" = ${actor.id}`;
  return Prisma.sql`(i."assigneeId" = ${actor.id} OR i."parkId" IN (${Prisma.join(actor.parkIds)}))`;
}

const overdueSql = (now: Date) =>
  Prisma.sql`(i."firstContactDueAt" < ${now} AND i."firstRespondedAt" IS NULL AND i.stage NOT IN ('SIGNED', 'LOST'))`;

function whereSql(actor: Actor, f: InboxFilters, now: Date): Prisma.Sql {
  const c: Prisma.Sql[] = [scopeSql(actor)];
  if (f.stage.length) c.push(Prisma.sql`i.stage IN (${Prisma.join(f.stage.map((s) => Prisma.sql`CAST(${s} AS "InquiryStage")`))})`);
  if (f.assignee === "mine") c.push(Prisma.sql`i."assigneeId" = ${actor.id}`);
  else if (f.assignee === "unassigned") c.push(Prisma.sql`i."assigneeId" IS NULL`);
  else if (f.assignee !== "any") c.push(Prisma.sql`i."assigneeId" = ${f.assignee}`);
  if (f.park) c.push(Prisma.sql`i."parkId" = (SELECT id FROM "Park" WHERE code = ${f.park})`);
  if (f.industry) c.push(Prisma.sql`i.industry = CAST(${f.industry} AS "Industry")`);
  if (f.country) c.push(Prisma.sql`lower(i.country) = lower(${f.country})`);
  if (f.landMin !== undefined) c.push(Prisma.sql`i."landNeededMu" >= ${f.landMin}`);
  if (f.landMax !== undefined) c.push(Prisma.sql`i."landNeededMu" <= ${f.landMax}`);
  if (f.overdue) c.push(overdueSql(now));
  if (f.escalated) c.push(Prisma.sql`i."escalationLevel" > 0`);
  const range = receivedRange(f.from, f.to);
  if (range.gte) c.push(Prisma.sql`i."createdAt" >= ${range.gte}`);
  if (range.lt) c.push(Prisma.sql`i."createdAt" < ${range.lt}`);
  // lower() on both sides: the column is lower()ed by PostgreSQL, so the same function (and
  // locale) folds the query; JavaScript's toLowerCase could disagree on non-ASCII letters.
  if (f.q) c.push(Prisma.sql`i."searchText" LIKE lower(${containsPattern(f.q)})`);
  return Prisma.join(c, " AND ");
}

/**
 * Each sort as a key of unique columns in one direction, so a row's position is exact (pages
 * never overlap) and the export can continue after the last row it wrote (keyset batches).
 */
const SORT_KEYS: Record<InboxSort, { columns: Prisma.Sql[]; desc: boolean }> = {
  "received-desc": { columns: [Prisma.sql`i."createdAt"`, Prisma.sql`i.id`], desc: true },
  "received-asc": { columns: [Prisma.sql`i."createdAt"`, Prisma.sql`i.id`], desc: false },
  // the nearest deadline first; leads without one last; oldest first among equals
  due: { columns: [Prisma.sql`COALESCE(i."firstContactDueAt", '9999-12-31'::timestamp)`, Prisma.sql`i."createdAt"`, Prisma.sql`i.id`], desc: false },
  company: { columns: [Prisma.sql`i.company`, Prisma.sql`i.id`], desc: false },
  // pipeline order (NEW first), the longest waiting first within a stage
  stage: { columns: [Prisma.sql`i.stage`, Prisma.sql`i."createdAt"`, Prisma.sql`i.id`], desc: false },
};

/**
 * With a search, the received-order page must not walk the createdAt index: for a rare term
 * (a Chinese company name, whose trigram statistics are poor) the planner expects 50 matches
 * soon and reads the whole table in index order instead. `+ interval '0'` sorts by the same
 * value while hiding the index, so the search index finds the matches and a top-50 sort
 * orders them: never slower than the count of the same search, which reads them anyway.
 */
function orderSql(sort: InboxSort, searching = false): Prisma.Sql {
  const { columns, desc } = SORT_KEYS[sort];
  const keys = searching && sort.startsWith("received") ? [Prisma.sql`(i."createdAt" + interval '0 seconds')`, ...columns.slice(1)] : columns;
  return Prisma.join(keys.map((col) => Prisma.sql`${col} ${desc ? Prisma.sql`DESC` : Prisma.sql`ASC`}`), ", ");
}

const rowSelect = (now: Date) => Prisma.sql`
  i.id, i.reference, i."createdAt" AS "receivedAt", i.company, i."contactName", i.country,
  p."nameZh" AS "parkNameZh", p."nameEn" AS "parkNameEn", i."landNeededMu", i.stage,
  u.name AS "assigneeName", i."firstContactDueAt" AS "dueAt", ${overdueSql(now)} AS overdue,
  i."escalationLevel"`;

const FROM = Prisma.sql`"Inquiry" i LEFT JOIN "Park" p ON p.id = i."parkId" LEFT JOIN "User" u ON u.id = i."assigneeId"`;

/** The list's two statements as they run (the benchmark EXPLAINs them). */
export function inboxStatements(actor: Actor, f: InboxFilters, now = new Date()): { count: Prisma.Sql; page: Prisma.Sql } {
  return {
    count: Prisma.sql`SELECT count(*)::int AS n FROM "Inquiry" i WHERE ${whereSql(actor, f, now)}`,
    page: Prisma.sql`
    SELECT ${rowSelect(now)} FROM ${FROM}
    WHERE ${whereSql(actor, f, now)}
    ORDER BY ${orderSql(f.sort, Boolean(f.q))}
    LIMIT ${INBOX_PAGE_SIZE} OFFSET ${(f.page - 1) * INBOX_PAGE_SIZE}`,
  };
}

async function countMatching(db: DbClient, actor: Actor, f: InboxFilters, now: Date): Promise<number> {
  const [{ n }] = await db.$queryRaw<[{ n: number }]>(inboxStatements(actor, f, now).count);
  return n;
}

async function pageRows(db: DbClient, actor: Actor, f: InboxFilters, page: number, now: Date): Promise<InboxRow[]> {
  return db.$queryRaw<InboxRow[]>(inboxStatements(actor, { ...f, page }, now).page);
}

/** One page of the inbox and the number of leads matching the filters. */
export async function listInbox(db: DbClient, actor: Actor, f: InboxFilters, now = new Date()): Promise<InboxPage> {
  const [total, rows] = await Promise.all([countMatching(db, actor, f, now), pageRows(db, actor, f, f.page, now)]);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  if (f.page > pageCount) {
    // an old link after leads moved on, or a typed page number: the last page, not an empty one
    return { rows: total ? await pageRows(db, actor, f, pageCount, now) : [], total, page: pageCount, pageCount };
  }
  return { rows, total, page: f.page, pageCount };
}

/** The counts bar, within the actor's scope whatever the filters. */
export async function inboxCounts(db: DbClient, actor: Actor, now = new Date()): Promise<InboxCounts> {
  const scope = leadScope(actor);
  const [fresh, overdue, escalated] = await Promise.all([
    db.inquiry.count({ where: { AND: [scope, { stage: "NEW" }] } }),
    db.inquiry.count({
      where: { AND: [scope, { firstContactDueAt: { lt: now }, firstRespondedAt: null, stage: { notIn: CLOSED_STAGES } }] },
    }),
    db.inquiry.count({ where: { AND: [scope, { escalationLevel: { gt: 0 } }] } }),
  ]);
  return { new: fresh, overdue, escalated };
}

/** Whether the actor can see any lead at all (the empty state: "no leads yet" vs "nothing matches"). */
export async function hasAnyLead(db: DbClient, actor: Actor): Promise<boolean> {
  return (await db.inquiry.findFirst({ where: leadScope(actor), select: { id: true } })) !== null;
}

// ---------------------------------------------------------------------------------------------
// Export

export interface ExportRow {
  reference: string;
  receivedAt: Date;
  company: string;
  contactName: string;
  email: string;
  phone: string | null;
  country: string;
  parkNameZh: string | null;
  parkNameEn: string | null;
  industry: string | null;
  landNeededMu: number | null;
  stage: InquiryStage;
  assigneeName: string | null;
  dueAt: Date | null;
  firstRespondedAt: Date | null;
  overdue: boolean;
  escalationLevel: number;
}

interface KeyedExportRow extends ExportRow {
  k0: unknown;
  k1: unknown;
  k2: unknown;
}

export const EXPORT_BATCH = 1000;

/** How many leads an export of these filters holds (the audit row records it). */
export function countInbox(db: DbClient, actor: Actor, f: InboxFilters, now = new Date()): Promise<number> {
  return countMatching(db, actor, f, now);
}

/**
 * Every matching lead in the inbox's order, `batch` rows per query. Each batch continues after
 * the last row of the previous one (keyset, not OFFSET): a lead that arrives during the export
 * does not shift the rows and none is written twice.
 */
export async function* exportInbox(db: DbClient, actor: Actor, f: InboxFilters, now = new Date(), batch = EXPORT_BATCH): AsyncGenerator<ExportRow[]> {
  const { columns, desc } = SORT_KEYS[f.sort];
  const keys = Prisma.join(columns.map((col, n) => Prisma.sql`${col} AS k${Prisma.raw(String(n))}`), ", ");
  let after: unknown[] | null = null;
  for (;;) {
    const seek: Prisma.Sql = after
      ? Prisma.sql`AND (${Prisma.join(columns)}) ${desc ? Prisma.sql`<` : Prisma.sql`>`} (${Prisma.join(after)})`
      : Prisma.empty;
    const rows: KeyedExportRow[] = await db.$queryRaw<KeyedExportRow[]>`
      SELECT i.reference, i."createdAt" AS "receivedAt", i.company, i."contactName", i.email, i.phone, i.country,
             p."nameZh" AS "parkNameZh", p."nameEn" AS "parkNameEn", i.industry::text AS industry, i."landNeededMu",
             i.stage, u.name AS "assigneeName", i."firstContactDueAt" AS "dueAt", i."firstRespondedAt",
             ${overdueSql(now)} AS overdue, i."escalationLevel", ${keys}
      FROM ${FROM}
      WHERE ${whereSql(actor, f, now)} ${seek}
      ORDER BY ${orderSql(f.sort)}
      LIMIT ${batch}`;
    if (!rows.length) return;
    const last = rows.at(-1)!;
    after = columns.map((_, n) => {
      const v = last[`k${n}` as "k0"];
      // the stage key compares as the enum, in pipeline order, not as text
      return f.sort === "stage" && n === 0 ? Prisma.sql`CAST(${v} AS "InquiryStage")` : v;
    });
    for (const row of rows) {
      delete (row as Partial<KeyedExportRow>).k0;
      delete (row as Partial<KeyedExportRow>).k1;
      delete (row as Partial<KeyedExportRow>).k2;
    }
    yield rows as ExportRow[];
    if (rows.length < batch) return;
  }
}

// ---------------------------------------------------------------------------------------------
// Filter choices

export interface InboxOptions {
  parks: { id: string; code: string; nameZh: string; nameEn: string }[];
  staff: { id: string; name: string }[];
}

/** The parks and the active staff the filter form offers. */
export async function inboxOptions(db: DbClient): Promise<InboxOptions> {
  const [parks, staff] = await Promise.all([
    db.park.findMany({ select: { id: true, code: true, nameZh: true, nameEn: true }, orderBy: { code: "asc" } }),
    db.user.findMany({ where: { disabled: false }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  ]);
  return { parks, staff };
}
