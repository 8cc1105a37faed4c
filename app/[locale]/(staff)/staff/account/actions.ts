"use server";

import type { ActionResult } from "@/lib/actions/action";
import { changePasswordAction, confirmTotpAction, regenerateRecoveryCodesAction } from "@/lib/auth/actions";

const fields = (form: unknown, names: string[]): Record<string, string> | null =>
  form instanceof FormData ? Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")])) : null;

const notForm = { ok: false as const, error: { code: "validation" as const, message: "validation" } };

export async function changePasswordForm(_prev: ActionResult<{ changed: boolean }> | null, form: unknown) {
  const input = fields(form, ["current", "next", "confirm"]);
  return input ? changePasswordAction(input) : notForm;
}

export async function confirmTotpForm(_prev: ActionResult<{ recoveryCodes: string[] }> | null, form: unknown) {
  const input = fields(form, ["enrolment", "code"]);
  return input ? confirmTotpAction(input) : notForm;
}

export async function regenerateRecoveryCodesForm(_prev: ActionResult<{ recoveryCodes: string[] }> | null, form: unknown) {
  const input = fields(form, ["code"]);
  return input ? regenerateRecoveryCodesAction(input) : notForm;
}
