"use client";

// The parcel's edit form: a plain <form> with a server action (works without JavaScript),
// checked in the browser with the server's own schema. It never loses what was typed: a refused
// save comes back with the typed values as the fields' defaults. On a conflict, each field
// whose saved value differs from the typing shows the saved value beside it, and the form then
// carries the version now seen, so saving again is a deliberate overwrite of what was compared.
import "@/lib/zod-csp";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter } from "next-intl";
import type { ParcelStatus } from "@/lib/generated/prisma/enums";
import { updateParcelSchema } from "@/lib/land/parcel-schemas";
import { CAPACITY_FIELDS, type ParcelValues } from "@/lib/land/parcel-values";
import { READINESS_ITEMS } from "@/lib/land/readiness";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { updateParcelForm, type ParcelFormState } from "../actions";
import { buttonClass, inputClass, useParcelMessages } from "../form-messages";

interface Props {
  values: ParcelValues;
  /** moves the ordinary rules allow from the saved status */
  ordinary: ParcelStatus[];
  /** further moves offered only to parcel.override holders (empty for others) */
  overrides: ParcelStatus[];
  /** today in China (YYYY-MM-DD) */
  today: string;
}

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? "" : String(v));

export function ParcelEditForm({ values, ordinary, overrides, today }: Props) {
  const { t, status, fieldMessage, formError } = useParcelMessages();
  const format = useFormatter();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ParcelFormState, FormData>(updateParcelForm, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // Count the action's answers: selects and checkboxes are keyed on it, so they remount with
  // the typed value as their default after a refused save (React resets a form after its action).
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setRound(round + 1);
  }
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  const current = failed?.error.code === "conflict" ? (failed.error.current as ParcelValues | null | undefined) ?? null : null;
  const typed = failed?.values ?? {};
  const errors: Record<string, string> = { ...(failed?.error.fieldErrors ?? {}), ...clientErrors };
  const shownVersion = Math.max(values.version, current?.version ?? 0);
  // After a conflict, a field this admin did not touch (typed as the page first showed it) takes
  // the value saved meanwhile: only their own changes are kept and compared, so saving again
  // never puts back a stale value of a field they never edited.
  const untouched = (name: string) => current !== null && name in current && (typed[name] ?? "").trim() === str(values[name as keyof ParcelValues] as string | number | null).trim();
  const value = (name: string, saved: string) =>
    untouched(name) ? str(current![name as keyof ParcelValues] as string | number | null) : name in typed ? typed[name]! : saved;
  const field = (name: string) => ({
    name,
    id: `parcel-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [errors[name] ? `parcel-${name}-error` : "", current ? `parcel-${name}-current` : ""].filter(Boolean).join(" ") || undefined,
  });
  const error = (name: string) => (errors[name] ? <p id={`parcel-${name}-error`} className="mt-1 text-xs text-red-700">{fieldMessage(errors[name]!)}</p> : null);
  /** After a conflict: the saved value, where it differs from what this admin typed. */
  const saved = (name: keyof ParcelValues, shown: (v: string) => string = (v) => v) => {
    if (!current || !(name in typed) || untouched(name)) return null;
    const now = str(current[name] as string | number | null);
    if (now === (typed[name] ?? "").trim()) return null;
    return (
      <p id={`parcel-${name}-current`} className="mt-1 rounded bg-amber-50 px-2 py-0.5 text-xs text-amber-900" data-testid={`current-${name}`}>
        {t("edit.current", { value: now === "" ? t("edit.none") : shown(now) })}
      </p>
    );
  };
  const label = (name: string, text: string) => <label htmlFor={`parcel-${name}`} className="block text-sm font-medium">{text}</label>;
  const problem = formError(failed, clientErrors);
  return (
    <form
      action={formAction}
      noValidate
      data-testid="parcel-edit-form"
      className="space-y-4"
      onSubmit={(event) => {
        const parsed = updateParcelSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget).entries()));
        const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
        setClientErrors(found);
        if (!parsed.success) {
          event.preventDefault();
          const form = event.currentTarget;
          setTimeout(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
        }
      }}
    >
      <input type="hidden" name="parcelId" value={values.id} />
      <input type="hidden" name="version" value={shownVersion} />
      {current && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="parcel-conflict">
          {t("edit.conflict", { version: current.version, at: format.dateTime(new Date(current.updatedAt), { dateStyle: "medium", timeStyle: "short", timeZone: CHINA_TIME_ZONE }) })}
        </div>
      )}
      {problem && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">{problem}</p>}
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          {label("status", t("edit.status"))}
          <select key={`s${round}`} {...field("status")} defaultValue={value("status", values.status)} className={inputClass}>
            <option value={values.status}>{status(values.status)}</option>
            {current && current.status !== values.status && !ordinary.includes(current.status) && !overrides.includes(current.status) && (
              <option value={current.status}>{status(current.status)}</option>
            )}
            {ordinary.map((s) => <option key={s} value={s}>{status(s)}</option>)}
            {overrides.length > 0 && (
              <optgroup label={t("edit.overrideGroup")}>
                {overrides.map((s) => <option key={s} value={s}>{status(s)}</option>)}
              </optgroup>
            )}
          </select>
          {error("status")}
          {saved("status", status)}
        </div>
        <div>
          {label("reason", t("edit.reason"))}
          <input {...field("reason")} defaultValue={value("reason", "")} className={inputClass} />
          <p className="mt-1 text-xs text-stone-500">{t("edit.reasonHint")}</p>
          {error("reason")}
        </div>
        <div>
          {label("priceCnyPerMu", t("edit.price"))}
          <div className="flex items-center gap-2">
            <input {...field("priceCnyPerMu")} defaultValue={value("priceCnyPerMu", str(values.priceCnyPerMu))} className={inputClass} aria-describedby={[field("priceCnyPerMu")["aria-describedby"], "parcel-priceCnyPerMu-unit"].filter(Boolean).join(" ")} />
            <span id="parcel-priceCnyPerMu-unit" className="mt-1 whitespace-nowrap text-sm text-stone-600" data-testid="price-unit">{t("edit.priceUnit")}</span>
          </div>
          <p className="mt-1 text-xs text-stone-500">{t("edit.priceHint")}</p>
          {error("priceCnyPerMu")}
          {saved("priceCnyPerMu")}
        </div>
        <div className="grid grid-cols-2 gap-2">
          <div>
            {label("plotRatioMin", t("edit.plotRatioMin"))}
            <input {...field("plotRatioMin")} inputMode="decimal" defaultValue={value("plotRatioMin", str(values.plotRatioMin))} className={inputClass} />
            {error("plotRatioMin")}
            {saved("plotRatioMin")}
          </div>
          <div>
            {label("plotRatioMax", t("edit.plotRatioMax"))}
            <input {...field("plotRatioMax")} inputMode="decimal" defaultValue={value("plotRatioMax", str(values.plotRatioMax))} className={inputClass} />
            {error("plotRatioMax")}
            {saved("plotRatioMax")}
          </div>
        </div>
      </div>
      <fieldset className="rounded-md border border-stone-200 p-3" data-testid="parcel-capacities">
        <legend className="px-1 text-sm font-medium">{t("edit.capacities")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {CAPACITY_FIELDS.map((name) => (
            <div key={name}>
              {label(name, t(`fields.${name}`))}
              <input {...field(name)} inputMode="decimal" defaultValue={value(name, str(values[name]))} className={inputClass} />
              {error(name)}
              {saved(name)}
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="rounded-md border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium">{t("edit.readiness")}</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {READINESS_ITEMS.map((item) => (
            <div key={item.column}>
              {label(item.column, t(`fields.${item.column}`))}
              <input {...field(item.column)} type="date" defaultValue={value(item.column, str(values[item.column]))} className={inputClass} />
              {error(item.column)}
              {saved(item.column)}
            </div>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          {label("handoverOn", t("edit.handoverOn"))}
          <input {...field("handoverOn")} type="date" defaultValue={value("handoverOn", str(values.handoverOn))} className={inputClass} />
          {error("handoverOn")}
          {saved("handoverOn")}
        </div>
        <label className="flex items-center gap-2 self-end text-sm">
          <input key={`v${round}`} type="checkbox" name="verified" value="on" defaultChecked={typed.verified === "on"} className="h-4 w-4" data-testid="parcel-verified" />
          {t("edit.verified", { today })}
        </label>
      </div>
      <div className="flex items-center gap-3">
        <button type="submit" className={buttonClass} disabled={pending}>{pending ? t("edit.saving") : t("edit.submit")}</button>
        {state?.ok && <span role="status" className="text-sm text-brand-700">{t("edit.saved")}</span>}
      </div>
    </form>
  );
}
