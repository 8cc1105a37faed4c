// What an inquiry is about, resolved for its page: the block (rebuilt from the search that found
// it) or the parcel, with size and park. Named through lib/inquiry/subject-text.ts, as the
// confirmation e-mail names it; the land need is filled in by lib/inquiry/prefill.ts.
import { loadParcelsByCodes } from "@/lib/land/loaders";
import type { SubjectFacts } from "@/lib/inquiry/subject-text";
import { loadLandBlock, lookupLandBlockByKey } from "@/lib/search/loaders";
import type { LandSearchQuery } from "@/lib/search/schemas";
import { landSearchSchema } from "@/lib/search/schemas";

export type InquirySubject = SubjectFacts;

export async function inquirySubject(target: { block: string; parcel: string; query?: LandSearchQuery }): Promise<InquirySubject | null> {
  const query = target.query ?? landSearchSchema.parse({});
  if (target.block) {
    const found = await lookupLandBlockByKey(query, target.block);
    if (found.kind !== "found") return null;
    // "Ask about this part" (part=1): the proposed part of a larger block is what is asked about,
    // the same parcels the inquiry records (findBlock honours `part`; the block lookup does not).
    const block = query.part ? ((await loadLandBlock(query, target.block)) ?? found.block) : found.block;
    const parcels = await loadParcelsByCodes(block.parcelCodes);
    const parks = [...new Map(parcels.map((p) => [p.park.code, p.park])).values()];
    return { kind: "block", key: block.key, areaM2: block.areaM2, parcelCount: block.parcelCount, parks };
  }
  if (target.parcel) {
    const [parcel] = await loadParcelsByCodes([target.parcel]);
    if (!parcel) return null;
    return { kind: "parcel", code: parcel.code, areaM2: parcel.areaM2, park: parcel.park };
  }
  return null;
}
