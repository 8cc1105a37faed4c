// A columnar, in-memory snapshot of every parcel's searchable attributes plus the adjacency
// graph. A search over 100,000 parcels then touches typed arrays only: no SQL per query, no
// objects per parcel. Built from plain rows, so it is pure and unit-tested.
import type { County, Industry, LandUse, ParcelStatus } from "../generated/prisma/enums";
import { County as Counties, Industry as Industries, LandUse as LandUses, ParcelStatus as Statuses } from "../generated/prisma/enums";
import { AdjacencyGraph, type EdgeLike } from "../land/blocks";
import { READINESS_ITEMS, type ReadinessKey } from "../land/readiness";
import { distanceKm, LOGISTICS_KINDS, logisticsPoints, nearestKmOfKind, type LogisticsKind, type LogisticsPoint } from "../location/distance";

/** Day number (days since 1970-01-01, UTC) used for every date in the index. */
export const NO_DATE = 2_147_483_647;
export const toDay = (d: Date | null | undefined): number => (d ? Math.floor(d.getTime() / 86_400_000) : NO_DATE);
export const dayToIso = (day: number): string | null => (day === NO_DATE ? null : new Date(day * 86_400_000).toISOString().slice(0, 10));

export interface LandRow {
  id: string;
  code: string;
  parkId: string;
  zoneId: string | null;
  county: County | null;
  landUse: LandUse;
  status: ParcelStatus;
  areaM2: number;
  priceCnyPerMu: number | null;
  handoverOn: Date | null;
  readiness: Record<ReadinessKey, Date | null>;
  /** industries of the parcel's zone, or of its park when it has no zone */
  industries: Industry[];
  bbox: [number, number, number, number];
  /** when the parcel was last checked on site (absent: unknown) */
  lastVerifiedOn?: Date | null;
  /** stated utility capacities (null or absent: not stated) */
  powerKva?: number | null;
  powerVoltageKv?: number | null;
  gasM3PerDay?: number | null;
  waterTPerDay?: number | null;
  wastewaterTPerDay?: number | null;
  /** [lng, lat] of the parcel's centroid (absent: the middle of its bbox) */
  centroid?: [number, number];
}

/** The capacity columns, in the order the UI lists them. */
export const CAPACITIES = ["powerKva", "waterTPerDay", "gasM3PerDay", "wastewaterTPerDay"] as const;
export type Capacity = (typeof CAPACITIES)[number];

const COUNTIES = Object.values(Counties);
const LAND_USES = Object.values(LandUses);
const STATUSES = Object.values(Statuses);
const INDUSTRIES = Object.values(Industries);
export const codeOf = {
  county: (c: County | null) => (c === null ? 255 : COUNTIES.indexOf(c)),
  landUse: (u: LandUse) => LAND_USES.indexOf(u),
  status: (s: ParcelStatus) => STATUSES.indexOf(s),
  industryBit: (i: Industry) => 2 ** INDUSTRIES.indexOf(i),
};

/**
 * The index's columns as a loader streams them (lib/search/stream-load.ts): rows already in
 * code order, parks and zones interned in order of first appearance, edges as parcel index
 * pairs in the order they were read. What the LandRow constructor computes from rows, minus
 * the distances to logistics points (computed on build either way).
 */
export interface LandColumns {
  ids: string[];
  codes: string[];
  parkIds: string[];
  zoneIds: string[];
  park: Int32Array;
  zone: Int32Array;
  county: Uint8Array;
  landUse: Uint8Array;
  status: Uint8Array;
  industries: Float64Array;
  areaM2: Float64Array;
  price: Float64Array;
  handover: Int32Array;
  verified: Int32Array;
  readiness: Record<ReadinessKey, Int32Array>;
  bbox: Float64Array;
  capacity: Record<Capacity, Float64Array>;
  powerVoltageKv: Float64Array;
  centroid: Float64Array;
  /** edge k joins parcels edgeFrom[k] and edgeTo[k] (indices into ids) */
  edgeFrom: Int32Array;
  edgeTo: Int32Array;
  /** id -> index, when the loader built it already (the graph keeps it) */
  indexById?: Map<string, number>;
}

const isColumns = (x: readonly LandRow[] | LandColumns): x is LandColumns => !Array.isArray(x);

