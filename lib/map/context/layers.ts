// MapLibre layers of the offline context (county lines, coastline) and the logistics symbols'
// look. Drawn under the land: a parcel is never hidden by a county line.
import type { LayerSpecification } from "maplibre-gl";
import type { LogisticsKind } from "../../location/distance";

export const CONTEXT_SOURCE = "context";

/**
 * Past zoom 13 the map is at block scale, finer than the boundaries are good for (~100 m after
 * simplification, AMap's own error, Natural Earth's 1:10m coast): a line there would cut through
 * a block that it does not really cross, so the context stops at that zoom.
 */
const CONTEXT_MAX_ZOOM = 13;

export function contextLayers(): LayerSpecification[] {
  return ([
    {
      id: "context-county-fill",
      type: "fill",
      source: CONTEXT_SOURCE,
      filter: ["==", ["get", "kind"], "county"],
      // Jiangmen a shade lighter than its neighbours, fading out where parcels take over.
      paint: { "fill-color": "#ffffff", "fill-opacity": ["interpolate", ["linear"], ["zoom"], 8, 0.6, 13, 0] },
    },
    {
      id: "context-county-line",
      type: "line",
      source: CONTEXT_SOURCE,
      filter: ["==", ["get", "kind"], "county"],
      paint: { "line-color": "#78716c", "line-width": ["interpolate", ["linear"], ["zoom"], 8, 0.8, 13, 1.5], "line-dasharray": [3, 2] },
    },
    {
      id: "context-coast",
      type: "line",
      source: CONTEXT_SOURCE,
      filter: ["==", ["get", "kind"], "coast"],
      paint: { "line-color": "#3b82f6", "line-width": ["interpolate", ["linear"], ["zoom"], 8, 1, 13, 2], "line-opacity": 0.8 },
    },
  ] as LayerSpecification[]).map((l) => ({ ...l, maxzoom: CONTEXT_MAX_ZOOM }) as LayerSpecification);
}

/** One look per kind, shared by the map symbols and the legend: colour, shape and a letter. */
export const LOGISTICS_STYLE: Record<LogisticsKind, { colour: string; shape: "square" | "circle" | "diamond"; zh: string; en: string }> = {
  port: { colour: "#1d4ed8", shape: "square", zh: "港", en: "P" },
  airport: { colour: "#7e22ce", shape: "circle", zh: "机", en: "A" },
  rail: { colour: "#b91c1c", shape: "square", zh: "铁", en: "R" },
  expressway: { colour: "#b45309", shape: "diamond", zh: "互", en: "E" },
  crossing: { colour: "#0e7490", shape: "circle", zh: "桥", en: "C" },
};

export const LOGISTICS_SHAPE_CLASS = { square: "rounded-sm", circle: "rounded-full", diamond: "rotate-45 rounded-sm" } as const;
