import type { Db } from "../db/client";
import { availableLandStats, type LandStats } from "../land/stats";
import { listHeadlineFigures, listParkCards, type FigureDto, type ParkCardDto } from "../parks/queries";

export interface HomePageData {
  figures: FigureDto[];
  land: LandStats;
  parks: ParkCardDto[];
}

/** Everything the home page shows, in one round of parallel queries. */
export async function getHomePageData(db: Db): Promise<HomePageData> {
  const [figures, land, parks] = await Promise.all([listHeadlineFigures(db), availableLandStats(db), listParkCards(db)]);
  return { figures, land, parks };
}
