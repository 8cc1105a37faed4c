// Filters of the park directory (URL: ?county=&level=&industry=&land=1), pure and shared by
// the page and its tests. 36 parks: filtering in memory beats another query.
import type { z } from "zod";
import { County, Industry, ParkLevel } from "../generated/prisma/enums";
import { fields, flag, optionalChoice } from "../validation/fields";
import type { ParkCardDto } from "./queries";

export const parkFilterSchema = fields({
  county: optionalChoice(County),
  level: optionalChoice(ParkLevel),
  industry: optionalChoice(Industry),
  land: flag(),
});

export type ParkFilter = z.infer<typeof parkFilterSchema>;

export function filterParks(parks: ParkCardDto[], f: ParkFilter): ParkCardDto[] {
  return parks.filter(
    (p) =>
      (!f.county || p.county === f.county) &&
      (!f.level || p.level === f.level) &&
      (!f.industry || p.industries.includes(f.industry)) &&
      (!f.land || p.available.parcels > 0),
  );
}
