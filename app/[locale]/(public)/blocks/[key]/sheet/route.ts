// The block's data sheet (A4 PDF). The block is rebuilt from the same search query as its page.
import { readOnlyRoute } from "@/lib/http/read-only-route";
import { loadBlockSheet } from "@/lib/sheets/loaders";
import { routeLocale, sheetBaseUrl, sheetResponse, unknownSheet } from "@/lib/sheets/response";
import { landSearchSchema, searchParamsToObject } from "@/lib/search/schemas";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET(request: Request, { params }: { params: Promise<{ locale: string; key: string }> }) {
  const { locale: segment, key } = await params;
  const locale = routeLocale(segment);
  if (!locale) return unknownSheet();
  // As on the block page: filters that do not parse fall back to the defaults.
  const parsed = landSearchSchema.safeParse(searchParamsToObject(new URL(request.url).searchParams));
  const query = parsed.success ? parsed.data : landSearchSchema.parse({});
  const now = new Date();
  return sheetResponse(locale, () => loadBlockSheet({ locale, key: key.slice(0, 80), query, baseUrl: sheetBaseUrl(request), now }), now);
}
