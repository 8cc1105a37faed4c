// One record's audit history on its staff page (parcels, parks, projects): who changed which
// fields, when (China time), before and after, newest first, older pages by keyset cursor
// (?historyAfter=). Server component; the rows come from lib/audit (recordHistory), the
// rendering from components/audit-history.tsx.
import { getTranslations } from "next-intl/server";
import { AuditHistory } from "@/components/audit-history";
import type { AuditPage } from "@/lib/audit/log-queries";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";

/** fieldLabel for a record form's fields (name -> label), the field's own name otherwise */
export const fieldLabels = (fields: readonly { name: string; label: string }[]) => {
  const labels = new Map(fields.map((f) => [f.name, f.label]));
  return (key: string) => labels.get(key) ?? key;
};

interface Props {
  locale: string;
  history: AuditPage;
  /** the page itself with ?historyAfter=<cursor> */
  olderHref: (cursor: string) => string;
  /** the changed fields' names, in the words of the record's form */
  fieldLabel: (key: string) => string;
  /** how a value reads (dates, enums, money); default: plain text */
  formatValue?: (key: string, value: unknown) => string;
}

export async function RecordHistory({ locale, history, olderHref, fieldLabel, formatValue }: Props) {
  const t = await getTranslations("staff.records.history");
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
  return (
    <section aria-labelledby="history-title" className="mt-10" data-testid="record-history">
      <h2 id="history-title" className="text-lg font-semibold">{t("title")}</h2>
      <AuditHistory
        rows={history.rows}
        text={{ empty: t("empty"), system: t("system"), field: t("field"), before: t("before"), after: t("after"), reason: (reason) => t("reason", { reason }) }}
        actionLabel={(a) => (t.has(`action.${a}`) ? t(`action.${a}`) : a)}
        fieldLabel={fieldLabel}
        formatValue={formatValue}
        formatAt={(at) => when.format(at)}
      />
      {history.next && (
        <p className="mt-3">
          <a href={olderHref(history.next)} className="text-sm font-medium text-brand-700 underline">{t("older")}</a>
        </p>
      )}
    </section>
  );
}
