// The sheet's map as vectors: parcel outlines projected to ground metres around the focus, so
// the PDF draws them at a true scale (one scale bar, north up). Pure.
import { bboxOf, makeLocalProjection, unionBBoxes, type PolygonGeometry } from "../land/geometry";

export interface MapShape {
  geometry: PolygonGeometry;
  /** the sheet's subject (block members, the parcel, a park's available land) */
  highlight: boolean;
  illustrative: boolean;
}

export interface SheetMap {
  /** rings in metres, x east and y north, from the view's south-west corner */
  shapes: { rings: [number, number][][]; highlight: boolean }[];
  widthM: number;
  heightM: number;
  /** a round length for the scale bar, about a quarter of the width */
  scaleBarM: number;
  scaleBarLabel: string;
  illustrative: boolean;
}

/** 1, 2 or 5 × 10^n, the largest not above `max`. */
export function niceLength(max: number): number {
  if (!(max > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [5, 2, 1]) if (m * p <= max) return m * p;
  return p;
}

export function scaleLabel(metres: number, locale: "zh" | "en"): string {
  if (metres >= 1000) return locale === "zh" ? `${metres / 1000}公里` : `${metres / 1000} km`;
  return locale === "zh" ? `${metres}米` : `${metres} m`;
}

/**
 * The view frames the highlighted shapes with a margin (neighbours beyond it are still drawn
 * and clipped by the renderer), or every shape (a park's whole plan); null when there is
 * nothing to draw.
 */
export function sheetMap(shapes: MapShape[], locale: "zh" | "en", frame: "highlighted" | "all" = "highlighted", marginFraction = 0.15): SheetMap | null {
  const focus = frame === "all" ? shapes : shapes.filter((s) => s.highlight);
  const framed = focus.length ? focus : shapes;
  if (framed.length === 0) return null;
  const box = unionBBoxes(framed.map((s) => bboxOf(s.geometry)));
  const proj = makeLocalProjection([box[0], box[1]]);
  const [x1, y1] = proj.toXY([box[2], box[3]]);
  const margin = Math.max(x1, y1, 50) * marginFraction;
  const widthM = x1 + 2 * margin;
  const heightM = y1 + 2 * margin;
  const toView = (p: readonly [number, number]): [number, number] => {
    const [x, y] = proj.toXY(p);
    return [x + margin, y + margin];
  };
  const scaleBarM = niceLength(widthM / 4);
  return {
    shapes: shapes.map((s) => ({ rings: s.geometry.coordinates.map((ring) => ring.map(toView)), highlight: s.highlight })),
    widthM,
    heightM,
    scaleBarM,
    scaleBarLabel: scaleLabel(scaleBarM, locale),
    illustrative: shapes.some((s) => s.illustrative),
  };
}
