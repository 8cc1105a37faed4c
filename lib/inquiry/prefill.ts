// What the inquiry form fills in from the search the investor came from: the search's own
// figures, never the size of what they clicked when the search said something else. Pure.
//
// Land needed:
// - the search's minimum when it had one (what the investor asked for);
// - left blank when it had only a maximum. The field is read as the need itself: matching looks
//   for blocks of AT LEAST that size (lib/inquiry/matching.ts) and the officer reads it as the
//   need. A ceiling put there would overstate the need and have matching offer exactly the
//   blocks above the ceiling the investor set; the size of the block they clicked is no better
//   (they said "up to", not "this much"). The form says what the search allowed instead.
// - the size of the block or parcel asked about only when the search had no area at all.
// Power and water: the search's minimum capacities, the load the investor already stated.
import { m2ToMu, toM2 } from "../land/units";
import type { LandSearchQuery } from "../search/schemas";

export type PrefillField = "landNeededMu" | "powerKva" | "waterTonsPerDay";
export interface InquiryPrefill {
  values: Partial<Record<PrefillField, string>>;
  /** the search's maximum in m² when it had only a maximum (the land field stays blank) */
  ceilingM2?: number;
}

/** Mu to one decimal, as a person would type it ("320", "52.5"). */
export const muText = (m2: number) => String(Math.round(m2ToMu(m2) * 10) / 10);

export function inquiryPrefill(query: LandSearchQuery | undefined, subjectAreaM2: number | null): InquiryPrefill {
  const values: InquiryPrefill["values"] = {};
  let ceilingM2: number | undefined;
  if (query?.minArea !== undefined) values.landNeededMu = muText(toM2(query.minArea, query.unit));
  else if (query?.maxArea !== undefined) ceilingM2 = toM2(query.maxArea, query.unit);
  else if (subjectAreaM2 !== null) values.landNeededMu = muText(subjectAreaM2);
  // The form takes whole kVA: rounded up, so the stated load is never below what was searched.
  if (query?.minPowerKva !== undefined) values.powerKva = String(Math.ceil(query.minPowerKva));
  if (query?.minWaterT !== undefined) values.waterTonsPerDay = String(query.minWaterT);
  return ceilingM2 === undefined ? { values } : { values, ceilingM2 };
}
