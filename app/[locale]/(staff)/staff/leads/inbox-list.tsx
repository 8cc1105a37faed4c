// The inbox rows: a table on a laptop, cards on a phone (the same rows, one rendered per
// screen size). Every row's reference is a real link to the lead page; overdue rows stand out
// by colour AND by a written "overdue" badge.
import { getTranslations } from "next-intl/server";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { pick } from "@/lib/i18n/localized";
import type { InboxRow } from "@/lib/leads/inbox";

interface Props {
  locale: string;
  rows: InboxRow[];
}

const focus = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export async function InboxList({ locale, rows }: Props) {
  const t = await getTranslations("staff.inbox");
  const tag = locale === "zh" ? "zh-CN" : "en-GB";
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const when = (d: Date | null) => (d ? dateTime.format(d) : "—");
  const park = (r: InboxRow) => (r.parkNameZh ? pick(locale, r.parkNameZh, r.parkNameEn) : t("row.noPark"));
  const leadHref = (r: InboxRow) => `/${locale}/staff/leads/${r.id}`;
  const overdueBadge = <span className="ml-1 inline-block rounded bg-red-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("row.overdue")}</span>;
  const escalation = (r: InboxRow) =>
    r.escalationLevel > 0 ? (
      <span className="inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("row.escalationLevel", { level: r.escalationLevel })}</span>
    ) : (
      ""
    );
  return (
    <>
      {/* A wide table scrolls inside its own box (focusable, so the keyboard can scroll it),
          never the whole page. */}
      <div className="mt-3 hidden overflow-x-auto md:block" tabIndex={0} role="region" aria-label={t("table.caption")}>
      <table className="w-full border-collapse text-sm" data-testid="inbox-table">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-left text-xs uppercase tracking-wide text-stone-600">
            {(["reference", "received", "company", "contact", "country", "park", "land", "stage", "assignee", "due", "escalation"] as const).map((c) => (
              <th key={c} scope="col" className={`px-2 py-2 font-semibold ${c === "land" ? "text-right" : ""}`}>
                {t(`table.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-overdue={r.overdue || undefined} className={`border-b border-stone-200 align-top ${r.overdue ? "bg-red-50" : "bg-white"}`}>
              <th scope="row" className={`px-2 py-2 text-left font-medium ${r.overdue ? "border-l-4 border-l-red-600" : "border-l-4 border-l-transparent"}`}>
                <a href={leadHref(r)} className={`text-brand-700 underline ${focus}`}>
                  {r.reference}
                </a>
              </th>
              <td className="px-2 py-2 whitespace-nowrap">{when(r.receivedAt)}</td>
              <td className="px-2 py-2">{r.company}</td>
              <td className="px-2 py-2">{r.contactName}</td>
              <td className="px-2 py-2">{r.country}</td>
              <td className="px-2 py-2">{park(r)}</td>
              <td className="px-2 py-2 text-right tabular-nums">{r.landNeededMu === null ? "—" : number.format(r.landNeededMu)}</td>
              <td className="px-2 py-2 whitespace-nowrap">{t(`stage.${r.stage}`)}</td>
              <td className="px-2 py-2">{r.assigneeName ?? <span className="text-stone-500">{t("row.unassigned")}</span>}</td>
              <td className={`px-2 py-2 whitespace-nowrap ${r.overdue ? "font-semibold text-red-800" : ""}`}>
                {when(r.dueAt)}
                {r.overdue && overdueBadge}
              </td>
              <td className="px-2 py-2">{escalation(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      <ul className="mt-3 space-y-2 md:hidden" data-testid="inbox-cards">
        {rows.map((r) => (
          <li key={r.id} data-overdue={r.overdue || undefined} className={`rounded-lg border p-3 text-sm ${r.overdue ? "border-red-300 border-l-4 border-l-red-600 bg-red-50" : "border-stone-200 bg-white"}`}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <a href={leadHref(r)} className={`font-semibold text-brand-700 underline ${focus}`}>
                {r.company}
              </a>
              <span className="text-xs text-stone-600">{r.reference}</span>
            </div>
            <p className="mt-1 text-stone-700">
              {r.contactName} · {r.country} · {park(r)}
              {r.landNeededMu !== null && ` · ${number.format(r.landNeededMu)} ${t("table.muUnit")}`}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-700">
              <span className="rounded bg-stone-100 px-1.5 py-0.5 font-medium">{t(`stage.${r.stage}`)}</span>
              <span>{r.assigneeName ?? t("row.unassigned")}</span>
              <span>
                {t("table.received")}: {when(r.receivedAt)}
              </span>
              <span className={r.overdue ? "font-semibold text-red-800" : ""}>
                {t("table.due")}: {when(r.dueAt)}
              </span>
              {r.overdue && overdueBadge}
              {escalation(r)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
