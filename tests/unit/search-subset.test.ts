import { describe, expect, it } from "vitest";
import { AdjacencyGraph } from "@/lib/land/blocks";
import { proposeSubset } from "@/lib/search/subset";

/** A seeded generator, so a failing graph can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function graphOf(n: number, edges: [number, number][]) {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  return new AdjacencyGraph(ids, edges.map(([a, b]) => ({ a: ids[a]!, b: ids[b]! })));
}

function connected(g: AdjacencyGraph, set: number[]): boolean {
  const inSet = new Set(set);
  const seen = new Set([set[0]!]);
  const stack = [set[0]!];
  while (stack.length) {
    const v = stack.pop()!;
    for (let k = g.offsets[v]!; k < g.offsets[v + 1]!; k++) {
      const w = g.neighbours[k]!;
      if (inSet.has(w) && !seen.has(w)) {
        seen.add(w);
        stack.push(w);
      }
    }
  }
  return seen.size === set.length;
}

/** Every subset of the members: the smallest connected area >= lo. */
function bruteForce(g: AdjacencyGraph, members: number[], area: number[], lo: number): number {
  let best = Infinity;
  for (let mask = 1; mask < 1 << members.length; mask++) {
    const set = members.filter((_, i) => mask & (1 << i));
    const a = set.reduce((s, i) => s + area[i]!, 0);
    if (a >= lo && a < best && connected(g, set)) best = a;
  }
  return best;
}

/** A random connected graph: a random tree plus a few extra edges. */
function randomBlock(n: number, r: () => number) {
  const edges: [number, number][] = [];
  for (let i = 1; i < n; i++) edges.push([i, Math.floor(r() * i)]);
  for (let k = 0; k < n / 2; k++) {
    const a = Math.floor(r() * n), b = Math.floor(r() * n);
    if (a !== b) edges.push([a, b]);
  }
  const area = Array.from({ length: n }, () => Math.round(2_000 + r() * 18_000));
  return { g: graphOf(n, edges), area };
}

describe("proposeSubset", () => {
  it("takes the connected pair that fits, not the two best-sized parcels that do not touch", () => {
    // 0 - 1 - 2 - 3 in a row; 0 and 3 together would be exactly 10,000 but are not adjacent.
    const g = graphOf(4, [[0, 1], [1, 2], [2, 3]]);
    const area = [5_000, 9_000, 2_000, 5_000];
    const p = proposeSubset(g, [0, 1, 2, 3], area, 10_000)!;
    expect(p.members).toEqual([1, 2]);
    expect(p.areaM2).toBe(11_000);
    expect(p.exhaustive).toBe(true);
  });

  it("prefers a set inside the need's range and the fewest parcels on a tie", () => {
    const g = graphOf(4, [[0, 1], [1, 2], [2, 3], [0, 3]]);
    const p = proposeSubset(g, [0, 1, 2, 3], [3_000, 3_000, 6_000, 6_000], 6_000)!;
    expect(p.areaM2).toBe(6_000);
    expect(p.members).toHaveLength(1);
  });

  it("works on the block's own indices inside a larger graph and ignores non-members", () => {
    // Parcel 4 is adjacent but not a member (sold): it must not be proposed.
    const g = graphOf(5, [[0, 1], [1, 2], [2, 4], [4, 3]]);
    const p = proposeSubset(g, [0, 1, 2, 3], [4_000, 4_000, 4_000, 50_000, 1], 8_000)!;
    expect(p.members).toEqual([0, 1]);
    expect(p.areaM2).toBe(8_000);
  });

  it("answers null when the whole block is smaller than the need", () => {
    const g = graphOf(2, [[0, 1]]);
    expect(proposeSubset(g, [0, 1], [1_000, 1_000], 5_000)).toBeNull();
  });

  it("finds the minimal excess on 200 random small blocks, as brute force does, always connected", () => {
    const r = rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const n = 3 + Math.floor(r() * 10);
      const { g, area } = randomBlock(n, r);
      const members = [...Array(n).keys()];
      const total = area.reduce((s, a) => s + a, 0);
      const lo = Math.round(total * (0.1 + r() * 0.8));
      const p = proposeSubset(g, members, area, lo)!;
      expect(p.exhaustive).toBe(true);
      expect(p.areaM2).toBe(bruteForce(g, members, area, lo));
      expect(p.areaM2).toBe(p.members.reduce((s, i) => s + area[i]!, 0));
      expect(connected(g, p.members)).toBe(true);
    }
  });

  it("stays bounded on a 500-parcel block and still proposes a connected set above the need", () => {
    // 25 x 20 grid of 10,000 m² parcels with a little variation; need 60 mu = 40,000 m².
    const cols = 25, rows = 20, n = cols * rows;
    const edges: [number, number][] = [];
    for (let y = 0; y < rows; y++)
      for (let x = 0; x < cols; x++) {
        if (x + 1 < cols) edges.push([y * cols + x, y * cols + x + 1]);
        if (y + 1 < rows) edges.push([y * cols + x, (y + 1) * cols + x]);
      }
    const r = rng(5);
    const area = Array.from({ length: n }, () => 9_000 + Math.round(r() * 2_000));
    const g = graphOf(n, edges);
    const steps = { budget: 50_000 };
    const p = proposeSubset(g, [...Array(n).keys()], area, 40_000, steps.budget)!;
    expect(p.areaM2).toBeGreaterThanOrEqual(40_000);
    expect(p.areaM2).toBeLessThan(40_000 + 11_000); // never worse than one parcel too many
    expect(connected(g, p.members)).toBe(true);
    // A tiny budget still returns the greedy answer, not nothing.
    const quick = proposeSubset(g, [...Array(n).keys()], area, 40_000, 10)!;
    expect(quick.exhaustive).toBe(false);
    expect(quick.areaM2).toBeGreaterThanOrEqual(40_000);
    expect(connected(g, quick.members)).toBe(true);
  });
});
