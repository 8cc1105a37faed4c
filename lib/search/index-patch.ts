// Geometry changes (a parcel added, removed or redrawn, its edges replaced) applied to a
// LandIndex without reading every parcel again. The index keeps rows in code order and results
// depend on it (a block's key is its smallest member index), so a structural change builds a
// new index whose columns are the old ones copied in runs (memcpy speed) around the removed and
// inserted slots, plus a CSR graph rebuilt from the old one in one pass over its edges: the
// result equals a full rebuild from the same rows, in ~O(n) copying rather than O(n) parsing.
// When slots move (a parcel added or removed) it is a new object, so a caller still holding the
// old index (a page rendering its result) keeps consistent positions; when none move (status,
// a redrawn boundary, edges) columns are written in place and only the CSR arrays are new.
import type { County, Industry } from "../generated/prisma/enums";
import { AdjacencyGraph, sortRange } from "../land/blocks";
import { LandIndex, searchSorted, type LandRow } from "./land-index";

export interface IndexChange {
  /** codes of parcels to drop (deleted, or renamed: the row under its new code is in upsert) */
  remove?: readonly string[];
  /** current rows of parcels added or changed (a changed shape moves the parcel's slot) */
  upsert?: readonly LandRow[];
  /**
   * codes of parcels whose edges are replaced by those in `edges` (added and reshaped parcels
   * are included whatever the caller says); `edges` (by code) must be every current edge that
   * touches one of them.
   */
  edgeParcels?: readonly string[];
  edges?: readonly { a: string; b: string }[];
}

/** Returns the patched index: `index` itself when only attributes changed, else a new one. */
export function applyChange(index: LandIndex, change: IndexChange): LandIndex {
  const removed = new Set<number>();
  for (const code of change.remove ?? []) {
    const i = index.positionOf(code);
    if (i >= 0) removed.add(i);
  }
  const inserts: LandRow[] = [];
  const inPlace: LandRow[] = [];
  const reshaped: LandRow[] = [];
  for (const r of change.upsert ?? []) {
    const i = index.positionOf(r.code);
    if (i >= 0 && !removed.has(i) && index.canPatch(r)) inPlace.push(r);
    else if (i >= 0 && !removed.has(i) && index.ids[i] === r.id) reshaped.push(r);
    else {
      if (i >= 0) removed.add(i);
      inserts.push(r);
    }
  }
  const edgeParcels = change.edgeParcels ?? [];
  if (index.size === 0 && (inserts.length > 0 || edgeParcels.length > 0)) {
    // Nothing to copy from (strides are read off the old columns): build from the rows.
    const idOf = new Map((change.upsert ?? []).map((r) => [r.code, r.id]));
    const edges = (change.edges ?? []).map((e) => ({ a: idOf.get(e.a) ?? "", b: idOf.get(e.b) ?? "" }));
    return new LandIndex([...(change.upsert ?? [])], edges, index.logistics);
  }
  const touched = new Set([...inserts, ...reshaped].map((r) => r.code));
  for (const c of edgeParcels) touched.add(c);
  if (removed.size === 0 && inserts.length === 0) {
    // No slot moves: attributes, redrawn shapes (same slot: the code decides it) and edges are
    // written in place, and only the graph is rebuilt; nothing of the size of the index is
    // allocated but the CSR arrays (a new 1M-parcel column set per edit costs full GCs).
    for (const r of inPlace) index.patch(r);
    for (const r of reshaped) index.writeRow(index.positionOf(r.code), r);
    if (touched.size > 0) replaceGraph(index, index, [{ old: true, from: 0, to: index.size, dest: 0 }], touched, change.edges ?? []);
    return index;
  }
  // Slots move: redrawn parcels are re-inserted with the new ones.
  for (const r of reshaped) removed.add(index.positionOf(r.code));
  const { index: next, segments } = rebuildColumns(index, removed, [...inserts, ...reshaped]);
  for (const r of inPlace) next.patch(r);
  replaceGraph(index, next, segments, touched, change.edges ?? []);
  return next;
}

interface Segment {
  /** source slots [from, to) of the old index (old) or of the sorted inserts (new) */
  old: boolean;
  from: number;
  to: number;
  dest: number;
}

type Writable = Record<string, unknown>;
type Column = Float64Array | Float32Array | Int32Array | Uint8Array;
type ColumnType = { new (buffer: ArrayBuffer, offset: number, length: number): Column; BYTES_PER_ELEMENT: number };
const isColumn = (v: unknown): v is Column => ArrayBuffer.isView(v) && !(v instanceof DataView);
const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** Typed arrays carved out of one ArrayBuffer, each 8-byte aligned. */
class Arena {
  private readonly buffer: ArrayBuffer;
  private at = 0;
  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }
  take<T extends Column>(type: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number }, length: number): T {
    const out = new type(this.buffer, this.at, length);
    this.at += align(length * type.BYTES_PER_ELEMENT);
    return out;
  }
}

