// The listed page's numbered points for the tiled results map: the tiles draw all the land, so
// the map's GeoJSON only needs a point per card (at its block's box centre, as lib/search/map.ts
// places them), built from the search the page already ran: no second request, no polygons.
import { roundCoordinates, type LandFeature, type LandFeatureCollection } from "./features";

export function pagePoints(results: readonly { key: string; bbox: [number, number, number, number]; areaM2: number }[], revision?: string): LandFeatureCollection {
  const features: LandFeature[] = results.map((b, i) => ({
    type: "Feature",
    geometry: { type: "Point", coordinates: roundCoordinates([(b.bbox[0] + b.bbox[2]) / 2, (b.bbox[1] + b.bbox[3]) / 2]) },
    properties: { kind: "point", block: b.key, code: b.key, page: 1, label: i + 1, areaM2: Math.round(b.areaM2), polygons: 1 },
  }));
  return { type: "FeatureCollection", features, ...(revision === undefined ? {} : { revision }) };
}
