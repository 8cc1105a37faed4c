// "Part of a larger block": a block bigger than the investor's maximum can still be divided.
// This proposes which of its parcels to offer: a CONNECTED set (one piece of land, in the
// adjacency graph) whose area is at least `lo` and exceeds it as little as possible. The caller
// passes lo = the need's minimum (or its maximum when no minimum is given), so a set inside
// [min, max] is preferred automatically: any such set exceeds lo by less than any set above max.
// Ties: fewer parcels, then the first found.
//
// Exact for small blocks (branch and bound over connected subsets), bounded for large ones: a
// greedy answer comes first, and the exhaustive search stops after `budget` steps, keeping the
// best set found so far (`exhaustive` says whether it is proven minimal). Pure, no allocation
// per step beyond the candidate lists.

/** CSR adjacency, as AdjacencyGraph keeps it. */
export interface Csr {
  offsets: ArrayLike<number>;
  neighbours: ArrayLike<number>;
}

export interface SubsetProposal {
  /** global parcel indices, ascending */
  members: number[];
  areaM2: number;
  /** true when the search finished: no connected set with a smaller excess exists */
  exhaustive: boolean;
}

export const SUBSET_BUDGET = 50_000;
/** Greedy starts tried before the exact search (spread over the block). */
const GREEDY_STARTS = 32;

const FREE = 0, IN = 1, CAND = 2, BANNED = 3;

export function proposeSubset(graph: Csr, members: readonly number[], areaOf: ArrayLike<number>, lo: number, budget = SUBSET_BUDGET): SubsetProposal | null {
  const n = members.length;
  if (n === 0) return null;
  const local = new Map<number, number>();
  members.forEach((g, i) => local.set(g, i));
  const area = members.map((g) => areaOf[g]!);
  const adj: number[][] = members.map((g) => {
    const out: number[] = [];
    for (let k = graph.offsets[g]!, end = graph.offsets[g + 1]!; k < end; k++) {
      const j = local.get(graph.neighbours[k]!);
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  let total = 0;
  for (const a of area) total += a;
  if (total < lo) return null; // not even the whole block is enough

  let bestArea = Infinity;
  let best: number[] = [];
  const consider = (set: readonly number[], a: number) => {
    if (a < bestArea || (a === bestArea && set.length < best.length)) {
      bestArea = a;
      best = [...set];
    }
  };

  // 1. Greedy: grow from a start, taking the neighbour that reaches lo with the least excess,
  // or else the largest neighbour (fewest steps to lo). Gives a good bound for step 2.
  const starts = n <= GREEDY_STARTS ? [...Array(n).keys()] : Array.from({ length: GREEDY_STARTS }, (_, k) => Math.floor((k * n) / GREEDY_STARTS));
  const mark = new Uint8Array(n);
  for (const s of starts) {
    mark.fill(0);
    const set = [s];
    let a = area[s]!;
    mark[s] = IN;
    const frontier: number[] = [];
    const open = (v: number) => {
      for (const u of adj[v]!)
        if (mark[u] === FREE) {
          mark[u] = CAND;
          frontier.push(u);
        }
    };
    open(s);
    while (a < lo && frontier.length > 0 && a < bestArea) {
      let pick = -1, pickReach = Infinity, pickLargest = -1, largest = -1;
      frontier.forEach((u, k) => {
        const after = a + area[u]!;
        if (after >= lo && after < pickReach) {
          pickReach = after;
          pick = k;
        }
        if (area[u]! > largest) {
          largest = area[u]!;
          pickLargest = k;
        }
      });
      const k = pick >= 0 ? pick : pickLargest;
      const u = frontier[k]!;
      frontier.splice(k, 1);
      mark[u] = IN;
      set.push(u);
      a += area[u]!;
      open(u);
    }
    if (a >= lo) consider(set, a);
  }

  // 2. Branch and bound over connected sets, each enumerated once: from each root r, sets whose
  // smallest index is r; at each level a candidate is either taken (and its free neighbours
  // become candidates) or banned for the rest of that level.
  const state = new Uint8Array(n);
  const set: number[] = [];
  let steps = 0;
  let exhaustive = true;
  let freeSum = 0; // area of vertices still FREE or CAND: no set below can exceed area + freeSum

  const grow = (a: number, cand: number[]): void => {
    if (++steps > budget) {
      exhaustive = false;
      return;
    }
    if (a >= lo) {
      consider(set, a);
      return; // adding more only adds area
    }
    if (a + freeSum < lo) return;
    const banned: number[] = [];
    for (let idx = 0; idx < cand.length && exhaustive; idx++) {
      const w = cand[idx]!;
      const after = a + area[w]!;
      if (after <= bestArea) {
        state[w] = IN;
        set.push(w);
        freeSum -= area[w]!;
        const newly: number[] = [];
        for (const u of adj[w]!)
          if (state[u] === FREE) {
            state[u] = CAND;
            newly.push(u);
          }
        grow(after, newly.length ? cand.slice(idx + 1).concat(newly) : cand.slice(idx + 1));
        for (const u of newly) state[u] = FREE;
        set.pop();
        freeSum += area[w]!;
      }
      state[w] = BANNED;
      freeSum -= area[w]!;
      banned.push(w);
    }
    for (const w of banned) {
      state[w] = CAND;
      freeSum += area[w]!;
    }
  };

  for (let r = 0; r < n && exhaustive; r++) {
    // Roots below r are banned: their sets were enumerated from them.
    state.fill(FREE);
    for (let k = 0; k < r; k++) state[k] = BANNED;
    freeSum = 0;
    for (let k = r; k < n; k++) freeSum += area[k]!;
    if (area[r]! > bestArea) continue;
    state[r] = IN;
    set.length = 0;
    set.push(r);
    freeSum -= area[r]!;
    const cand: number[] = [];
    for (const u of adj[r]!)
      if (state[u] === FREE) {
        state[u] = CAND;
        cand.push(u);
      }
    grow(area[r]!, cand);
  }

  return { members: best.map((i) => members[i]!).sort((x, y) => x - y), areaM2: bestArea, exhaustive };
}
