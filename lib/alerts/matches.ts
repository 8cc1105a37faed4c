// The blocks a saved search matches now: the search's own filters and ranking over the whole
// result (the results map reads it the same way, lib/search/map.ts), not one listed page.
import type { Db } from "../db/client";
import { getLandIndex, todayDay } from "../search/queries";
import { landSearchSchema, searchParamsToObject, type LandSearchQuery } from "../search/schemas";
import { rankBlocks } from "../search/search";
import { blockSignature } from "./signature";

export interface MatchedBlock {
  signature: string;
  /** the block's key (its smallest parcel code) for links */
  key: string;
  parcelCodes: string[];
  areaM2: number;
  parkIds: string[];
  /** larger than the search's maximum: offered only in part (the page proposes the part) */
  partial: boolean;
}

export const parseStoredQuery = (query: string): LandSearchQuery | null => {
  const parsed = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(query)));
  return parsed.success ? parsed.data : null;
};

/** Every block matching `query` now, in the search's order. A stored query the schema no longer reads matches nothing. */
export async function currentMatches(db: Db, query: string, now = new Date()): Promise<MatchedBlock[]> {
  const q = parseStoredQuery(query);
  if (!q) return [];
  const { index, ctx } = await getLandIndex(db);
  const { ranked } = rankBlocks(index, q, { ...ctx, today: todayDay(now) });
  return ranked.map((c) => {
    const parcelCodes = c.members.map((i) => index.codes[i]!);
    const parkIds = [...new Set(c.members.map((i) => index.parkIds[index.park[i]!]!))];
    return { signature: blockSignature(parcelCodes), key: parcelCodes[0]!, parcelCodes, areaM2: c.areaM2, parkIds, partial: c.partial === true };
  });
}
