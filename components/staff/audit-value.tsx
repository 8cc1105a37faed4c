// A value from an audit row, as text: lists joined, objects as compact JSON, long text cut
// (the full row is in the database), absent as a dash.
const MAX = 300;

export function auditText(value: unknown): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === "object" ? JSON.stringify(v) : String(v))).join(", ") : "—";
  const s = typeof value === "object" ? JSON.stringify(value) : String(value);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

export function AuditValue({ value }: { value: unknown }) {
  return <span className="whitespace-pre-wrap break-words">{auditText(value)}</span>;
}
