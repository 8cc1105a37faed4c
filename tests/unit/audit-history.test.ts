// The generic history view (components/audit-history.tsx), which the parcel page uses and the
// audit log page may reuse: one entry per audit row, a before/after row per changed field in
// the caller's words, bookkeeping keys hidden, the reason on its own line, "system" for rows
// without a person.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AuditHistory, type AuditHistoryText } from "@/components/audit-history";
import { changedKeys, type HistoryEntry } from "@/lib/audit/history";

const text: AuditHistoryText = {
  empty: "Nothing yet",
  system: "System",
  field: "Field",
  before: "Before",
  after: "After",
  reason: (r) => `Reason: ${r}`,
  byline: (who, at) => `${who} @ ${at}`,
};
const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({ id: "1", at: "2026-12-01T02:00:00.000Z", action: "parcel.update", actor: { id: "u1", name: "Wang" }, before: null, after: null, requestId: null, ...over });
const render = (entries: HistoryEntry[]) =>
  renderToStaticMarkup(createElement(AuditHistory, { entries, text, actionLabel: (a) => `[${a}]`, fieldLabel: (k) => k.toUpperCase(), formatAt: (iso) => iso.slice(0, 10) }));

describe("AuditHistory", () => {
  it("lists each changed field with before and after, hides version and shows the reason", () => {
    const html = render([entry({ before: { status: "SOLD", version: 3 }, after: { status: "AVAILABLE", version: 4, reason: "entered in error" } })]);
    expect(html).toContain("[parcel.update]");
    expect(html).toContain("Wang @ 2026-12-01");
    expect(html).toContain("Reason: entered in error");
    expect(html).toContain('data-field="status"');
    expect(html).toContain(">STATUS<");
    expect(html).toContain(">SOLD<");
    expect(html).toContain(">AVAILABLE<");
    expect(html).not.toContain("VERSION");
    expect(html).not.toContain('data-field="reason"');
  });

  it("names rows without a person 'system', prints missing values as a dash, and says when there is nothing", () => {
    const html = render([entry({ actor: null, before: { priceCnyPerMu: null }, after: { priceCnyPerMu: 300000 } })]);
    expect(html).toContain("System @");
    expect(html).toContain(">—<");
    expect(html).toContain(">300000<");
    expect(render([])).toContain("Nothing yet");
  });

  it("changedKeys: after's keys then before's, without bookkeeping", () => {
    expect(changedKeys({ before: { a: 1, version: 1, gone: 2 }, after: { b: 1, a: 2, version: 2, reason: "x" } })).toEqual(["b", "a", "gone"]);
  });
});
