// The blocks of one search as flat per-block columns, for a million parcels: one labelling
// pass over the graph, one pass over the parcels summing each block's area and figures, and
// no array of members per block (components() built 300,000 of them per search, and a
// Candidate object each). Only the blocks a page lists get their members (membersOf).
//
// Equal to rankBlocks by construction: labels number blocks by their smallest member index
// (the old tie-break, members[0]); sums add members in ascending index order, as candidate()
// and capacityOf() do, so every float is the same; the comparators are the same total order.
import type { Capacity, LandIndex } from "./land-index";
import type { ReadinessKey } from "../land/readiness";

export interface BlockTable {
  /**
   * block of each parcel, -1 when the parcel does not pass the filters. This and every array
   * below are scratch, valid until the next search on this index.
   */
  labels: Int32Array;
  count: number;
  areaM2: Float64Array;
  priceMin: Float64Array;
  readyDay: Int32Array;
  /** blocks within the area range (and capacities), in label order */
  fits: Int32Array;
  /** blocks above the maximum offered in part, in label order */
  larger: Int32Array;
  /** the exact fits' total area, summed in label order as rankBlocks does */
  totalAreaM2: number;
}

export interface TableOptions {
  parcelsView: boolean;
  ready: readonly ReadinessKey[];
  minM2: number;
  maxM2: number;
  partial: boolean;
  capacities: readonly (readonly [Capacity, number])[];
}

// Reused between searches (they run synchronously, one at a time per process): allocating and
// clearing 8 MB per search at a million parcels was measurable, and garbage for the GC.
interface Scratch {
  labels: Int32Array;
  stack: Int32Array;
  area: Float64Array;
  price: Float64Array;
  ready: Int32Array;
  fits: Int32Array;
  larger: Int32Array;
  sums: Float64Array[];
}
const scratch = new WeakMap<LandIndex, Scratch>();

function scratchOf(index: LandIndex): Scratch {
  let s = scratch.get(index);
  const n = index.size;
  if (!s || s.labels.length !== n) {
    s = { labels: new Int32Array(n), stack: new Int32Array(n), area: new Float64Array(n), price: new Float64Array(n), ready: new Int32Array(n), fits: new Int32Array(n), larger: new Int32Array(n), sums: [] };
    scratch.set(index, s);
  }
  return s;
}

/** Labels like AdjacencyGraph.label(mask), into the index's scratch array. */
function labelInto(index: LandIndex, mask: Uint8Array, parcelsView: boolean): { labels: Int32Array; count: number } {
  const { labels, stack } = scratchOf(index);
  const n = index.size;
  let count = 0;
  if (parcelsView) {
    for (let i = 0; i < n; i++) labels[i] = mask[i] ? count++ : -1;
    return { labels, count };
  }
  labels.fill(-1);
  const { offsets, neighbours } = index.graph;
  for (let start = 0; start < n; start++) {
    if (labels[start] !== -1 || mask[start] === 0) continue;
    const c = count++;
    labels[start] = c;
    let top = 0;
    stack[top++] = start;
    while (top > 0) {
      const v = stack[--top]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k++) {
        const w = neighbours[k]!;
        if (labels[w] === -1 && mask[w] !== 0) {
          labels[w] = c;
          stack[top++] = w;
        }
      }
    }
  }
  return { labels, count };
}

