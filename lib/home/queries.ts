import type { Db } from "../db/client";
import { listHeadlineFigures, listParkCards, type FigureDto, type ParkCardDto } from "../parks/queries";
import { runLandSearch } from "../search/queries";
import { landSearchSchema, toSearchParams, type LandSearchQuery } from "../search/schemas";

/** The home page's "large block": what an investor finds searching for this many mu or more. */
export const LARGE_BLOCK_MU = 500;

/** The land search the large-block figure is: the same query /zh/search?minArea=500 runs. */
export const LARGE_BLOCK_QUERY: LandSearchQuery = landSearchSchema.parse({ minArea: String(LARGE_BLOCK_MU) });

/** The search page's query string for that figure, so the number links to the blocks it counts. */
export const largeBlockSearch = (): string => toSearchParams(LARGE_BLOCK_QUERY).toString();

/** City-wide land figures computed live from the parcels. */
export interface LandStats {
  availableParcels: number;
  availableAreaM2: number;
  /** the land search's own count for LARGE_BLOCK_QUERY: contiguous available blocks of at least LARGE_BLOCK_MU */
  largeBlocks: number;
  /** their area together, as the search page's summary gives it */
  largeBlocksAreaM2: number;
  parksWithLand: number;
}

async function landStats(db: Db): Promise<LandStats> {
  const [available, parks, search] = await Promise.all([
    db.parcel.aggregate({ where: { status: "AVAILABLE" }, _count: { _all: true }, _sum: { areaM2: true } }),
    db.parcel.groupBy({ by: ["parkId"], where: { status: "AVAILABLE" } }),
    runLandSearch(db, LARGE_BLOCK_QUERY),
  ]);
  return {
    availableParcels: available._count._all,
    availableAreaM2: available._sum.areaM2 ?? 0,
    largeBlocks: search.result.total,
    largeBlocksAreaM2: search.result.totalAreaM2,
    parksWithLand: parks.length,
  };
}

export interface HomePageData {
  figures: FigureDto[];
  land: LandStats;
  parks: ParkCardDto[];
}

/** Everything the home page shows, in one round of parallel queries. */
export async function getHomePageData(db: Db): Promise<HomePageData> {
  const [figures, land, parks] = await Promise.all([listHeadlineFigures(db), landStats(db), listParkCards(db)]);
  return { figures, land, parks };
}
