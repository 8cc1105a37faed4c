// One record's history (audit rows, newest first) as before/after tables. Entity-agnostic: the
// caller supplies the labels of its fields and actions and how values read, so a parcel, a
// park or a project render their changes the same way (components/staff/record-history.tsx
// wraps it with the section, the words and the keyset "older" link).
import type { AuditRowDto } from "@/lib/audit/log-queries";
import { auditText } from "@/components/staff/audit-value";

export interface AuditHistoryText {
  empty: string;
  system: string;
  field: string;
  before: string;
  after: string;
  /** "Reason: …" */
  reason: (reason: string) => string;
}

interface Props {
  rows: readonly Pick<AuditRowDto, "id" | "createdAt" | "action" | "actor" | "changes">[];
  text: AuditHistoryText;
  actionLabel: (action: string) => string;
  fieldLabel: (key: string) => string;
  /** how a value reads (dates, enums, money); the default prints it plainly */
  formatValue?: (key: string, value: unknown) => string;
  formatAt: (at: Date) => string;
  /** keys not shown as rows (bookkeeping); "reason" is shown as the entry's reason */
  hidden?: readonly string[];
}

const plain = (_key: string, v: unknown): string => auditText(v);
const BOOKKEEPING = ["version", "reason"] as const;

export function AuditHistory({ rows, text, actionLabel, fieldLabel, formatValue = plain, formatAt, hidden = BOOKKEEPING }: Props) {
  if (rows.length === 0) return <p className="mt-2 text-sm text-stone-600" data-testid="history-empty">{text.empty}</p>;
  return (
    <ol className="mt-3 space-y-3" data-testid="history">
      {rows.map((row) => {
        const changes = row.changes.filter((c) => !hidden.includes(c.field));
        const reason = row.changes.find((c) => c.field === "reason")?.after;
        return (
          <li key={row.id} className="rounded-md border border-stone-200 bg-white p-3 text-sm" data-testid="history-entry" data-action={row.action}>
            <p className="flex flex-wrap justify-between gap-2">
              <span className="font-medium">{actionLabel(row.action)}</span>
              <span className="text-stone-600">
                {row.actor?.name ?? text.system} · <time dateTime={row.createdAt.toISOString()}>{formatAt(row.createdAt)}</time>
              </span>
            </p>
            {typeof reason === "string" && reason !== "" && <p className="mt-1 text-stone-700">{text.reason(reason)}</p>}
            {changes.length > 0 && (
              <table className="mt-2 w-full text-left text-xs">
                <thead className="text-stone-500">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">{text.field}</th>
                    <th scope="col" className="py-1 pr-2 font-medium">{text.before}</th>
                    <th scope="col" className="py-1 font-medium">{text.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field} className="border-t border-stone-100 align-top" data-field={c.field}>
                      <th scope="row" className="py-1 pr-2 font-normal text-stone-600">{fieldLabel(c.field)}</th>
                      <td className="whitespace-pre-wrap break-words py-1 pr-2 text-red-800 line-through decoration-red-300">{formatValue(c.field, c.before)}</td>
                      <td className="whitespace-pre-wrap break-words py-1 text-brand-700">{formatValue(c.field, c.after)}</td>
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