export function blockTable(index: LandIndex, mask: Uint8Array, o: TableOptions): BlockTable {
  const { labels, count } = labelInto(index, mask, o.parcelsView);
  const n = index.size;
  const s = scratchOf(index);
  const areaM2 = s.area.subarray(0, count).fill(0);
  const priceMin = s.price.subarray(0, count).fill(Infinity);
  const readyDay = s.ready.subarray(0, count).fill(0);
  const sums = o.capacities.map((_, f) => (s.sums[f] ??= new Float64Array(n)).subarray(0, count).fill(0));
  const ready = o.ready.map((k) => index.readiness[k]);
  const caps = o.capacities.map(([c]) => index.capacity[c]);
  const { areaM2: area, price, handover } = index;
  const nReady = ready.length, nCaps = caps.length;
  for (let i = 0; i < n; i++) {
    const l = labels[i]!;
    if (l < 0) continue;
    areaM2[l] = areaM2[l]! + area[i]!;
    const p = price[i]!;
    if (p < priceMin[l]!) priceMin[l] = p; // NaN never compares lower
    let r = readyDay[l]!;
    if (handover[i]! > r) r = handover[i]!;
    for (let k = 0; k < nReady; k++) if (ready[k]![i]! > r) r = ready[k]![i]!;
    readyDay[l] = r;
    for (let f = 0; f < nCaps; f++) {
      const v = caps[f]![i]!;
      if (!Number.isNaN(v)) sums[f]![l] = sums[f]![l]! + v;
    }
  }
  const { fits, larger } = s;
  let nf = 0, nl = 0, totalAreaM2 = 0;
  for (let l = 0; l < count; l++) {
    const a = areaM2[l]!;
    if (a < o.minM2) continue;
    if (a > o.maxM2 && !o.partial) continue;
    let enough = true;
    for (let f = 0; f < sums.length; f++) if (!(sums[f]![l]! >= o.capacities[f]![1])) enough = false;
    if (!enough) continue;
    if (a > o.maxM2) larger[nl++] = l;
    else {
      fits[nf++] = l;
      totalAreaM2 += a;
    }
  }
  return { labels, count, areaM2, priceMin, readyDay, fits: fits.subarray(0, nf), larger: larger.subarray(0, nl), totalAreaM2 };
}

export type SortKey = "area-desc" | "area-asc" | "price-asc" | "ready-asc";

/** The search's order over block labels (label order = smallest member first, the tie-break). */
export function comparator(t: BlockTable, sort: SortKey): (a: number, b: number) => number {
  const { areaM2: area, priceMin: pm, readyDay: rd } = t;
  switch (sort) {
    case "area-desc":
      return (a, b) => area[b]! - area[a]! || a - b;
    case "area-asc":
      return (a, b) => area[a]! - area[b]! || a - b;
    case "price-asc":
      return (a, b) => (pm[a] === pm[b] ? 0 : pm[a]! - pm[b]!) || a - b;
    case "ready-asc":
      return (a, b) => rd[a]! - rd[b]! || a - b;
  }
}

/**
 * The elements at sorted positions [from, to) of `list` under `cmp`, without sorting all of
 * it when the slice is near the front (the first pages): a bounded max-heap keeps the `to`
 * smallest. `cmp` is a total order, so this equals sorting everything and slicing.
 */
export function orderedSlice(list: Int32Array, cmp: (a: number, b: number) => number, from: number, to: number): number[] {
  to = Math.min(to, list.length);
  if (from >= to) return [];
  if (to > 2_000 && to * 8 > list.length) return Array.from(list).sort(cmp).slice(from, to);
  const heap: number[] = [];
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1, r = l + 1;
      let worst = i;
      if (l < heap.length && cmp(heap[l]!, heap[worst]!) > 0) worst = l;
      if (r < heap.length && cmp(heap[r]!, heap[worst]!) > 0) worst = r;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (let k = 0; k < list.length; k++) {
    const x = list[k]!;
    if (heap.length < to) {
      heap.push(x);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (cmp(heap[i]!, heap[p]!) <= 0) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (cmp(x, heap[0]!) < 0) {
      heap[0] = x;
      down(0);
    }
  }
  return heap.sort(cmp).slice(from, to);
}

/** Members (ascending) of each of `blocks`, in one pass over the labels. */
export function membersOf(t: BlockTable, blocks: readonly number[]): number[][] {
  const out: number[][] = blocks.map(() => []);
  const { labels } = t;
  if (blocks.length === 0) return out;
  if (blocks.length === 1) {
    const only = blocks[0]!;
    for (let i = 0; i < labels.length; i++) if (labels[i] === only) out[0]!.push(i);
    return out;
  }
  const slots = new Int32Array(t.count).fill(-1);
  blocks.forEach((b, k) => (slots[b] = k));
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l >= 0 && slots[l]! >= 0) out[slots[l]!]!.push(i);
  }
  return out;
}
