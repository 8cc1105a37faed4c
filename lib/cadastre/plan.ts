// What a clean file would do: per feature create (new code), update (the code exists and its
// geometry or a given attribute differs) or unchanged, plus the report people read. Pure.
import type { PolygonGeometry } from "../land/geometry";
import type { ParcelValues } from "./attributes";
import type { CheckedFeature, ExistingParcel } from "./checks";
import { problemText, type Problem } from "./problems";

export type PlanAction = "create" | "update" | "unchanged";

export interface PlannedFeature {
  index: number;
  code: string;
  action: PlanAction;
  geometry: PolygonGeometry;
  geometryChanged: boolean;
  /** attribute names whose value changes */
  changed: (keyof ParcelValues)[];
  values: ParcelValues;
  existing: ExistingParcel | null;
}

export interface ReportProblem {
  code: Problem["code"];
  zh: string;
  en: string;
}

export interface ReportRow {
  index: number;
  code: string | null;
  action: PlanAction | null;
  changed: string[];
  problems: ReportProblem[];
}

export interface ImportSummary {
  features: number;
  create: number;
  update: number;
  unchanged: number;
  /** features with at least one problem, plus problems of the file itself */
  withProblems: number;
  fileProblems: number;
}

export interface ImportReport {
  clean: boolean;
  summary: ImportSummary;
  fileProblems: ReportProblem[];
  /** features with problems or changes; unchanged clean ones are only counted */
  rows: ReportRow[];
}

const text = (p: Problem): ReportProblem => ({ code: p.code, zh: problemText(p, "zh"), en: problemText(p, "en") });

/** Same ring positions to 1e-9° (0.1 mm): the precision the import rounds to. */
export function sameGeometry(a: PolygonGeometry, b: PolygonGeometry): boolean {
  const r = (v: number) => Math.round(v * 1e9);
  if (a.coordinates.length !== b.coordinates.length) return false;
  return a.coordinates.every((ring, i) => {
    const other = b.coordinates[i]!;
    return ring.length === other.length && ring.every((p, j) => r(p[0]) === r(other[j]![0]) && r(p[1]) === r(other[j]![1]));
  });
}

export function planFeatures(checked: readonly CheckedFeature[], existing: ReadonlyMap<string, ExistingParcel>): PlannedFeature[] {
  return checked
    .filter((c) => c.problems.length === 0 && c.code !== null && c.geometry !== null)
    .map((c) => {
      const current = existing.get(c.code!) ?? null;
      if (!current) return { index: c.index, code: c.code!, action: "create", geometry: c.geometry!, geometryChanged: true, changed: Object.keys(c.values) as (keyof ParcelValues)[], values: c.values, existing: null };
      const geometryChanged = !sameGeometry(c.geometry!, current.geometry);
      const changed = (Object.keys(c.values) as (keyof ParcelValues)[]).filter((k) => (c.values[k] ?? null) !== (current.values[k] ?? null));
      const action: PlanAction = geometryChanged || changed.length > 0 ? "update" : "unchanged";
      return { index: c.index, code: c.code!, action, geometry: c.geometry!, geometryChanged, changed, values: c.values, existing: current };
    });
}

export function buildReport(checked: readonly CheckedFeature[], planned: readonly PlannedFeature[], fileProblems: readonly Problem[]): ImportReport {
  const byIndex = new Map(planned.map((p) => [p.index, p]));
  const rows: ReportRow[] = [];
  let withProblems = 0;
  for (const c of checked) {
    const p = byIndex.get(c.index);
    if (c.problems.length) withProblems++;
    if (c.problems.length || (p && p.action !== "unchanged")) {
      rows.push({
        index: c.index,
        code: c.code,
        action: p?.action ?? null,
        changed: p ? [...(p.geometryChanged && p.action === "update" ? ["geometry"] : []), ...(p.action === "update" ? p.changed : [])] : [],
        problems: c.problems.map(text),
      });
    }
  }
  const count = (a: PlanAction) => planned.filter((p) => p.action === a).length;
  const summary: ImportSummary = {
    features: checked.length,
    create: count("create"),
    update: count("update"),
    unchanged: count("unchanged"),
    withProblems,
    fileProblems: fileProblems.length,
  };
  return { clean: withProblems === 0 && fileProblems.length === 0 && checked.length > 0, summary, fileProblems: fileProblems.map(text), rows };
}
