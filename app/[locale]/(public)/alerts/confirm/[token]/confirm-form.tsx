"use client";

// The confirm button: the one step that turns a saved search on.
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmSavedSearchForm, type ConfirmState } from "../../actions";

export function ConfirmForm({ token, locale }: { token: string; locale: string }) {
  const t = useTranslations("investor.alerts.confirm");
  const [state, action, pending] = useActionState<ConfirmState, FormData>(confirmSavedSearchForm, null);
  if (state?.ok) {
    return (
      <section role="status" className="mt-6 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="confirm-done">
        <p className="font-semibold text-brand-900">{t("done")}</p>
        <p className="mt-2 text-sm">{t("doneBody", { count: state.data.matching })}</p>
        <a className="mt-3 inline-block text-brand-700 underline" href={`/${locale}/search${state.data.query ? `?${state.data.query}` : ""}`}>{t("viewSearch")}</a>
      </section>
    );
  }
  const refused = state && !state.ok ? state.error : null;
  const key = refused ? (refused.message === "linkExpired" ? "expired" : refused.code === "not_found" ? "unknown" : refused.code === "unavailable" ? "unavailable" : "internal") : null;
  return (
    <form action={action} className="mt-6" data-testid="confirm-form">
      {key && <p role="alert" className="mb-3 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{t(key, { requestId: refused?.requestId ?? "" })}</p>}
      <input type="hidden" name="token" value={token} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-900 disabled:opacity-60" data-testid="confirm-submit">
        {pending ? t("confirming") : t("submit")}
      </button>
    </form>
  );
}
