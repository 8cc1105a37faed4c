// A feature's attributes (GeoJSON properties or CSV cells) into typed parcel values. A key that
// is absent keeps the parcel's current value; a key present but empty (null, "") clears it.
// The names are the export's column names, so an exported file imports back unchanged.
import { LandUse, ParcelStatus } from "../generated/prisma/enums";
import { CAPACITY_COLUMNS } from "../land/capacity-limits";
import { READINESS_ITEMS, type ReadinessColumn } from "../land/readiness";
import type { Problem } from "./problems";

export const DATE_FIELDS = ["handoverOn", "lastVerifiedOn", ...READINESS_ITEMS.map((i) => i.column)] as const;
export type DateField = "handoverOn" | "lastVerifiedOn" | ReadinessColumn;

/** Values as the import compares and writes them; dates as ISO days. */
export interface ParcelValues {
  zoneCode?: string | null;
  landUse?: LandUse;
  status?: ParcelStatus;
  statusReason?: string | null;
  priceCnyPerMu?: number | null;
  plotRatioMin?: number | null;
  plotRatioMax?: number | null;
  powerKva?: number | null;
  powerVoltageKv?: number | null;
  gasM3PerDay?: number | null;
  waterTPerDay?: number | null;
  wastewaterTPerDay?: number | null;
  handoverOn?: string | null;
  lastVerifiedOn?: string;
  roadReadyOn?: string | null;
  waterReadyOn?: string | null;
  drainageReadyOn?: string | null;
  powerReadyOn?: string | null;
  telecomReadyOn?: string | null;
  gasReadyOn?: string | null;
  heatingReadyOn?: string | null;
  cableReadyOn?: string | null;
  sewageReadyOn?: string | null;
  levelledOn?: string | null;
}

export const CODE_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,39}$/u;
export const MAX_REASON = 500;
const MAX_PRICE = 100_000_000;
const MAX_PLOT_RATIO = 20;


const blank = (v: unknown) => v === null || (typeof v === "string" && v.trim() === "");
const has = (o: Record<string, unknown>, k: string) => Object.hasOwn(o, k);

function isoDay(v: unknown): string | null {
  if (typeof v !== "string") return null;
  const s = v.trim().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

function num(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

function choice<T extends string>(v: unknown, all: Record<string, T>): T | null {
  const s = typeof v === "string" ? v.trim().toUpperCase() : "";
  return (Object.values(all) as string[]).includes(s) ? (s as T) : null;
}

export function parseAttributes(props: Record<string, unknown>): { values: ParcelValues; problems: Problem[] } {
  const values: ParcelValues = {};
  const problems: Problem[] = [];
  const shown = (v: unknown) => String(v).slice(0, 60);

  if (has(props, "zone")) values.zoneCode = blank(props.zone) ? null : String(props.zone).trim();
  for (const [field, all] of [["landUse", LandUse], ["status", ParcelStatus]] as const) {
    if (!has(props, field) || blank(props[field])) continue;
    const c = choice(props[field], all as Record<string, string>);
    if (c) (values as Record<string, unknown>)[field] = c;
    else problems.push({ code: "invalidEnum", params: { field, value: shown(props[field]), allowed: Object.values(all).join(", ") } });
  }
  if (has(props, "statusReason")) {
    const r = blank(props.statusReason) ? null : String(props.statusReason).trim();
    if (r && r.length > MAX_REASON) problems.push({ code: "invalidText", params: { field: "statusReason", max: MAX_REASON } });
    else values.statusReason = r;
  }
  if (has(props, "priceCnyPerMu")) {
    if (blank(props.priceCnyPerMu)) values.priceCnyPerMu = null;
    else {
      const n = num(props.priceCnyPerMu);
      if (n === null || !Number.isInteger(n) || n < 0 || n > MAX_PRICE) problems.push({ code: "invalidPrice", params: { value: shown(props.priceCnyPerMu) } });
      else values.priceCnyPerMu = n;
    }
  }
  for (const field of ["plotRatioMin", "plotRatioMax"] as const) {
    if (!has(props, field)) continue;
    if (blank(props[field])) values[field] = null;
    else {
      const n = num(props[field]);
      if (n === null || n < 0 || n > MAX_PLOT_RATIO) problems.push({ code: "invalidPlotRatio", params: { field, value: shown(props[field]) } });
      else values[field] = n;
    }
  }
  for (const { field, max, int } of CAPACITY_COLUMNS) {
    if (!has(props, field)) continue;
    if (blank(props[field])) values[field] = null;
    else {
      const n = num(props[field]);
      if (n === null || n < 0 || n > max || (int && !Number.isInteger(n))) {
        problems.push({ code: "invalidCapacity", params: { field, value: shown(props[field]), max, kind: int ? "整数" : "数值", kindEn: int ? "a whole number" : "a number" } });
      } else values[field] = n;
    }
  }
  if (values.plotRatioMin != null && values.plotRatioMax != null && values.plotRatioMin > values.plotRatioMax) {
    problems.push({ code: "plotRatioOrder", params: { min: values.plotRatioMin, max: values.plotRatioMax } });
  }
  for (const field of DATE_FIELDS) {
    if (!has(props, field)) continue;
    if (blank(props[field])) {
      // "last verified" cannot be cleared: an empty cell keeps it.
      if (field !== "lastVerifiedOn") values[field] = null;
      continue;
    }
    const d = isoDay(props[field]);
    if (d === null) problems.push({ code: "invalidDate", params: { field, value: shown(props[field]) } });
    else values[field] = d;
  }
  return { values, problems };
}
