// Land search reads on the app's client, for pages and route handlers (which never hold the client).
import "server-only";
import { db } from "../db";
import { landMapData } from "./map";
import { listSearchOptions } from "./options";
import { diagnoseLandSearch, findLandBlock, lookupLandBlock, runLandSearch } from "./queries";
import type { LandSearchQuery } from "./schemas";
import { landTile } from "./tiles";
import type { TileCoord } from "../map/tile-math";

export const loadSearchOptions = () => listSearchOptions(db());
export const searchLandBlocks = (q: LandSearchQuery) => runLandSearch(db(), q);
export const loadLandBlock = (q: LandSearchQuery, code: string) => findLandBlock(db(), q, code);
export const lookupLandBlockByKey = (q: LandSearchQuery, key: string) => lookupLandBlock(db(), q, key);
export const loadLandMap = (q: LandSearchQuery) => landMapData(db(), q);
export const diagnoseEmptySearch = (q: LandSearchQuery) => diagnoseLandSearch(db(), q);
export const loadLandTile = (q: LandSearchQuery, tile: TileCoord) => landTile(db(), q, tile);
