import { describe, it, expect } from "vitest";
import { AdjacencyGraph, blockAreaM2, contiguousBlocks } from "../../lib/land/blocks";

const row5 = ["p0", "p1", "p2", "p3", "p4"];
const rowEdges = [
  { a: "p0", b: "p1" },
  { a: "p1", b: "p2" },
  { a: "p2", b: "p3" },
  { a: "p3", b: "p4" },
];

describe("AdjacencyGraph", () => {
  it("stores neighbours in CSR form", () => {
    const g = new AdjacencyGraph(row5, rowEdges);
    expect(g.size).toBe(5);
    expect(Array.from(g.offsets)).toEqual([0, 1, 3, 5, 7, 8]);
    expect(Array.from(g.neighbours.subarray(g.offsets[2]!, g.offsets[3]!)).sort()).toEqual([1, 3]);
    expect(g.indexOf("p3")).toBe(3);
    expect(g.indexOf("nope")).toBeUndefined();
  });

  it("splits a row of 5 in two when the middle parcel is excluded", () => {
    const g = new AdjacencyGraph(row5, rowEdges);
    expect(g.components()).toEqual([[0, 1, 2, 3, 4]]);
    expect(g.components((i) => i !== 2)).toEqual([[0, 1], [3, 4]]);
    expect(g.components(Uint8Array.from([1, 1, 0, 1, 1]))).toEqual([[0, 1], [3, 4]]);
  });

  it("returns no blocks when everything is excluded", () => {
    const g = new AdjacencyGraph(row5, rowEdges);
    expect(g.components(() => false)).toEqual([]);
    expect(g.components(new Uint8Array(5))).toEqual([]);
    expect(new AdjacencyGraph([], []).components()).toEqual([]);
  });

  it("makes an isolated parcel a block of one", () => {
    const g = new AdjacencyGraph(["a", "b", "c"], [{ a: "a", b: "c" }]);
    expect(g.components()).toEqual([[0, 2], [1]]);
    // A parcel whose only neighbour is filtered out is also alone.
    expect(g.components((i) => i !== 2)).toEqual([[0], [1]]);
  });

  it("orders blocks by smallest member index and members ascending", () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const edges = [{ a: "f", b: "b" }, { a: "e", b: "a" }, { a: "d", b: "f" }];
    const g = new AdjacencyGraph(ids, edges);
    expect(g.components()).toEqual([[0, 4], [1, 3, 5], [2]]);
    expect(new AdjacencyGraph(ids, [...edges].reverse()).components()).toEqual(g.components());
  });

  it("labels components without building groups", () => {
    const g = new AdjacencyGraph(row5, rowEdges);
    const { labels, count } = g.label(Uint8Array.from([1, 0, 1, 1, 0]));
    expect(count).toBe(2);
    expect(Array.from(labels)).toEqual([0, -1, 1, 1, -1]);
  });

  it("ignores edges to unknown ids, self-loops and duplicates; rejects duplicate ids", () => {
    const g = new AdjacencyGraph(["a", "b"], [{ a: "a", b: "zz" }, { a: "a", b: "a" }, { a: "a", b: "b" }, { a: "b", b: "a" }]);
    expect(g.components()).toEqual([[0, 1]]);
    expect(() => new AdjacencyGraph(["a", "a"], [])).toThrow(/unique/);
  });
});

describe("contiguousBlocks and blockAreaM2", () => {
  it("groups ids into blocks", () => {
    const ids = ["x", ...row5, "y"];
    expect(contiguousBlocks(ids, [...rowEdges, { a: "y", b: "x" }])).toEqual([["x", "y"], row5]);
    expect(contiguousBlocks(["solo"], [])).toEqual([["solo"]]);
  });

  it("sums member areas", () => {
    expect(blockAreaM2([10_000, 2_500.5])).toBe(12_500.5);
    expect(blockAreaM2(Float64Array.from([1, 2, 3]))).toBe(6);
    expect(blockAreaM2([])).toBe(0);
  });
});
