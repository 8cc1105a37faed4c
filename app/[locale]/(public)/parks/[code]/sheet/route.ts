// The park's data sheet (A4 PDF).
import { readOnlyRoute } from "@/lib/http/read-only-route";
import { loadParkSheet } from "@/lib/sheets/loaders";
import { routeLocale, sheetBaseUrl, sheetResponse, unknownSheet } from "@/lib/sheets/response";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale: segment, code } = await params;
  const locale = routeLocale(segment);
  if (!locale) return unknownSheet();
  const now = new Date();
  return sheetResponse(locale, () => loadParkSheet({ locale, code: code.slice(0, 80), baseUrl: sheetBaseUrl(request), now }), now);
}
