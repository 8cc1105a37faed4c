// A geometry's stored columns: area, bbox and centroid are always recomputed from it.
import type { Prisma } from "../generated/prisma/client";
import { bboxOf, centroidOf, polygonAreaM2, type PolygonGeometry } from "../land/geometry";

export function shapeColumns(g: PolygonGeometry) {
  const [minLng, minLat, maxLng, maxLat] = bboxOf(g);
  const [centroidLng, centroidLat] = centroidOf(g);
  return { geometry: g as unknown as Prisma.InputJsonValue, geometryIllustrative: false, areaM2: polygonAreaM2(g), minLng, minLat, maxLng, maxLat, centroidLng, centroidLat };
}
