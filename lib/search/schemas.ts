// The land-search query: one schema for the URL (search page), the form, and the server.
// Every filter lives in the URL so a search can be shared and the back button works.
import { z } from "zod";
import { County, Industry, LandUse } from "../generated/prisma/enums";
import { READINESS_KEYS } from "../land/readiness";

const optionalText = z
  .string()
  .trim()
  .max(80)
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** "", undefined -> undefined; numbers as typed in a form or a URL. */
const optionalPositive = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.coerce.number({ error: "mustBeNumber" }).positive({ error: "mustBePositive" }).max(1e9).optional(),
);

const optionalEnum = <T extends Record<string, string>>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values).optional());

const isoDate = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "mustBeDate" })
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: "mustBeDate" })
    .optional(),
);

/** Readiness items as a comma-separated list in the URL (`ready=power,gas`) or repeated keys. */
const readinessList = z.preprocess((v) => {
  if (v === undefined || v === "") return [];
  const parts = (Array.isArray(v) ? v : [v]).flatMap((s) => String(s).split(","));
  return [...new Set(parts.map((s) => s.trim()).filter(Boolean))];
}, z.array(z.enum(READINESS_KEYS)));

export const SORTS = ["area-desc", "area-asc", "price-asc", "ready-asc"] as const;
export const PAGE_SIZE = 20;

export const landSearchSchema = z
  .object({
    county: optionalEnum(County),
    park: optionalText,
    zone: optionalText,
    industry: optionalEnum(Industry),
    use: optionalEnum(LandUse),
    minArea: optionalPositive,
    maxArea: optionalPositive,
    unit: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["mu", "ha"]).default("mu")),
    maxPrice: optionalPositive,
    ready: readinessList,
    by: isoDate,
    reserved: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()),
    sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(SORTS).default("area-desc")),
    view: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["blocks", "parcels"]).default("blocks")),
    page: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(10_000).default(1)),
  })
  .refine((q) => q.minArea === undefined || q.maxArea === undefined || q.minArea <= q.maxArea, {
    path: ["maxArea"],
    error: "maxBelowMin",
  });

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
  set("county", q.county);
  set("park", q.park);
  set("zone", q.zone);
  set("industry", q.industry);
  set("use", q.use);
  set("minArea", q.minArea);
  set("maxArea", q.maxArea);
  if (q.unit && q.unit !== "mu") set("unit", q.unit);
  set("maxPrice", q.maxPrice);
  if (q.ready?.length) set("ready", q.ready.join(","));
  set("by", q.by);
  if (q.reserved) set("reserved", "1");
  if (q.sort && q.sort !== "area-desc") set("sort", q.sort);
  if (q.view && q.view !== "blocks") set("view", q.view);
  if (q.page && q.page > 1) set("page", q.page);
  return p;
}
