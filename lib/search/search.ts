// The land search: parcels that pass every filter are merged into contiguous blocks (a block
// that loses a parcel to a filter splits), then blocks are filtered by size, sorted and paged.
// Pure: works on a LandIndex, so it is unit-tested and benchmarked without a database.
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { M2_PER_MU, toM2 } from "../land/units";
import { areaContains } from "./area";
import { blockTable, comparator, membersOf, orderedSlice, type BlockTable } from "./block-table";
import { CAPACITIES, codeOf, dayToIso, hasIndustry, NO_DATE, type Capacity, type LandIndex } from "./land-index";
import { PAGE_SIZE, type LandSearchQuery } from "./schemas";
import { proposeSubset } from "./subset";

export interface ReadinessSummary {
  key: ReadinessKey;
  /** members whose item is ready on the reference day */
  readyCount: number;
  /** latest ready date over the members, null when some member has it unplanned */
  allReadyOn: string | null;
}

/**
 * A block's capacity: the SUM of its members' stated figures (a block of two parcels with 5,000
 * kVA each can carry 10,000 kVA), with how many members state one. Members without a stated
 * figure add nothing, so a block passes "at least X" only on what is stated.
 */
export interface CapacitySummary {
  sum: number;
  stated: number;
}

/** The part of a larger block proposed for a need below the block's size. */
export interface SubsetSummary {
  parcelIndices: number[];
  parcelCodes: string[];
  areaM2: number;
  /** the proposal's area is within the need's [min, max] */
  fits: boolean;
}

export interface BlockResult {
  /** stable handle for links: the smallest parcel code of the block */
  key: string;
  parcelIndices: number[];
  parcelCodes: string[];
  areaM2: number;
  parcelCount: number;
  priceMin: number | null;
  priceMax: number | null;
  /** Σ price per mu × mu over members with a price; null when no member is priced */
  indicativeTotalCny: number | null;
  /** the day the whole block can be handed over: latest member handover / required readiness */
  readyOn: string | null;
  readiness: ReadinessSummary[];
  parkIds: string[];
  bbox: [number, number, number, number];
  /** the oldest member's "last verified" day: the block is only as fresh as that (null: unknown) */
  verifiedOn: string | null;
  capacities: Record<Capacity, CapacitySummary>;
  /** larger than the search's maximum: offered as "part of a larger block", with `proposal` */
  partOfLarger: boolean;
  proposal: SubsetSummary | null;
}

export interface SearchResult {
  view: "blocks" | "parcels";
  total: number;
  totalAreaM2: number;
  page: number;
  pageCount: number;
  results: BlockResult[];
  /** how many of `total` are larger blocks offered in part (they come after all exact fits) */
  partialCount: number;
}

export interface SearchContext {
  /** "today" as a day number; readiness items count as ready when their date is on or before */
  today: number;
  /** park code -> park id, zone code -> zone id (the URL carries codes) */
  parkIdByCode: ReadonlyMap<string, string>;
  zoneIdByCode: ReadonlyMap<string, string>;
}

const AVAILABLE = codeOf.status("AVAILABLE");
const RESERVED = codeOf.status("RESERVED");

/** Which parcels pass the parcel-level filters. */
export function filterMask(index: LandIndex, q: LandSearchQuery, ctx: SearchContext): Uint8Array {
  const mask = new Uint8Array(index.size);
  const county = q.county ? codeOf.county(q.county) : -1;
  const parkId = q.park ? ctx.parkIdByCode.get(q.park) : undefined;
  const park = q.park ? (parkId ? index.parkIndexOf(parkId) : -2) : -1;
  const zoneId = q.zone ? ctx.zoneIdByCode.get(q.zone) : undefined;
  const zone = q.zone ? (zoneId ? index.zoneIndexOf(zoneId) : -2) : -1;
  const use = q.use ? codeOf.landUse(q.use) : -1;
  const maxPrice = q.maxPrice ?? Number.POSITIVE_INFINITY;
  // A deadline is "given or not", never a sentinel day: days before 1970 are negative, and
  // -1 (1969-12-31) once meant "no deadline" and dropped the filter.
  const hasDeadline = q.by !== undefined;
  const byDay = hasDeadline ? Math.floor(Date.parse(`${q.by}T00:00:00Z`) / 86_400_000) : 0;
  // Required items must be ready by the handover deadline when one is given, else today.
  const readyDeadline = hasDeadline ? byDay : ctx.today;
  const required = q.ready.map((k) => index.readiness[k]);
  // Straight-line km from the centroid, precomputed per kind at index build.
  const near = q.near !== undefined && q.nearKm !== undefined ? index.nearKm[q.near] : null;
  const nearKm = q.nearKm ?? 0;
  const inArea = q.area ? areaContains(q.area) : null;
  // Columns and options in locals: this loop runs a million times per search at scale.
  const { status, county: counties, park: parks, zone: zones, landUse, industries, price, handover, centroid } = index;
  const reserved = Boolean(q.reserved), industry = q.industry, priced = q.maxPrice !== undefined;
  const nRequired = required.length;
  for (let i = 0, n = index.size; i < n; i++) {
    const s = status[i];
    if (s !== AVAILABLE && !(reserved && s === RESERVED)) continue;
    if (county >= 0 && counties[i] !== county) continue;
    if (park !== -1 && parks[i] !== park) continue;
    if (zone !== -1 && zones[i] !== zone) continue;
    if (use >= 0 && landUse[i] !== use) continue;
    if (industry && !hasIndustry(industries[i]!, industry)) continue;
    if (priced && !(price[i]! <= maxPrice)) continue; // NaN (unpriced) fails
    if (hasDeadline && handover[i]! > byDay) continue; // NO_DATE (unknown) fails
    let ready = true;
    for (let k = 0; k < nRequired; k++) if (required[k]![i]! > readyDeadline) ready = false;
    if (!ready) continue;
    if (near && !(near[i]! <= nearKm)) continue;
    if (inArea && !inArea(centroid[i * 2]!, centroid[i * 2 + 1]!)) continue;
    mask[i] = 1;
  }
  return mask;
}

