// China time, in one place. China has kept UTC+8 all year since 1991 (no daylight saving), so a
// fixed offset is exact; the IANA name is for Intl formatting (pages, e-mails).
export const CHINA_TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar date in China at this instant, as YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight China time of the date `at` falls on, as an instant. */
export function chinaMidnight(at: Date): Date {
  const local = at.getTime() + OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** The UTC-midnight Date PostgreSQL's `date` columns use for the China date of `at`. */
export function chinaDay(at: Date): Date {
  return new Date(`${chinaDate(at)}T00:00:00Z`);
}

/** 0 = Sunday ... 6 = Saturday, in China. */
export function chinaWeekday(at: Date): number {
  return new Date(at.getTime() + OFFSET_MS).getUTCDay();
}
