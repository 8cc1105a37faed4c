// What an inquiry is about, resolved for its page: the block (rebuilt from the search that found
// it) or the parcel, with size and park, and the land need to fill in. The need is the search's
// own minimum when it had one (what the investor asked for), else the size of what they chose.
import { loadParcelsByCodes } from "@/lib/land/loaders";
import { m2ToMu } from "@/lib/land/units";
import { loadLandBlock, lookupLandBlockByKey } from "@/lib/search/loaders";
import { areaBoundsM2 } from "@/lib/search/search";
import type { LandSearchQuery } from "@/lib/search/schemas";
import { landSearchSchema } from "@/lib/search/schemas";

type ParkName = { code: string; nameZh: string; nameEn: string };

export type InquirySubject =
  | { kind: "block"; areaM2: number; parcelCount: number; parks: ParkName[]; needMu: string }
  | { kind: "parcel"; code: string; areaM2: number; park: ParkName; needMu: string };

/** Mu to one decimal, as a person would type it ("320", "52.5"). */
const muText = (m2: number) => String(Math.round(m2ToMu(m2) * 10) / 10);

export async function inquirySubject(target: { block: string; parcel: string; query?: LandSearchQuery }): Promise<InquirySubject | null> {
  const query = target.query ?? landSearchSchema.parse({});
  const [minM2] = areaBoundsM2(query);
  if (target.block) {
    const found = await lookupLandBlockByKey(query, target.block);
    if (found.kind !== "found") return null;
    // "Ask about this part" (part=1): the proposed part of a larger block is what is asked about,
    // the same parcels the inquiry records (findBlock honours `part`; the block lookup does not).
    const block = query.part ? ((await loadLandBlock(query, target.block)) ?? found.block) : found.block;
    const parcels = await loadParcelsByCodes(block.parcelCodes);
    const parks = [...new Map(parcels.map((p) => [p.park.code, p.park])).values()];
    return { kind: "block", areaM2: block.areaM2, parcelCount: block.parcelCount, parks, needMu: muText(minM2 > 0 ? minM2 : block.areaM2) };
  }
  if (target.parcel) {
    const [parcel] = await loadParcelsByCodes([target.parcel]);
    if (!parcel) return null;
    return { kind: "parcel", code: parcel.code, areaM2: parcel.areaM2, park: parcel.park, needMu: muText(parcel.areaM2) };
  }
  return null;
}
