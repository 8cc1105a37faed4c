// Contiguous blocks: connected groups of adjacent parcels. The search recomputes them per query
// over the parcels that pass its filters (status, land use, readiness...), so the graph is built
// once in compact form and each query only allocates its visited marks and its output.

export interface EdgeLike {
  a: string;
  b: string;
}

/** Edges as index pairs into the graph's ids (k-th edge: from[k] - to[k]). */
export interface IndexPairs {
  from: Int32Array;
  to: Int32Array;
  /** id -> index of `ids`, when the caller built it already (taken as is, not copied) */
  indexById?: Map<string, number>;
}

/** Which parcels take part: a predicate on the parcel index, or a mask (non-zero = included). */
export type Include = ((index: number) => boolean) | Uint8Array;

export class AdjacencyGraph {
  readonly ids: readonly string[];
  /** CSR: neighbours of parcel i are neighbours[offsets[i] .. offsets[i + 1]) */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  // Built on demand for a graph made by fromCsr (a patched index): a million-entry Map costs
  // more than the patch, and nothing on the search path looks parcels up by id.
  private indexById?: Map<string, number>;

  /**
   * Edges naming an unknown id, and self-loops, are ignored: callers pass edges fetched for a
   * wider set than `ids` (e.g. all stored edges, with only available parcels as ids).
   */
  constructor(ids: readonly string[], edges: readonly EdgeLike[] | IndexPairs) {
    this.ids = ids;
    const given = Array.isArray(edges) ? undefined : (edges as IndexPairs).indexById;
    if (given) this.indexById = given;
    else {
      this.indexById = new Map();
      for (let i = 0; i < ids.length; i++) this.indexById.set(ids[i]!, i);
    }
    if (this.indexById.size !== ids.length) throw new Error("AdjacencyGraph: ids must be unique");
    const n = ids.length;
    const pairs = !Array.isArray(edges);
    const count = pairs ? (edges as IndexPairs).from.length : edges.length;
    const from = new Int32Array(count), to = new Int32Array(count);
    const degree = new Int32Array(n + 1);
    let m = 0;
    for (let k = 0; k < count; k++) {
      let x: number | undefined, y: number | undefined;
      if (pairs) {
        x = (edges as IndexPairs).from[k]!;
        y = (edges as IndexPairs).to[k]!;
        if (!(x >= 0 && x < n && y >= 0 && y < n)) continue;
      } else {
        const e = (edges as readonly EdgeLike[])[k]!;
        x = this.indexById.get(e.a);
        y = this.indexById.get(e.b);
      }
      if (x === undefined || y === undefined || x === y) continue;
      from[m] = x;
      to[m] = y;
      m++;
      degree[x]!++;
      degree[y]!++;
    }
    this.offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.offsets[i + 1] = this.offsets[i]! + degree[i]!;
    this.neighbours = new Int32Array(this.offsets[n]!);
    const fill = this.offsets.slice(0, n);
    for (let k = 0; k < m; k++) {
      const x = from[k]!, y = to[k]!;
      this.neighbours[fill[x]!++] = y;
      this.neighbours[fill[y]!++] = x;
    }
    // Ascending neighbours: the order edges were fetched in (a table scan) must not leak into
    // results (proposeSubset walks neighbours in order), and a patched graph can match it.
    for (let i = 0; i < n; i++) sortRange(this.neighbours, this.offsets[i]!, this.offsets[i + 1]!);
  }

  /** A graph over `ids` from CSR arrays the caller built (neighbour ranges ascending). */
  static fromCsr(ids: readonly string[], offsets: Int32Array, neighbours: Int32Array): AdjacencyGraph {
    const g = Object.create(AdjacencyGraph.prototype) as { -readonly [K in "ids" | "offsets" | "neighbours"]: AdjacencyGraph[K] };
    g.ids = ids;
    g.offsets = offsets;
    g.neighbours = neighbours;
    return g as unknown as AdjacencyGraph;
  }

  /**
   * The graph from edges given as index pairs into `ids` (a streamed load): no EdgeLike object
   * or id lookup per edge. Same CSR as the constructor for the same edges in the same order.
   */
  static fromIndexPairs(ids: readonly string[], from: Int32Array, to: Int32Array, indexById?: Map<string, number>): AdjacencyGraph {
    return new AdjacencyGraph(ids, { from, to, indexById });
  }

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number | undefined {
    this.indexById ??= new Map(this.ids.map((x, i) => [x, i]));
    return this.indexById.get(id);
  }

  /**
   * Component label of every parcel (-1 when excluded) and the number of components. Labels are
   * numbered in order of each component's smallest member index. The allocation-light primitive
   * behind components(); use it directly to aggregate (e.g. sum areas) without building groups.
   */
  label(include?: Include): { labels: Int32Array; count: number } {
    const n = this.ids.length;
    const inc = toPredicate(include);
    const labels = new Int32Array(n).fill(-1);
    const stack = new Int32Array(n); // each parcel is pushed at most once
    let count = 0;
    for (let start = 0; start < n; start++) {
      if (labels[start] !== -1 || !inc(start)) continue;
      const c = count++;
      labels[start] = c;
      let top = 0;
      stack[top++] = start;
      while (top > 0) {
        const v = stack[--top]!;
        for (let k = this.offsets[v]!, end = this.offsets[v + 1]!; k < end; k++) {
          const w = this.neighbours[k]!;
          if (labels[w] === -1 && inc(w)) {
            labels[w] = c;
            stack[top++] = w;
          }
        }
      }
    }
    return { labels, count };
  }

  /**
   * Connected components among the included parcels, as arrays of member indices. Order:
   * blocks by their smallest member index, members ascending. Excluding a parcel can split a
   * block; an included parcel with no included neighbour is a block of one.
   */
  components(include?: Include): number[][] {
    const { labels, count } = this.label(include);
    const groups: number[][] = Array.from({ length: count }, () => []);
    // Scanning indices in order yields ascending members with no sort.
    for (let i = 0; i < labels.length; i++) {
      const c = labels[i]!;
      if (c !== -1) groups[c]!.push(i);
    }
    return groups;
  }
}

/** Insertion sort of a[from, to): neighbour ranges are a handful of entries. */
export function sortRange(a: Int32Array, from: number, to: number): void {
  for (let k = from + 1; k < to; k++) {
    const v = a[k]!;
    let j = k - 1;
    while (j >= from && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}

function toPredicate(include: Include | undefined): (index: number) => boolean {
  if (include === undefined) return () => true;
  if (include instanceof Uint8Array) return (i) => include[i] !== 0;
  return include;
}

/**
 * Blocks of parcel ids, all `ids` included, in the order of AdjacencyGraph.components (by the
 * position of each block's first member in `ids`). Sort ids first for an order that does not
 * depend on how the caller fetched them.
 */
export function contiguousBlocks(ids: readonly string[], edges: readonly EdgeLike[]): string[][] {
  const graph = new AdjacencyGraph(ids, edges);
  return graph.components().map((members) => members.map((i) => ids[i]!));
}

/** Total area (m²) of a block from its members' areas. */
export function blockAreaM2(memberAreas: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < memberAreas.length; i++) sum += memberAreas[i]!;
  return sum;
}
