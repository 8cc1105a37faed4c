// A block's outline: the union of its parcels, drawn as one heavy line around the block on
// its map. polyclip-ts (the engine behind @turf/union) does the boolean union robustly.
import { union, type Geom } from "polyclip-ts";
import type { PolygonGeometry } from "./geometry";

export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: [number, number][][][];
}

export function blockOutline(parcels: PolygonGeometry[]): MultiPolygonGeometry {
  if (parcels.length === 0) return { type: "MultiPolygon", coordinates: [] };
  const [first, ...rest] = parcels.map((p) => p.coordinates as Geom);
  return { type: "MultiPolygon", coordinates: union(first!, ...rest) as [number, number][][][] };
}
