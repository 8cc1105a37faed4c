// The calendar page's actions: admins (calendar.manage) add, change and delete the exceptions
// of the working-day calendar. The wrapper checks the session and the permission first.
import { defineAction } from "../actions/action";
import { db } from "../db";
import { addCalendarDay, deleteCalendarDay, updateCalendarDay } from "./mutations";
import { calendarDayCreateSchema, calendarDayDeleteSchema, calendarDayUpdateSchema } from "./schemas";

const access = { permission: "calendar.manage" } as const;

export const addCalendarDayAction = defineAction({
  name: "addCalendarDay",
  schema: calendarDayCreateSchema,
  access,
  handler: (input, ctx) => addCalendarDay(db(), input, ctx),
});

export const updateCalendarDayAction = defineAction({
  name: "updateCalendarDay",
  schema: calendarDayUpdateSchema,
  access,
  handler: (input, ctx) => updateCalendarDay(db(), input, ctx),
});

export const deleteCalendarDayAction = defineAction({
  name: "deleteCalendarDay",
  schema: calendarDayDeleteSchema,
  access,
  handler: (input, ctx) => deleteCalendarDay(db(), input, ctx),
});
