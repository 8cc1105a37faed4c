"use server";

import { after } from "next/server";
import type { ActionResult } from "@/lib/actions/action";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { typedValues, type TypedValues } from "@/lib/inquiry/form-values";
import type { CreatedInquiry } from "@/lib/inquiry/mutations";
import { deliverOutboxSoon } from "@/lib/mail/deliver";

/** A refusal carries what was typed back, so the form (with or without JavaScript) keeps it. */
export type InquiryState = (ActionResult<CreatedInquiry> & { values?: TypedValues }) | null;

/**
 * Form action (works without JavaScript too): FormData -> the shared schema -> createInquiry.
 * `form` is whatever the request decoded to: a text/plain or JSON body arrives as a string or
 * a plain value, not FormData. That check comes first, so any input gets a validation result.
 */
export async function submitInquiry(_prev: InquiryState, form: unknown): Promise<InquiryState> {
  if (!(form instanceof FormData)) {
    return { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "notForm" } } };
  }
  const input = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$ACTION")));
  const result = await submitInquiryAction(input);
  if (!result.ok) return { ...result, values: typedValues(form) };
  // The confirmation e-mail is already queued with the inquiry; send it once the response is out.
  if (result.data.created) after(deliverOutboxSoon);
  return result;
}