export class LandIndex {
  readonly size: number;
  readonly ids: string[];
  readonly codes: string[];
  /** dense small integers for park and zone ids (zone -1 = none) */
  readonly park: Int32Array;
  readonly zone: Int32Array;
  readonly parkIds: string[];
  readonly zoneIds: string[];
  readonly county: Uint8Array;
  readonly landUse: Uint8Array;
  readonly status: Uint8Array;
  readonly industries: Float64Array; // bit set (23 industries fit in a double exactly)
  readonly areaM2: Float64Array;
  readonly price: Float64Array; // NaN when not quoted
  readonly handover: Int32Array;
  /** day last checked on site (NO_DATE when unknown) */
  readonly verified: Int32Array;
  readonly readiness: Record<ReadinessKey, Int32Array>;
  readonly bbox: Float64Array; // 4 per parcel
  /** stated capacities per parcel, NaN when not stated */
  readonly capacity: Record<Capacity, Float64Array>;
  readonly powerVoltageKv: Float64Array;
  /** centroid, 2 per parcel (lng, lat) */
  readonly centroid: Float64Array;
  /**
   * straight-line km from each parcel's centroid to the nearest logistics point of each kind
   * (Infinity when the layer has none): computed once here, so "within N km of a port" is a
   * comparison per parcel at search time.
   */
  readonly nearKm: Record<LogisticsKind, Float32Array>;
  readonly graph: AdjacencyGraph;
  private readonly parkIndex = new Map<string, number>();
  private readonly zoneIndex = new Map<string, number>();
  /** the logistics layer nearKm was computed from (rows patched in later use the same one) */
  readonly logistics: readonly LogisticsPoint[];

  /** An index over streamed columns (no LandRow per parcel): see LandColumns. */
  static fromColumns(columns: LandColumns, points: readonly LogisticsPoint[] = logisticsPoints): LandIndex {
    return new LandIndex(columns, [], points);
  }

  /**
   * Rows are kept in code order, so a block's smallest member index is its smallest code.
   * Columns (fromColumns) are taken as they are: at a million parcels, a LandRow per parcel
   * cost more time and memory than the index itself.
   */
  constructor(unsorted: readonly LandRow[] | LandColumns, edges: readonly EdgeLike[], points: readonly LogisticsPoint[] = logisticsPoints) {
    if (isColumns(unsorted)) {
      const c = unsorted;
      const n = c.ids.length;
      this.size = n;
      this.ids = c.ids;
      this.codes = c.codes;
      this.park = c.park;
      this.zone = c.zone;
      this.parkIds = c.parkIds;
      this.zoneIds = c.zoneIds;
      this.county = c.county;
      this.landUse = c.landUse;
      this.status = c.status;
      this.industries = c.industries;
      this.areaM2 = c.areaM2;
      this.price = c.price;
      this.handover = c.handover;
      this.verified = c.verified;
      this.readiness = c.readiness;
      this.bbox = c.bbox;
      this.capacity = c.capacity;
      this.powerVoltageKv = c.powerVoltageKv;
      this.centroid = c.centroid;
      c.parkIds.forEach((id, k) => this.parkIndex.set(id, k));
      c.zoneIds.forEach((id, k) => this.zoneIndex.set(id, k));
      this.logistics = points;
      this.nearKm = nearestKm(c.centroid, n, points);
      this.graph = AdjacencyGraph.fromIndexPairs(c.ids, c.edgeFrom, c.edgeTo, c.indexById);
      return;
    }
    const rows = [...unsorted].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const n = rows.length;
    this.size = n;
    this.logistics = points;
    this.ids = rows.map((r) => r.id);
    this.codes = rows.map((r) => r.code);
    this.park = new Int32Array(n);
    this.zone = new Int32Array(n);
    this.parkIds = [];
    this.zoneIds = [];
    this.county = new Uint8Array(n);
    this.landUse = new Uint8Array(n);
    this.status = new Uint8Array(n);
    this.industries = new Float64Array(n);
    this.areaM2 = new Float64Array(n);
    this.price = new Float64Array(n);
    this.handover = new Int32Array(n);
    this.verified = new Int32Array(n);
    this.bbox = new Float64Array(n * 4);
    this.readiness = Object.fromEntries(READINESS_ITEMS.map((i) => [i.key, new Int32Array(n)])) as Record<ReadinessKey, Int32Array>;
    this.capacity = Object.fromEntries(CAPACITIES.map((c) => [c, new Float64Array(n)])) as Record<Capacity, Float64Array>;
    this.powerVoltageKv = new Float64Array(n);
    this.centroid = new Float64Array(n * 2);
    this.nearKm = Object.fromEntries(LOGISTICS_KINDS.map((k) => [k, new Float32Array(n).fill(Infinity)])) as Record<LogisticsKind, Float32Array>;
    rows.forEach((r, i) => this.writeRow(i, r));
    this.graph = new AdjacencyGraph(this.ids, edges);
  }

