// The inbox's filter bar: a plain GET form (works without JavaScript; the URL it produces is
// the view). Controls show what the URL says, a refused value included, with its message
// beside the control.
import { getTranslations } from "next-intl/server";
import { SelectField } from "@/components/select-field";
import { Industry, InquiryStage } from "@/lib/generated/prisma/enums";
import { pick } from "@/lib/i18n/localized";
import type { InboxOptions } from "@/lib/leads/inbox";
import { INBOX_ERROR_MESSAGES, INBOX_SORTS } from "@/lib/leads/inbox-schema";
import type { FieldErrors } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";

const fieldClass =
  "mt-1 block w-full rounded-md border border-stone-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-700 aria-[invalid=true]:border-red-500";
/** Parameters with a control of their own here; a problem with any other is listed on top. */
const FORM_FIELDS = new Set(["q", "stage", "assignee", "park", "industry", "country", "landMin", "landMax", "from", "to", "overdue", "escalated", "sort"]);

interface Props {
  locale: string;
  action: string;
  raw: Record<string, unknown>;
  errors: FieldErrors;
  options: InboxOptions;
}

export async function InboxFiltersForm({ locale, action, raw, errors, options }: Props) {
  const [t, tv, tr] = await Promise.all([getTranslations("staff.inbox"), getTranslations("validation"), getTranslations()]);
  const value = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const checked = (k: string) => ["1", "true", "on"].includes(value(k).toLowerCase());
  const stages = new Set((Array.isArray(raw.stage) ? raw.stage : [raw.stage ?? ""]).flatMap((v) => String(v).split(",")));
  const message = (m: string) =>
    (INBOX_ERROR_MESSAGES as readonly string[]).includes(m) ? t(`errors.${m as (typeof INBOX_ERROR_MESSAGES)[number]}`) : translateFieldMessage(tv, m);
  const error = (k: string) =>
    errors[k] ? (
      <p id={`${k}-error`} className="mt-1 text-xs text-red-700">
        {message(errors[k])}
      </p>
    ) : null;
  const invalid = (k: string) => ({ "aria-invalid": errors[k] ? true : undefined, "aria-describedby": errors[k] ? `${k}-error` : undefined });
  const others = Object.keys(errors).filter((k) => !FORM_FIELDS.has(k));
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <form method="get" action={action} aria-label={t("filters.title")} className="space-y-4 self-start rounded-lg border border-stone-200 bg-white p-4" data-testid="inbox-filters">
      {hasErrors && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-xs text-red-800">
          <p>{t("errors.summary")}</p>
          {others.length > 0 && (
            <ul className="mt-1">
              {others.map((k) => (
                <li key={k}>
                  <code>{k}</code>: {message(errors[k]!)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <label className="block text-sm font-medium">
        {t("filters.q")}
        <input type="search" name="q" defaultValue={value("q")} maxLength={100} className={fieldClass} aria-describedby={errors.q ? "q-error" : "q-hint"} aria-invalid={errors.q ? true : undefined} />
        <span id="q-hint" className="mt-1 block text-xs font-normal text-stone-500">
          {t("filters.qHint")}
        </span>
        {error("q")}
      </label>
      <fieldset>
        <legend className="text-sm font-medium">{t("filters.stage")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-1">
          {Object.values(InquiryStage).map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="stage" value={s} defaultChecked={stages.has(s)} className="focus-visible:outline-2 focus-visible:outline-brand-700" />
              {t(`stage.${s}`)}
            </label>
          ))}
        </div>
        {error("stage")}
      </fieldset>
      <SelectField
        name="assignee"
        label={t("filters.assignee")}
        options={[
          { value: "mine", label: t("filters.assigneeMine") },
          { value: "unassigned", label: t("filters.assigneeUnassigned") },
          ...options.staff.map((s) => ({ value: s.id, label: s.name })),
        ]}
        defaultValue={value("assignee")}
        anyLabel={t("filters.assigneeAny")}
        className={fieldClass}
        invalid={Boolean(errors.assignee)}
        error={error("assignee")}
      />
      <SelectField
        name="park"
        label={t("filters.park")}
        options={options.parks.map((p) => ({ value: p.code, label: pick(locale, p.nameZh, p.nameEn) }))}
        defaultValue={value("park")}
        anyLabel={t("filters.any")}
        className={fieldClass}
        invalid={Boolean(errors.park)}
        error={error("park")}
      />
      <SelectField
        name="industry"
        label={t("filters.industry")}
        options={Object.values(Industry).map((i) => ({ value: i, label: tr(`industry.${i}`) }))}
        defaultValue={value("industry")}
        anyLabel={t("filters.any")}
        className={fieldClass}
        invalid={Boolean(errors.industry)}
        error={error("industry")}
      />
      <label className="block text-sm font-medium">
        {t("filters.country")}
        <input name="country" defaultValue={value("country")} maxLength={100} className={fieldClass} {...invalid("country")} />
        {error("country")}
      </label>
      <fieldset>
        <legend className="text-sm font-medium">{t("filters.land")}</legend>
        <div className="mt-1 flex items-center gap-2">
          <label className="sr-only" htmlFor="landMin">{t("filters.landMin")}</label>
          <input id="landMin" name="landMin" inputMode="decimal" placeholder={t("filters.landMin")} defaultValue={value("landMin")} className={fieldClass} {...invalid("landMin")} />
          <span aria-hidden>–</span>
          <label className="sr-only" htmlFor="landMax">{t("filters.landMax")}</label>
          <input id="landMax" name="landMax" inputMode="decimal" placeholder={t("filters.landMax")} defaultValue={value("landMax")} className={fieldClass} {...invalid("landMax")} />
        </div>
        {error("landMin")}
        {error("landMax")}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t("filters.received")}</legend>
        <div className="mt-1 grid grid-cols-2 gap-2">
          <label className="text-xs">
            {t("filters.from")}
            <input type="date" name="from" defaultValue={value("from")} className={fieldClass} {...invalid("from")} />
          </label>
          <label className="text-xs">
            {t("filters.to")}
            <input type="date" name="to" defaultValue={value("to")} className={fieldClass} {...invalid("to")} />
          </label>
        </div>
        {error("from")}
        {error("to")}
      </fieldset>
      <div className="space-y-1">
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={checked("overdue")} {...invalid("overdue")} />
          {t("filters.overdue")}
        </label>
        {error("overdue")}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="escalated" value="1" defaultChecked={checked("escalated")} {...invalid("escalated")} />
          {t("filters.escalated")}
        </label>
        {error("escalated")}
      </div>
      <SelectField
        name="sort"
        label={t("filters.sort")}
        options={INBOX_SORTS.map((s) => ({ value: s, label: t(`filters.sortOptions.${s}`) }))}
        defaultValue={value("sort") || "received-desc"}
        className={fieldClass}
        invalid={Boolean(errors.sort)}
        error={error("sort")}
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
          {t("filters.submit")}
        </button>
        <a href={action} className="text-sm text-stone-700 underline focus-visible:outline-2 focus-visible:outline-brand-700">
          {t("filters.reset")}
        </a>
      </div>
    </form>
  );
}
