"use client";

// "Add a message for your officer": checked by the server's schema in the browser first.
import "@/lib/zod-csp";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { INVESTOR_MESSAGE_MAX, investorMessageSchema } from "@/lib/inquiry/status-schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import { addInvestorMessageForm, type MessageState } from "./actions";

export function MessageForm({ token }: { token: string }) {
  const t = useTranslations("investor.alerts.status");
  const tv = useTranslations("validation");
  const [state, action, pending] = useActionState<MessageState, FormData>(addInvestorMessageForm, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const refused = state && !state.ok ? state.error : null;
  const errors = { ...(refused?.fieldErrors ?? {}), ...clientErrors };
  const fieldError = errors.message ? translateFieldMessage(tv, errors.message) : null;
  const formKey = refused && !refused.fieldErrors ? (refused.code === "rate_limited" ? "rateLimited" : refused.code === "not_found" ? "notFound" : refused.code === "unavailable" ? "unavailable" : "internal") : null;
  return (
    <form
      action={action}
      noValidate
      className="mt-3 space-y-3"
      data-testid="status-message-form"
      onSubmit={(event) => {
        const parsed = investorMessageSchema.safeParse(Object.fromEntries(new FormData(event.currentTarget).entries()));
        setClientErrors(parsed.success ? {} : fieldErrorsOf(parsed.error));
        if (!parsed.success) event.preventDefault();
      }}
    >
      {state?.ok && <p role="status" className="rounded-md border border-brand-600 bg-brand-50 p-2 text-sm" data-testid="status-message-sent">{t("sent")}</p>}
      {formKey && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">{t(`errors.${formKey}`, { requestId: refused?.requestId ?? "" })}</p>}
      <input type="hidden" name="token" value={token} />
      <label htmlFor="status-message" className="block text-sm font-medium">{t("add")}</label>
      <textarea
        id="status-message"
        name="message"
        rows={4}
        maxLength={INVESTOR_MESSAGE_MAX}
        required
        defaultValue={state && !state.ok ? state.message : undefined}
        className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid=true]:border-red-500"
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? "status-message-error status-message-hint" : "status-message-hint"}
      />
      <p id="status-message-hint" className="text-xs text-stone-500">{t("addHint", { max: INVESTOR_MESSAGE_MAX })}</p>
      {fieldError && <p id="status-message-error" className="text-sm text-red-700">{fieldError}</p>}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
