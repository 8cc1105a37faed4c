// The investor search's parcels (every block it finds, all pages) as GeoJSON or CSV, with the
// search page's own query string plus `format`. Public data only: no staff-only field.
import { NextResponse, type NextRequest } from "next/server";
import { toCsv, toGeoJson } from "@/lib/cadastre/export";
import { loadSearchExport } from "@/lib/cadastre/loaders";
import { exportFormatSchema } from "@/lib/cadastre/schemas";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { readOnlyRoute } from "@/lib/http/read-only-route";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { apiLocale, localizedFieldErrors } from "@/lib/validation/localized-errors";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: NextRequest) {
  const params = new URLSearchParams(request.nextUrl.searchParams);
  const format = exportFormatSchema.parse(params.get("format"));
  params.delete("format");
  const parsed = landSearchSchema.safeParse(searchParamsToObject(params));
  if (!parsed.success) {
    const codes = fieldErrorsOf(parsed.error);
    const locale = apiLocale(request.nextUrl.searchParams, request.headers.get("accept-language"));
    return NextResponse.json({ error: "invalid search", locale, fields: localizedFieldErrors(codes, locale), codes }, { status: 400 });
  }
  try {
    const parcels = await loadSearchExport(parsed.data);
    return new Response(format === "csv" ? toCsv(parcels, false) : toGeoJson(parcels), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/geo+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="land-search.${format === "csv" ? "csv" : "geojson"}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
}
