// The one history view (components/audit-history.tsx) the parcel, park and project pages share
// through components/staff/record-history.tsx: one entry per audit row, a before/after row per
// changed field in the caller's words, bookkeeping keys hidden, the reason on its own line,
// "system" for rows without a person.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditHistory, type AuditHistoryText } from "@/components/audit-history";
import { changesOf, type AuditRowDto } from "@/lib/audit/log-queries";

const text: AuditHistoryText = { empty: "Nothing yet", system: "System", field: "Field", before: "Before", after: "After", reason: (r) => `Reason: ${r}` };
type Row = Pick<AuditRowDto, "id" | "createdAt" | "action" | "actor" | "changes">;
const row = (before: unknown, after: unknown, over: Partial<Row> = {}): Row => ({
  id: "1", createdAt: new Date("2026-12-01T02:00:00.000Z"), action: "parcel.update", actor: { id: "u1", name: "Wang", email: "w@x" }, changes: changesOf(before, after), ...over,
});
const render = (rows: Row[], formatValue?: (k: string, v: unknown) => string) =>
  renderToStaticMarkup(createElement(AuditHistory, { rows, text, actionLabel: (a) => `[${a}]`, fieldLabel: (k) => k.toUpperCase(), formatAt: (at) => at.toISOString().slice(0, 10), formatValue }));

describe("AuditHistory", () => {
  it("lists each changed field with before and after, hides version and shows the reason", () => {
    const html = render([row({ status: "SOLD", version: 3 }, { status: "AVAILABLE", version: 4, reason: "entered in error" })]);
    expect(html).toContain("[parcel.update]");
    expect(html).toContain('Wang · <time dateTime="2026-12-01T02:00:00.000Z">2026-12-01</time>');
    expect(html).toContain("Reason: entered in error");
    expect(html).toContain('data-field="status"');
    expect(html).toContain(">STATUS<");
    expect(html).toContain(">SOLD<");
    expect(html).toContain(">AVAILABLE<");
    expect(html).not.toContain("VERSION");
    expect(html).not.toContain('data-field="reason"');
  });

  it("names rows without a person 'system', prints missing values as a dash and lists as text, and says when there is nothing", () => {
    const html = render([row({ priceCnyPerMu: null }, { priceCnyPerMu: 300000, industries: ["SILICON", "STORAGE"] }, { actor: null })]);
    expect(html).toContain("System · <time");
    expect(html).toContain(">—<");
    expect(html).toContain(">300000<");
    expect(html).toContain(">SILICON, STORAGE<");
    expect(render([])).toContain("Nothing yet");
  });

  it("reads values the caller's way when it says how", () => {
    const html = render([row({ status: "SOLD" }, { status: "AVAILABLE" })], (k, v) => `${k}=${String(v)}`);
    expect(html).toContain(">status=SOLD<");
    expect(html).toContain(">status=AVAILABLE<");
  });
});
