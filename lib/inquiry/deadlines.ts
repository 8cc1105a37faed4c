// Promised answer times count working days in China time (Mon-Fri). Public holidays and the
// weekend days China swaps for them are not modelled yet: the promise may fall one day early
// around Spring Festival and National Day, never late.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The instant `days` working days after `from` (same time of day, China time). */
export function addWorkingDays(from: Date, days: number): Date {
  let t = from.getTime();
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    const weekday = new Date(t + CHINA_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return new Date(t);
}
