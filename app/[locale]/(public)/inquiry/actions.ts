"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import type { ActionResult } from "@/lib/actions/action";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { clientIp, hashIp } from "@/lib/inquiry/ip";
import type { CreatedInquiry } from "@/lib/inquiry/mutations";
import { deliverOutboxSoon } from "@/lib/mail/deliver";

export type InquiryState = ActionResult<CreatedInquiry> | null;

/** Form action (works without JavaScript too): FormData -> the shared schema -> createInquiry. */
export async function submitInquiry(_prev: InquiryState, form: FormData): Promise<InquiryState> {
  const input = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$ACTION")));
  const result = await submitInquiryAction(hashIp(clientIp(await headers())))(input);
  // The confirmation e-mail is already queued with the inquiry; send it once the response is out.
  if (result.ok && result.data.created) after(deliverOutboxSoon);
  return result;
}
