"use server";

// The saved-search forms' actions (they work without JavaScript too). A refusal carries the
// typed address back, so nothing typed is lost.
import { after } from "next/server";
import type { ActionResult } from "@/lib/actions/action";
import { confirmSavedSearchAction, saveSearchAction, unsubscribeSavedSearchAction } from "@/lib/alerts/actions";
import type { Confirmed, SaveOutcome } from "@/lib/alerts/mutations";
import { deliverOutboxSoon } from "@/lib/mail/deliver";

export type SaveSearchState = (ActionResult<SaveOutcome> & { email?: string }) | null;
export type ConfirmState = ActionResult<Confirmed> | null;
export type UnsubscribeState = ActionResult<{ unsubscribed: true }> | null;

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

export async function saveSearchForm(_prev: SaveSearchState, form: unknown): Promise<SaveSearchState> {
  if (!(form instanceof FormData)) return { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "invalid" } } };
  const input = { locale: text(form, "locale"), email: text(form, "email"), query: text(form, "query"), website: text(form, "website") };
  const result = await saveSearchAction(input);
  if (!result.ok) return { ...result, email: input.email.slice(0, 200) };
  // The confirmation e-mail is queued with the search; send it once the response is out.
  after(deliverOutboxSoon);
  return result;
}

export async function confirmSavedSearchForm(_prev: ConfirmState, form: unknown): Promise<ConfirmState> {
  if (!(form instanceof FormData)) return { ok: false, error: { code: "validation", message: "validation" } };
  return confirmSavedSearchAction({ token: text(form, "token") });
}

export async function unsubscribeForm(_prev: UnsubscribeState, form: unknown): Promise<UnsubscribeState> {
  if (!(form instanceof FormData)) return { ok: false, error: { code: "validation", message: "validation" } };
  return unsubscribeSavedSearchAction({ token: text(form, "token") });
}
