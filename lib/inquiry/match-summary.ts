// What the inquiry's success page lists about the blocks matched to the stated needs: enough to
// recognise and open each one (size, parcels, park), not the raw stored record.
import type { DbClient } from "../db/client";
import type { MatchedBlock } from "./matching";

export interface MatchSummary {
  key: string;
  /** the search query the block was found with (the block page rebuilds it from that) */
  query: string;
  areaM2: number;
  parcelCount: number;
  parks: { code: string; nameZh: string; nameEn: string }[];
}

/** The stored matchedBlocks JSON read back defensively (rows from any earlier shape). */
export function storedMatches(json: unknown): MatchedBlock[] {
  if (!Array.isArray(json)) return [];
  return json.filter(
    (m): m is MatchedBlock =>
      typeof m === "object" && m !== null && typeof m.key === "string" && typeof m.query === "string" && typeof m.areaM2 === "number" && Array.isArray(m.parcelCodes) && Array.isArray(m.parkIds),
  );
}

export async function summariseMatches(db: DbClient, matches: readonly MatchedBlock[]): Promise<MatchSummary[]> {
  const ids = [...new Set(matches.flatMap((m) => m.parkIds))];
  const parks = ids.length ? await db.park.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, nameZh: true, nameEn: true } }) : [];
  const byId = new Map(parks.map(({ id, ...p }) => [id, p]));
  return matches.map((m) => ({
    key: m.key,
    query: m.query,
    // Rounded to 0.01 m²: the stored JSON (jsonb) does not keep a double's last digit, and a
    // replay read back from it must answer exactly what the first submission answered.
    areaM2: Math.round(m.areaM2 * 100) / 100,
    parcelCount: m.parcelCodes.length,
    parks: m.parkIds.map((id) => byId.get(id)).filter((p): p is MatchSummary["parks"][number] => p !== undefined),
  }));
}