  /**
   * Writes every column of slot i from a row: shape, distances and attributes (ids and codes
   * excepted: the caller places those). The constructor's per-row step, and how
   * lib/search/index-patch.ts fills the slots of parcels added or reshaped since the load.
   */
  writeRow(i: number, r: LandRow): void {
    this.park[i] = this.intern(this.parkIndex, this.parkIds, r.parkId);
    this.areaM2[i] = r.areaM2;
    this.bbox.set(r.bbox, i * 4);
    const [lng, lat] = r.centroid ?? [(r.bbox[0] + r.bbox[2]) / 2, (r.bbox[1] + r.bbox[3]) / 2];
    this.centroid[i * 2] = lng;
    this.centroid[i * 2 + 1] = lat;
    // One pass over the (small) layer per parcel, keeping the minimum per kind.
    for (const kind of LOGISTICS_KINDS) this.nearKm[kind][i] = Infinity;
    for (const p of this.logistics) {
      const km = distanceKm({ lng, lat }, p);
      if (km < this.nearKm[p.kind][i]!) this.nearKm[p.kind][i] = km;
    }
    this.setAttributes(i, r);
  }

  /** A park's county or a zone's industries changed: restamp slot i (they are baked in per parcel). */
  setArea(i: number, county: County | null, industries: readonly Industry[]): void {
    this.county[i] = codeOf.county(county);
    this.industries[i] = industries.reduce((bits, ind) => bits + codeOf.industryBit(ind), 0);
  }

  /**
   * Applies a changed row in place when the change cannot alter adjacency (status, price,
   * dates, land use, zone). Returns false when the caller must rebuild instead: an unknown
   * parcel, or a new park, area or bbox (the shape, hence the graph, may have changed).
   */
  patch(r: LandRow): boolean {
    if (!this.canPatch(r)) return false;
    this.setAttributes(this.positionOf(r.code), r);
    return true;
  }

  canPatch(r: LandRow): boolean {
    const i = this.positionOf(r.code);
    if (i < 0 || this.ids[i] !== r.id) return false;
    if (this.parkIds[this.park[i]!] !== r.parkId || this.areaM2[i] !== r.areaM2) return false;
    for (let k = 0; k < 4; k++) if (this.bbox[i * 4 + k] !== r.bbox[k]) return false;
    // The centroid moves only with the shape; a changed one means the distances are stale.
    if (r.centroid && (this.centroid[i * 2] !== r.centroid[0] || this.centroid[i * 2 + 1] !== r.centroid[1])) return false;
    return true;
  }

  /**
   * Position of a parcel by code, -1 when absent. A binary search over the sorted codes rather
   * than a Map: a patched index (lib/search/index-patch.ts) shifts positions, and rebuilding a
   * million-entry Map would cost more than the whole patch.
   */
  positionOf(code: string): number {
    return searchSorted(this.codes, code);
  }

  parkIndexOf(parkId: string): number {
    return this.parkIndex.get(parkId) ?? -2;
  }

  zoneIndexOf(zoneId: string): number {
    return this.zoneIndex.get(zoneId) ?? -2;
  }

  private setAttributes(i: number, r: LandRow): void {
    this.zone[i] = r.zoneId === null ? -1 : this.intern(this.zoneIndex, this.zoneIds, r.zoneId);
    this.county[i] = codeOf.county(r.county);
    this.landUse[i] = codeOf.landUse(r.landUse);
    this.status[i] = codeOf.status(r.status);
    this.industries[i] = r.industries.reduce((bits, ind) => bits + codeOf.industryBit(ind), 0);
    this.price[i] = r.priceCnyPerMu ?? Number.NaN;
    this.handover[i] = toDay(r.handoverOn);
    this.verified[i] = toDay(r.lastVerifiedOn);
    for (const item of READINESS_ITEMS) this.readiness[item.key][i] = toDay(r.readiness[item.key]);
    for (const c of CAPACITIES) this.capacity[c][i] = r[c] ?? Number.NaN;
    this.powerVoltageKv[i] = r.powerVoltageKv ?? Number.NaN;
  }

  private intern(map: Map<string, number>, list: string[], id: string): number {
    let k = map.get(id);
    if (k === undefined) {
      k = list.length;
      list.push(id);
      map.set(id, k);
    }
    return k;
  }
}

/** Position of `key` in `sorted` (ascending by `<`, as the index sorts codes), -1 when absent. */
export function searchSorted(sorted: readonly string[], key: string): number {
  let lo = 0, hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The same distances as the row constructor computes, from a centroid column. */
function nearestKm(centroid: Float64Array, n: number, points: readonly LogisticsPoint[]): Record<LogisticsKind, Float32Array> {
  const near = Object.fromEntries(LOGISTICS_KINDS.map((k) => [k, new Float32Array(n).fill(Infinity)])) as Record<LogisticsKind, Float32Array>;
  const nearest = nearestKmOfKind(points);
  // The row constructor keeps the first km below the stored (float32) value; that ends as the
  // float32 of the minimum, which is what is stored here (fround is monotonic).
  for (const kind of LOGISTICS_KINDS) {
    const col = near[kind];
    for (let i = 0; i < n; i++) col[i] = nearest(centroid[i * 2]!, centroid[i * 2 + 1]!, kind);
  }
  return near;
}

export function hasIndustry(bits: number, industry: Industry): boolean {
  return Math.floor(bits / codeOf.industryBit(industry)) % 2 === 1;
}
