"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/actions/action";
import { addCalendarDayAction, deleteCalendarDayAction, updateCalendarDayAction } from "@/lib/calendar/actions";

/** The fields a form sends back with a refusal, so nothing typed is lost. */
const TYPED = ["date", "kind", "nameZh", "nameEn"] as const;
export type CalendarTyped = Partial<Record<(typeof TYPED)[number], string>>;

/** A form's state: the last result (data: the day it was about) and, on a refusal, what was typed. */
export type CalendarFormState = (ActionResult<{ date: string }> & { values?: CalendarTyped }) | null;

function inputOf(form: unknown): Record<string, FormDataEntryValue> | null {
  if (!(form instanceof FormData)) return null;
  return Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$ACTION")));
}

function typed(input: Record<string, FormDataEntryValue>): CalendarTyped {
  const out: CalendarTyped = {};
  for (const k of TYPED) if (typeof input[k] === "string") out[k] = (input[k] as string).slice(0, 200);
  return out;
}

async function run(action: (input: unknown) => Promise<ActionResult<{ date: string }>>, form: unknown, locale: unknown): Promise<CalendarFormState> {
  const input = inputOf(form);
  if (!input) return { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "invalid" } } };
  const result = await action(input);
  // The list shows the calendar as it is now: after a change, and after a conflict (the
  // other admin's version). A refusal keeps what was typed in the form.
  if (result.ok || result.error.code === "conflict" || result.error.code === "not_found") {
    revalidatePath(`/${locale === "en" ? "en" : "zh"}/staff/calendar`);
  }
  return result.ok ? { ok: true, data: { date: result.data.date } } : { ...result, values: typed(input) };
}

export async function addDay(_prev: CalendarFormState, form: unknown): Promise<CalendarFormState> {
  return run(addCalendarDayAction, form, form instanceof FormData ? form.get("locale") : null);
}

export async function updateDay(_prev: CalendarFormState, form: unknown): Promise<CalendarFormState> {
  return run(updateCalendarDayAction, form, form instanceof FormData ? form.get("locale") : null);
}

export async function deleteDay(_prev: CalendarFormState, form: unknown): Promise<CalendarFormState> {
  return run(deleteCalendarDayAction, form, form instanceof FormData ? form.get("locale") : null);
}
