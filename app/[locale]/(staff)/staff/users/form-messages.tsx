"use client";

// How the staff forms say what went wrong: the action's message key in the admin's language,
// field messages from this page's own keys, then the shared validation keys; never a raw key.
import { useTranslations } from "next-intl";
import type { StaffRowDto } from "@/lib/staff/queries";
import { translateFieldMessage } from "@/lib/validation/messages";
import type { StaffFormState } from "./actions";

export function useStaffMessages() {
  const t = useTranslations("staff.users");
  const tv = useTranslations("validation");
  // lib/auth/password.ts is server-only in effect (argon2): its limits come from the page.
  const field = (message: string, limits: { min: number; max: number } = { min: 0, max: 0 }): string => {
    if (t.has(`fieldErrors.${message}`)) return t(`fieldErrors.${message}` as "fieldErrors.emailTaken", limits);
    // The password policy may grow rules (lib/auth/password.ts): any other of its keys reads as the policy.
    if (message.startsWith("password.")) return t("fieldErrors.passwordPolicy", limits);
    return translateFieldMessage(tv, message);
  };
  const form = (state: StaffFormState<unknown>): string | null => {
    if (!state || state.ok) return null;
    const { message, requestId } = state.error;
    return t.has(`errors.${message}`) ? t(`errors.${message}` as "errors.internal", { requestId: requestId ?? "" }) : t("errors.internal", { requestId: requestId ?? "" });
  };
  return { t, field, form };
}

/** The row as it is now, after a conflict: what the admin compares their choice with. */
export function CurrentRow({ row, locale }: { row: StaffRowDto; locale: string }) {
  const t = useTranslations("staff.users");
  const parks = row.parks.length ? row.parks.map((p) => (locale === "en" ? p.nameEn || p.nameZh : p.nameZh)).join(locale === "en" ? ", " : "、") : "—";
  return (
    <span className="mt-1 block font-medium">
      {t("errors.current", { role: t(`roles.${row.role}`), status: row.disabled ? t("list.disabled") : t("list.active"), parks })}
    </span>
  );
}

export function FormAlert({ state, locale }: { state: StaffFormState<unknown>; locale: string }) {
  const { form } = useStaffMessages();
  const text = form(state);
  if (!text || !state || state.ok) return null;
  const current = state.error.code === "conflict" ? (state.error.current as StaffRowDto | undefined) : undefined;
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">
      {text}
      {current && <CurrentRow row={current} locale={locale} />}
    </p>
  );
}
