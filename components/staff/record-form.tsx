"use client";

// The admins' record form (parks, zones, projects): fields described by the page, sent with the
// version they were rendered from. A refusal keeps every value typed; a field's message sits
// under it. After a conflict each field whose saved value differs from the typed one shows the
// saved value beneath, and the form carries the saved version, so saving again applies the
// admin's values knowingly.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import type { FormValues } from "@/lib/actions/form-input";
import { decodeMessage, translateFieldMessage } from "@/lib/validation/messages";

export type RecordFormState = (ActionResult<{ id: string; code: string; version: number }> & { values?: FormValues }) | null;

export interface FieldSpec {
  name: string;
  label: string;
  kind: "text" | "textarea" | "number" | "date" | "email" | "tel" | "select" | "checkboxes";
  options?: { value: string; label: string }[];
  required?: boolean;
  hint?: string;
  maxLength?: number;
  /** grid span: "full" takes the whole row */
  wide?: boolean;
}

interface Props {
  id: string;
  action: (prev: RecordFormState, form: FormData) => Promise<RecordFormState>;
  fields: FieldSpec[];
  values: FormValues;
  hidden: Record<string, string>;
  submitLabel: string;
  testId?: string;
}

export const recordInputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
const buttonClass = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

const asList = (v: unknown): string[] => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);
const asText = (v: unknown): string => (v === undefined || v === null ? "" : Array.isArray(v) ? v.join(", ") : String(v));
const sameValue = (f: FieldSpec, a: unknown, b: unknown) =>
  f.kind === "checkboxes" ? JSON.stringify(asList(a).sort()) === JSON.stringify(asList(b).sort()) : asText(a).trim() === asText(b).trim();

export function RecordForm({ id, action, fields, values, hidden, submitLabel, testId }: Props) {
  const t = useTranslations("staff.records");
  const tv = useTranslations("validation");
  const [state, formAction, pending] = useActionState<RecordFormState, FormData>(action, null);
  const refused = state && !state.ok ? state : null;
  const current = refused?.error.code === "conflict" ? (refused.error.current as Record<string, unknown> | undefined) : undefined;
  const typed: FormValues = refused?.values ?? values;
  // After a conflict, a field this person did not touch takes the value saved meanwhile: only
  // their own changes are kept (and compared), so saving again never puts back a stale value.
  const shown: FormValues = { ...typed };
  if (current) {
    for (const f of fields) {
      if (f.name in current && sameValue(f, typed[f.name], values[f.name])) shown[f.name] = f.kind === "checkboxes" ? asList(current[f.name]) : asText(current[f.name]);
    }
  }
  const version = current && typeof current.version === "number" ? String(current.version) : hidden.version;
  const errors = refused?.error.fieldErrors ?? {};

  const fieldMessage = (message: string): string => {
    const { key } = decodeMessage(message);
    const arg = message.includes(":") ? message.slice(message.indexOf(":") + 1) : "";
    if (t.has(`fieldErrors.${key}`)) {
      const [min = "", max = ""] = arg.split(":");
      const label = fields.find((f) => f.name === arg)?.label;
      return t(`fieldErrors.${key}` as "fieldErrors.code", { arg: label ?? arg.split(",").join(", "), min, max });
    }
    return translateFieldMessage(tv, message);
  };
  const formError = refused
    ? t.has(`errors.${refused.error.message}`)
      ? t(`errors.${refused.error.message}` as "errors.internal", { requestId: refused.error.requestId ?? "" })
      : t("errors.internal", { requestId: refused.error.requestId ?? "" })
    : null;

  /** The saved value, when it differs from what the form shows, in words. */
  const savedValue = (f: FieldSpec): string | null => {
    if (!current || !(f.name in current)) return null;
    const saved = f.kind === "checkboxes" ? asList(current[f.name]).sort() : [asText(current[f.name])];
    const typed = f.kind === "checkboxes" ? asList(shown[f.name]).sort() : [asText(shown[f.name]).trim()];
    if (JSON.stringify(saved) === JSON.stringify(typed)) return null;
    const label = (v: string) => f.options?.find((o) => o.value === v)?.label ?? v;
    const words = saved.filter((v) => v !== "").map(label).join(", ");
    return words || t("fields.none");
  };

  return (
    <form action={formAction} className="space-y-4" data-testid={testId} key={`${hidden.version}-${version}-${refused ? `${refused.error.message}-${JSON.stringify(shown).length}` : "page"}`}>
      {Object.entries({ ...hidden, version }).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />))}
      {formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-brand-700">
          {t("saved")}
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((f) => {
          const fid = `${id}-${f.name}`;
          const error = errors[f.name];
          const saved = savedValue(f);
          const describedBy = [error ? `${fid}-error` : null, f.hint ? `${fid}-hint` : null, saved ? `${fid}-saved` : null].filter(Boolean).join(" ") || undefined;
          const common = { id: fid, name: f.name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: recordInputClass };
          const span = f.wide || f.kind === "textarea" || f.kind === "checkboxes" ? "sm:col-span-2" : "";
          return (
            <div key={f.name} className={span}>
              {f.kind === "checkboxes" ? (
                <fieldset aria-describedby={describedBy}>
                  <legend className="text-sm font-medium">{f.label}</legend>
                  <div className="mt-1 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 bg-white p-2 sm:grid-cols-3">
                    {f.options!.map((o) => (
                      <label key={o.value} className="flex items-start gap-2 text-sm">
                        <input type="checkbox" name={f.name} value={o.value} defaultChecked={asList(shown[f.name]).includes(o.value)} className="mt-1" />
                        <span>{o.label}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              ) : (
                <>
                  <label htmlFor={fid} className="block text-sm font-medium">
                    {f.label}
                    {f.required && <span aria-hidden="true"> *</span>}
                  </label>
                  {f.kind === "textarea" ? (
                    <textarea {...common} defaultValue={asText(shown[f.name])} rows={4} maxLength={f.maxLength} required={f.required} />
                  ) : f.kind === "select" ? (
                    <select {...common} defaultValue={asText(shown[f.name])} required={f.required}>
                      <option value="">{f.required ? t("fields.choose") : t("fields.none")}</option>
                      {f.options!.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...common}
                      type={f.kind === "number" ? "text" : f.kind}
                      inputMode={f.kind === "number" ? "decimal" : undefined}
                      defaultValue={asText(shown[f.name])}
                      maxLength={f.maxLength}
                      required={f.required}
                    />
                  )}
                </>
              )}
              {f.hint && (
                <p id={`${fid}-hint`} className="mt-1 text-xs text-stone-500">
                  {f.hint}
                </p>
              )}
              {error && (
                <p id={`${fid}-error`} className="mt-1 text-xs text-red-700">
                  {fieldMessage(error)}
                </p>
              )}
              {saved !== null && (
                <p id={`${fid}-saved`} className="mt-1 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900" data-testid="saved-value">
                  {t("current", { value: saved })}
                </p>
              )}
            </div>
          );
        })}
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("saving") : submitLabel}
      </button>
    </form>
  );
}
