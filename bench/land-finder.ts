// The second-round search filters on the benchmark cadastre: block capacities (sums), distance
// to a logistics kind, drawn areas, larger blocks offered in part (with the subset proposal for
// each listed block) and the zero-result relaxations. Same path as the page: runLandSearch, and
// diagnoseLandSearch when a search found nothing. Prints p50/p95 per kind of search.
import type { Db } from "../lib/db/client";
import { diagnoseLandSearch, runLandSearch } from "../lib/search/queries";
import { landSearchSchema } from "../lib/search/schemas";

/** Deterministic capacities for the synthetic parcels (by position in the cadastre). */
export function syntheticCapacities(i: number) {
  return {
    powerKva: i % 3 === 0 ? 2_000 + (i % 7) * 500 : null,
    powerVoltageKv: i % 3 === 0 ? 10 : null,
    waterTPerDay: i % 4 === 0 ? 50 + (i % 5) * 25 : null,
    gasM3PerDay: i % 5 === 0 ? 300 : null,
    wastewaterTPerDay: i % 6 === 0 ? 40 : null,
  };
}

const FINDER_QUERIES: Record<string, Record<string, string>[]> = {
  capacities: [{ minPowerKva: "10000" }, { minPowerKva: "5000", minWaterT: "200" }, { minGasM3: "600", minWastewaterT: "80", minArea: "50" }],
  near: [{ near: "port", nearKm: "15" }, { near: "expressway", nearKm: "5", minArea: "50" }, { near: "airport", nearKm: "40", view: "parcels" }],
  area: [{ area: "c:113.15,22.55,5" }, { area: "p:113.05,22.45;113.2,22.46;113.22,22.6;113.06,22.58" }, { area: "c:113.1,22.5,2", minPowerKva: "3000" }],
  partOfLarger: [{ minArea: "30", maxArea: "60" }, { minArea: "200", maxArea: "250" }, { maxArea: "20", sort: "price-asc" }],
  units: [{ minArea: "20", unit: "acre" }, { minArea: "100000", unit: "m2", maxPrice: "30万" }],
};
// Empty on purpose (no parcel states 1,000,000 kVA): the page then runs one pass per filter.
const ZERO = [{ minPowerKva: "1000000", minArea: "50", near: "port", nearKm: "20", ready: "power" }];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export async function benchFinder(db: Db, size: number, rounds: number): Promise<string[]> {
  const lines: string[] = [];
  for (const [kind, raw] of Object.entries(FINDER_QUERIES)) {
    const queries = raw.map((q) => landSearchSchema.parse(q));
    const times: number[] = [];
    let results = 0;
    for (let r = 0; r < rounds; r++)
      for (const q of queries) {
        const t = performance.now();
        const { result } = await runLandSearch(db, q);
        times.push(performance.now() - t);
        results += result.total;
      }
    times.sort((a, b) => a - b);
    lines.push(`  finder ${kind}, ${size.toLocaleString("en")} parcels: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms over ${times.length} searches; avg ${Math.round(results / times.length)} results`);
  }
  const zero = ZERO.map((q) => landSearchSchema.parse(q));
  const times: number[] = [];
  let filters = 0;
  for (let r = 0; r < rounds; r++)
    for (const q of zero) {
      const t = performance.now();
      const { result } = await runLandSearch(db, q);
      if (result.total === 0) filters = (await diagnoseLandSearch(db, q)).length;
      times.push(performance.now() - t);
    }
  times.sort((a, b) => a - b);
  lines.push(`  finder zero results + "without each filter" (${filters} filters), ${size.toLocaleString("en")} parcels: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms`);
  return lines;
}
