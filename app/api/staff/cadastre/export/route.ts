// A park's parcels as GeoJSON or CSV (?park=CODE&format=geojson|csv), with the staff-only
// status reason: the file imports back unchanged. Permission checked here, next to the data.
import { NextResponse } from "next/server";
import { can, twoFactorBlocks } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { toCsv, toGeoJson } from "@/lib/cadastre/export";
import { loadParkExport } from "@/lib/cadastre/loaders";
import { exportFormatSchema } from "@/lib/cadastre/schemas";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { readOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request) {
  try {
    const actor = await currentActor();
    if (!actor) return json({ error: "signed out" }, 401);
    if (!can(actor.role, "land.export") || twoFactorBlocks(actor, "land.export")) return json({ error: "forbidden" }, 403);
    const params = new URL(request.url).searchParams;
    const park = (params.get("park") ?? "").trim();
    const format = exportFormatSchema.parse(params.get("format"));
    const parcels = park ? await loadParkExport(park) : null;
    if (!parcels) return json({ error: "unknown park" }, 404);
    const name = `parcels-${park.replace(/[^\w.-]/g, "_")}.${format === "csv" ? "csv" : "geojson"}`;
    return new Response(format === "csv" ? toCsv(parcels, true) : toGeoJson(parcels), {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/geo+json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
}
