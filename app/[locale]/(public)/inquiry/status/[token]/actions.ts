"use server";

// The status page's message form. Success carries the message as stored, which the form adds to
// the list it shows (the list was rendered before the message existed; no re-render of the page
// is needed, so this works the same inside Next and in the integration tests that call it).
// A refusal carries the typed text back, so nothing is lost.
import type { ActionResult } from "@/lib/actions/action";
import { addInvestorMessageAction } from "@/lib/inquiry/status-actions";
import type { AddedMessage } from "@/lib/inquiry/status-mutations";

export type MessageState = (ActionResult<AddedMessage> & { message?: string }) | null;

export async function addInvestorMessageForm(_prev: MessageState, form: unknown): Promise<MessageState> {
  if (!(form instanceof FormData)) return { ok: false, error: { code: "validation", message: "validation" } };
  const text = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
  const result = await addInvestorMessageAction({ token: text("token"), message: text("message") });
  return result.ok ? result : { ...result, message: text("message").slice(0, 10_000) };
}
