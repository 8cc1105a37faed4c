import { describe, expect, it } from "vitest";
import { spreadOffsets } from "@/lib/map/spread";

describe("spreading overlapping markers", () => {
  it("leaves markers apart from each other where they are", () => {
    const out = spreadOffsets([{ id: "a", x: 0, y: 0 }, { id: "b", x: 100, y: 0 }], 26);
    expect(out.get("a")).toEqual([0, 0]);
    expect(out.get("b")).toEqual([0, 0]);
  });

  it("puts two markers on one spot 26 px apart, one above the other", () => {
    const out = spreadOffsets([{ id: "a", x: 50, y: 50 }, { id: "b", x: 50, y: 50 }], 26);
    expect(out.get("a")).toEqual([0, -13]);
    expect(out.get("b")).toEqual([0, 13]);
  });

  it("spreads a chain of neighbours as one group, every pair at least minPx apart", () => {
    const pts = [{ id: "a", x: 0, y: 0 }, { id: "b", x: 10, y: 0 }, { id: "c", x: 20, y: 0 }, { id: "d", x: 30, y: 5 }];
    const out = spreadOffsets(pts, 26);
    const placed = pts.map((p) => [p.x + out.get(p.id)![0], p.y + out.get(p.id)![1]] as const);
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) expect(Math.hypot(placed[i]![0] - placed[j]![0], placed[i]![1] - placed[j]![1])).toBeGreaterThanOrEqual(25);
  });
});
