// The calendar's exceptions from the CalendarDay table, as the pure module wants them.
import type { DbClient } from "../db/client";
import type { WorkCalendar } from "./working-days";

export async function loadWorkCalendar(db: DbClient): Promise<WorkCalendar> {
  const rows = await db.calendarDay.findMany({ select: { date: true, kind: true } });
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const r of rows) (r.kind === "HOLIDAY" ? holidays : workdays).add(r.date.toISOString().slice(0, 10));
  return { holidays, workdays };
}