function summarise(index: LandIndex, members: number[], q: LandSearchQuery, today: number): BlockResult {
  let area = 0, total = 0, priced = 0, readyOn = 0, verified = NO_DATE;
  let priceMin = Number.POSITIVE_INFINITY, priceMax = Number.NEGATIVE_INFINITY;
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const parks = new Set<number>();
  for (const i of members) {
    const a = index.areaM2[i]!;
    area += a;
    const p = index.price[i]!;
    if (!Number.isNaN(p)) {
      priced++;
      total += (p * a) / M2_PER_MU;
      if (p < priceMin) priceMin = p;
      if (p > priceMax) priceMax = p;
    }
    readyOn = Math.max(readyOn, index.handover[i]!);
    verified = Math.min(verified, index.verified[i]!);
    for (const k of q.ready) readyOn = Math.max(readyOn, index.readiness[k][i]!);
    parks.add(index.park[i]!);
    const b = i * 4;
    bbox[0] = Math.min(bbox[0], index.bbox[b]!);
    bbox[1] = Math.min(bbox[1], index.bbox[b + 1]!);
    bbox[2] = Math.max(bbox[2], index.bbox[b + 2]!);
    bbox[3] = Math.max(bbox[3], index.bbox[b + 3]!);
  }
  const codes = members.map((i) => index.codes[i]!);
  const [minM2, maxM2] = areaBoundsM2(q);
  const partOfLarger = offersPartial(q) && area > maxM2;
  let proposal: SubsetSummary | null = null;
  if (partOfLarger) {
    // The need's minimum, or its maximum when only a maximum was given (see subset.ts).
    const p = proposeSubset(index.graph, members, index.areaM2, minM2 > 0 ? minM2 : maxM2);
    if (p) proposal = { parcelIndices: p.members, parcelCodes: p.members.map((i) => index.codes[i]!), areaM2: p.areaM2, fits: p.areaM2 >= minM2 && p.areaM2 <= maxM2 };
  }
  return {
    key: codes[0]!,
    parcelIndices: members,
    parcelCodes: codes,
    areaM2: area,
    parcelCount: members.length,
    priceMin: priced ? priceMin : null,
    priceMax: priced ? priceMax : null,
    indicativeTotalCny: priced ? Math.round(total) : null,
    readyOn: readyOn === NO_DATE ? null : dayToIso(readyOn),
    readiness: READINESS_ITEMS.map(({ key }) => {
      const col = index.readiness[key];
      let count = 0, latest = 0;
      for (const i of members) {
        if (col[i]! <= today) count++;
        latest = Math.max(latest, col[i]!);
      }
      return { key, readyCount: count, allReadyOn: dayToIso(latest) };
    }),
    parkIds: [...parks].map((k) => index.parkIds[k]!),
    bbox,
    verifiedOn: dayToIso(verified),
    capacities: Object.fromEntries(CAPACITIES.map((c) => [c, capacityOf(index, members, c)])) as Record<Capacity, CapacitySummary>,
    partOfLarger,
    proposal,
  };
}

export function capacityOf(index: LandIndex, members: readonly number[], c: Capacity): CapacitySummary {
  const col = index.capacity[c];
  let sum = 0, stated = 0;
  for (const i of members) {
    const v = col[i]!;
    if (!Number.isNaN(v)) {
      sum += v;
      stated++;
    }
  }
  return { sum, stated };
}

