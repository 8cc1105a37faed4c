"use client";

// The parcel list with a checkbox per row, inside the bulk-change form: the checked rows are
// sent as "<id>:<version>" (the version each row showed), so a parcel saved by someone else
// since is a conflict for the whole change. A refused change keeps the selection and what was
// typed; a conflict lists the parcels that changed.
import "@/lib/zod-csp";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { ParcelStatus } from "@/lib/generated/prisma/enums";
import { bulkUpdateSchema } from "@/lib/land/parcel-schemas";
import type { ChangedParcel, RefusedParcel } from "@/lib/land/parcel-mutations";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { bulkUpdateForm, type BulkFormState } from "./actions";
import { buttonClass, inputClass, useParcelMessages } from "./form-messages";

export interface ListRow {
  id: string;
  code: string;
  version: number;
  status: ParcelStatus;
  href: string;
  park: string;
  zone: string | null;
  area: string;
  lastVerifiedOn: string;
  toVerify: boolean;
}

interface Props {
  rows: ListRow[];
  /** the actor holds parcel.edit: checkboxes and the change form */
  mayEdit: boolean;
}

export function ParcelListForm({ rows, mayEdit }: Props) {
  const { t, status, fieldMessage, formError } = useParcelMessages();
  const router = useRouter();
  const [state, formAction, pending] = useActionState<BulkFormState, FormData>(bulkUpdateForm, null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (seen !== state) {
    setSeen(state);
    setRound(round + 1);
    // A refused change keeps the selection; a saved one clears it (the rows have new versions).
    if (state?.ok) setSelected(new Set());
  }
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const failed = state && !state.ok ? state : null;
  const typed = failed?.values ?? {};
  const errors: Record<string, string> = { ...(failed?.error.fieldErrors ?? {}), ...clientErrors };
  const current = (failed?.error.current ?? {}) as { changed?: ChangedParcel[]; refused?: RefusedParcel[] };
  const keyOf = (r: ListRow) => `${r.id}:${r.version}`;
  const allOnPage = rows.length > 0 && rows.every((r) => selected.has(keyOf(r)));
  const toggle = (key: string, on: boolean) => setSelected((s) => {
    const next = new Set(s);
    if (on) next.add(key);
    else next.delete(key);
    return next;
  });
  const problem = formError(failed, clientErrors);
  const table = (
    <table className="min-w-full text-left text-sm">
      <thead className="bg-stone-50 text-stone-600">
        <tr>
          {mayEdit && (
            <th scope="col" className="px-3 py-2">
              <input type="checkbox" aria-label={t("table.selectPage")} checked={allOnPage} onChange={(e) => setSelected(e.target.checked ? new Set(rows.map(keyOf)) : new Set())} className="h-4 w-4" data-testid="select-page" />
            </th>
          )}
          <th scope="col" className="px-3 py-2">{t("table.code")}</th>
          <th scope="col" className="px-3 py-2">{t("table.park")}</th>
          <th scope="col" className="px-3 py-2">{t("table.zone")}</th>
          <th scope="col" className="px-3 py-2">{t("table.status")}</th>
          <th scope="col" className="px-3 py-2">{t("table.area")}</th>
          <th scope="col" className="px-3 py-2">{t("table.verified")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-t border-stone-100" data-testid="parcel-row" data-code={r.code}>
            {mayEdit && (
              <td className="px-3 py-2">
                <input type="checkbox" name="parcel" value={keyOf(r)} checked={selected.has(keyOf(r))} onChange={(e) => toggle(keyOf(r), e.target.checked)} aria-label={`${t("table.select")} ${r.code}`} className="h-4 w-4" />
              </td>
            )}
            <th scope="row" className="px-3 py-2 font-mono font-medium"><a href={r.href} className="text-brand-700 underline">{r.code}</a></th>
            <td className="px-3 py-2">{r.park}</td>
            <td className="px-3 py-2">{r.zone ?? "—"}</td>
            <td className="px-3 py-2">{status(r.status)}</td>
            <td className="px-3 py-2">{r.area}</td>
            <td className="px-3 py-2">
              {r.lastVerifiedOn}
              {r.toVerify && <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">{t("table.due")}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (!mayEdit) return <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">{table}</div>;
  return (
    <form
      action={formAction}
      noValidate
      data-testid="bulk-form"
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        const parsed = bulkUpdateSchema.safeParse({ ...Object.fromEntries(form.entries()), parcels: form.getAll("parcel") });
        const found = parsed.success ? {} : fieldErrorsOf(parsed.error);
        setClientErrors(found);
        if (!parsed.success) event.preventDefault();
      }}
    >
      <div className="mt-3 overflow-x-auto rounded-lg border border-stone-200 bg-white">{table}</div>
      <fieldset className="mt-4 rounded-lg border border-stone-200 bg-white p-4">
        <legend className="px-1 font-semibold">{t("bulk.title")}</legend>
        <p className="text-xs text-stone-600">{t("bulk.lead")}</p>
        <p className="mt-2 text-sm font-medium" role="status" data-testid="bulk-selected">{t("bulk.selected", { count: selected.size })}</p>
        {current.changed && current.changed.length > 0 && (
          <div role="alert" className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="bulk-conflict">
            <p>{t("bulk.changedTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {current.changed.map((c) => (
                <li key={c.id}>{c.code === null ? t("bulk.gone", { id: c.id }) : t("bulk.changedRow", { code: c.code, version: c.version ?? 0, status: status(c.status ?? ""), verified: c.lastVerifiedOn ?? "—" })}</li>
              ))}
            </ul>
            <button type="button" className="mt-2 underline" onClick={() => window.location.reload()}>{t("bulk.reload")}</button>
          </div>
        )}
        {current.refused && current.refused.length > 0 && (
          <div role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800" data-testid="bulk-refused">
            <p>{t("bulk.refusedTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {current.refused.map((r) => <li key={r.code}>{r.code}: {fieldMessage(`transition:${r.why}:${r.from}:${r.to}`)}</li>)}
            </ul>
          </div>
        )}
        {problem && <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-800">{problem}</p>}
        <div className="mt-3 grid gap-3 sm:grid-cols-3">
          <div>
            <label htmlFor="bulk-status" className="block text-sm font-medium">{t("bulk.status")}</label>
            <select key={`s${round}`} id="bulk-status" name="status" defaultValue={typed.status ?? ""} className={inputClass} aria-invalid={errors.status ? true : undefined}>
              <option value="">{t("bulk.keep")}</option>
              {Object.values(ParcelStatus).map((s) => <option key={s} value={s}>{status(s)}</option>)}
            </select>
            {errors.status && <p className="mt-1 text-xs text-red-700">{fieldMessage(errors.status)}</p>}
          </div>
          <div>
            <label htmlFor="bulk-reason" className="block text-sm font-medium">{t("bulk.reason")}</label>
            <input id="bulk-reason" name="reason" defaultValue={typed.reason ?? ""} className={inputClass} aria-invalid={errors.reason ? true : undefined} />
            {errors.reason && <p className="mt-1 text-xs text-red-700">{fieldMessage(errors.reason)}</p>}
          </div>
          <div>
            <label htmlFor="bulk-handoverOn" className="block text-sm font-medium">{t("bulk.handoverOn")}</label>
            <input id="bulk-handoverOn" name="handoverOn" type="date" defaultValue={typed.handoverOn ?? ""} className={inputClass} aria-invalid={errors.handoverOn ? true : undefined} />
            {errors.handoverOn && <p className="mt-1 text-xs text-red-700">{fieldMessage(errors.handoverOn)}</p>}
          </div>
        </div>
        <label className="mt-3 flex items-center gap-2 text-sm">
          <input key={`v${round}`} type="checkbox" name="verified" value="on" defaultChecked={typed.verified === "on"} className="h-4 w-4" />
          {t("bulk.verified")}
        </label>
        <div className="mt-3 flex items-center gap-3">
          <button type="submit" className={buttonClass} disabled={pending}>{t("bulk.submit")}</button>
          {state?.ok && <span role="status" className="text-sm text-brand-700" data-testid="bulk-saved">{t("bulk.saved", { changed: state.data.changed, unchanged: state.data.unchanged })}</span>}
        </div>
      </fieldset>
    </form>
  );
}
