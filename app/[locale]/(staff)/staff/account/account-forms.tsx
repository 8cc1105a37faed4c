"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";
import { changePasswordForm, confirmTotpForm, regenerateRecoveryCodesForm } from "./actions";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600/30";
const button = "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60";

/** The message key of a refusal: a field's own key, else the error's (staff.auth namespace). */
function useMessage() {
  const t = useTranslations("staff.auth");
  return (result: ActionResult<unknown> | null, field?: string): string | null => {
    if (!result || result.ok) return null;
    const key = field ? result.error.fieldErrors?.[field] : result.error.fieldErrors ? undefined : result.error.message;
    if (!key) return null;
    return t.has(key) ? t(key) : t.has(`account.errors.${key}`) ? t(`account.errors.${key}`) : t("account.errors.internal");
  };
}

function FieldError({ text, id }: { text: string | null; id: string }) {
  return text ? <p id={id} className="mt-1 text-sm text-red-700">{text}</p> : null;
}

export function PasswordForm() {
  const t = useTranslations("staff.auth.account.password");
  const message = useMessage();
  const [state, action, pending] = useActionState(changePasswordForm, null);
  return (
    <form action={action} className="mt-4 space-y-3" data-testid="password-form">
      {state?.ok && <p role="status" className="rounded-md bg-brand-50 px-3 py-2 text-brand-900">{t("changed")}</p>}
      {message(state) && <p role="alert" className="text-sm text-red-700">{message(state)}</p>}
      {(["current", "next", "confirm"] as const).map((name) => (
        <label key={name} className="block text-sm font-medium">
          {t(name === "next" ? "new" : name)}
          <input className={input} type="password" name={name} required autoComplete={name === "current" ? "current-password" : "new-password"} aria-describedby={`${name}-error`} />
          <FieldError id={`${name}-error`} text={message(state, name)} />
        </label>
      ))}
      <button type="submit" className={button} disabled={pending}>{t("submit")}</button>
    </form>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const t = useTranslations("staff.auth.account.twoFactor");
  return (
    <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4" data-testid="recovery-codes">
      <h3 className="font-semibold">{t("recoveryTitle")}</h3>
      <p className="mt-1 text-sm">{t("recoveryHelp")}</p>
      <ol className="mt-3 grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((c) => <li key={c}>{c}</li>)}
      </ol>
    </div>
  );
}

export function TotpEnrolForm({ enrolment }: { enrolment: string }) {
  const t = useTranslations("staff.auth.account.twoFactor");
  const message = useMessage();
  const [state, action, pending] = useActionState(confirmTotpForm, null);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="mt-4 space-y-3" data-testid="totp-enrol-form">
      <input type="hidden" name="enrolment" value={enrolment} />
      <label className="block text-sm font-medium">
        {t("enter")}
        <input className={`${input} max-w-48 tracking-widest`} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required aria-describedby="totp-code-error" />
        <FieldError id="totp-code-error" text={message(state, "code") ?? message(state)} />
      </label>
      <button type="submit" className={button} disabled={pending}>{t("confirm")}</button>
    </form>
  );
}

export function RegenerateForm() {
  const t = useTranslations("staff.auth.account.twoFactor");
  const message = useMessage();
  const [state, action, pending] = useActionState(regenerateRecoveryCodesForm, null);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form action={action} className="mt-4 space-y-3">
      <label className="block text-sm font-medium">
        {t("regenerateHint")}
        <input className={`${input} max-w-48 tracking-widest`} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={8} required aria-describedby="regen-code-error" />
        <FieldError id="regen-code-error" text={message(state, "code") ?? message(state)} />
      </label>
      <button type="submit" className={button} disabled={pending}>{t("regenerate")}</button>
    </form>
  );
}