/** The capacity filters of a query, as [column, minimum] pairs. */
export function capacityFilters(q: LandSearchQuery): [Capacity, number][] {
  const out: [Capacity, number][] = [];
  if (q.minPowerKva !== undefined) out.push(["powerKva", q.minPowerKva]);
  if (q.minWaterT !== undefined) out.push(["waterTPerDay", q.minWaterT]);
  if (q.minGasM3 !== undefined) out.push(["gasM3PerDay", q.minGasM3]);
  if (q.minWastewaterT !== undefined) out.push(["wastewaterTPerDay", q.minWastewaterT]);
  return out;
}

/** Blocks above the maximum are offered in part: only with a maximum, and never in the parcels view. */
export function offersPartial(q: LandSearchQuery): boolean {
  return q.view === "blocks" && q.maxArea !== undefined;
}

/** What sorting and the area filter need, computed for every block before paging. */
export interface Candidate {
  members: number[];
  /** larger than the maximum, offered as part of a larger block */
  partial?: boolean;
  areaM2: number;
  priceMin: number; // Infinity when unpriced
  readyDay: number; // NO_DATE when unknown
}

function candidate(index: LandIndex, members: number[], q: LandSearchQuery): Candidate {
  let area = 0, priceMin = Infinity, readyDay = 0;
  for (const i of members) {
    area += index.areaM2[i]!;
    const p = index.price[i]!;
    if (p < priceMin) priceMin = p; // NaN never compares lower
    if (index.handover[i]! > readyDay) readyDay = index.handover[i]!;
    for (const k of q.ready) if (index.readiness[k][i]! > readyDay) readyDay = index.readiness[k][i]!;
  }
  return { members, areaM2: area, priceMin, readyDay };
}

// Members are ascending and the index is sorted by code, so members[0] is the block's smallest
// code: ties broken on it keep the order independent of how the index was loaded.
const byKey = (a: Candidate, b: Candidate) => a.members[0]! - b.members[0]!;
const SORTERS: Record<LandSearchQuery["sort"], (a: Candidate, b: Candidate) => number> = {
  "area-desc": (a, b) => b.areaM2 - a.areaM2 || byKey(a, b),
  "area-asc": (a, b) => a.areaM2 - b.areaM2 || byKey(a, b),
  // Unpriced blocks last (Infinity - Infinity is NaN, hence the explicit tie rule).
  "price-asc": (a, b) => (a.priceMin === b.priceMin ? 0 : a.priceMin - b.priceMin) || byKey(a, b),
  // Unknown dates (NO_DATE) sort last naturally.
  "ready-asc": (a, b) => a.readyDay - b.readyDay || byKey(a, b),
};

export function areaBoundsM2(q: LandSearchQuery): [number, number] {
  return [q.minArea === undefined ? 0 : toM2(q.minArea, q.unit), q.maxArea === undefined ? Infinity : toM2(q.maxArea, q.unit)];
}

/**
 * Every block (or single parcel in the parcels view) that passes the filters and the area
 * range, in the requested order: the list pages it, the map draws all of it.
 */
export function rankBlocks(index: LandIndex, q: LandSearchQuery, ctx: SearchContext): { ranked: Candidate[]; totalAreaM2: number; partialCount: number } {
  const mask = filterMask(index, q, ctx);
  let groups: number[][];
  if (q.view === "parcels") {
    groups = [];
    for (let i = 0; i < index.size; i++) if (mask[i]) groups.push([i]);
  } else {
    groups = index.graph.components(mask);
  }
  const [minM2, maxM2] = areaBoundsM2(q);
  const capacities = capacityFilters(q);
  const partial = offersPartial(q);
  const ranked: Candidate[] = [];
  const larger: Candidate[] = [];
  // The exact fits' area: a larger block is offered only in part, and its part is proposed for
  // the page's cards alone (each proposal is a search of its own: proposing one for every larger
  // block to add them up cost seconds at 10,000 parcels), so larger blocks are counted, not
  // summed, and the results header says so.
  let totalAreaM2 = 0;
  for (const members of groups) {
    const c = candidate(index, members, q);
    if (c.areaM2 < minM2) continue;
    if (c.areaM2 > maxM2 && !partial) continue;
    // Checked on the whole block: its proposed part may state less (the card shows both).
    if (!capacities.every(([col, min]) => capacityOf(index, members, col).sum >= min)) continue;
    if (c.areaM2 > maxM2) {
      c.partial = true;
      larger.push(c);
    } else {
      ranked.push(c);
      totalAreaM2 += c.areaM2;
    }
  }
  // Exact fits first, then the larger blocks, each in the requested order.
  ranked.sort(SORTERS[q.sort]);
  larger.sort(SORTERS[q.sort]);
  return { ranked: larger.length ? ranked.concat(larger) : ranked, totalAreaM2, partialCount: larger.length };
}

