// The audit log (audit.read): every recorded change, newest first, filtered by person, kind of
// record (and one record), action and China dates; the filters live in the URL (a plain GET
// form). A refused filter is named and left out; the others still apply.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SelectField } from "@/components/select-field";
import { AuditValue } from "@/components/staff/audit-value";
import { loadAuditPage } from "@/lib/audit/loaders";
import { AUDIT_ENTITIES, auditFilterSchema, type AuditFilter } from "@/lib/audit/log-queries";
import { requireStaffPage } from "@/lib/auth/page-guard";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";

type Props = PageProps<"/[locale]/staff/audit">;
const KEYS = ["actor", "entity", "entityId", "action", "from", "to", "after"] as const;
const fieldClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm aria-[invalid=true]:border-red-500";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.audit" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

/** Each filter parsed on its own: one bad value is named and dropped, the rest apply. */
function parseFilters(query: Record<string, string | string[] | undefined>): { filter: AuditFilter; errors: Record<string, string>; raw: Record<string, string> } {
  const raw = Object.fromEntries(KEYS.map((k) => [k, typeof query[k] === "string" ? (query[k] as string) : ""]));
  const errors: Record<string, string> = {};
  const kept: Record<string, string> = {};
  for (const k of KEYS) {
    const one = auditFilterSchema.safeParse({ [k]: raw[k] });
    if (one.success) kept[k] = raw[k]!;
    else errors[k] = fieldErrorsOf(one.error)[k] ?? "invalid";
  }
  const all = auditFilterSchema.safeParse(kept);
  if (all.success) return { filter: all.data, errors, raw };
  // Only the range can fail as a whole (to before from): drop its end.
  Object.assign(errors, fieldErrorsOf(all.error));
  return { filter: auditFilterSchema.parse({ ...kept, to: "" }), errors, raw };
}

export default async function AuditLogPage({ params, searchParams }: Props) {
  const [{ locale }, query] = await Promise.all([params, searchParams]);
  const { filter, errors, raw } = parseFilters(query);
  const qs = new URLSearchParams(Object.entries(raw).filter(([, v]) => v)).toString();
  const actor = await requireStaffPage("audit.read", locale, `/${locale}/staff/audit${qs ? `?${qs}` : ""}`);
  setRequestLocale(locale);
  const [t, tv, { page, options }] = await Promise.all([getTranslations("staff.audit"), getTranslations("validation"), loadAuditPage(actor, filter)]);
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "medium" });
  const base = `/${locale}/staff/audit`;
  const withFilters = (after?: string) => {
    const s = new URLSearchParams(Object.entries({ ...raw, after: after ?? "" }).filter(([k, v]) => v && !errors[k])).toString();
    return s ? `${base}?${s}` : base;
  };
  const error = (k: string) => (errors[k] ? <p id={`${k}-error`} className="mt-1 text-xs text-red-700">{translateFieldMessage(tv, errors[k]!)}</p> : null);
  const invalid = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `${k}-error` : undefined });
  const entityLabel = (e: string) => ((AUDIT_ENTITIES as readonly string[]).includes(e) ? t(`entities.${e as (typeof AUDIT_ENTITIES)[number]}`) : e);
  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 max-w-3xl text-sm text-stone-600">{t("lead")}</p>
      <form method="get" action={base} aria-label={t("filters.title")} className="mt-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-6" data-testid="audit-filters">
        {Object.keys(errors).length > 0 && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-800 sm:col-span-3 lg:col-span-6">{t("errors.summary")}</p>}
        <SelectField name="actor" label={t("filters.actor")} anyLabel={t("filters.any")} defaultValue={raw.actor ?? ""} className={fieldClass} options={options.actors.map((a) => ({ value: a.id, label: `${a.name} (${a.email})` }))} error={error("actor")} invalid={!!errors.actor} />
        <SelectField name="entity" label={t("filters.entity")} anyLabel={t("filters.any")} defaultValue={raw.entity ?? ""} className={fieldClass} options={AUDIT_ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))} error={error("entity")} invalid={!!errors.entity} />
        <label className="block text-sm font-medium">
          {t("filters.entityId")}
          <input name="entityId" defaultValue={raw.entityId} maxLength={64} className={fieldClass} {...invalid("entityId")} />
          {error("entityId")}
        </label>
        <SelectField name="action" label={t("filters.action")} anyLabel={t("filters.any")} defaultValue={raw.action ?? ""} className={fieldClass} options={options.actions.map((a) => ({ value: a, label: a }))} error={error("action")} invalid={!!errors.action} />
        <label className="block text-sm font-medium">
          {t("filters.from")}
          <input type="date" name="from" defaultValue={raw.from} className={fieldClass} {...invalid("from")} />
          {error("from")}
        </label>
        <label className="block text-sm font-medium">
          {t("filters.to")}
          <input type="date" name="to" defaultValue={raw.to} className={fieldClass} {...invalid("to")} />
          {error("to")}
        </label>
        <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900">{t("filters.apply")}</button>
          <a href={base} className="text-sm text-brand-700 underline">{t("filters.clear")}</a>
        </div>
      </form>

      {page.rows.length === 0 ? (
        <p className="mt-6 text-stone-600" data-testid="audit-empty">{t("empty")}</p>
      ) : (
        <div className="mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="audit-table">
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="px-3 py-2">{t("table.when")}</th>
                <th scope="col" className="px-3 py-2">{t("table.who")}</th>
                <th scope="col" className="px-3 py-2">{t("table.action")}</th>
                <th scope="col" className="px-3 py-2">{t("table.record")}</th>
                <th scope="col" className="px-3 py-2">{t("table.changes")}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} className="border-t border-stone-100 align-top" data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2"><time dateTime={r.createdAt.toISOString()}>{when.format(r.createdAt)}</time></td>
                  <td className="px-3 py-2">{r.actor ? r.actor.name : t("table.system")}</td>
                  <td className="px-3 py-2"><code className="text-xs">{r.action}</code></td>
                  <td className="px-3 py-2">
                    {entityLabel(r.entity)}{" "}
                    <a href={`${base}?entity=${encodeURIComponent(r.entity)}&entityId=${encodeURIComponent(r.entityId)}`} className="text-brand-700 underline">
                      {r.entityLabel ?? r.entityId}
                    </a>
                    {r.entityLabel === null && <span className="text-xs text-stone-500"> {t("table.gone")}</span>}
                  </td>
                  <td className="px-3 py-2">
                    {r.changes.length === 0 ? (
                      <span className="text-stone-500">{t("table.noChanges")}</span>
                    ) : (
                      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
                        {r.changes.map((c) => (
                          <div key={c.field} className="contents">
                            <dt className="text-stone-600">{c.field}</dt>
                            <dd>
                              {c.before !== undefined && <><span className="text-red-800 line-through decoration-red-300"><AuditValue value={c.before} /></span> → </>}
                              <span className="text-brand-900"><AuditValue value={c.after} /></span>
                            </dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex gap-4 text-sm" aria-label={t("older")}>
        {filter.after && <a href={withFilters()} className="text-brand-700 underline">{t("newest")}</a>}
        {page.next && <a href={withFilters(page.next)} className="text-brand-700 underline" data-testid="audit-older">{t("older")}</a>}
      </nav>
    </div>
  );
}
