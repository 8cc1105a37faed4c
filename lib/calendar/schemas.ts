// The calendar page's inputs: one schema per form, used by the form in the browser and by the
// server action. Browser-safe. Messages are keys: the shared validation keys (messages/*.json
// "validation") or the calendar's own (messages/staff/calendar.*.json "errors").
import { z } from "zod";
import { CalendarDayKind } from "../generated/prisma/enums";
import { fields, parseIsoDate, requiredChoice, requiredText } from "../validation/fields";

/** Years the calendar accepts: wide enough for any deadline the portal computes. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

export const NAME_ZH_MAX = 40;
export const NAME_EN_MAX = 80;

/** A day of the calendar, "YYYY-MM-DD", within the years above. */
const day = z.preprocess(
  (v, ctx) => {
    if (Array.isArray(v)) {
      ctx.addIssue({ code: "custom", message: "repeated", input: v });
      return z.NEVER;
    }
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
      ctx.addIssue({ code: "custom", message: "required", input: v });
      return z.NEVER;
    }
    const r = parseIsoDate(v);
    if (!r.ok) {
      ctx.addIssue({ code: "custom", message: r.message, input: v });
      return z.NEVER;
    }
    const year = Number(r.value.slice(0, 4));
    if (year < CALENDAR_MIN_YEAR || year > CALENDAR_MAX_YEAR) {
      ctx.addIssue({ code: "custom", message: "yearOutOfRange", input: v });
      return z.NEVER;
    }
    return r.value;
  },
  z.custom<string>(() => true),
);

/** The row's updatedAt as the form saw it: an edit of a day changed meanwhile is a conflict. */
const seenAt = z.preprocess(
  (v, ctx) => {
    const t = typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(v) ? Date.parse(v) : NaN;
    if (Number.isNaN(t)) {
      ctx.addIssue({ code: "custom", message: "invalid", input: v });
      return z.NEVER;
    }
    return new Date(t);
  },
  z.custom<Date>(() => true),
);

/** 0 = Sunday ... 6 = Saturday of a "YYYY-MM-DD" date. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

const dayFields = {
  date: day,
  kind: requiredChoice(CalendarDayKind),
  nameZh: requiredText(1, NAME_ZH_MAX),
  nameEn: requiredText(1, NAME_EN_MAX),
};

/**
 * Monday to Friday are working days already: a swapped working day (调休上班) is a Saturday or
 * a Sunday. A holiday may fall on any day (a holiday week spans its weekend).
 */
function swappedDayIsWeekend(v: { date?: string; kind?: CalendarDayKind }, ctx: z.RefinementCtx) {
  if (v.kind !== "WORKDAY" || !v.date) return;
  const wd = weekdayOf(v.date);
  if (wd !== 0 && wd !== 6) ctx.addIssue({ code: "custom", path: ["kind"], message: "workdayOnWeekday", input: v.kind });
}

export const calendarDayCreateSchema = fields(dayFields).superRefine(swappedDayIsWeekend);
export type CalendarDayCreate = z.output<typeof calendarDayCreateSchema>;

export const calendarDayUpdateSchema = fields({ ...dayFields, seenAt }).superRefine(swappedDayIsWeekend);
export type CalendarDayUpdate = z.output<typeof calendarDayUpdateSchema>;

export const calendarDayDeleteSchema = fields({ date: day, seenAt });
export type CalendarDayDelete = z.output<typeof calendarDayDeleteSchema>;

/** The page's ?year=: a year of the range, else the current one (a hand-edited URL shows something). */
export const calendarYearSchema = z.coerce.number().int().min(CALENDAR_MIN_YEAR).max(CALENDAR_MAX_YEAR);
