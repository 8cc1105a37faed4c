// The report as plain text lines (the command line prints it; the page shows the same facts).
import type { CommitResult } from "./commit";
import type { ImportReport } from "./plan";

export function reportLines(report: ImportReport, committed: CommitResult | null, locale: "zh" | "en" = "en"): string[] {
  const s = report.summary;
  const zh = locale === "zh";
  const lines = [
    zh
      ? `要素 ${s.features} 个：将新建 ${s.create}，更新 ${s.update}，不变 ${s.unchanged}；有问题的要素 ${s.withProblems}，文件问题 ${s.fileProblems}`
      : `${s.features} feature(s): ${s.create} to create, ${s.update} to update, ${s.unchanged} unchanged; ${s.withProblems} with problems, ${s.fileProblems} file problem(s)`,
  ];
  for (const p of report.fileProblems) lines.push(`  ${zh ? "文件" : "file"}: ${p[locale]}`);
  for (const row of report.rows) {
    const label = `#${row.index}${row.code ? ` ${row.code}` : ""}`;
    if (row.problems.length) for (const p of row.problems) lines.push(`  ${label}: ${p[locale]}`);
    else lines.push(`  ${label}: ${row.action}${row.changed.length ? ` (${row.changed.join(", ")})` : ""}`);
  }
  if (committed) {
    lines.push(zh
      ? `已导入：新建 ${committed.created}，更新 ${committed.updated}，不变 ${committed.unchanged}，相邻关系 ${committed.adjacencyEdges} 条`
      : `Imported: ${committed.created} created, ${committed.updated} updated, ${committed.unchanged} unchanged, ${committed.adjacencyEdges} adjacency edge(s) written`);
  } else if (report.clean) lines.push(zh ? "检查通过（试运行，未写入）" : "Clean (dry run: nothing written)");
  else lines.push(zh ? "有问题：未写入任何内容" : "Problems found: nothing was written");
  return lines;
}
