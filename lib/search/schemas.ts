// The land-search query: one schema for the URL (search page), the form, and the server.
// Every filter lives in the URL so a search can be shared and the back button works.
import { z } from "zod";
import { County, Industry, LandUse } from "../generated/prisma/enums";
import { READINESS_KEYS } from "../land/readiness";
import { AREA_UNITS } from "../land/units";
import { LOGISTICS_KINDS } from "../location/distance";
import { parseCnyAmount } from "../money/amount";
import { formatArea, parseArea } from "./area";
import { finderMessage } from "./finder-messages";
import {
  choiceList,
  choiceWithDefault,
  fields,
  flag,
  optionalChoice,
  optionalIsoDate,
  optionalParsed,
  optionalPositive,
  optionalText,
  plainDecimal,
  positiveIntWithDefault,
} from "../validation/fields";
import { messageOf } from "../validation/messages";
import { currentParkCode } from "../parks/code-aliases";

export const SORTS = ["area-desc", "area-asc", "price-asc", "ready-asc"] as const;
export const PAGE_SIZE = 20;
/** Upper bound of the area and price filters: beyond any park in the city, below float trouble. */
export const MAX_FILTER_NUMBER = 1e9;
export const MAX_PAGE = 10_000;
/** "Within N km of a port": past 200 km every parcel of the city is near everything. */
export const MAX_NEAR_KM = 200;

/**
 * The price cap as people in China type it ("25万", "250,000", "¥250000"): whole CNY per mu.
 * Anything else is refused with an example of what is read, not guessed at.
 */
const cnyPerMu = optionalParsed((v) => {
  const n = parseCnyAmount(v);
  if (n === null) return { ok: false, message: finderMessage("priceFormat") };
  if (!(n > 0)) return { ok: false, message: messageOf("mustBePositive") };
  if (n > MAX_FILTER_NUMBER) return { ok: false, message: messageOf("tooLarge", MAX_FILTER_NUMBER) };
  return { ok: true, value: n };
});

const drawnArea = optionalParsed((v) => {
  if (typeof v !== "string") return { ok: false, message: finderMessage("areaFormat") };
  const r = parseArea(v);
  return r.ok ? { ok: true, value: r.area } : { ok: false, message: finderMessage(r.problem) };
});

export const landSearchSchema = fields({
  county: optionalChoice(County),
  // A retired park code (lib/parks/code-aliases.ts) searches the park under its new code.
  park: optionalText(80).transform((v) => (v === undefined ? v : currentParkCode(v))),
  zone: optionalText(80),
  industry: optionalChoice(Industry),
  use: optionalChoice(LandUse),
  minArea: optionalPositive({ max: MAX_FILTER_NUMBER }),
  maxArea: optionalPositive({ max: MAX_FILTER_NUMBER }),
  unit: choiceWithDefault(AREA_UNITS, "mu"),
  maxPrice: cnyPerMu,
  // Block capacities: a block passes when the SUM of its members' stated figures reaches the
  // value (members without a stated figure add nothing). See capacityOf in search.ts.
  minPowerKva: optionalPositive({ max: MAX_FILTER_NUMBER }),
  minWaterT: optionalPositive({ max: MAX_FILTER_NUMBER }),
  minGasM3: optionalPositive({ max: MAX_FILTER_NUMBER }),
  minWastewaterT: optionalPositive({ max: MAX_FILTER_NUMBER }),
  /** within nearKm straight-line km of the nearest logistics point of this kind */
  near: optionalChoice(LOGISTICS_KINDS),
  nearKm: optionalPositive({ max: MAX_NEAR_KM }),
  /** drawn on the map: `c:lng,lat,km` or `p:lng,lat;lng,lat;...` (lib/search/area.ts) */
  area: drawnArea,
  /** with a block key (inquiry): only the proposed part of a larger block (see findBlock) */
  part: flag(),
  /** readiness items: `ready=power,gas` or repeated keys */
  ready: choiceList(READINESS_KEYS),
  by: optionalIsoDate(),
  reserved: flag(),
  sort: choiceWithDefault(SORTS, "area-desc"),
  view: choiceWithDefault(["blocks", "parcels"] as const, "blocks"),
  page: positiveIntWithDefault(MAX_PAGE, 1),
})
  .refine((q) => q.minArea === undefined || q.maxArea === undefined || q.minArea <= q.maxArea, {
    path: ["maxArea"],
    error: messageOf("maxBelowMin"),
  })
  // A kind without a distance (or the reverse) is half a filter: say which half is missing.
  .refine((q) => q.near === undefined || q.nearKm !== undefined, { path: ["nearKm"], error: finderMessage("nearKmMissing") })
  .refine((q) => q.nearKm === undefined || q.near !== undefined, { path: ["near"], error: finderMessage("nearKindMissing") });

export type LandSearchQuery = z.infer<typeof landSearchSchema>;

/** URLSearchParams / Next searchParams -> plain object the schema understands. */
export function searchParamsToObject(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, unknown> {
  if (params instanceof URLSearchParams) {
    const out: Record<string, unknown> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      out[key] = all.length > 1 ? all : all[0];
    }
    return out;
  }
  return { ...params };
}

/** The query back to a URL query string, leaving out defaults so links stay short. */
export function toSearchParams(q: Partial<LandSearchQuery>): URLSearchParams {
  const p = new URLSearchParams();
  const set = (k: string, v: unknown) => {
    if (v !== undefined && v !== null && v !== "") p.set(k, String(v));
  };
  // String(1e-7) is "1e-7", which the schema refuses as not plain decimal: write it out.
  const num = (v: number | undefined) => (v === undefined ? undefined : plainDecimal(v));
  set("county", q.county);
  set("park", q.park);
  set("zone", q.zone);
  set("industry", q.industry);
  set("use", q.use);
  set("minArea", num(q.minArea));
  set("maxArea", num(q.maxArea));
  if (q.unit && q.unit !== "mu") set("unit", q.unit);
  set("maxPrice", num(q.maxPrice));
  set("minPowerKva", num(q.minPowerKva));
  set("minWaterT", num(q.minWaterT));
  set("minGasM3", num(q.minGasM3));
  set("minWastewaterT", num(q.minWastewaterT));
  set("near", q.near);
  set("nearKm", num(q.nearKm));
  if (q.area) set("area", formatArea(q.area));
  if (q.part) set("part", "1");
  if (q.ready?.length) set("ready", q.ready.join(","));
  set("by", q.by);
  if (q.reserved) set("reserved", "1");
  if (q.sort && q.sort !== "area-desc") set("sort", q.sort);
  if (q.view && q.view !== "blocks") set("view", q.view);
  if (q.page && q.page > 1) set("page", q.page);
  return p;
}
