// A parcel's utility capacities, or a block's: the sums over its parcels that state a figure,
// with "stated for k of n parcels" (a total over half the parcels is not the block's capacity),
// and the range of supply voltages.
import { getTranslations } from "next-intl/server";
import { loadCapacities } from "@/lib/costs/loaders";
import type { CapacityRow } from "@/lib/costs/queries";

type Field = "powerKva" | "gasM3PerDay" | "waterTPerDay" | "wastewaterTPerDay";
const SUMMED: Field[] = ["powerKva", "gasM3PerDay", "waterTPerDay", "wastewaterTPerDay"];
const UNIT: Record<Field, "kva" | "m3" | "t"> = { powerKva: "kva", gasM3PerDay: "m3", waterTPerDay: "t", wastewaterTPerDay: "t" };

export interface CapacitySummary {
  total: number;
  sums: Record<Field, { sum: number; stated: number }>;
  voltage: { min: number; max: number } | null;
}

/** Sums over the parcels that state each figure (pure; unit-tested). */
export function summarizeCapacities(rows: readonly CapacityRow[]): CapacitySummary {
  const sums = Object.fromEntries(SUMMED.map((f) => [f, { sum: 0, stated: 0 }])) as CapacitySummary["sums"];
  let voltage: CapacitySummary["voltage"] = null;
  for (const r of rows) {
    for (const f of SUMMED) {
      const v = r[f];
      if (v !== null) {
        sums[f].sum += v;
        sums[f].stated += 1;
      }
    }
    if (r.powerVoltageKv !== null) voltage = voltage ? { min: Math.min(voltage.min, r.powerVoltageKv), max: Math.max(voltage.max, r.powerVoltageKv) } : { min: r.powerVoltageKv, max: r.powerVoltageKv };
  }
  return { total: rows.length, sums, voltage };
}

export async function Capacities({ codes, locale, mode }: { codes: string[]; locale: string; mode: "parcel" | "block" }) {
  const [t, rows] = await Promise.all([getTranslations("investor.costs"), loadCapacities(codes)]);
  if (rows.length === 0) return null;
  const n = (v: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 1 }).format(v);
  const s = summarizeCapacities(rows);
  const voltageText = s.voltage ? (s.voltage.min === s.voltage.max ? t("capacities.kv", { value: n(s.voltage.min) }) : t("capacities.kvRange", { min: n(s.voltage.min), max: n(s.voltage.max) })) : t("capacities.notStated");
  const row = (field: Field | "powerVoltageKv", value: string, note?: string) => (
    <div key={field} className="flex justify-between gap-4 border-t border-stone-100 py-1.5" data-testid={`capacity-${field}`}>
      <dt className="text-stone-500">{t(`capacities.${field}`)}</dt>
      <dd className="text-right">
        {value}
        {note && <span className="block text-xs text-stone-500">{note}</span>}
      </dd>
    </div>
  );
  return (
    <section aria-labelledby="capacities-title" className="rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="capacities">
      <h2 id="capacities-title" className="font-semibold">{t("capacities.title")}</h2>
      <dl className="mt-2">
        {SUMMED.slice(0, 1).map((f) => row(f, s.sums[f].stated ? t(`capacities.${UNIT[f]}`, { value: n(s.sums[f].sum) }) : t("capacities.notStated"), mode === "block" ? t("capacities.stated", { count: s.sums[f].stated, total: s.total }) : undefined))}
        {row("powerVoltageKv", voltageText)}
        {SUMMED.slice(1).map((f) => row(f, s.sums[f].stated ? t(`capacities.${UNIT[f]}`, { value: n(s.sums[f].sum) }) : t("capacities.notStated"), mode === "block" ? t("capacities.stated", { count: s.sums[f].stated, total: s.total }) : undefined))}
      </dl>
      {mode === "block" && <p className="mt-2 text-xs text-stone-500">{t("capacities.blockNote")}</p>}
      {rows.some((r) => r.geometryIllustrative) && <p className="mt-1 text-xs text-stone-500">{t("capacities.illustrative")}</p>}
    </section>
  );
}
