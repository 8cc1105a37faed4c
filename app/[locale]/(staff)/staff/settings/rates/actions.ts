"use server";

// The exchange-rate form's action: FormData -> the lib action (session, settings.manage,
// schema). A refusal hands back what was typed so the form keeps it.
import { revalidatePath } from "next/cache";
import type { RecordFormState } from "@/components/staff/record-form";
import { formInput } from "@/lib/actions/form-input";
import { setRatesAction } from "@/lib/money/rate-actions";

export async function setRatesForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const input = formInput(form);
  delete input.locale;
  const result = await setRatesAction(input);
  if (!result.ok) return { ...result, values: input };
  // Every page that shows a converted figure reads the new rate.
  revalidatePath("/", "layout");
  return result;
}
