"use server";

import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/action";
import { submitInquiryAction } from "@/lib/inquiry/actions";
import { clientIp, hashIp } from "@/lib/inquiry/ip";
import type { CreatedInquiry } from "@/lib/inquiry/mutations";

export type InquiryState = ActionResult<CreatedInquiry> | null;

/** Form action (works without JavaScript too): FormData -> the shared schema -> createInquiry. */
export async function submitInquiry(_prev: InquiryState, form: FormData): Promise<InquiryState> {
  const input = Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$ACTION")));
  return submitInquiryAction(hashIp(clientIp(await headers())))(input);
}
