"use client";

import { useActionState, useState } from "react";
import type { StaffParkDto } from "@/lib/staff/queries";
import { createStaff, type StaffFormState } from "./actions";
import { FormAlert, useStaffMessages } from "./form-messages";

type Created = { id: string; version: number; generatedPassword: string | null };

interface Props {
  locale: string;
  parks: StaffParkDto[];
  passwordLimits: { min: number; max: number };
}

export const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
export const buttonClass = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

export function CreateStaffForm({ locale, parks, passwordLimits }: Props) {
  const { t, field } = useStaffMessages();
  const [state, action, pending] = useActionState<StaffFormState<Created>, FormData>(createStaff, null);
  // What was typed comes back with a refusal and is rendered as the fields' defaults.
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const one = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const chosenParks = new Set([values.parkIds ?? []].flat());
  const [role, setRole] = useState(one("role") ?? "OFFICER");
  const [mode, setMode] = useState(one("passwordMode") ?? "generate");
  // The success panel stays until the admin asks for a new form (the password is shown once).
  const [dismissed, setDismissed] = useState<StaffFormState<Created>>(null);
  const errors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const parkName = (p: StaffParkDto) => (locale === "en" ? p.nameEn || p.nameZh : p.nameZh);
  const attrs = (name: string) => ({
    name,
    id: `new-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `new-${name}-error` : undefined,
  });
  const error = (name: string) =>
    errors[name] ? (
      <p id={`new-${name}-error`} className="mt-1 text-xs text-red-700">
        {field(errors[name]!, passwordLimits)}
      </p>
    ) : null;

  if (state?.ok && state !== dismissed) {
    return (
      <div role="status" className="rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="staff-created">
        <p>{t("create.created", { name: String(state.values?.name ?? "") })}</p>
        {state.data.generatedPassword && (
          <p className="mt-2 text-sm">
            {t("create.generatedPassword")}{" "}
            <code className="mt-1 block select-all break-all rounded bg-white px-2 py-1 font-mono text-base" data-testid="generated-password">
              {state.data.generatedPassword}
            </code>
          </p>
        )}
        <button type="button" className={`${buttonClass} mt-3`} onClick={() => setDismissed(state)}>
          {t("create.another")}
        </button>
      </div>
    );
  }

  return (
    <form action={action} className="space-y-4">
      <FormAlert state={state} locale={locale} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="new-name" className="block text-sm font-medium">{t("create.name")}</label>
          <input {...attrs("name")} defaultValue={one("name")} required maxLength={100} autoComplete="off" className={inputClass} />
          {error("name")}
        </div>
        <div>
          <label htmlFor="new-email" className="block text-sm font-medium">{t("create.email")}</label>
          <input {...attrs("email")} type="email" defaultValue={one("email")} required maxLength={200} autoComplete="off" className={inputClass} aria-describedby={errors.email ? "new-email-error" : "new-email-hint"} />
          <p id="new-email-hint" className="mt-1 text-xs text-stone-500">{t("create.emailHint")}</p>
          {error("email")}
        </div>
        <div>
          <label htmlFor="new-role" className="block text-sm font-medium">{t("create.role")}</label>
          <select {...attrs("role")} value={role} onChange={(e) => setRole(e.target.value)} className={inputClass}>
            <option value="OFFICER">{t("roles.OFFICER")}</option>
            <option value="ADMIN">{t("roles.ADMIN")}</option>
          </select>
          {error("role")}
        </div>
      </div>
      {role === "OFFICER" && (
        <fieldset aria-describedby="new-parks-hint">
          <legend className="text-sm font-medium">{t("create.parks")}</legend>
          <p id="new-parks-hint" className="text-xs text-stone-500">{t("create.parksHint")}</p>
          <input type="hidden" name="parkIdsPresent" value="1" />
          {parks.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">{t("parks.none")}</p>
          ) : (
            <div className="mt-2 grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 bg-white p-2 sm:grid-cols-2">
              {parks.map((p) => (
                <label key={p.id} className="flex items-start gap-2 text-sm">
                  <input type="checkbox" name="parkIds" value={p.id} defaultChecked={chosenParks.has(p.id)} className="mt-1" />
                  <span>{parkName(p)}</span>
                </label>
              ))}
            </div>
          )}
          {error("parkIds")}
        </fieldset>
      )}
      <fieldset>
        <legend className="text-sm font-medium">{t("create.password")}</legend>
        <div className="mt-1 flex flex-col gap-1 sm:flex-row sm:gap-6">
          {(["generate", "type"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input type="radio" name="passwordMode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(`create.${m}`)}
            </label>
          ))}
        </div>
        {mode === "type" && (
          <div className="mt-2 sm:max-w-sm">
            <label htmlFor="new-password" className="block text-sm font-medium">{t("create.passwordLabel")}</label>
            <input {...attrs("password")} type="password" required minLength={passwordLimits.min} maxLength={passwordLimits.max} autoComplete="new-password" className={inputClass} aria-describedby={errors.password ? "new-password-error" : "new-password-hint"} />
            <p id="new-password-hint" className="mt-1 text-xs text-stone-500">{t("create.passwordHint", { min: passwordLimits.min })}</p>
            {error("password")}
          </div>
        )}
        {error("passwordMode")}
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? t("create.sending") : t("create.submit")}
      </button>
    </form>
  );
}
