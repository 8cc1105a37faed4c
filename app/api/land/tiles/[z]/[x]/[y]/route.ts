// Vector tiles (MVT) of the search results map, with the same query string as the search page
// plus `rev`, the land revision the page was built from: the matching parcels' polygons from
// zoom 14 (lib/map/tile-math.ts), clusters of matching blocks below. Cut from our own data
// (lib/search/tiles.ts): no tile server. A tile with nothing in it is an empty 200.
import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { parseTileCoord } from "@/lib/map/tile-math";
import { loadLandTile } from "@/lib/search/loaders";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { apiLocale, localizedFieldErrors } from "@/lib/validation/localized-errors";
import { readOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: NextRequest, { params }: RouteContext<"/api/land/tiles/[z]/[x]/[y]">) {
  const coord = parseTileCoord(await params);
  if (!coord.ok) return NextResponse.json({ error: "invalid tile", message: coord.message }, { status: 400, headers: { "Cache-Control": "no-store" } });
  const parsed = landSearchSchema.safeParse(searchParamsToObject(request.nextUrl.searchParams));
  if (!parsed.success) {
    // As the GeoJSON map route: per parameter, what to tell a person, and the message keys.
    const codes = fieldErrorsOf(parsed.error);
    const locale = apiLocale(request.nextUrl.searchParams, request.headers.get("accept-language"));
    return NextResponse.json({ error: "invalid search", locale, fields: localizedFieldErrors(codes, locale), codes }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  let tile: Awaited<ReturnType<typeof loadLandTile>>;
  try {
    tile = await loadLandTile(parsed.data, coord.tile);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
  // Asked with the revision the page was built from and still current: this URL's answer does
  // not change, so the browser keeps it (panning back costs nothing). After a write the page's
  // `rev` is stale: answer from the current land, uncached.
  const current = request.nextUrl.searchParams.get("rev") === tile.revision;
  return new NextResponse(tile.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": "application/x-protobuf",
      "Cache-Control": current ? "private, max-age=3600" : "no-store",
      "X-Land-Revision": tile.revision,
    },
  });
}
