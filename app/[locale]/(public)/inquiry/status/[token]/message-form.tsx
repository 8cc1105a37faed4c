"use client";

// "Your messages" and "Add a message for your officer". The list starts as the server rendered
// it; a message the action has stored is added to it at once (the action returns it, with its id
// and time), so the page never says "no messages yet" beside "your message was added". The form
// is checked by the server's schema in the browser first; it is emptied only when the message
// was stored, and a refusal puts the typed text back.
import "@/lib/zod-csp";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { messageTimeText } from "@/lib/inquiry/status-format";
import { INVESTOR_MESSAGE_MAX, investorMessageSchema } from "@/lib/inquiry/status-schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { translateFieldMessage } from "@/lib/validation/messages";
import { addInvestorMessageForm, type MessageState } from "./actions";

/** A message as the list shows it: the server formats the time of those it rendered. */
export interface ShownMessage {
  id: string;
  /** ISO instant */
  at: string;
  label: string;
  text: string;
}

export function StatusMessages({ token, locale, initial }: { token: string; locale: string; initial: ShownMessage[] }) {
  const t = useTranslations("investor.alerts.status");
  const [state, action, pending] = useActionState<MessageState, FormData>(addInvestorMessageForm, null);
  // Messages stored since the page was rendered, kept across several sends (React's pattern for
  // state derived from a changing value: adjusted while rendering, not in an effect).
  const [sent, setSent] = useState<ShownMessage[]>([]);
  const [seen, setSeen] = useState<MessageState>(null);
  if (state !== seen) {
    setSeen(state);
    if (state?.ok) {
      const m = state.data.message;
      const at = new Date(m.at);
      setSent((list) => [...list, { id: m.id, at: at.toISOString(), label: messageTimeText(locale, at), text: m.text }]);
    }
  }
  const shown = [...initial, ...sent.filter((m) => !initial.some((i) => i.id === m.id))];
  return (
    <>
      {shown.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600" data-testid="status-no-messages">{t("noMessages")}</p>
      ) : (
        <ol className="mt-2 space-y-2 text-sm" data-testid="status-messages">
          {shown.map((m) => (
            <li key={m.id} className="border-l-2 border-brand-100 pl-3">
              <time className="text-xs text-stone-500" dateTime={m.at}>{m.label}</time>
              <p className="whitespace-pre-wrap">{m.text}</p>
            </li>
          ))}
        </ol>
      )}
      <MessageForm token={token} state={state} action={action} pending={pending} />
    </>
  );
}

function MessageForm({ token, state, action, pending }: { token: string; state: MessageState; action: (form: FormData) => void; pending: boolean }) {
  const t = useTranslations("investor.alerts.status");
  const tv = useTranslations("validation");
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
      {formKey && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800" data-testid="status-message-refused">{t(`errors.${formKey}`, { requestId: refused?.requestId ?? "" })}</p>}
      <input type="hidden" name="token" value={token} />
      <label htmlFor="status-message" className="block text-sm font-medium">{t("add")}</label>
      {/* React empties a form after its action; what it empties to is this default: the refused
          text after a refusal, and "" (not undefined, which would leave a refused text as the
          default) once a message is stored. */}
      <textarea
        id="status-message"
        name="message"
        rows={4}
        maxLength={INVESTOR_MESSAGE_MAX}
        required
        defaultValue={state && !state.ok ? state.message : ""}
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
