// The search results map: every matching block city-wide, not only the listed page. Each block
// has a point (numbered like the list when it is on the listed page) for the city-wide view, and
// its parcels drawn, strong on the listed page and pale otherwise, up to a polygon budget: past
// it the lowest-ranked blocks are points only, so a city-scale search sends a map-sized payload.
import type { Db } from "../db/client";
import { unionBBoxes, type PolygonGeometry } from "../land/geometry";
import { getParcelShapesByCodes } from "../land/queries";
import { BLOCK_COLOURS } from "../map/colours";
import { roundCoordinates, type LandFeature, type LandFeatureCollection } from "../map/features";
import type { LandIndex } from "./land-index";
import { getLandIndex, todayDay } from "./queries";
import { PAGE_SIZE, type LandSearchQuery } from "./schemas";
import { clampPage, rankBlocks, type Candidate } from "./search";

/** Parcel polygons a results map draws before it switches to points. */
export const MAP_PARCEL_BUDGET = 5_000;
/** Blocks drawn as a point only, past which the rest are counted, not sent (parcels view at city scale). */
export const MAP_POINT_BUDGET = 5_000;

export interface MapPlan {
  /** ranks (0-based, in result order) of blocks drawn parcel by parcel */
  polygons: number[];
  /** ranks of blocks drawn as a single point */
  points: number[];
  /** blocks past both budgets: counted on the page, not on the map */
  hidden: number;
  /** rank of the first block on the listed page */
  pageStart: number;
  pageEnd: number;
}

/**
 * Which blocks get polygons: the listed page's blocks always do, then the others in rank order
 * while the parcel budget lasts (a block is never drawn half); the next ones get a point while
 * the point budget lasts.
 */
export function planMap(
  ranked: Pick<Candidate, "members">[],
  page: number,
  budget = MAP_PARCEL_BUDGET,
  pageSize = PAGE_SIZE,
  pointBudget = MAP_POINT_BUDGET,
): MapPlan {
  const pageStart = (page - 1) * pageSize;
  const pageEnd = Math.min(ranked.length, page * pageSize);
  const polygons: number[] = [];
  const points: number[] = [];
  let used = 0, hidden = 0;
  for (let r = pageStart; r < pageEnd; r++) {
    polygons.push(r);
    used += ranked[r]!.members.length;
  }
  for (let r = 0; r < ranked.length; r++) {
    if (r >= pageStart && r < pageEnd) continue;
    const n = ranked[r]!.members.length;
    if (used + n <= budget) {
      polygons.push(r);
      used += n;
    } else if (points.length < pointBudget) {
      points.push(r);
    } else {
      hidden++;
    }
  }
  return { polygons, points, hidden, pageStart, pageEnd };
}

function blockCentre(index: LandIndex, members: number[]): [number, number] {
  const [minLng, minLat, maxLng, maxLat] = unionBBoxes(members.map((i) => index.bbox.subarray(i * 4, i * 4 + 4)));
  return roundCoordinates([(minLng + maxLng) / 2, (minLat + maxLat) / 2]);
}

/** GeoJSON for the results map of a search (page = the listed page, for highlighting). */
export async function landMapData(
  db: Db,
  q: LandSearchQuery,
  budget: { parcels: number; points: number } = { parcels: MAP_PARCEL_BUDGET, points: MAP_POINT_BUDGET },
  now = new Date(),
): Promise<LandFeatureCollection> {
  const { index, ctx, revision } = await getLandIndex(db);
  const { ranked } = rankBlocks(index, q, { ...ctx, today: todayDay(now) });
  const plan = planMap(ranked, clampPage(q, ranked.length).page, budget.parcels, PAGE_SIZE, budget.points);
  const onPage = (r: number) => r >= plan.pageStart && r < plan.pageEnd;
  const keyOf = (r: number) => index.codes[ranked[r]!.members[0]!]!;
  const blockOfCode = new Map<string, number>();
  for (const r of plan.polygons) for (const i of ranked[r]!.members) blockOfCode.set(index.codes[i]!, r);
  const shapes = await getParcelShapesByCodes(db, [...blockOfCode.keys()]);
  const features: LandFeature[] = shapes.map((s) => {
    const r = blockOfCode.get(s.code)!;
    const geometry = s.geometry as unknown as PolygonGeometry;
    return {
      type: "Feature",
      geometry: { type: "Polygon", coordinates: roundCoordinates(geometry.coordinates) },
      properties: {
        kind: "parcel",
        code: s.code,
        block: keyOf(r),
        page: onPage(r) ? 1 : 0,
        // Colours follow list order on the page, so card n and its shape match.
        colour: onPage(r) ? BLOCK_COLOURS[(r - plan.pageStart) % BLOCK_COLOURS.length]! : "",
      },
    };
  });
  // A point per block: numbered for the listed page, the only shape of blocks past the polygon
  // budget, and in the blocks view a city-scale dot for the others (a parcel alone is its dot).
  const pointRanks = [...plan.polygons.filter((r) => onPage(r) || q.view === "blocks"), ...plan.points];
  const drawn = new Set(plan.polygons);
  for (const r of pointRanks) {
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: blockCentre(index, ranked[r]!.members) },
      properties: {
        kind: "point",
        block: keyOf(r),
        code: keyOf(r),
        page: onPage(r) ? 1 : 0,
        label: onPage(r) ? r - plan.pageStart + 1 : 0,
        areaM2: Math.round(ranked[r]!.areaM2),
        polygons: drawn.has(r) ? 1 : 0,
      },
    });
  }
  return { type: "FeatureCollection", features, pointBlocks: plan.points.length, hiddenBlocks: plan.hidden, revision: String(revision) };
}
