// Land search reads on the app's client, for pages and route handlers (which never hold the client).
import "server-only";
import { cache } from "react";
import { db } from "../db";
import { landMapData } from "./map";
import { listSearchOptions } from "./options";
import { diagnoseLandSearch, findLandBlock, lookupLandBlock, runLandSearch } from "./queries";
import { toSearchParams, type LandSearchQuery } from "./schemas";
import type { BlockLookup } from "./search";
import { landTile } from "./tiles";
import type { TileCoord } from "../map/tile-math";

export const loadSearchOptions = () => listSearchOptions(db());
export const searchLandBlocks = (q: LandSearchQuery) => runLandSearch(db(), q);
export const loadLandBlock = (q: LandSearchQuery, code: string) => findLandBlock(db(), q, code);
// The block page's generateMetadata and the page itself look the same block up: one lookup per
// request, keyed by the query as its URL reads (React's cache() alone would key by the
// object's identity, and each caller parses its own).
const blockLookups = cache(() => new Map<string, Promise<BlockLookup>>());
export const lookupLandBlockByKey = (q: LandSearchQuery, key: string): Promise<BlockLookup> => {
  const lookups = blockLookups();
  const id = `${toSearchParams(q).toString()}#${key}`;
  let found = lookups.get(id);
  if (!found) lookups.set(id, (found = lookupLandBlock(db(), q, key)));
  return found;
};
export const loadLandMap = (q: LandSearchQuery) => landMapData(db(), q);
export const diagnoseEmptySearch = (q: LandSearchQuery) => diagnoseLandSearch(db(), q);
export const loadLandTile = (q: LandSearchQuery, tile: TileCoord) => landTile(db(), q, tile);
