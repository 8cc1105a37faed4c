// Zero results: which filter empties the list. For each active filter, the number of blocks the
// same search gives without it (one rankBlocks pass over the in-memory index per filter, only
// when a search found nothing), so the page can say "without the price cap: 3 blocks" and link
// to that search instead of a generic tip.
import type { LandIndex } from "./land-index";
import type { LandSearchQuery } from "./schemas";
import { countBlocks, type SearchContext } from "./search";

/** Filters that can be left out, each with the query keys it clears (near goes with nearKm). */
export const RELAXABLE = {
  county: ["county"],
  park: ["park"],
  zone: ["zone"],
  industry: ["industry"],
  use: ["use"],
  minArea: ["minArea"],
  maxArea: ["maxArea"],
  maxPrice: ["maxPrice"],
  ready: ["ready"],
  by: ["by"],
  minPowerKva: ["minPowerKva"],
  minWaterT: ["minWaterT"],
  minGasM3: ["minGasM3"],
  minWastewaterT: ["minWastewaterT"],
  near: ["near", "nearKm"],
  area: ["area"],
} as const satisfies Record<string, readonly (keyof LandSearchQuery)[]>;
export type RelaxableFilter = keyof typeof RELAXABLE;

export interface Relaxation {
  filter: RelaxableFilter;
  /** the same search without this filter (page 1) */
  query: LandSearchQuery;
  count: number;
}

const isActive = (q: LandSearchQuery, f: RelaxableFilter) =>
  RELAXABLE[f].some((k) => {
    const v = q[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  });

export function without(q: LandSearchQuery, f: RelaxableFilter): LandSearchQuery {
  const out = { ...q, page: 1 } as Record<string, unknown>;
  for (const k of RELAXABLE[f]) out[k] = k === "ready" ? [] : undefined;
  return out as LandSearchQuery;
}

/** Every active filter with the count the search would give without it, in RELAXABLE order. */
export function relaxations(index: LandIndex, q: LandSearchQuery, ctx: SearchContext): Relaxation[] {
  return (Object.keys(RELAXABLE) as RelaxableFilter[])
    .filter((f) => isActive(q, f))
    .map((filter) => {
      const query = without(q, filter);
      return { filter, query, count: countBlocks(index, query, ctx) };
    });
}

/**
 * When no single filter helps: the loosening worth suggesting, only for filters the search
 * actually set (a search with no drawn area is never told to change it), in RELAXABLE order.
 * Filters with no "looser" value (county, park, zone, industry, use, readiness) are left to the
 * closing advice of clearing several at once.
 */
export const LOOSENINGS = ["minArea", "maxArea", "maxPrice", "by", "capacities", "near", "area"] as const;
export type Loosening = (typeof LOOSENINGS)[number];
const CAPACITY_FILTERS: readonly RelaxableFilter[] = ["minPowerKva", "minWaterT", "minGasM3", "minWastewaterT"];

export function looseningsFor(active: readonly Relaxation[]): Loosening[] {
  const set = new Set<string>(active.map((r) => (CAPACITY_FILTERS.includes(r.filter) ? "capacities" : r.filter)));
  return LOOSENINGS.filter((l) => set.has(l));
}
