// The SVG site plan's outlines are screen pixels (non-scaling stroke): they must stay hairlines
// whatever the size of the park in metres.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SitePlan, type PlanParcel } from "../../components/site-plan";
import { rect } from "./fixtures/land-grid";

/** A row of `n` parcels 100 m wide: n = 40 is a park 4 km across. */
function row(n: number, highlighted: (i: number) => boolean | undefined): PlanParcel[] {
  return Array.from({ length: n }, (_, i) => ({
    code: `P-${i}`,
    status: "AVAILABLE" as const,
    geometry: rect(i * 100, 0, 100, 300),
    highlighted: highlighted(i),
  }));
}

function strokes(parcels: PlanParcel[]): { width: number; nonScaling: boolean }[] {
  const html = renderToStaticMarkup(
    createElement(SitePlan, { parcels, statusLabel: (s: string) => s, title: "plan", legendTitle: "Status", note: "" }),
  );
  return [...html.matchAll(/<path[^>]*>/g)].map(([tag]) => ({
    width: Number(/stroke-width="([^"]+)"/.exec(tag)?.[1]),
    nonScaling: tag.includes('vector-effect="non-scaling-stroke"'),
  }));
}

describe("SitePlan outlines", () => {
  it("draws a park 4 km across (every parcel highlighted, as the park page does) with 1 px hairlines", () => {
    const s = strokes(row(40, () => true));
    expect(s).toHaveLength(40);
    expect(new Set(s.map((x) => x.width))).toEqual(new Set([1]));
    expect(s.every((x) => x.nonScaling)).toBe(true);
  });

  it("keeps the same widths for a plan of 400 m and one of 40 km", () => {
    for (const n of [4, 400]) expect(new Set(strokes(row(n, () => true)).map((x) => x.width)), `${n} parcels`).toEqual(new Set([1]));
  });

  it("outlines the parcel a page is about with 2 px and its faded neighbours with 1 px", () => {
    const s = strokes(row(30, (i) => i === 7));
    expect(s[7]!.width).toBe(2);
    expect(s.filter((_, i) => i !== 7).every((x) => x.width === 1)).toBe(true);
  });
});
