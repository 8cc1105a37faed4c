import { bboxOf, unionBBoxes, type PolygonGeometry } from "../land/geometry";
import { nearestOfKind } from "./distance";

// How the pages write a straight-line distance: 1 decimal under 10 km (a short hop differs by
// hundreds of metres), whole km above (the positions are only good to a few km anyway).
export function roundKm(km: number): number {
  return km < 10 ? Math.round(km * 10) / 10 : Math.round(km);
}

export function formatKm(locale: string, km: number): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-GB", { maximumFractionDigits: 1 }).format(roundKm(km));
}

/** Where a block's or parcel's distances are measured from: the middle of its box. */
export function bboxCentre([w, s, e, n]: readonly [number, number, number, number]): { lng: number; lat: number } {
  return { lng: (w + e) / 2, lat: (s + n) / 2 };
}

/** A park's location map frame: its parcels (or its centre) plus its nearest rail station and interchange. */
export function parkLocationBox(center: { lng: number; lat: number }, parcels: readonly { geometry: PolygonGeometry }[]): [number, number, number, number] {
  const near = (["rail", "expressway"] as const).map((k) => nearestOfKind(center, k)).filter((n) => n !== null);
  const points = [center, ...near.map((n) => n.point)].map((p) => [p.lng, p.lat, p.lng, p.lat]);
  return unionBBoxes([...parcels.map((p) => bboxOf(p.geometry)), ...points]);
}
