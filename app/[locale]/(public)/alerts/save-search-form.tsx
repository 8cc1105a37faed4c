"use client";

// "E-mail me new matches" under the search results: an address, then a confirmation e-mail
// (double opt-in). The same schema as the server checks the address before anything is sent.
import "@/lib/zod-csp";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { saveSearchSchema } from "@/lib/alerts/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import { saveSearchForm, type SaveSearchState } from "./actions";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500";

export function SaveSearchForm({ locale, query }: { locale: "zh" | "en"; query: string }) {
  const t = useTranslations("investor.alerts.save");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState<SaveSearchState, FormData>(saveSearchForm, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  if (state?.ok) {
    return (
      <section role="status" className="mt-6 rounded-lg border border-brand-600 bg-brand-50 p-4" data-testid="save-search-sent">
        <h2 className="font-semibold text-brand-900">{t("sentTitle")}</h2>
        <p className="mt-2 text-sm">{t("sentBody")}</p>
      </section>
    );
  }
  const refused = state && !state.ok ? state.error : null;
  const errors = { ...(refused?.fieldErrors ?? {}), ...clientErrors };
  const emailError = errors.email ? translateFieldMessage(tv, errors.email) : null;
  const formKey = errors.form ? "refused" : refused && !refused.fieldErrors ? refused.message : null;
  const formError = formKey ? (t.has(`errors.${formKey}`) ? t(`errors.${formKey}` as "errors.internal", { requestId: refused?.requestId ?? "" }) : t("errors.internal", { requestId: refused?.requestId ?? "" })) : errors.query ? t("errors.query") : null;
  return (
    <section aria-labelledby="save-search-title" className="mt-6 rounded-lg border border-stone-200 bg-white p-4" data-testid="save-search">
      <h2 id="save-search-title" className="font-semibold">{t("title")}</h2>
      <p className="mt-1 text-sm text-stone-600">{t("lead")}</p>
      <form
        action={action}
        noValidate
        className="mt-3 space-y-3"
        onSubmit={(event) => {
          const data = Object.fromEntries(new FormData(event.currentTarget).entries());
          const parsed = saveSearchSchema.safeParse(data);
          const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
          setClientErrors(found);
          if (!parsed.success) event.preventDefault();
        }}
      >
        {formError && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-testid="save-search-error">{formError}</p>}
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="query" value={query} />
        <div>
          <label htmlFor="save-search-email" className="block text-sm font-medium">{t("email")}</label>
          <input
            id="save-search-email"
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            maxLength={200}
            required
            defaultValue={state && !state.ok ? state.email : undefined}
            className={input}
            aria-invalid={emailError ? true : undefined}
            aria-describedby={emailError ? "save-search-email-error" : "save-search-privacy"}
          />
          {emailError && <p id="save-search-email-error" className="mt-1 text-sm text-red-700">{emailError}</p>}
        </div>
        {/* Hidden from people (and from assistive technology); bots fill it. */}
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="save-search-website">{t("website")}</label>
          <input id="save-search-website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p id="save-search-privacy" className="text-xs text-stone-500">{t("privacy")}</p>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60" data-testid="save-search-submit">
          {pending ? t("sending") : t("submit")}
        </button>
      </form>
    </section>
  );
}
