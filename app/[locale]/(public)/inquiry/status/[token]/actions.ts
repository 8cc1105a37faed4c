"use server";

// The status page's message form. A refusal carries the typed text back, so nothing is lost.
import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action";
import { addInvestorMessageAction } from "@/lib/inquiry/status-actions";

export type MessageState = (ActionResult<{ added: true }> & { message?: string }) | null;

export async function addInvestorMessageForm(_prev: MessageState, form: unknown): Promise<MessageState> {
  if (!(form instanceof FormData)) return { ok: false, error: { code: "validation", message: "validation" } };
  const text = (key: string) => (typeof form.get(key) === "string" ? (form.get(key) as string) : "");
  const result = await addInvestorMessageAction({ token: text("token"), message: text("message") });
  if (!result.ok) return { ...result, message: text("message").slice(0, 10_000) };
  // The page is rendered again with the action's answer, so the list shows the message just
  // sent (it said "no messages yet" beside "your message was added" until a reload).
  revalidatePath("/[locale]/inquiry/status/[token]", "page");
  return result;
}
