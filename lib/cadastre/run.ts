// One import from upload to report (and, for a clean file in commit mode, to the database):
// the staff route, the command line and the benchmark all run this. The CadastreImport row is
// the import's record (who, which file, CRS, the report); the dry run writes nothing else.
// Committing re-runs every check on the uploaded file itself rather than trusting a stored dry
// run, so what is written is exactly what was just checked against the current parcels.
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { notFound } from "../errors";
import { checkFeatures } from "./checks";
import { commitPlan, type CommitResult } from "./commit";
import { findImportPark, loadCheckContext } from "./context";
import type { CrsCode } from "./crs";
import { parseUpload } from "./parse";
import { buildReport, planFeatures, type ImportReport } from "./plan";

export type ImportPhase = "parse" | "check" | "parcels" | "adjacency" | "audit";
export type ImportEvent = { type: "progress"; phase: ImportPhase; done: number; total: number };

export interface RunImportInput {
  parkCode: string;
  fileName: string;
  crs: CrsCode;
  geojson: string;
  csv?: string | null;
  commit: boolean;
  actorId: string | null;
  mayOverride: boolean;
  via: "web" | "cli";
  requestId?: string | null;
}

export interface RunImportResult {
  importId: string;
  report: ImportReport;
  /** null for a dry run, or when the file has problems (nothing written) */
  committed: CommitResult | null;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

export async function runImport(db: Db, input: RunImportInput, onEvent?: (e: ImportEvent) => void): Promise<RunImportResult> {
  const park = await findImportPark(db, input.parkCode);
  if (!park) throw notFound("parkNotFound");
  const record = await db.cadastreImport.create({
    data: { parkId: park.id, createdById: input.actorId, fileName: input.fileName.slice(0, 200), crs: input.crs, status: "CHECKING" },
    select: { id: true },
  });
  try {
    onEvent?.({ type: "progress", phase: "parse", done: 0, total: 1 });
    const parsed = parseUpload(input.geojson, input.crs, input.csv);
    const total = parsed.features.length;
    await db.cadastreImport.update({ where: { id: record.id }, data: { featureCount: total } });
    onEvent?.({ type: "progress", phase: "parse", done: 1, total: 1 });
    const ctx = await loadCheckContext(db, park, parsed.features, input.mayOverride);
    const checked = await checkFeatures(parsed.features, ctx, (done) => onEvent?.({ type: "progress", phase: "check", done, total }));
    const planned = planFeatures(checked, ctx.existing);
    const report = buildReport(checked, planned, parsed.fileProblems);
    if (!input.commit || !report.clean) {
      await db.cadastreImport.update({
        where: { id: record.id },
        data: { status: report.clean ? "CHECKED" : "REJECTED", processed: total, report: json(report), finishedAt: new Date() },
      });
      return { importId: record.id, report, committed: null };
    }
    await db.cadastreImport.update({ where: { id: record.id }, data: { status: "COMMITTING", processed: total } });
    const committed = await commitPlan(
      db,
      { park, importId: record.id, planned, report, actorId: input.actorId, requestId: input.requestId, via: input.via, fileName: input.fileName, crs: input.crs },
      (phase, done, all) => onEvent?.({ type: "progress", phase, done, total: all }),
    );
    return { importId: record.id, report, committed };
  } catch (error) {
    // The transaction rolled back; the record says so (and why, for the admin's next try).
    await db.cadastreImport
      .update({ where: { id: record.id }, data: { status: "FAILED", error: String((error as Error).message ?? error).slice(0, 500), finishedAt: new Date() } })
      .catch(() => undefined);
    throw error;
  }
}
