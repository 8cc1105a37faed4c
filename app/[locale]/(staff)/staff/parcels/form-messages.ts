"use client";

// The parcel forms' messages: field messages (shared validation keys, the parcel forms' own
// keys, status-move refusals "transition:<why>:<from>:<to>") and whole-form errors.
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { translateFieldMessage } from "@/lib/validation/messages";

export const inputClass = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-red-500";
export const buttonClass = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

export function useParcelMessages() {
  const t = useTranslations("staff.parcels");
  const tv = useTranslations("validation");
  const ts = useTranslations("parcelStatus");
  const status = (s: string) => (ts.has(s) ? ts(s) : s);
  const fieldMessage = (message: string) => {
    if (message.startsWith("transition:")) {
      const [, why, from, to] = message.split(":");
      const key = why === "needsOverride" || why === "needsReason" || why === "unchanged" || why === "held" ? why : "needsOverride";
      return t(`errors.move.${key}`, { from: status(from ?? ""), to: status(to ?? "") });
    }
    return t.has(`errors.${message}`) ? t(`errors.${message}`) : translateFieldMessage(tv, message);
  };
  /** The message for the whole form (not a field's), or null. */
  const formError = (result: Extract<ActionResult<unknown>, { ok: false }> | null, clientErrors: Record<string, string>) => {
    // Hidden fields (which parcel, which version) fail only on a stale or tampered page.
    const hidden = clientErrors.parcelId ?? clientErrors.version ?? result?.error.fieldErrors?.parcelId ?? result?.error.fieldErrors?.version;
    if (hidden) return t("errors.staleForm");
    const parcels = clientErrors.parcels ?? result?.error.fieldErrors?.parcels;
    if (parcels) return parcels === "required" ? t("bulk.selected", { count: 0 }) : parcels.startsWith("tooLarge") ? fieldMessage(parcels) : t("errors.staleForm");
    const form = clientErrors.form ?? result?.error.fieldErrors?.form;
    if (form) return fieldMessage(form);
    if (!result || result.error.code === "conflict") return null;
    const { code, message } = result.error;
    if (code === "validation") return message.startsWith("transition:") ? fieldMessage(message) : t("errors.validation");
    const key = { unauthenticated: "signedOut", forbidden: "forbidden", not_found: "notFound", unavailable: "unavailable", rate_limited: "unavailable", internal: "internal" }[code];
    return t(`errors.${key}`, { requestId: result.error.requestId ?? "" });
  };
  return { t, status, fieldMessage, formError };
}
