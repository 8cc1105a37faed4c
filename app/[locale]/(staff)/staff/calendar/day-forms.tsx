"use client";

import "@/lib/zod-csp";
import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { calendarDayCreateSchema, calendarDayUpdateSchema, NAME_EN_MAX, NAME_ZH_MAX } from "@/lib/calendar/schemas";
import type { CalendarDayKind } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import { addDay, deleteDay, updateDay, type CalendarFormState } from "./actions";

const KINDS: CalendarDayKind[] = ["HOLIDAY", "WORKDAY"];
const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
const button = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

export interface DayRow {
  date: string;
  kind: CalendarDayKind;
  nameZh: string;
  nameEn: string;
  /** the version the form saw (ISO instant) */
  seenAt: string;
  /** "Wed, 1 Oct 2026" in the page's language */
  label: string;
}

/** Messages of one form: its field errors (browser check first, then the server's) and its banner. */
function useFormMessages(state: CalendarFormState, clientErrors: Record<string, string>) {
  const t = useTranslations("staff.calendar");
  const tv = useTranslations("validation");
  const serverErrors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const errors: Record<string, string> = { ...serverErrors, ...clientErrors };
  const say = (key: string) =>
    t.has(`errors.${key}`)
      ? t(`errors.${key}` as "errors.exists", { requestId: state && !state.ok ? (state.error.requestId ?? "") : "" })
      : translateFieldMessage(tv, key);
  // A refusal that names fields says so once at the top; each field says what is wrong with it.
  const banner = Object.keys(errors).length ? "validation" : state && !state.ok ? state.error.message : null;
  return { errors, say, banner };
}

/** Checks with the same schema as the server before sending; returns the errors found. */
function checkBeforeSending(event: FormEvent<HTMLFormElement>, schema: typeof calendarDayCreateSchema | typeof calendarDayUpdateSchema) {
  const data = Object.fromEntries(new FormData(event.currentTarget).entries());
  const parsed = schema.safeParse(data);
  if (parsed.success) return {};
  event.preventDefault();
  const form = event.currentTarget;
  setTimeout(() => form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  return fieldErrorsOf(parsed.error);
}

function Banner({ message, say, ok }: { message: string | null; say: (k: string) => string; ok?: string }) {
  if (message) {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {say(message)}
      </p>
    );
  }
  return ok ? (
    <p role="status" className="rounded-md border border-brand-600 bg-brand-50 p-3 text-sm text-brand-900">
      {ok}
    </p>
  ) : null;
}

function Fields({ prefix, values, errors, say, dateEditable }: { prefix: string; values: Partial<Record<string, string>>; errors: Record<string, string>; say: (k: string) => string; dateEditable: boolean }) {
  const t = useTranslations("staff.calendar");
  const field = (name: string) => ({
    name,
    id: `${prefix}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${prefix}-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${prefix}-${name}-error`} className="mt-1 text-xs text-red-700">
        {say(errors[name]!)}
      </p>
    ) : null;
  const label = (name: string) => (
    <label htmlFor={`${prefix}-${name}`} className="block text-sm font-medium">
      {t(`fields.${name}` as "fields.date")}
    </label>
  );
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {dateEditable && (
        <div>
          {label("date")}
          <input {...field("date")} type="date" required min="2000-01-01" max="2100-12-31" defaultValue={values.date} className={input} />
          {error("date")}
        </div>
      )}
      <div>
        {label("kind")}
        <select {...field("kind")} key={values.kind ?? ""} defaultValue={values.kind ?? "HOLIDAY"} className={input}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind.${k}`)}
            </option>
          ))}
        </select>
        {error("kind")}
      </div>
      <div>
        {label("nameZh")}
        <input {...field("nameZh")} lang="zh" required maxLength={NAME_ZH_MAX} defaultValue={values.nameZh} className={input} />
        {error("nameZh")}
      </div>
      <div>
        {label("nameEn")}
        <input {...field("nameEn")} lang="en" required maxLength={NAME_EN_MAX} defaultValue={values.nameEn} className={input} />
        {error("nameEn")}
      </div>
    </div>
  );
}

export function AddDayForm({ locale }: { locale: string }) {
  const t = useTranslations("staff.calendar");
  const [state, action, pending] = useActionState<CalendarFormState, FormData>(addDay, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { errors, say, banner } = useFormMessages(state, clientErrors);
  const values = state && !state.ok ? (state.values ?? {}) : {};
  return (
    <form
      action={action}
      noValidate
      className="space-y-3"
      onSubmit={(e) => setClientErrors(checkBeforeSending(e, calendarDayCreateSchema))}
      data-testid="calendar-add"
    >
      <Banner message={banner} say={say} ok={state?.ok ? t("add.done", { date: state.data.date }) : undefined} />
      <input type="hidden" name="locale" value={locale} />
      <Fields prefix="add" values={values} errors={errors} say={say} dateEditable />
      <p className="text-xs text-stone-600">{t("kindHint")}</p>
      <button type="submit" disabled={pending} className={button}>
        {pending ? t("saving") : t("add.submit")}
      </button>
    </form>
  );
}

/** The row's "Change" panel: open while a refusal is shown, closed again once saved. */
export function EditDayForm({ locale, row }: { locale: string; row: DayRow }) {
  const t = useTranslations("staff.calendar");
  const [state, action, pending] = useActionState<CalendarFormState, FormData>(updateDay, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { errors, say, banner } = useFormMessages(state, clientErrors);
  const values = state && !state.ok ? { ...row, ...state.values } : row;
  const refused = Boolean(banner);
  return (
    <>
      {state?.ok && (
        <p role="status" className="mt-2 text-sm text-brand-900">
          {t("edit.done", { date: row.label })}
        </p>
      )}
      <details className="mt-2" open={refused ? true : undefined}>
        <summary className="cursor-pointer text-sm text-brand-700 underline">{t("edit.open")}</summary>
        <form action={action} noValidate className="mt-3 space-y-3" onSubmit={(e) => setClientErrors(checkBeforeSending(e, calendarDayUpdateSchema))}>
          <Banner message={banner} say={say} />
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="date" value={row.date} />
          <input type="hidden" name="seenAt" value={row.seenAt} />
          <Fields prefix={`edit-${row.date}`} values={values} errors={errors} say={say} dateEditable={false} />
          <button type="submit" disabled={pending} className={button}>
            {pending ? t("saving") : t("edit.submit")}
          </button>
        </form>
      </details>
    </>
  );
}

export function DeleteDayForm({ locale, row }: { locale: string; row: DayRow }) {
  const t = useTranslations("staff.calendar");
  const [state, action, pending] = useActionState<CalendarFormState, FormData>(deleteDay, null);
  const { say } = useFormMessages(state, {});
  return (
    <form
      action={action}
      className="inline"
      onSubmit={(e) => {
        if (!window.confirm(t("delete.confirm", { date: row.label }))) e.preventDefault();
      }}
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="date" value={row.date} />
      <input type="hidden" name="seenAt" value={row.seenAt} />
      <button type="submit" disabled={pending} className="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-800 hover:bg-red-50 disabled:opacity-60">
        {t("delete.submit")}
      </button>
      {state && !state.ok && (
        <span role="alert" className="ml-2 text-sm text-red-800">
          {say(state.error.message)}
        </span>
      )}
    </form>
  );
}
