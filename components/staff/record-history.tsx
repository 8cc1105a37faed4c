// One record's audit history on its staff page (parks, projects): who changed which fields,
// when (China time), before and after. Server component; the rows come from lib/audit.
import { getTranslations } from "next-intl/server";
import type { AuditPage } from "@/lib/audit/log-queries";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { AuditValue } from "./audit-value";

interface Props {
  locale: string;
  history: AuditPage;
  /** the page itself with ?historyAfter=<cursor> */
  olderHref: (cursor: string) => string;
  /** field labels of the record's form, for the changed fields' names */
  labels: Record<string, string>;
}

export async function RecordHistory({ locale, history, olderHref, labels }: Props) {
  const t = await getTranslations("staff.records.history");
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="history-title" className="mt-10" data-testid="record-history">
      <h2 id="history-title" className="text-lg font-semibold">{t("title")}</h2>
      {history.rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t("empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {history.rows.map((row) => (
            <li key={row.id} className="rounded-lg border border-stone-200 bg-white p-3 text-sm">
              <p className="text-stone-600">
                <time dateTime={row.createdAt.toISOString()}>{when.format(row.createdAt)}</time> · {row.actor?.name ?? t("system")} ·{" "}
                <code className="text-xs">{row.action}</code>
              </p>
              {row.changes.length > 0 && (
                <table className="mt-2 w-full text-left text-xs">
                  <thead className="text-stone-500">
                    <tr>
                      <th scope="col" className="py-1 pr-2 font-medium">{t("field")}</th>
                      <th scope="col" className="py-1 pr-2 font-medium">{t("before")}</th>
                      <th scope="col" className="py-1 font-medium">{t("after")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {row.changes.map((c) => (
                      <tr key={c.field} className="border-t border-stone-100 align-top">
                        <th scope="row" className="py-1 pr-2 font-normal text-stone-600">{labels[c.field] ?? c.field}</th>
                        <td className="py-1 pr-2 text-red-800"><AuditValue value={c.before} /></td>
                        <td className="py-1 text-brand-900"><AuditValue value={c.after} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
      {history.next && (
        <p className="mt-3">
          <a href={olderHref(history.next)} className="text-sm font-medium text-brand-700 underline">{t("older")}</a>
        </p>
      )}
    </section>
  );
}
