"use client";

// The unsubscribe button: the POST that deletes the saved search (the link's GET deletes
// nothing: mail scanners and link previews open links).
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { unsubscribeForm, type UnsubscribeState } from "../../actions";

export function UnsubscribeForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("investor.alerts.unsubscribe");
  const [state, action, pending] = useActionState<UnsubscribeState, FormData>(unsubscribeForm, null);
  if (state?.ok) {
    return (
      <section role="status" className="mt-6 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="unsubscribed">
        <p>{t("done")}</p>
        <a className="mt-3 inline-block text-brand-700 underline" href={`/${locale}/search`}>{t("search")}</a>
      </section>
    );
  }
  const refused = state && !state.ok ? state.error : null;
  const key = refused ? (refused.code === "not_found" ? "unknown" : refused.code === "unavailable" ? "unavailable" : "internal") : null;
  return (
    <form action={action} className="mt-6" data-testid="unsubscribe-form">
      {key && <p role="alert" className="mb-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="unsubscribe-refused">{t(key, { requestId: refused?.requestId ?? "" })}</p>}
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60" data-testid="unsubscribe-submit">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
