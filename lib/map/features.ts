// The GeoJSON our maps draw: one shape per parcel, block outlines, and one point per result
// block (the only thing drawn for blocks past the polygon budget). The `kind` property picks the layer (see style.ts).
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "geojson";
import type { ParcelStatus } from "../generated/prisma/enums";

export interface ParcelProps {
  kind: "parcel";
  code: string;
  /** key of the result block the parcel belongs to ("" when it is only context) */
  block: string;
  /** 1 when the block is on the listed results page */
  page: 0 | 1;
  colour: string;
  status?: ParcelStatus;
}
export interface OutlineProps {
  kind: "outline";
  block: string;
}
/** One per result block, at its centre: what the city-wide view shows when parcels are specks. */
export interface BlockPointProps {
  kind: "point";
  block: string;
  code: string;
  page: 0 | 1;
  /** position in the listed page (1-based, as numbered in the list); 0 off the page */
  label: number;
  areaM2: number;
  /** 1 when the block's parcels are drawn too, 0 when the polygon budget ran out */
  polygons: 0 | 1;
}

export type LandFeature = Feature<Polygon, ParcelProps> | Feature<MultiPolygon, OutlineProps> | Feature<Point, BlockPointProps>;
export interface LandFeatureCollection extends FeatureCollection<Polygon | MultiPolygon | Point, ParcelProps | OutlineProps | BlockPointProps> {
  features: LandFeature[];
  /** blocks drawn as points because the polygon budget ran out */
  pointBlocks?: number;
  /** blocks past the point budget too: in the list, not on the map */
  hiddenBlocks?: number;
  /** the land revision the data was built from */
  revision?: string;
}

/** 6 decimals of a degree is about 0.1 m: plenty for a map, and a third of the bytes. */
export function roundCoordinates<T>(coords: T): T {
  if (typeof coords === "number") return (Math.round(coords * 1e6) / 1e6) as T;
  return (coords as unknown[]).map(roundCoordinates) as T;
}