/** The index's per-slot columns, as rebuildColumns copies them (same traversal). */
function* columnsOf(index: LandIndex, n: number): Generator<Column> {
  for (const [key, value] of Object.entries(index as unknown as Writable)) {
    if (key === "ids" || key === "codes" || key === "graph") continue;
    if (isColumn(value) && value.length % n === 0) yield value;
    else if (isColumnGroup(value)) for (const col of Object.values(value)) yield col as Column;
  }
}
const isColumnGroup = (v: unknown): v is Record<string, ArrayLike<number>> =>
  typeof v === "object" && v !== null && Object.getPrototypeOf(v) === Object.prototype && Object.values(v).every(isColumn);

/**
 * The merge of kept old slots and inserted rows, in code order, as copy runs. Columns are
 * found by shape (typed arrays of size x stride, and records of them), not by name, so a
 * column added to LandIndex later is carried over without this file knowing it.
 */
function rebuildColumns(old: LandIndex, removed: ReadonlySet<number>, inserts: LandRow[]): { index: LandIndex; segments: Segment[] } {
  inserts.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const n = old.size;
  const size = n - removed.size + inserts.length;
  // Where each insert goes (before the first old code not below it) and which slots drop out:
  // a binary search per change, not a string comparison per slot.
  const insertAt = inserts.map((r) => lowerBound(old.codes, r.code));
  const drops = [...removed].sort((a, b) => a - b);
  const segments: Segment[] = [];
  const push = (isOld: boolean, from: number, to: number, dest: number) => {
    const last = segments.at(-1);
    if (last && last.old === isOld && last.to === from && last.dest + (last.to - last.from) === dest) last.to = to;
    else segments.push({ old: isOld, from, to, dest });
  };
  for (let i = 0, j = 0, r = 0, k = 0; i < n || j < inserts.length; ) {
    const stop = Math.min(r < drops.length ? drops[r]! : n, j < inserts.length ? insertAt[j]! : n);
    if (stop > i) {
      push(true, i, stop, k);
      k += stop - i;
      i = stop;
    } else if (j < inserts.length && insertAt[j] === i) push(false, j, ++j, k++);
    else {
      // drops[r] === i: that slot is not carried over
      i++;
      r++;
    }
  }
  const ids: string[] = new Array(size);
  const codes: string[] = new Array(size);
  for (const s of segments)
    for (let x = s.from, k = s.dest; x < s.to; x++, k++) {
      ids[k] = s.old ? old.ids[x]! : inserts[x]!.id;
      codes[k] = s.old ? old.codes[x]! : inserts[x]!.code;
    }
  const next = Object.create(LandIndex.prototype) as Writable;
  // Every new column is a view into ONE buffer: V8 answers each large allocation's external
  // memory with a full GC of the heap (at 1M parcels, ~30 columns meant ~30 mark-compacts of
  // the million ids and codes per patch); one allocation means at most one.
  let bytes = 0;
  for (const col of columnsOf(old, n)) bytes += align((col.length / n) * size * col.BYTES_PER_ELEMENT);
  const arena = new Arena(bytes);
  const copy = (col: Column): Column => {
    const stride = col.length / n;
    const out = arena.take(col.constructor as ColumnType, size * stride);
    for (const s of segments) if (s.old) out.set(col.subarray(s.from * stride, s.to * stride), s.dest * stride);
    return out;
  };
  for (const [key, value] of Object.entries(old as unknown as Writable)) {
    if (key === "ids" || key === "codes" || key === "graph") continue;
    if (isColumn(value) && value.length % n === 0) next[key] = copy(value);
    else if (isColumnGroup(value)) next[key] = Object.fromEntries(Object.entries(value).map(([c, col]) => [c, copy(col as Column)]));
    else if (value instanceof Map) next[key] = new Map(value);
    else if (Array.isArray(value)) next[key] = [...value];
    else next[key] = value;
  }
  Object.assign(next, { size, ids, codes });
  const index = next as unknown as LandIndex;
  for (const s of segments) if (!s.old) for (let x = s.from; x < s.to; x++) index.writeRow(s.dest + x - s.from, inserts[x]!);
  return { index, segments };
}

/** First position whose code is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * New CSR for `next`: parcels not touched keep their old neighbours (renumbered, minus removed
 * and touched ones), touched parcels get exactly `edges`, and each edge is mirrored at its
 * other end. Old positions of kept parcels map to new ones monotonically, so an untouched
 * range stays ascending; only ranges that gained an edge are re-sorted.
 */
