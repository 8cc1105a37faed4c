// Automatic matching: the blocks that meet an investor's stated needs at submission time,
// smallest sufficient block first (an investor asking for 300 mu wants 300 mu, not 3,000).
// A stated power or water need is a hard requirement: a block whose stated capacities (the sum
// over its parcels, see capacityOf in lib/search/search.ts) cannot carry the load is not
// matched, whichever of the relaxing attempts below runs.
import type { Db } from "../db/client";
import type { Industry } from "../generated/prisma/enums";
import { runLandSearch } from "../search/queries";
import { landSearchSchema, toSearchParams } from "../search/schemas";

export interface MatchedBlock {
  key: string;
  query: string;
  areaM2: number;
  parcelCodes: string[];
  parkIds: string[];
}

export const MAX_MATCHES = 5;

export async function matchBlocksForNeeds(
  db: Db,
  needs: { landNeededMu?: number; industry?: Industry; parkCode?: string; powerKva?: number | null; waterTonsPerDay?: number | null },
  now = new Date(),
): Promise<MatchedBlock[]> {
  if (!needs.landNeededMu) return [];
  // Strictest first; an industry with no land of that size still deserves land offers.
  const load = { minPowerKva: needs.powerKva ?? undefined, minWaterT: needs.waterTonsPerDay ?? undefined };
  const attempts = [
    { minArea: needs.landNeededMu, industry: needs.industry, park: needs.parkCode, ...load },
    { minArea: needs.landNeededMu, industry: needs.industry, ...load },
    { minArea: needs.landNeededMu, ...load },
  ];
  for (const attempt of attempts) {
    const q = landSearchSchema.parse({ ...attempt, sort: "area-asc" });
    const { result } = await runLandSearch(db, q, now);
    if (result.total > 0) {
      const query = toSearchParams({ ...q, page: 1 }).toString();
      return result.results.slice(0, MAX_MATCHES).map((b) => ({ key: b.key, query, areaM2: b.areaM2, parcelCodes: b.parcelCodes, parkIds: b.parkIds }));
    }
  }
  return [];
}

/**
 * Why nothing matched, when the stated load is the reason: blocks of the size exist (under the
 * loosest attempt above: size alone, anywhere) but none of them states the power or water
 * asked for. The success page says so instead of a plain "no match", so the investor knows
 * which need to revisit. null when nothing of the size exists (or no load was stated).
 */
export interface LoadShortfall {
  landNeededMu: number;
  /** blocks of at least the land needed, whatever their capacities */
  sizeCount: number;
  /** which stated need no block of the size carries: one alone, or both together */
  cause: "power" | "water" | "both";
  powerKva: number | null;
  waterTonsPerDay: number | null;
}

export async function loadShortfall(
  db: Db,
  needs: { landNeededMu?: number; powerKva?: number | null; waterTonsPerDay?: number | null },
  now = new Date(),
): Promise<LoadShortfall | null> {
  const power = needs.powerKva ?? null;
  const water = needs.waterTonsPerDay ?? null;
  if (!needs.landNeededMu || (power === null && water === null)) return null;
  const count = async (load: { minPowerKva?: number; minWaterT?: number }) =>
    (await runLandSearch(db, landSearchSchema.parse({ minArea: needs.landNeededMu, ...load }), now)).result.total;
  const [sizeCount, withPower, withWater] = await Promise.all([
    count({}),
    power === null ? null : count({ minPowerKva: power }),
    water === null ? null : count({ minWaterT: water }),
  ]);
  if (sizeCount === 0) return null;
  const powerFails = withPower === 0;
  const waterFails = withWater === 0;
  // Each need met by some block but never both by the same one is "both" too: none carries both.
  const cause = powerFails && !waterFails ? "power" : waterFails && !powerFails ? "water" : "both";
  if (cause === "both" && (power === null || water === null)) return null;
  return { landNeededMu: needs.landNeededMu, sizeCount, cause, powerKva: power, waterTonsPerDay: water };
}
