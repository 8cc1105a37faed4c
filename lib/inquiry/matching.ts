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
