// MapLibre style for our land maps, shared by the map component and the map benchmark.
// No tile server is needed: the base is a plain background, and a raster base map is added
// only when MAP_TILE_URL is configured. Our data comes in one GeoJSON source, "land".
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import { STATUS_COLOURS, OTHER_RESULT_COLOUR, OUTLINE_COLOUR } from "./colours";
import { CLUSTER_LAYER, PARCEL_LAYER, SOURCE_MAX_ZOOM } from "./tile-math";

export const LAND_SOURCE = "land";
/** The results map's vector tiles (app/api/land/tiles), when the map is tiled. */
export const LAND_TILES = "land-tiles";

/**
 * Stacking of what lies on the map (all HTML in MapLibre's marker layer, so DOM order alone
 * would decide, and labels re-added on zoom ended up over the markers): place labels lowest,
 * then logistics symbols, result markers and the highlighted marker. The marker layer is its
 * own stacking context (components/land-map.tsx), so the popup, drawn after it, lies above all of them.
 */
export const MAP_Z = { label: "0", logistics: "1", marker: "2", markerOn: "3" } as const;

export function baseStyle(tileUrl?: string): StyleSpecification {
  return {
    version: 8,
    sources: tileUrl ? { base: { type: "raster", tiles: [tileUrl], tileSize: 256 } } : {},
    layers: [
      { id: "background", type: "background", paint: { "background-color": "#f5f5f4" } },
      ...(tileUrl ? [{ id: "base", type: "raster" as const, source: "base" }] : []),
    ],
  };
}

const isKind = (kind: string): ExpressionSpecification => ["==", ["get", "kind"], kind];
const statusColour: ExpressionSpecification = [
  "match",
  ["get", "status"],
  ...Object.entries(STATUS_COLOURS).flat(),
  STATUS_COLOURS.NOT_OFFERED,
] as unknown as ExpressionSpecification;

/** Results: the listed page's blocks in their list colours, every other match pale. */
const RESULTS_FILL: ExpressionSpecification = ["case", ["==", ["get", "page"], 1], ["get", "colour"], OTHER_RESULT_COLOUR];
const PARCEL_LINE = { "line-color": "#0b604a", "line-width": ["interpolate", ["linear"], ["zoom"], 10, 0.2, 15, 1] as ExpressionSpecification };

/** Layers clicked to open a block or parcel. */
export const CLICKABLE_LAYERS = ["land-fill", "land-points", "land-dots"];
/** The same on the tiled results map: parcels, and the clusters below the polygon zoom. */
export const TILED_CLICKABLE_LAYERS = ["land-fill", "land-clusters"];

/**
 * "results": every matching block, the listed page's blocks in strong colours, the rest pale,
 * blocks past the polygon budget as points. "context": parcels around a block or parcel by
 * status, with the block's outline on top.
 */
export function landLayers(variant: "results" | "context"): LayerSpecification[] {
  const fill: ExpressionSpecification = variant === "results" ? RESULTS_FILL : statusColour;
  return [
    { id: "land-fill", type: "fill", source: LAND_SOURCE, filter: isKind("parcel"), paint: { "fill-color": fill, "fill-opacity": 0.75 } },
    {
      id: "land-line",
      type: "line",
      source: LAND_SOURCE,
      filter: isKind("parcel"),
      paint: PARCEL_LINE,
    },
    { id: "land-outline", type: "line", source: LAND_SOURCE, filter: isKind("outline"), paint: { "line-color": OUTLINE_COLOUR, "line-width": 3 } },
    // Blocks off the listed page as dots: always for those past the polygon budget, and only
    // at city scale (where a parcel is a speck) for those whose parcels are drawn. The listed
    // page's blocks get numbered HTML markers instead (see land-map.tsx).
    blockDots("land-points", ["all", isKind("point"), ["==", ["get", "page"], 0], ["==", ["get", "polygons"], 0]]),
    { ...blockDots("land-dots", ["all", isKind("point"), ["==", ["get", "page"], 0], ["==", ["get", "polygons"], 1]]), maxzoom: 12 },
  ];
}

function blockDots(id: string, filter: ExpressionSpecification): LayerSpecification {
  return {
    id,
    type: "circle",
    source: LAND_SOURCE,
    filter,
    paint: {
      "circle-color": OTHER_RESULT_COLOUR,
      "circle-stroke-color": "#0b604a",
      "circle-stroke-width": 1,
      // Radius grows with the block's area so large blocks stand out at city scale.
      "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "areaM2"]], 0, 3, 1500, 10],
    },
  };
}

/** The vector source of the tiled results map (`tiles`: an absolute URL template with {z}/{x}/{y}). */
export function landTileSource(tiles: string) {
  return { type: "vector" as const, tiles: [tiles], minzoom: 0, maxzoom: SOURCE_MAX_ZOOM };
}

/**
 * The tiled results map: the same parcel layers (ids and paint) as "results", from the tiles'
 * parcel layer, and below the polygon zoom one dot per cluster of matching blocks, growing with
 * their area (every matching block is in one: nothing is left off at city scale).
 */
export function tiledLandLayers(): LayerSpecification[] {
  const tiles = { source: LAND_TILES, "source-layer": PARCEL_LAYER };
  return [
    { id: "land-fill", type: "fill", ...tiles, paint: { "fill-color": RESULTS_FILL, "fill-opacity": 0.75 } },
    { id: "land-line", type: "line", ...tiles, paint: PARCEL_LINE },
    {
      id: "land-clusters",
      type: "circle",
      source: LAND_TILES,
      "source-layer": CLUSTER_LAYER,
      paint: {
        "circle-color": OTHER_RESULT_COLOUR,
        "circle-stroke-color": "#0b604a",
        "circle-stroke-width": 1,
        "circle-opacity": 0.85,
        "circle-radius": ["interpolate", ["linear"], ["sqrt", ["get", "areaM2"]], 0, 3, 500, 8, 5000, 22],
      },
    },
  ];
}