function replaceGraph(old: LandIndex, next: LandIndex, segments: readonly Segment[], touchedCodes: ReadonlySet<string>, edges: readonly { a: string; b: string }[]): void {
  const n = old.size, size = next.size;
  // Scratch in one allocation (see Arena), the graph's own two arrays in another.
  const scratch = new Arena(align(4 * n) + align(size) + 4 * align(4 * (size + 1)));
  const oldToNew = scratch.take(Int32Array, n).fill(-1);
  for (const s of segments) if (s.old) for (let x = s.from, k = s.dest; x < s.to; x++, k++) oldToNew[x] = k;
  const touched = scratch.take(Uint8Array, size);
  for (const c of touchedCodes) {
    const k = searchSorted(next.codes, c);
    if (k >= 0) touched[k] = 1;
  }
  // A reshaped parcel keeps its code but not its slot's contents: its old edges must go.
  for (let i = 0; i < n; i++) {
    const k = oldToNew[i]!;
    if (k >= 0 && touched[k]) oldToNew[i] = -1;
  }
  const from: number[] = [], to: number[] = [];
  for (const e of edges) {
    const x = searchSorted(next.codes, e.a), y = searchSorted(next.codes, e.b);
    if (x < 0 || y < 0 || x === y || !(touched[x] || touched[y])) continue;
    from.push(x);
    to.push(y);
  }
  const degree = scratch.take(Int32Array, size + 1);
  const { offsets: oOff, neighbours: oNb } = old.graph;
  const newToOld = scratch.take(Int32Array, size).fill(-1);
  for (let i = 0; i < n; i++) if (oldToNew[i]! >= 0) newToOld[oldToNew[i]!] = i;
  for (let k = 0; k < size; k++) {
    const i = newToOld[k]!;
    if (i < 0) continue;
    for (let e = oOff[i]!, end = oOff[i + 1]!; e < end; e++) if (oldToNew[oNb[e]!]! >= 0) degree[k]!++;
  }
  for (let e = 0; e < from.length; e++) {
    degree[from[e]!]!++;
    degree[to[e]!]!++;
  }
  let total = 0;
  for (let k = 0; k < size; k++) total += degree[k]!;
  const graphArena = new Arena(align(4 * (size + 1)) + align(4 * total));
  const offsets = graphArena.take(Int32Array, size + 1);
  for (let k = 0; k < size; k++) offsets[k + 1] = offsets[k]! + degree[k]!;
  const neighbours = graphArena.take(Int32Array, total);
  const fill = scratch.take(Int32Array, size);
  fill.set(offsets.subarray(0, size));
  for (let k = 0; k < size; k++) {
    const i = newToOld[k]!;
    if (i < 0) continue;
    for (let e = oOff[i]!, end = oOff[i + 1]!; e < end; e++) {
      const w = oldToNew[oNb[e]!]!;
      if (w >= 0) neighbours[fill[k]!++] = w;
    }
  }
  const resort = new Set<number>();
  for (let e = 0; e < from.length; e++) {
    const x = from[e]!, y = to[e]!;
    neighbours[fill[x]!++] = y;
    neighbours[fill[y]!++] = x;
    resort.add(x).add(y);
  }
  for (const k of resort) sortRange(neighbours, offsets[k]!, offsets[k + 1]!);
  (next as unknown as Writable).graph = AdjacencyGraph.fromCsr(next.ids, offsets, neighbours);
}

/**
 * Parks' counties and parks'/zones' industries are baked into every parcel's slot: restamp the
 * slots of parcels in the changed parks or zones, in place (shape and graph are unaffected).
 */
export function restampAreas(
  index: LandIndex,
  parks: ReadonlySet<string>,
  zones: ReadonlySet<string>,
  areaOf: (parkId: string, zoneId: string | null) => { county: County | null; industries: readonly Industry[] } | undefined,
): number {
  const parkHit = new Uint8Array(index.parkIds.length), zoneHit = new Uint8Array(index.zoneIds.length);
  index.parkIds.forEach((id, p) => (parkHit[p] = parks.has(id) ? 1 : 0));
  index.zoneIds.forEach((id, z) => (zoneHit[z] = zones.has(id) ? 1 : 0));
  let count = 0;
  for (let i = 0; i < index.size; i++) {
    const z = index.zone[i]!;
    if (!parkHit[index.park[i]!] && !(z >= 0 && zoneHit[z])) continue;
    const area = areaOf(index.parkIds[index.park[i]!]!, z >= 0 ? index.zoneIds[z]! : null);
    if (!area) continue;
    index.setArea(i, area.county, area.industries);
    count++;
  }
  return count;
}
