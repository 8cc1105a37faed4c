// One record's history (audit rows, newest first) as before/after tables. Entity-agnostic: the
// page that shows it supplies the labels of its fields and actions and how values read, so a
// parcel, a lead, a project or the audit log page render changes the same way.
import type { HistoryEntry } from "@/lib/audit/history";
import { changedKeys } from "@/lib/audit/history";

export interface AuditHistoryText {
  empty: string;
  system: string;
  field: string;
  before: string;
  after: string;
  /** "Reason: …" */
  reason: (reason: string) => string;
  /** "<who> · <when>" */
  byline: (who: string, at: string) => string;
}

interface Props {
  entries: HistoryEntry[];
  text: AuditHistoryText;
  actionLabel: (action: string) => string;
  fieldLabel: (key: string) => string;
  /** how a value reads (dates, enums, money); the default prints it plainly */
  formatValue?: (key: string, value: unknown) => string;
  formatAt: (iso: string) => string;
  /** keys not shown as rows (bookkeeping); "reason" is shown as the entry's reason */
  hidden?: readonly string[];
}

const plain = (_key: string, v: unknown): string => (v === null || v === undefined || v === "" ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v));

export function AuditHistory({ entries, text, actionLabel, fieldLabel, formatValue = plain, formatAt, hidden }: Props) {
  if (entries.length === 0) return <p className="mt-2 text-sm text-stone-600" data-testid="history-empty">{text.empty}</p>;
  return (
    <ol className="mt-2 space-y-3" data-testid="history">
      {entries.map((e) => {
        const keys = changedKeys(e, hidden);
        const reason = typeof e.after?.reason === "string" ? e.after.reason : null;
        return (
          <li key={e.id} className="rounded-md border border-stone-200 p-3 text-sm" data-testid="history-entry" data-action={e.action}>
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{actionLabel(e.action)}</span>
              <span className="text-stone-600">{text.byline(e.actor?.name ?? text.system, formatAt(e.at))}</span>
            </p>
            {reason && <p className="mt-1 text-stone-700">{text.reason(reason)}</p>}
            {keys.length > 0 && (
              <table className="mt-2 w-full text-left text-xs">
                <thead className="text-stone-500">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">{text.field}</th>
                    <th scope="col" className="py-1 pr-2 font-medium">{text.before}</th>
                    <th scope="col" className="py-1 font-medium">{text.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {keys.map((k) => (
                    <tr key={k} className="border-t border-stone-100" data-field={k}>
                      <th scope="row" className="py-1 pr-2 font-normal text-stone-600">{fieldLabel(k)}</th>
                      <td className="py-1 pr-2 text-red-800 line-through decoration-red-300">{formatValue(k, e.before?.[k])}</td>
                      <td className="py-1 text-brand-700">{formatValue(k, e.after?.[k])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </li>
        );
      })}
    </ol>
  );
}
