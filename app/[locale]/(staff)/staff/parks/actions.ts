"use server";

// The park pages' form actions: FormData -> the lib actions (which check the session, the
// permission and the input). A refusal hands back what was typed so the form keeps it; a new
// park or zone opens its edit page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RecordFormState } from "@/components/staff/record-form";
import { formInput } from "@/lib/actions/form-input";
import { createParkAction, createZoneAction, updateParkAction, updateZoneAction } from "@/lib/parks/park-actions";

const PARK_LISTS = ["industries"];
const ZONE_LISTS = ["industries", "allowedLandUses"];
const localeOf = (form: FormData) => (form.get("locale") === "en" ? "en" : "zh");

async function run(form: FormData, lists: string[], action: (input: unknown) => Promise<RecordFormState & object>): Promise<RecordFormState> {
  const input = formInput(form, lists);
  delete input.locale;
  const result = await action(input);
  if (!result.ok) return { ...result, values: input };
  revalidatePath("/[locale]/staff/parks", "layout");
  return result;
}

export async function createParkForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const result = await run(form, PARK_LISTS, createParkAction);
  if (result?.ok) redirect(`/${localeOf(form)}/staff/parks/${result.data.code}`);
  return result;
}

export async function updateParkForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  return run(form, PARK_LISTS, updateParkAction);
}

export async function createZoneForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  return run(form, ZONE_LISTS, createZoneAction);
}

export async function updateZoneForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  return run(form, ZONE_LISTS, updateZoneAction);
}
