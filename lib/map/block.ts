// GeoJSON for a block's own map: the parcels around it coloured by status, and the block's
// outline (union of its parcels) on top.
import type { ParcelStatus } from "../generated/prisma/enums";
import type { PolygonGeometry } from "../land/geometry";
import { blockOutline } from "../land/outline";
import { roundCoordinates, type LandFeature, type LandFeatureCollection } from "./features";

export function blockMapFeatures(
  blockKey: string,
  surroundings: { code: string; status: ParcelStatus; geometry: unknown }[],
  members: ReadonlySet<string>,
): LandFeatureCollection {
  const features: LandFeature[] = surroundings.map((s) => ({
    type: "Feature",
    geometry: { type: "Polygon", coordinates: roundCoordinates((s.geometry as PolygonGeometry).coordinates) },
    properties: { kind: "parcel", code: s.code, block: members.has(s.code) ? blockKey : "", page: 0, colour: "", status: s.status },
  }));
  try {
    const outline = blockOutline(surroundings.filter((s) => members.has(s.code)).map((s) => s.geometry as PolygonGeometry));
    features.push({ type: "Feature", geometry: { type: "MultiPolygon", coordinates: roundCoordinates(outline.coordinates) }, properties: { kind: "outline", block: blockKey } });
  } catch (error) {
    // Boolean ops can fail on degenerate input; the parcels still show the block, so the page
    // goes on without the outline rather than failing.
    console.warn(`block ${blockKey}: outline skipped:`, error);
  }
  return { type: "FeatureCollection", features };
}

/**
 * A parcel's own map: its neighbours by status and the parcel outlined on top (as a block of
 * one). The box query around it is capped, so the parcel is added if it is not among them.
 */
export function parcelMapFeatures<T extends { code: string; status: ParcelStatus; geometry: unknown }>(parcel: T, around: readonly T[]): { shapes: T[]; features: LandFeatureCollection } {
  const shapes = [...around.filter((p) => p.code !== parcel.code), parcel];
  return { shapes, features: blockMapFeatures(parcel.code, shapes, new Set([parcel.code])) };
}
