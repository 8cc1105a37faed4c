"use server";

// The project pages' form actions: FormData -> the lib actions. A refusal hands back what was
// typed; a new project opens its edit page.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { RecordFormState } from "@/components/staff/record-form";
import { formInput } from "@/lib/actions/form-input";
import { createProjectAction, updateProjectAction } from "@/lib/projects/project-actions";

async function run(form: FormData, action: (input: unknown) => Promise<RecordFormState & object>): Promise<RecordFormState> {
  const input = formInput(form);
  delete input.locale;
  const result = await action(input);
  if (!result.ok) return { ...result, values: input };
  revalidatePath("/[locale]/staff/projects", "layout");
  return result;
}

export async function createProjectForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  const result = await run(form, createProjectAction);
  if (result?.ok) redirect(`/${form.get("locale") === "en" ? "en" : "zh"}/staff/projects/${result.data.code}`);
  return result;
}

export async function updateProjectForm(_prev: RecordFormState, form: FormData): Promise<RecordFormState> {
  return run(form, updateProjectAction);
}
