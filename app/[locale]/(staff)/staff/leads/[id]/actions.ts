"use server";

// The lead page's form actions (FormData in, state out; they work without JavaScript too).
// Each calls the real action of lib/leads/lead-actions.ts, which does every check. A refusal
// carries back what was typed, so the form keeps it; a conflict also carries the lead as it
// is now, so the officer can compare and send again (the form then holds the new version).
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import type { ActionResult } from "@/lib/actions/action";
import { localeOfPath } from "@/lib/http/html";
import { currentActor } from "@/lib/auth/session";
import { loadLeadSnapshot } from "@/lib/leads/loaders";
import {
  addNoteAction,
  assignLeadAction,
  logContactAction,
  moveStageAction,
  replyToInvestorAction,
  rerunMatchAction,
  setNextActionAction,
} from "@/lib/leads/lead-actions";
import { extendHoldAction, holdParcelsAction, releaseHoldAction } from "@/lib/leads/lead-land-actions";
import type { LeadSnapshot } from "@/lib/leads/lead-page";
import type { ParcelProblem } from "@/lib/land/hold-writes";

/** A conflict's lead as it is now; a land refusal or conflict also names the parcels. */
export type LeadCurrent = Partial<LeadSnapshot> & { parcels?: ParcelProblem[] };

export type LeadFormState =
  | (ActionResult<{ id: string; version: number }> & { values?: Record<string, string>; current?: LeadCurrent | null })
  | null;

const parcelsOf = (current: unknown): ParcelProblem[] | undefined =>
  typeof current === "object" && current !== null && Array.isArray((current as { parcels?: unknown }).parcels) ? (current as { parcels: ParcelProblem[] }).parcels : undefined;

async function run(action: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>, form: unknown): Promise<LeadFormState> {
  if (!(form instanceof FormData)) {
    return { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "notForm" } } };
  }
  const entries = [...form.entries()].filter(([k]) => !k.startsWith("$ACTION"));
  const input = Object.fromEntries(entries);
  const result = await action(input);
  if (result.ok) return { ok: true, data: { id: result.data.id, version: result.data.version } };
  const values = Object.fromEntries(entries.filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 20_000)]));
  const parcels = parcelsOf(result.error.current);
  if (result.error.code !== "conflict") return { ...result, values, current: parcels ? { parcels } : undefined };
  // Read with the same scope as every lead read: a conflict shows nothing the actor may not see.
  const actor = await currentActor();
  const snapshot = actor && typeof input.leadId === "string" ? await loadLeadSnapshot(actor, input.leadId) : null;
  // A parcel conflict keeps the parcels that changed (code and status now) beside the lead.
  const current = parcels ? { ...(snapshot ?? {}), parcels } : snapshot;
  return { ...result, values, current };
}

export async function addNoteForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(addNoteAction, form);
}
export async function setNextActionForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(setNextActionAction, form);
}
export async function assignLeadForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  const state = await run(assignLeadAction, form);
  // Handed to a colleague outside the officer's own parks: the lead is no longer theirs to see,
  // so they go back to the inbox instead of a refreshed page that would now be a 404.
  if (state?.ok && form instanceof FormData) {
    const actor = await currentActor();
    if (actor && !(await loadLeadSnapshot(actor, state.data.id))) {
      // The page the form was on says the language (the action's own URL is that page's).
      const from = (await headers()).get("referer");
      redirect(`/${localeOfPath(from ? new URL(from, "http://x").pathname : "/")}/staff/leads`);
    }
  }
  return state;
}
export async function moveStageForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(moveStageAction, form);
}
export async function replyToInvestorForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(replyToInvestorAction, form);
}
export async function logContactForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(logContactAction, form);
}
export async function rerunMatchForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(rerunMatchAction, form);
}
export async function holdParcelsForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(holdParcelsAction, form);
}
export async function releaseHoldForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(releaseHoldAction, form);
}
export async function extendHoldForm(_prev: LeadFormState, form: unknown): Promise<LeadFormState> {
  return run(extendHoldAction, form);
}
