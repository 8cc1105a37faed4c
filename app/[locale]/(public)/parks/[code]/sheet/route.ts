// The park's data sheet (A4 PDF).
import { readOnlyRoute } from "@/lib/http/read-only-route";
import { renamedParkCode } from "@/lib/parks/code-aliases";
import { loadParkSheet } from "@/lib/sheets/loaders";
import { parkSheetHref } from "@/lib/sheets/links";
import { routeLocale, sheetBaseUrl, sheetResponse, unknownSheet } from "@/lib/sheets/response";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; code: string }> }) {
  const { locale: segment, code } = await params;
  const locale = routeLocale(segment);
  if (!locale) return unknownSheet();
  // A retired park code's sheet moves for good to the current code's, query kept.
  const renamed = renamedParkCode(code);
  if (renamed) return new Response(null, { status: 308, headers: { Location: `${parkSheetHref(locale, renamed)}${new URL(request.url).search}` } });
  const now = new Date();
  return sheetResponse(locale, () => loadParkSheet({ locale, code: code.slice(0, 80), baseUrl: sheetBaseUrl(request), now }), now);
}