/** The page number a search actually shows (a page past the end shows the last one). */
export function clampPage(q: LandSearchQuery, total: number, pageSize = PAGE_SIZE): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(q.page, pageCount), pageCount };
}

/** Runs a search. Blocks (or single parcels in the parcels view) outside the area range are dropped. */
export function searchLand(index: LandIndex, q: LandSearchQuery, ctx: SearchContext, pageSize = PAGE_SIZE): SearchResult {
  // rankBlocks' answer without its Candidate per block: the same total, order and page
  // (lib/search/block-table.ts says why they are equal).
  const table = searchTable(index, q, ctx);
  const fits = table.fits.length, total = fits + table.larger.length;
  const { page, pageCount } = clampPage(q, total, pageSize);
  const from = (page - 1) * pageSize, to = Math.min(page * pageSize, total);
  const cmp = comparator(table, q.sort);
  // Exact fits first, then the larger blocks, each in the requested order.
  const listed = [...orderedSlice(table.fits, cmp, from, Math.min(to, fits)), ...orderedSlice(table.larger, cmp, Math.max(0, from - fits), to - fits)];
  // Full summaries (codes, readiness, bbox, a larger block's proposal) only for this page.
  const results = membersOf(table, listed).map((members) => summarise(index, members, q, ctx.today));
  return { view: q.view, total, totalAreaM2: table.totalAreaM2, page, pageCount, results, partialCount: table.larger.length };
}

/** The blocks of a search as per-block columns (labels valid until the next search). */
export function searchTable(index: LandIndex, q: LandSearchQuery, ctx: SearchContext): BlockTable {
  const [minM2, maxM2] = areaBoundsM2(q);
  return blockTable(index, filterMask(index, q, ctx), {
    parcelsView: q.view === "parcels",
    ready: q.ready,
    minM2,
    maxM2,
    partial: offersPartial(q),
    capacities: capacityFilters(q),
  });
}

/** How many blocks a search lists (rankBlocks(...).ranked.length without ranking them). */
export function countBlocks(index: LandIndex, q: LandSearchQuery, ctx: SearchContext): number {
  const t = searchTable(index, q, ctx);
  return t.fits.length + t.larger.length;
}

/**
 * The block that contains parcel `code` under the same filters as the search that listed it
 * (a block exists only relative to its filters). Null when that parcel no longer passes them,
 * e.g. it was sold since: the page then says so instead of showing a different block. In the
 * parcels view the "block" is the parcel alone.
 */
export function findBlock(index: LandIndex, q: LandSearchQuery, ctx: SearchContext, code: string): BlockResult | null {
  const start = index.codes.indexOf(code);
  if (start < 0) return null;
  const mask = filterMask(index, q, ctx);
  if (!mask[start]) return null;
  // In the parcels view every parcel is a block of one.
  if (q.view === "parcels") return summarise(index, [start], q, ctx.today);
  const { labels } = index.graph.label(mask);
  const members: number[] = [];
  for (let i = 0; i < labels.length; i++) if (labels[i] === labels[start]) members.push(i);
  const block = summarise(index, members, q, ctx.today);
  // `part=1` (the inquiry's "ask about this part"): the proposed part of a larger block, as a
  // block of its own (no longer larger than the maximum, so no proposal of its own).
  if (q.part && block.proposal) return summarise(index, block.proposal.parcelIndices, { ...q, maxArea: undefined, part: false }, ctx.today);
  return block;
}

/**
 * A block page's answer for `key`. A block's key is the smallest parcel code of the block
 * (summarise), so:
 * - no parcel has that code: the URL never named a block ("unknown": 404);
 * - the parcel exists but no longer passes the filters (sold, reserved, re-priced): the block
 *   the link was made for is gone ("gone": the page says so);
 * - the parcel passes but its block's key is another code: the URL carries a parcel code, not
 *   a block's key, and showing the block around it answered a question nobody asked
 *   ("unknown": 404). (A block that grew into a neighbour with a smaller code also lands here:
 *   without a history of blocks the two cannot be told apart, and a 404 is the honest answer.)
 */
export type BlockLookup = { kind: "found"; block: BlockResult } | { kind: "gone" } | { kind: "unknown" };

export function lookupBlock(index: LandIndex, q: LandSearchQuery, ctx: SearchContext, key: string): BlockLookup {
  if (index.codes.indexOf(key) < 0) return { kind: "unknown" };
  // The block page shows the whole block (with its proposal), whatever `part` says.
  const block = findBlock(index, { ...q, part: false }, ctx, key);
  if (!block) return { kind: "gone" };
  return block.key === key ? { kind: "found", block } : { kind: "unknown" };
}
