// The HTTP answer of a sheet route: the PDF as an attachment with a readable file name, or a
// plain message in the sheet's language (404 unknown, 410 a block gone under its filters).
import { databaseUnavailableResponse, isDatabaseUnavailable } from "../db/unavailable";
import { env, publicBaseUrl } from "../env";
import type { SheetLookup } from "./build";
import { renderSheetPdf } from "./render-pdf";
import { sheetLocale, sheetTranslator, type SheetLocale } from "./sheet";

/** The locale of a sheet URL, or null for a path segment that is no locale of the site (404). */
export function routeLocale(segment: string): SheetLocale | null {
  return segment === "zh" || segment === "en" ? sheetLocale(segment) : null;
}

/**
 * Where the live page is: the configured public address (NEXTAUTH_URL) when set, else the
 * address this request came to (a local run without settings), never a guessed localhost port.
 */
export function sheetBaseUrl(request: Request): string {
  return env().NEXTAUTH_URL ? publicBaseUrl() : new URL(request.url).origin;
}

/** RFC 6266: an ASCII `filename` for old clients and the readable UTF-8 `filename*`. */
export function contentDisposition(name: { ascii: string; utf8: string }): string {
  return `attachment; filename="${name.ascii}"; filename*=UTF-8''${encodeURIComponent(name.utf8)}`;
}

function message(status: 404 | 410, locale: SheetLocale): Response {
  const t = sheetTranslator(locale);
  return new Response(t(status === 410 ? "investor.sheets.gone" : "investor.sheets.unknown"), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

export const unknownSheet = (locale: SheetLocale = "zh") => message(404, locale);

export async function sheetResponse(locale: SheetLocale, lookup: () => Promise<SheetLookup>, now: Date): Promise<Response> {
  let found: SheetLookup;
  try {
    found = await lookup();
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
  if (found.kind === "unknown") return message(404, locale);
  if (found.kind === "gone") return message(410, locale);
  const pdf = await renderSheetPdf(found.model, { north: sheetTranslator(locale)("investor.sheets.north"), now });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": contentDisposition(found.model.fileName),
      "Content-Length": String(pdf.length),
      // Land changes status during the day: a copy a few minutes old is fine for a document,
      // and shared caches may keep it (no personal data: public land only).
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
