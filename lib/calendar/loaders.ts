// Calendar reads on the app's client, for the admins' calendar page.
import "server-only";
import { db } from "../db";
import { calendarYears, listCalendarYear } from "./queries";

export const loadCalendarYear = (year: number) => listCalendarYear(db(), year);
export const loadCalendarYears = () => calendarYears(db());
