"use client";

// The dry run's report: the summary, the file's own problems, and per feature what it would do
// and every problem found, in the page's language.
import { useTranslations } from "next-intl";
import type { CommitResult } from "@/lib/cadastre/commit";
import type { ImportReport } from "@/lib/cadastre/plan";

// A 10,000-row table is unreadable and slow to render; problems come first, so they are shown.
const MAX_ROWS = 1000;

export function ReportView({ report, committed, locale }: { report: ImportReport; committed: CommitResult | null; locale: "zh" | "en" }) {
  const t = useTranslations("staff.cadastre");
  const rows = [...report.rows].sort((a, b) => Number(b.problems.length > 0) - Number(a.problems.length > 0) || a.index - b.index);
  const shown = rows.slice(0, MAX_ROWS);
  return (
    <section aria-labelledby="import-report" className="space-y-3" data-testid="import-report">
      <h2 id="import-report" className="sr-only">{t("rowsTitle")}</h2>
      <p className="text-sm font-medium" data-testid="import-summary">{t("summary", { ...report.summary })}</p>
      {committed ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900" data-testid="import-committed">
          {t("committed", { created: committed.created, updated: committed.updated, unchanged: committed.unchanged, edges: committed.adjacencyEdges })}
        </p>
      ) : (
        <p role="status" className={`rounded-md border p-3 text-sm ${report.clean ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-900"}`} data-testid="import-verdict">
          {report.clean ? t("clean") : t("notClean")}
        </p>
      )}
      {report.fileProblems.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">{t("fileProblems")}</h3>
          <ul className="list-disc pl-5 text-sm text-red-800" data-testid="import-file-problems">
            {report.fileProblems.map((p, i) => <li key={i}>{p[locale]}</li>)}
          </ul>
        </div>
      )}
      {shown.length > 0 && (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-stone-200 text-sm" data-testid="import-rows">
            <thead>
              <tr className="text-left">
                <th scope="col" className="px-2 py-1">{t("col.index")}</th>
                <th scope="col" className="px-2 py-1">{t("col.code")}</th>
                <th scope="col" className="px-2 py-1">{t("col.action")}</th>
                <th scope="col" className="px-2 py-1">{t("col.problems")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {shown.map((r) => (
                <tr key={r.index} data-code={r.code ?? ""} className={r.problems.length ? "bg-red-50" : undefined}>
                  <td className="px-2 py-1 tabular-nums">{r.index}</td>
                  <td className="px-2 py-1 font-mono">{r.code ?? "—"}</td>
                  <td className="px-2 py-1">
                    {r.action ? t(`action.${r.action}`) : t("action.none")}
                    {r.changed.length > 0 && <span className="block text-xs text-stone-600">{t("changed", { fields: r.changed.join(", ") })}</span>}
                  </td>
                  <td className="px-2 py-1">
                    {r.problems.length > 0 && (
                      <ul className="list-disc pl-4 text-red-800">
                        {r.problems.map((p, i) => <li key={i}>{p[locale]}</li>)}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length > shown.length && <p className="text-xs text-stone-600">{t("moreRows", { shown: shown.length, total: rows.length })}</p>}
        </div>
      )}
    </section>
  );
}
