"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action";
import { changeStaffRoleAction, createStaffAction, sendPasswordResetAction, setStaffDisabledAction, setStaffParksAction } from "@/lib/staff/actions";
import type { StaffChange } from "@/lib/staff/mutations";

/** A refusal carries what was typed back (never a password), so the form keeps it. */
export type StaffFormState<T = StaffChange> = (ActionResult<T> & { values?: Record<string, string | string[]> }) | null;

const notForm = { ok: false as const, error: { code: "validation" as const, message: "validation", fieldErrors: { form: "notForm" } } };

/** FormData -> plain input: repeated keys (checkboxes) become arrays; Next's own keys are dropped. */
function inputOf(form: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION") || typeof value !== "string") continue;
    const had = out[key];
    out[key] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
  }
  return out;
}

async function run<T>(form: unknown, action: (input: unknown) => Promise<ActionResult<T>>): Promise<StaffFormState<T>> {
  if (!(form instanceof FormData)) return notForm;
  const input = inputOf(form);
  // Multi-valued fields the form always sends, even with every box unticked.
  if (form.has("parkIdsPresent")) input.parkIds = form.getAll("parkIds").filter((v): v is string => typeof v === "string");
  delete input.parkIdsPresent;
  const result = await action(input);
  if (!result.ok) {
    const { password: _dropped, ...values } = input;
    void _dropped;
    return { ...result, values };
  }
  revalidatePath("/[locale]/staff/users", "page");
  // The success panel names whom the account is for ("The account of ... was created").
  return typeof input.name === "string" ? { ...result, values: { name: input.name.trim() } } : result;
}

export async function createStaff(_prev: StaffFormState<{ id: string; version: number; generatedPassword: string | null }>, form: unknown) {
  return run(form, createStaffAction);
}

export async function setStaffDisabled(_prev: StaffFormState, form: unknown) {
  return run(form, setStaffDisabledAction);
}

export async function changeStaffRole(_prev: StaffFormState, form: unknown) {
  return run(form, changeStaffRoleAction);
}

export async function setStaffParks(_prev: StaffFormState, form: unknown) {
  return run(form, setStaffParksAction);
}

export async function sendPasswordReset(_prev: StaffFormState<{ userId: string; expiresAt: Date }>, form: unknown) {
  return run(form, sendPasswordResetAction);
}
