// Working days on China's official calendar: Monday to Friday, except public holidays, plus
// the weekend days worked in exchange for them (调休). Pure: the exceptions come from the
// CalendarDay table (lib/calendar/queries.ts) and are passed in.
import { chinaDate, chinaWeekday } from "./china-time";

const DAY_MS = 86_400_000;

export interface WorkCalendar {
  /** YYYY-MM-DD dates (China) that are days off although Monday-Friday */
  holidays: ReadonlySet<string>;
  /** YYYY-MM-DD dates (China) that are working days although Saturday or Sunday */
  workdays: ReadonlySet<string>;
}

/** Weekends only: what the portal promised before the calendar existed. */
export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };

export function isWorkingDay(at: Date, cal: WorkCalendar): boolean {
  const date = chinaDate(at);
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const weekday = chinaWeekday(at);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The instant `days` working days after `from`, at the same time of day (China time): what an
 * office means by "within two working days" of a message received at that moment.
 */
export function addWorkingDays(from: Date, days: number, cal: WorkCalendar): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`addWorkingDays: ${days} is not a whole number of days >= 0`);
  let t = from.getTime();
  let left = days;
  // A year has ~250 working days; the bound only stops a calendar with no working day at all.
  for (let guard = 0; left > 0; guard++) {
    if (guard > 3660) throw new RangeError("addWorkingDays: no working day within ten years (calendar data is wrong)");
    t += DAY_MS;
    if (isWorkingDay(new Date(t), cal)) left--;
  }
  return new Date(t);
}

/**
 * Whole working days that have passed from `from` to `to`: the count of working-day
 * anniversaries of `from` reached by `to` (so 3 means `to` is at or past addWorkingDays(from, 3)).
 */
export function workingDaysBetween(from: Date, to: Date, cal: WorkCalendar): number {
  if (to <= from) return 0;
  let count = 0;
  for (let t = from.getTime() + DAY_MS; t <= to.getTime(); t += DAY_MS) {
    if (isWorkingDay(new Date(t), cal)) count++;
  }
  return count;
}
