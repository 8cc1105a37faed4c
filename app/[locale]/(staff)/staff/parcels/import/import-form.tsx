"use client";

// The upload form and the report. The files stay in the browser's memory after the dry run, so
// "Import" sends exactly the file that was checked (the server checks it again before writing).
import { useState } from "react";
import { useTranslations } from "next-intl";
import { CRS_CODES, DEFAULT_CRS, MAX_CSV_BYTES, MAX_UPLOAD_BYTES, type CrsCode } from "@/lib/cadastre/crs-codes";
import type { ImportReport } from "@/lib/cadastre/plan";
import type { CommitResult } from "@/lib/cadastre/commit";
import { ReportView } from "./report-view";

const input = "mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm";
const button = "rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-900 disabled:opacity-60";

interface Progress {
  phase: "parse" | "check" | "parcels" | "adjacency" | "audit";
  done: number;
  total: number;
}
type Line =
  | ({ type: "progress" } & Progress)
  | { type: "result"; report: ImportReport; committed: CommitResult | null }
  | { type: "error"; code: string; message: string; requestId?: string };

export function ImportForm({ locale, parks, mayExport }: { locale: "zh" | "en"; parks: { code: string; name: string }[]; mayExport: boolean }) {
  const t = useTranslations("staff.cadastre");
  const [park, setPark] = useState(parks[0]?.code ?? "");
  const [crs, setCrs] = useState<CrsCode>(DEFAULT_CRS);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [committed, setCommitted] = useState<CommitResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Any change of input makes the last report stale: it no longer describes what would be sent.
  const reset = () => {
    setReport(null);
    setCommitted(null);
    setError(null);
  };

  async function send(mode: "dry-run" | "commit") {
    reset();
    if (!park || !file) return setError(t("chooseFile"));
    if (file.size > MAX_UPLOAD_BYTES || (csv && csv.size > MAX_CSV_BYTES)) return setError(t("tooLarge", { mb: MAX_UPLOAD_BYTES / 1024 / 1024 }));
    const form = new FormData();
    form.set("park", park);
    form.set("crs", crs);
    form.set("mode", mode);
    form.set("file", file);
    if (csv) form.set("csv", csv);
    setBusy(true);
    setProgress(null);
    try {
      const res = await fetch("/api/staff/cadastre/import", { method: "POST", body: form });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => ({}))) as { zh?: string; en?: string; error?: string };
        if (res.status === 401) return setError(t("errors.signedOut"));
        if (res.status === 403) return setError(t("errors.forbidden"));
        return setError(body[locale] ?? t("errors.network"));
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const text of lines) {
          if (!text.trim()) continue;
          const line = JSON.parse(text) as Line;
          if (line.type === "progress") setProgress({ phase: line.phase, done: line.done, total: line.total });
          else if (line.type === "result") {
            setReport(line.report);
            setCommitted(line.committed);
          } else {
            const key = line.code === "conflict" ? "conflict" : line.code === "not_found" ? "notFound" : "internal";
            setError(t(`errors.${key}`, { requestId: line.requestId ?? "" }));
          }
        }
      }
    } catch {
      setError(t("errors.network"));
    } finally {
      setBusy(false);
    }
  }

  const changes = report ? report.summary.create + report.summary.update : 0;
  return (
    <div className="space-y-6">
      <form
        className="grid gap-4 rounded-lg border border-stone-200 bg-stone-50 p-4 sm:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          void send("dry-run");
        }}
      >
        <label className="block text-sm font-medium">
          {t("park")}
          <select name="park" className={input} value={park} onChange={(e) => (setPark(e.target.value), reset())}>
            {parks.map((p) => (
              <option key={p.code} value={p.code}>{p.name} ({p.code})</option>
            ))}
          </select>
        </label>
        <label className="block text-sm font-medium">
          {t("crs")}
          <select name="crs" className={input} value={crs} onChange={(e) => (setCrs(e.target.value as CrsCode), reset())} aria-describedby="crs-hint">
            {CRS_CODES.map((c) => (
              <option key={c} value={c}>{t(`crsNames.${c}`)}</option>
            ))}
          </select>
          <span id="crs-hint" className="mt-1 block text-xs font-normal text-stone-600">{t("crsHint")}</span>
        </label>
        <label className="block text-sm font-medium">
          {t("file")}
          <input type="file" name="file" accept=".geojson,.json,application/geo+json,application/json" className={input} onChange={(e) => (setFile(e.target.files?.[0] ?? null), reset())} />
        </label>
        <label className="block text-sm font-medium">
          {t("csv")}
          <input type="file" name="csv" accept=".csv,text/csv" className={input} onChange={(e) => (setCsv(e.target.files?.[0] ?? null), reset())} />
        </label>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" className={button} disabled={busy}>{t("check")}</button>
          {report?.clean && !committed && changes > 0 && (
            <button type="button" className={button} disabled={busy} onClick={() => void send("commit")} data-testid="import-commit">
              {t("import", { count: changes })}
            </button>
          )}
          {busy && (
            <span role="status" className="flex items-center gap-2 text-sm" data-testid="import-progress">
              {progress ? t(`phase.${progress.phase}`) : t("working")}
              {progress && progress.total > 1 && <progress max={progress.total} value={progress.done} className="w-40" />}
              {progress && progress.total > 1 && <span className="tabular-nums">{progress.done}/{progress.total}</span>}
            </span>
          )}
        </div>
      </form>

      {error && <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">{error}</p>}
      {report && <ReportView report={report} committed={committed} locale={locale} />}
      {report?.clean && !committed && changes === 0 && <p role="status" className="text-sm">{t("nothingToImport")}</p>}

      {mayExport && park && (
        <p className="text-sm">
          {t("export.title")}:{" "}
          <a className="underline" href={`/api/staff/cadastre/export?park=${encodeURIComponent(park)}&format=geojson`}>{t("export.geojson")}</a>
          {" · "}
          <a className="underline" href={`/api/staff/cadastre/export?park=${encodeURIComponent(park)}&format=csv`}>{t("export.csv")}</a>
        </p>
      )}
    </div>
  );
}
