"use server";

// The allotment-terms forms' action: FormData -> the lib action (session, park.manage, schema,
// version check). A refusal hands back what was typed so the form keeps it.
import { revalidatePath } from "next/cache";
import type { RecordFormState } from "@/components/staff/record-form";
import { formInput } from "@/lib/actions/form-input";
import { saveTermsAction } from "@/lib/costs/terms-actions";

export async function saveTermsForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const input = formInput(form, ["methods"]);
  delete input.locale;
  const result = await saveTermsAction(input);
  if (!result.ok) return { ...result, values: input };
  revalidatePath("/[locale]/staff/parks", "layout");
  return result;
}
