import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { chinaDate } from "@/lib/calendar/china-time";
import { loadCalendarYear, loadCalendarYears } from "@/lib/calendar/loaders";
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, calendarYearSchema, weekdayOf } from "@/lib/calendar/schemas";
import { AddDayForm, DeleteDayForm, EditDayForm, type DayRow } from "./day-forms";

export async function generateMetadata({ params }: PageProps<"/[locale]/staff/calendar">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.calendar" });
  return { title: t("title"), robots: { index: false } };
}

export default async function CalendarPage({ params, searchParams }: PageProps<"/[locale]/staff/calendar">) {
  const { locale } = await params;
  const { year: rawYear } = await searchParams;
  const parsed = calendarYearSchema.safeParse(typeof rawYear === "string" ? rawYear : undefined);
  const path = `/${locale}/staff/calendar${parsed.success ? `?year=${parsed.data}` : ""}`;
  await requireStaffPage("calendar.manage", locale, path);
  setRequestLocale(locale);
  const t = await getTranslations("staff.calendar");

  // The year in China now, unless the URL names one (a hand-edited bad year shows this one).
  const thisYear = Number(chinaDate(new Date()).slice(0, 4));
  const year = parsed.success ? parsed.data : thisYear;
  const [rows, withData] = await Promise.all([loadCalendarYear(year), loadCalendarYears()]);
  const years = [...new Set([...withData, thisYear, thisYear + 1, year])].sort((a, b) => a - b);

  const fmt = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { weekday: "short", year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
  const days: DayRow[] = rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    nameZh: r.nameZh,
    nameEn: r.nameEn,
    seenAt: r.updatedAt.toISOString(),
    label: fmt.format(new Date(`${r.date}T00:00:00Z`)),
  }));
  const holidays = days.filter((d) => d.kind === "HOLIDAY").length;
  const href = (y: number) => `/${locale}/staff/calendar?year=${y}`;
  const yearLink = "rounded-md px-3 py-1.5 text-sm";

  return (
    <div className="mx-auto max-w-5xl space-y-8 px-4 py-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-stone-700">{t("intro")}</p>
        <p className="text-xs text-stone-600">{t("source")}</p>
      </header>

      <nav aria-label={t("yearNav")} className="flex flex-wrap items-center gap-2">
        {year > CALENDAR_MIN_YEAR && (
          <Link href={href(year - 1)} className={`${yearLink} border border-stone-300`} rel="prev">
            ‹ <span className="sr-only sm:not-sr-only">{t("prevYear")}</span>
          </Link>
        )}
        {years.map((y) => (
          <Link key={y} href={href(y)} aria-current={y === year ? "page" : undefined} className={`${yearLink} ${y === year ? "bg-brand-700 font-semibold text-white" : "border border-stone-300 hover:bg-stone-100"}`}>
            {y}
          </Link>
        ))}
        {year < CALENDAR_MAX_YEAR && (
          <Link href={href(year + 1)} className={`${yearLink} border border-stone-300`} rel="next">
            <span className="sr-only sm:not-sr-only">{t("nextYear")}</span> ›
          </Link>
        )}
      </nav>

      <section aria-labelledby="calendar-add" className="space-y-3 rounded-lg border border-stone-200 bg-stone-50 p-4">
        <h2 id="calendar-add" className="text-lg font-semibold">{t("add.title")}</h2>
        <AddDayForm locale={locale} />
      </section>
      <section aria-labelledby="calendar-list" className="space-y-3">
        <h2 id="calendar-list" className="text-lg font-semibold">{t("listTitle", { year })}</h2>
        <p className="text-sm" data-testid="calendar-summary">{t("summary", { year, holidays, workdays: days.length - holidays })}</p>
        {days.length === 0 ? (
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="calendar-empty">
            {t("emptyYear", { year })}
          </p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200" data-testid="calendar-days">
            {days.map((d) => {
              const weekend = [0, 6].includes(weekdayOf(d.date));
              return (
                <li key={d.date} className="p-3" data-date={d.date}>
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <time dateTime={d.date} className="text-sm font-medium tabular-nums sm:w-44">
                      {d.label}
                      {weekend && <span className="ml-1 text-xs font-normal text-stone-500">({t("weekend")})</span>}
                    </time>
                    <span className={`rounded px-2 py-0.5 text-xs font-medium ${d.kind === "HOLIDAY" ? "bg-red-100 text-red-900" : "bg-sky-100 text-sky-900"}`}>{t(`kind.${d.kind}`)}</span>
                    <span className="order-last basis-full text-sm text-stone-800 sm:order-none sm:basis-0 sm:flex-1">
                      <span lang="zh">{d.nameZh}</span> · <span lang="en">{d.nameEn}</span>
                    </span>
                    <div className="ml-auto">
                      <DeleteDayForm locale={locale} row={d} />
                    </div>
                  </div>
                  <EditDayForm locale={locale} row={d} />
                </li>
              );
            })}
          </ul>
        )}
      </section>

    </div>
  );
}
