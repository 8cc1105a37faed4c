"use client";

// The changes an admin makes to one account, each its own small form with the version the page
// was rendered from. After a conflict the form carries the current version (so saving again
// applies the admin's choice knowingly) and keeps what they chose.
import { useActionState } from "react";
import type { StaffParkDto, StaffRowDto } from "@/lib/staff/queries";
import { changeStaffRole, sendPasswordReset, setStaffDisabled, setStaffParks, type StaffFormState } from "./actions";
import { buttonClass, inputClass } from "./create-staff-form";
import { FormAlert, useStaffMessages } from "./form-messages";

interface Props {
  row: StaffRowDto;
  parks: StaffParkDto[];
  locale: string;
  isSelf: boolean;
}

/** The version to send: the current row's after a conflict, else the page's. */
function versionAfter(state: StaffFormState, row: StaffRowDto): number {
  if (state && !state.ok && state.error.code === "conflict") return (state.error.current as StaffRowDto | undefined)?.version ?? row.version;
  return row.version;
}

function Saved({ state }: { state: StaffFormState }) {
  const { t } = useStaffMessages();
  return state?.ok ? <p role="status" className="text-sm text-brand-700">{t("saved")}</p> : null;
}

export function RoleForm({ row, locale, isSelf }: Props) {
  const { t } = useStaffMessages();
  const [state, action, pending] = useActionState<StaffFormState, FormData>(changeStaffRole, null);
  const typed = state && !state.ok && typeof state.values?.role === "string" ? state.values.role : row.role;
  const id = `role-${row.id}`;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={row.id} />
      <input type="hidden" name="version" value={versionAfter(state, row)} />
      <FormAlert state={state} locale={locale} />
      <label htmlFor={id} className="block text-sm font-medium">{t("role.label")}</label>
      <div className="flex flex-wrap items-center gap-2">
        <select id={id} name="role" key={`${row.version}-${typed}`} defaultValue={typed} disabled={isSelf} className={`${inputClass} mt-0 w-auto`} aria-describedby={`${id}-effect`}>
          <option value="OFFICER">{t("roles.OFFICER")}</option>
          <option value="ADMIN">{t("roles.ADMIN")}</option>
        </select>
        {!isSelf && <button type="submit" disabled={pending} className={buttonClass}>{t("role.save")}</button>}
      </div>
      <p id={`${id}-effect`} className="text-xs text-stone-500">{isSelf ? t("errors.selfDemote") : t("role.effect")}</p>
      <Saved state={state} />
    </form>
  );
}

export function ParksForm({ row, parks, locale }: Props) {
  const { t, field } = useStaffMessages();
  const [state, action, pending] = useActionState<StaffFormState, FormData>(setStaffParks, null);
  const refused = state && !state.ok ? state : null;
  const chosen = new Set(refused?.values ? [refused.values.parkIds ?? []].flat() : row.parks.map((p) => p.id));
  const parkName = (p: StaffParkDto) => (locale === "en" ? p.nameEn || p.nameZh : p.nameZh);
  const error = refused?.error.fieldErrors?.parkIds;
  if (row.role !== "OFFICER") return <p className="text-sm text-stone-600">{t("parks.adminNote")}</p>;
  return (
    <form action={action} key={`${row.version}-${refused ? "kept" : "page"}`}>
      <input type="hidden" name="userId" value={row.id} />
      <input type="hidden" name="version" value={versionAfter(state, row)} />
      <input type="hidden" name="parkIdsPresent" value="1" />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("parks.legend")}</legend>
        <FormAlert state={state} locale={locale} />
        {parks.length === 0 ? (
          <p className="text-sm text-stone-600">{t("parks.none")}</p>
        ) : (
          <div className="grid max-h-56 gap-1 overflow-y-auto rounded-md border border-stone-200 bg-white p-2 sm:grid-cols-2">
            {parks.map((p) => (
              <label key={p.id} className="flex items-start gap-2 text-sm">
                <input type="checkbox" name="parkIds" value={p.id} defaultChecked={chosen.has(p.id)} className="mt-1" />
                <span>{parkName(p)}</span>
              </label>
            ))}
          </div>
        )}
        {error && <p className="text-xs text-red-700">{field(error)}</p>}
        {parks.length > 0 && <button type="submit" disabled={pending} className={buttonClass}>{t("parks.save")}</button>}
        <Saved state={state} />
      </fieldset>
    </form>
  );
}

export function StatusForm({ row, locale, isSelf }: Props) {
  const { t } = useStaffMessages();
  const [state, action, pending] = useActionState<StaffFormState, FormData>(setStaffDisabled, null);
  if (isSelf) return <p className="text-xs text-stone-500">{t("status.selfNote")}</p>;
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="userId" value={row.id} />
      <input type="hidden" name="version" value={versionAfter(state, row)} />
      <input type="hidden" name="disabled" value={row.disabled ? "false" : "true"} />
      <FormAlert state={state} locale={locale} />
      <button
        type="submit"
        disabled={pending}
        className={row.disabled ? buttonClass : "rounded-md border border-red-700 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"}
      >
        {row.disabled ? t("status.enable") : t("status.disable")}
      </button>
      {!row.disabled && <p className="text-xs text-stone-500">{t("status.disableEffect")}</p>}
    </form>
  );
}

/** A one-time link to set a new password, e-mailed to the person (the admin never sees it). */
export function ResetLinkForm({ row, locale }: Props) {
  const { t } = useStaffMessages();
  const [state, action, pending] = useActionState<StaffFormState<{ userId: string; expiresAt: Date }>, FormData>(sendPasswordReset, null);
  if (row.disabled) return null;
  const when = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" });
  return (
    <form action={action} className="space-y-2" data-testid="reset-link-form">
      <input type="hidden" name="userId" value={row.id} />
      <FormAlert state={state} locale={locale} />
      <button type="submit" disabled={pending} className={buttonClass}>{t("reset.send")}</button>
      <p className="text-xs text-stone-500">{t("reset.effect", { email: row.email })}</p>
      {state?.ok && <p role="status" className="text-sm text-brand-700">{t("reset.sent", { date: when.format(new Date(state.data.expiresAt)) })}</p>}
    </form>
  );
}
