// The calendar's exceptions from the CalendarDay table, as the pure module wants them, and the
// admin page's list. Deadlines are computed on hot paths (every inquiry, the escalation job),
// so the calendar is kept per process and per client, and each call checks it is still fresh
// with one small query: the row count, the latest updatedAt and a checksum of (date, kind).
// An admin's edit on any instance changes that answer, so every instance reloads on its next
// call; the checksum also catches a delete plus an insert written with a lagging clock
// (updatedAt is set by the writing instance), which count and max(updatedAt) alone would miss.
import type { DbClient } from "../db/client";
import type { CalendarDayKind } from "../generated/prisma/enums";
import type { WorkCalendar } from "./working-days";

interface Cached {
  stamp: string;
  calendar: WorkCalendar;
}

const caches = new WeakMap<object, Cached>();

async function stampOf(db: DbClient): Promise<string> {
  const [row] = await db.$queryRaw<{ n: number; latest: Date | null; sum: string | null }[]>`
    SELECT count(*)::int AS n, max("updatedAt") AS latest,
           sum(hashtextextended("date"::text || "kind"::text, 0))::text AS sum
    FROM "CalendarDay"`;
  return `${row?.n ?? 0}|${row?.latest?.getTime() ?? 0}|${row?.sum ?? 0}`;
}

export function toWorkCalendar(rows: readonly { date: Date; kind: CalendarDayKind }[]): WorkCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const r of rows) (r.kind === "HOLIDAY" ? holidays : workdays).add(r.date.toISOString().slice(0, 10));
  return { holidays, workdays };
}

/** The working-day calendar as the database has it now (cached while it is unchanged). */
export async function loadWorkCalendar(db: DbClient): Promise<WorkCalendar> {
  // The stamp is read before the rows: a change in between makes the rows newer than the
  // stamp, and the next call reloads (never the other way round: old rows under a new stamp).
  const stamp = await stampOf(db);
  const hit = caches.get(db);
  if (hit?.stamp === stamp) return hit.calendar;
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  const calendar = toWorkCalendar(rows);
  caches.set(db, { stamp, calendar });
  return calendar;
}

export interface CalendarDayRow {
  /** YYYY-MM-DD */
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  updatedAt: Date;
}

/** One year's exceptions, by date (a year has a few dozen: no pagination needed). */
export async function listCalendarYear(db: DbClient, year: number): Promise<CalendarDayRow[]> {
  const rows = await db.calendarDay.findMany({
    where: { date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    orderBy: { date: "asc" },
    select: { date: true, kind: true, nameZh: true, nameEn: true, updatedAt: true },
  });
  return rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) }));
}

/** Years that have at least one exception, newest first (the page's year switcher). */
export async function calendarYears(db: DbClient): Promise<number[]> {
  const rows = await db.$queryRaw<{ y: number }[]>`
    SELECT DISTINCT extract(year FROM "date")::int AS y FROM "CalendarDay" ORDER BY y DESC`;
  return rows.map((r) => r.y);
}
