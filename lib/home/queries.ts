import type { Db } from "../db/client";
import { listHeadlineFigures, listParkCards, type FigureDto, type ParkCardDto } from "../parks/queries";
import { codeOf } from "../search/land-index";
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

/**
 * Every figure from the land index the search keeps in memory (lib/search/queries.ts): the
 * blocks are the search's own, and the available parcels, their area and the parks with land
 * are one pass over its columns. No query over parcels or adjacency per render (only the
 * index's revision check), however many parcels the province has.
 */
async function landStats(db: Db): Promise<LandStats> {
  const { result, index } = await runLandSearch(db, LARGE_BLOCK_QUERY);
  const available = codeOf.status("AVAILABLE");
  const parks = new Set<number>();
  let parcels = 0;
  let area = 0;
  for (let i = 0; i < index.size; i++) {
    if (index.status[i] !== available) continue;
    parcels += 1;
    area += index.areaM2[i]!;
    parks.add(index.park[i]!);
  }
  return { availableParcels: parcels, availableAreaM2: area, largeBlocks: result.total, largeBlocksAreaM2: result.totalAreaM2, parksWithLand: parks.size };
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
