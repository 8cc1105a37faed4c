"use server";

// The parcel pages' form actions (FormData in, state out; they work without JavaScript too).
// Each calls the real action of lib/land/parcel-actions.ts, which does every check. A refusal
// carries back what was typed, so the form keeps it; a conflict also carries what is saved now
// (the action's error.current), for the admin to compare before sending again.
import type { ActionResult } from "@/lib/actions/action";
import { bulkUpdateParcelsAction, updateParcelAction } from "@/lib/land/parcel-actions";
import type { BulkWritten, ParcelWritten } from "@/lib/land/parcel-mutations";

export type ParcelFormState = (ActionResult<ParcelWritten> & { values?: Record<string, string> }) | null;
export type BulkFormState = (ActionResult<BulkWritten> & { values?: Record<string, string>; selected?: string[] }) | null;

const notForm = { ok: false as const, error: { code: "validation" as const, message: "validation", fieldErrors: { form: "staleForm" } } };

/** The form's text fields as typed (not files, not React's own), capped. */
function typed(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (!k.startsWith("$ACTION") && typeof v === "string" && !(k in out)) out[k] = v.slice(0, 2000);
  return out;
}

export async function updateParcelForm(_prev: ParcelFormState, form: unknown): Promise<ParcelFormState> {
  if (!(form instanceof FormData)) return notForm;
  const values = typed(form);
  const result = await updateParcelAction(values);
  return result.ok ? result : { ...result, values };
}

export async function bulkUpdateForm(_prev: BulkFormState, form: unknown): Promise<BulkFormState> {
  if (!(form instanceof FormData)) return notForm;
  const values = typed(form);
  delete values.parcel;
  const selected = form.getAll("parcel").filter((v): v is string => typeof v === "string").slice(0, 5000);
  const result = await bulkUpdateParcelsAction({ ...values, parcels: selected });
  return result.ok ? result : { ...result, values, selected };
}
