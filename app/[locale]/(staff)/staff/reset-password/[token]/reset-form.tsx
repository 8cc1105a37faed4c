"use client";

// New password + confirmation. Refusals say what to fix in the person's language; after success
// the link is spent, so the form gives way to the sign-in link.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resetPasswordForm, type ResetFormState } from "./actions";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500";
const button = "rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60";

export function ResetForm({ token, locale, limits }: { token: string; locale: string; limits: { min: number; max: number } }) {
  const t = useTranslations("staff.reset");
  const [state, action, pending] = useActionState<ResetFormState, FormData>(resetPasswordForm, null);
  if (state?.ok) {
    return (
      <div role="status" className="mt-6 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="reset-done">
        <p>{t("done")}</p>
        <a href={`/${locale}/staff/sign-in`} className="mt-3 inline-block font-medium text-brand-700 underline">{t("signIn")}</a>
      </div>
    );
  }
  const refused = state && !state.ok ? state.error : null;
  const field = (name: string): string | null => {
    const key = refused?.fieldErrors?.[name];
    if (!key) return null;
    const k = `fieldErrors.${key}`;
    return t.has(k) ? t(k as "fieldErrors.mismatch", limits) : t("errors.validation");
  };
  const formError = refused ? (t.has(`errors.${refused.message}`) ? t(`errors.${refused.message}` as "errors.internal", { requestId: refused.requestId ?? "" }) : t("errors.internal", { requestId: refused.requestId ?? "" })) : null;
  return (
    <form action={action} className="mt-6 space-y-4" data-testid="reset-form">
      <input type="hidden" name="token" value={token} />
      {formError && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{formError}</p>}
      {(["password", "confirm"] as const).map((name) => (
        <div key={name}>
          <label htmlFor={`reset-${name}`} className="block text-sm font-medium">{t(name)}</label>
          <input
            id={`reset-${name}`}
            className={input}
            type="password"
            name={name}
            required
            minLength={limits.min}
            maxLength={limits.max}
            autoComplete="new-password"
            aria-invalid={field(name) ? true : undefined}
            aria-describedby={[field(name) ? `reset-${name}-error` : null, name === "password" ? "reset-password-hint" : null].filter(Boolean).join(" ") || undefined}
          />
          {name === "password" && <p id="reset-password-hint" className="mt-1 text-xs text-stone-500">{t("passwordHint", { min: limits.min })}</p>}
          {field(name) && <p id={`reset-${name}-error`} className="mt-1 text-sm text-red-700">{field(name)}</p>}
        </div>
      ))}
      <button type="submit" disabled={pending} className={button}>{pending ? t("saving") : t("submit")}</button>
    </form>
  );
}
