"use server";

// The reset form's action. The passwords never travel back to the browser: a refusal returns
// only its message keys.
import type { ActionResult } from "@/lib/actions/action";
import { resetPasswordAction } from "@/lib/auth/password-reset-actions";

export type ResetFormState = ActionResult<{ email: string }> | null;

export async function resetPasswordForm(_prev: ResetFormState, form: FormData): Promise<ResetFormState> {
  const value = (k: string) => (typeof form.get(k) === "string" ? (form.get(k) as string) : "");
  return resetPasswordAction({ token: value("token"), password: value("password"), confirm: value("confirm") });
}
