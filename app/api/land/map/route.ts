// GeoJSON for the search results map, with the same query string as the search page. Kept out
// of the page's HTML so the list renders at once and the map data (up to a few thousand
// polygons) loads only where a map is shown.
import { NextResponse, type NextRequest } from "next/server";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { loadLandMap } from "@/lib/search/loaders";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { apiLocale, localizedFieldErrors } from "@/lib/validation/localized-errors";
import { readOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: NextRequest) {
  const parsed = landSearchSchema.safeParse(searchParamsToObject(request.nextUrl.searchParams));
  if (!parsed.success) {
    // `fields`: what to tell a person, per parameter; `codes`: the same as message keys.
    const codes = fieldErrorsOf(parsed.error);
    const locale = apiLocale(request.nextUrl.searchParams, request.headers.get("accept-language"));
    return NextResponse.json({ error: "invalid search", locale, fields: localizedFieldErrors(codes, locale), codes }, { status: 400 });
  }
  let data: Awaited<ReturnType<typeof loadLandMap>>;
  try {
    data = await loadLandMap(parsed.data);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
  // The page asks with the land revision its list was built from (`rev`): while that is still
  // current, the answer can be cached; a page rendered after a write asks with a new `rev`, so
  // it never gets markers that disagree with its list.
  const current = request.nextUrl.searchParams.get("rev") === data.revision;
  return NextResponse.json(data, { headers: { "Cache-Control": current ? "private, max-age=300" : "no-store" } });
}
