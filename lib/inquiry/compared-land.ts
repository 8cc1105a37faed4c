// The land of an inquiry sent from the compare page ("ask about all of these"): each compared
// block rebuilt under the filters it was compared with, each compared parcel as it is. A block
// gone since is still recorded (no parcels), as a single block inquiry records it.
import type { Db } from "../db/client";
import { readCompareEntry, readCompareList } from "../search/compare";
import { findLandBlock } from "../search/queries";
import { landSearchSchema, searchParamsToObject } from "../search/schemas";
import type { Inquiry } from "./schemas";

export interface ComparedLand {
  requested: { key: string; query: string; parcelCodes: string[] }[];
  parcelCodes: string[];
  /** what our data found (block keys and parcel codes), for the confirmation's subject */
  keys: string[];
  /** what our data found, as the confirmation names it (parkIds resolved by the caller) */
  found: { kind: "block" | "parcel"; key: string; areaM2: number; parcelCount: number; parkIds: string[] }[];
}

export async function comparedLand(db: Db, input: Pick<Inquiry, "compareList" | "blockQuery">, now: Date): Promise<ComparedLand> {
  const out: ComparedLand = { requested: [], parcelCodes: [], keys: [], found: [] };
  if (!input.compareList) return out;
  const parsed = landSearchSchema.safeParse(searchParamsToObject(new URLSearchParams(input.blockQuery ?? "")));
  const query = parsed.success ? parsed.data : landSearchSchema.parse({});
  for (const entry of readCompareList(input.compareList).entries.map(readCompareEntry)) {
    const view = entry.kind === "parcel" ? ("parcels" as const) : ("blocks" as const);
    const block = await findLandBlock(db, { ...query, view }, entry.key, now);
    if (entry.kind === "block") out.requested.push({ key: entry.key, query: input.blockQuery ?? "", parcelCodes: block?.parcelCodes ?? [] });
    if (block) {
      out.parcelCodes.push(...block.parcelCodes);
      out.keys.push(block.key);
      out.found.push({ kind: entry.kind === "parcel" ? "parcel" : "block", key: block.key, areaM2: block.areaM2, parcelCount: block.parcelCount, parkIds: block.parkIds });
    }
  }
  return out;
}
