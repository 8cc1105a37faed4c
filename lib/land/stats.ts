// City-wide land figures computed live from parcels and their stored adjacency.
import type { Db } from "../db/client";
import { contiguousBlocks } from "./blocks";
import { muToM2 } from "./units";

export const LARGE_BLOCK_MU = 500;

export interface LandStats {
  availableParcels: number;
  availableAreaM2: number;
  /** contiguous blocks of available parcels of at least LARGE_BLOCK_MU */
  largeBlocks: number;
  parksWithLand: number;
}

export async function availableLandStats(db: Db): Promise<LandStats> {
  const [parcels, edges, parks] = await Promise.all([
    db.parcel.findMany({ where: { status: "AVAILABLE" }, select: { id: true, areaM2: true } }),
    db.parcelAdjacency.findMany({
      where: { parcelA: { status: "AVAILABLE" }, parcelB: { status: "AVAILABLE" } },
      select: { parcelAId: true, parcelBId: true },
    }),
    db.parcel.groupBy({ by: ["parkId"], where: { status: "AVAILABLE" } }),
  ]);
  const area = new Map(parcels.map((p) => [p.id, p.areaM2]));
  const blocks = contiguousBlocks(
    parcels.map((p) => p.id),
    edges.map((e) => ({ a: e.parcelAId, b: e.parcelBId })),
  );
  const threshold = muToM2(LARGE_BLOCK_MU);
  const largeBlocks = blocks.filter(
    (members) => members.reduce((sum, id) => sum + (area.get(id) ?? 0), 0) >= threshold,
  ).length;
  return {
    availableParcels: parcels.length,
    availableAreaM2: parcels.reduce((sum, p) => sum + p.areaM2, 0),
    largeBlocks,
    parksWithLand: parks.length,
  };
}
