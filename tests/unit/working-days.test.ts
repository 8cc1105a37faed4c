// The working-day rules on China's official calendar, with the calendar production gets: the
// rows of the committed data migration (prisma/migrations/20261201120000_calendar_2025_2027).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { CHINA_TIME_ZONE, chinaDate, chinaDay, chinaMidnight, chinaWeekday } from "@/lib/calendar/china-time";
import { toWorkCalendar } from "@/lib/calendar/queries";
import { addWorkingDays, isWorkingDay, WEEKENDS_ONLY, workingDaysBetween } from "@/lib/calendar/working-days";
import type { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { EnvError, parseEnv } from "@/lib/env";
import { todayDay } from "@/lib/search/queries";
import { calendarMigrationSql, chineseDaysVersion } from "@/scripts/calendar-sql";

const MIGRATION = "prisma/migrations/20261201120000_calendar_2025_2027/migration.sql";
const sql = fs.readFileSync(MIGRATION, "utf8");
const rows = [...sql.matchAll(/^ {2}\('(\d{4}-\d{2}-\d{2})', '(HOLIDAY|WORKDAY)', '((?:[^']|'')*)', '((?:[^']|'')*)', CURRENT_TIMESTAMP\)/gm)].map((m) => ({
  date: m[1]!,
  kind: m[2] as CalendarDayKind,
  nameZh: m[3]!,
  nameEn: m[4]!.replace(/''/g, "'"),
}));
const official = toWorkCalendar(rows.map((r) => ({ date: new Date(`${r.date}T00:00:00Z`), kind: r.kind })));

/** An instant given as China wall-clock time ("2025-01-24 10:00"). */
const cn = (local: string) => new Date(`${local.replace(" ", "T")}:00+08:00`);
/** The China wall-clock time of an instant, "YYYY-MM-DD HH:MM" (for readable expectations). */
const wall = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
const add = (from: string, days: number, cal = official) => wall(addWorkingDays(cn(from), days, cal));

describe("the data migration (what production gets)", () => {
  it("is exactly what scripts/calendar-sql.ts generates from chinese-days (regenerate it with npm run db:calendar-sql)", () => {
    expect(sql).toBe(calendarMigrationSql());
    // A data migration: the schema it leaves behind is the one it found (later migrations,
    // such as the inbox's index, change prisma/schema.prisma, not this snapshot).
    const snapshot = (folder: string) => fs.readFileSync(`prisma/migrations/${folder}/schema.prisma`, "utf8");
    expect(snapshot("20261201120000_calendar_2025_2027")).toBe(snapshot("20261201113929_officers_desk"));
  });

  it("names its source and keeps admins' edits", () => {
    expect(sql).toMatch(/^-- Working-day calendar 2025-2027/);
    expect(sql).toContain(`chinese-days ${chineseDaysVersion()}`);
    expect(sql).toContain("国务院办公厅");
    expect(sql).toContain('ON CONFLICT ("date") DO NOTHING;');
  });

  it("holds 2025 (28 holidays, 5 swapped working days) and 2026 (33 and 6); 2027 is not in the package yet", () => {
    const count = (year: string, kind: CalendarDayKind) => rows.filter((r) => r.date.startsWith(year) && r.kind === kind).length;
    expect(rows).toHaveLength(72);
    expect([count("2025", "HOLIDAY"), count("2025", "WORKDAY")]).toEqual([28, 5]);
    expect([count("2026", "HOLIDAY"), count("2026", "WORKDAY")]).toEqual([33, 6]);
    expect(rows.filter((r) => r.date.startsWith("2027"))).toEqual([]);
    expect(sql).toContain("--   2027: NOT in chinese-days");
  });

  it("has the State Council's swapped working days of 2025 and 2026, and no other", () => {
    expect(rows.filter((r) => r.kind === "WORKDAY").map((r) => r.date)).toEqual([
      "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
      "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
    ]);
  });

  it("spot dates: Spring Festival 2025 28 Jan - 4 Feb, National Day 2025 1-8 Oct (6 Oct is Mid-Autumn), 2026 Spring Festival 15-23 Feb", () => {
    const byDate = new Map(rows.map((r) => [r.date, r]));
    const holidaysFrom = (from: string, to: string) => rows.filter((r) => r.kind === "HOLIDAY" && r.date >= from && r.date <= to).map((r) => r.date);
    expect(holidaysFrom("2025-01-20", "2025-02-10")).toEqual(["2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-01", "2025-02-02", "2025-02-03", "2025-02-04"]);
    expect(holidaysFrom("2025-09-20", "2025-10-20")).toEqual(["2025-10-01", "2025-10-02", "2025-10-03", "2025-10-04", "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08"]);
    expect(holidaysFrom("2026-02-01", "2026-03-01")).toHaveLength(9);
    expect(holidaysFrom("2026-09-20", "2026-10-20")).toEqual(["2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"]);
    expect(byDate.get("2025-01-28")).toEqual({ date: "2025-01-28", kind: "HOLIDAY", nameZh: "春节", nameEn: "Spring Festival" });
    expect(byDate.get("2025-10-06")).toMatchObject({ nameZh: "中秋", nameEn: "Mid-autumn Festival" });
    expect(byDate.get("2025-01-01")).toMatchObject({ nameEn: "New Year's Day" });
    expect(byDate.get("2025-09-28")).toEqual({ date: "2025-09-28", kind: "WORKDAY", nameZh: "国庆节调休上班", nameEn: "Working day (National Day swap)" });
  });
});

describe("Spring Festival 2025 (holiday Tue 28 Jan - Tue 4 Feb; Sun 26 Jan and Sat 8 Feb worked)", () => {
  it("counts from the Friday before: the swapped Sunday, Monday, then the Wednesday after the holiday", () => {
    expect(add("2025-01-24 10:00", 1)).toBe("2025-01-26 10:00");
    expect(add("2025-01-24 10:00", 2)).toBe("2025-01-27 10:00");
    expect(add("2025-01-24 10:00", 3)).toBe("2025-02-05 10:00");
  });

  it("counts from the swapped working Sunday, and into the swapped Saturday after the holiday", () => {
    expect(isWorkingDay(cn("2025-01-26 10:00"), official)).toBe(true);
    expect(add("2025-01-26 10:00", 1)).toBe("2025-01-27 10:00");
    expect(add("2025-01-26 10:00", 2)).toBe("2025-02-05 10:00");
    expect(add("2025-02-07 16:30", 1)).toBe("2025-02-08 16:30");
    expect(add("2025-02-07 16:30", 2)).toBe("2025-02-10 16:30");
  });

  it("working days across the week: 6 from the Friday before to the swapped Saturday (weekends only: 10)", () => {
    expect(workingDaysBetween(cn("2025-01-24 10:00"), cn("2025-02-08 10:00"), official)).toBe(6);
    expect(workingDaysBetween(cn("2025-01-24 10:00"), cn("2025-02-08 10:00"), WEEKENDS_ONLY)).toBe(10);
    expect(workingDaysBetween(cn("2025-01-27 10:00"), cn("2025-02-05 09:59"), official)).toBe(0);
    expect(workingDaysBetween(cn("2025-01-27 10:00"), cn("2025-02-05 10:00"), official)).toBe(1);
  });
});

describe("National Day 2025 (holiday Wed 1 - Wed 8 Oct; Sun 28 Sep and Sat 11 Oct worked)", () => {
  it("from the Friday before and from the last working day before the holiday", () => {
    expect(add("2025-09-26 09:00", 1)).toBe("2025-09-28 09:00");
    expect(add("2025-09-26 09:00", 3)).toBe("2025-09-30 09:00");
    expect(add("2025-09-26 09:00", 4)).toBe("2025-10-09 09:00");
    expect(add("2025-09-30 17:00", 1)).toBe("2025-10-09 17:00");
    expect(add("2025-09-30 17:00", 3)).toBe("2025-10-11 17:00");
  });

  it("working days across the week", () => {
    expect(workingDaysBetween(cn("2025-09-30 17:00"), cn("2025-10-11 17:00"), official)).toBe(3);
    expect(workingDaysBetween(cn("2025-09-26 09:00"), cn("2025-10-13 09:00"), official)).toBe(7); // 28, 29, 30, 9, 10, 11, 13
  });
});

describe("Spring Festival 2026 (holiday Sun 15 - Mon 23 Feb; Sat 14 and Sat 28 Feb worked)", () => {
  it("from the Friday before: the swapped Saturday, then Tuesday 24 Feb", () => {
    expect(add("2026-02-13 11:00", 1)).toBe("2026-02-14 11:00");
    expect(add("2026-02-13 11:00", 2)).toBe("2026-02-24 11:00");
    expect(add("2026-02-14 11:00", 1)).toBe("2026-02-24 11:00");
    expect(add("2026-02-27 11:00", 1)).toBe("2026-02-28 11:00");
  });

  it("working days across the fortnight: 6 (weekends only: 10)", () => {
    expect(workingDaysBetween(cn("2026-02-13 11:00"), cn("2026-02-28 11:00"), official)).toBe(6);
    expect(workingDaysBetween(cn("2026-02-13 11:00"), cn("2026-02-28 11:00"), WEEKENDS_ONLY)).toBe(10);
  });
});

describe("National Day 2026 (Mid-Autumn Fri 25 - Sun 27 Sep, National Day Thu 1 - Wed 7 Oct; Sun 20 Sep and Sat 10 Oct worked)", () => {
  it("from the last working day before the holiday (Wed 30 Sep): Thu 8, Fri 9, Sat 10 Oct", () => {
    expect(add("2026-09-30 10:00", 1)).toBe("2026-10-08 10:00");
    expect(add("2026-09-30 10:00", 2)).toBe("2026-10-09 10:00");
    expect(add("2026-09-30 10:00", 3)).toBe("2026-10-10 10:00");
    expect(add("2026-09-30 10:00", 4)).toBe("2026-10-12 10:00");
  });

  it("the swapped Sunday before Mid-Autumn, and Mid-Autumn itself", () => {
    expect(add("2026-09-18 10:00", 1)).toBe("2026-09-20 10:00");
    expect(add("2026-09-24 10:00", 1)).toBe("2026-09-28 10:00");
    expect(isWorkingDay(cn("2026-09-25 10:00"), official)).toBe(false);
  });

  it("working days across the week", () => {
    expect(workingDaysBetween(cn("2026-09-30 10:00"), cn("2026-10-10 10:00"), official)).toBe(3);
    expect(workingDaysBetween(cn("2026-09-30 10:00"), cn("2026-10-10 10:00"), WEEKENDS_ONLY)).toBe(7);
  });
});

describe("weekends only (a year the calendar has no data for)", () => {
  it("skips Saturday and Sunday and nothing else", () => {
    expect(add("2026-11-26 10:00", 2, WEEKENDS_ONLY)).toBe("2026-11-30 10:00"); // Thursday -> Monday
    expect(add("2026-11-23 10:00", 2, WEEKENDS_ONLY)).toBe("2026-11-25 10:00");
    expect(add("2026-09-30 10:00", 1, WEEKENDS_ONLY)).toBe("2026-10-01 10:00");
    expect(add("2027-02-05 10:00", 2, official)).toBe("2027-02-09 10:00"); // 2027: no data yet
  });

  it("counts zero days as the same instant and refuses negative or fractional counts", () => {
    expect(addWorkingDays(cn("2026-10-03 10:00"), 0, official)).toEqual(cn("2026-10-03 10:00"));
    expect(() => addWorkingDays(cn("2026-10-03 10:00"), -1, official)).toThrow(RangeError);
    expect(() => addWorkingDays(cn("2026-10-03 10:00"), 1.5, official)).toThrow(RangeError);
    expect(workingDaysBetween(cn("2026-10-03 10:00"), cn("2026-10-01 10:00"), official)).toBe(0);
  });
});

describe("China time", () => {
  it("keeps the time of day, to the millisecond, late in the evening too", () => {
    const from = new Date("2026-09-30T15:45:12.345Z"); // 23:45:12.345 in Jiangmen, Wed 30 Sep
    expect(addWorkingDays(from, 1, official).toISOString()).toBe("2026-10-08T15:45:12.345Z");
  });

  it("dates by China's day at the 23:30 UTC boundary (already 07:30 the next morning in Jiangmen)", () => {
    const at = new Date("2025-09-27T23:30:00Z"); // Sunday 28 Sep 07:30 in China, a swapped working day
    expect(chinaDate(at)).toBe("2025-09-28");
    expect(chinaWeekday(at)).toBe(0);
    expect(isWorkingDay(at, official)).toBe(true);
    expect(isWorkingDay(at, WEEKENDS_ONLY)).toBe(false);
    expect(chinaDay(at).toISOString()).toBe("2025-09-28T00:00:00.000Z");
    expect(chinaMidnight(at).toISOString()).toBe("2025-09-27T16:00:00.000Z");
    expect(todayDay(at)).toBe(Date.UTC(2025, 8, 28) / 86_400_000);
    // Friday 20:00 UTC is Saturday 04:00 in China: two working days -> Tuesday 04:00 China.
    expect(addWorkingDays(new Date("2026-11-27T20:00:00Z"), 2, WEEKENDS_ONLY).toISOString()).toBe("2026-11-30T20:00:00.000Z");
  });

  it("one time zone name for pages and e-mails", () => {
    expect(CHINA_TIME_ZONE).toBe("Asia/Shanghai");
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: CHINA_TIME_ZONE, dateStyle: "short" });
    expect(fmt.format(new Date("2025-09-27T23:30:00Z"))).toBe("2025-09-28");
  });
});

describe("LEAD_FIRST_CONTACT_WORKING_DAYS", () => {
  it("defaults to 1 working day and takes a whole number from 1 to 10", () => {
    expect(parseEnv({}).LEAD_FIRST_CONTACT_WORKING_DAYS).toBe(1);
    expect(parseEnv({ LEAD_FIRST_CONTACT_WORKING_DAYS: "3" }).LEAD_FIRST_CONTACT_WORKING_DAYS).toBe(3);
    expect(parseEnv({ LEAD_FIRST_CONTACT_WORKING_DAYS: "10" }).LEAD_FIRST_CONTACT_WORKING_DAYS).toBe(10);
    for (const bad of ["0", "11", "1.5", "one"]) {
      expect(() => parseEnv({ LEAD_FIRST_CONTACT_WORKING_DAYS: bad }), bad).toThrow(EnvError);
    }
    expect(() => parseEnv({ LEAD_FIRST_CONTACT_WORKING_DAYS: "0" })).toThrow(/LEAD_FIRST_CONTACT_WORKING_DAYS: must be at least 1/);
  });
});
