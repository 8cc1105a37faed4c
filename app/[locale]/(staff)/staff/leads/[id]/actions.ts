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
import type { LeadSnapshot } from "@/lib/leads/lead-page";

export type LeadFormState =
  | (ActionResult<{ id: string; version: number }> & { values?: Record<string, string>; current?: LeadSnapshot | null })
  | null;

async function run(action: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>, form: unknown): Promise<LeadFormState> {
  if (!(form instanceof FormData)) {
    return { ok: false, error: { code: "validation", message: "validation", fieldErrors: { form: "notForm" } } };
  }
  const entries = [...form.entries()].filter(([k]) => !k.startsWith("$ACTION"));
  const input = Object.fromEntries(entries);
  const result = await action(input);
  if (result.ok) return { ok: true, data: { id: result.data.id, version: result.data.version } };
  const values = Object.fromEntries(entries.filter(([, v]) => typeof v === "string").map(([k, v]) => [k, String(v).slice(0, 20_000)]));
  if (result.error.code !== "conflict") return { ...result, values };
  // Read with the same scope as every lead read: a conflict shows nothing the actor may not see.
  const actor = await currentActor();
  const current = actor && typeof input.leadId === "string" ? await loadLeadSnapshot(actor, input.leadId) : null;
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
