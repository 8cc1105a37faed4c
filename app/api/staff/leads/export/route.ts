// CSV export of the inbox: the same filters as the inbox's URL, every matching lead (not one
// page) within the actor's scope, streamed in batches. The permission is checked here, next to
// the data (a page or proxy.ts is no guard for a route). The export is audited before the
// first byte goes out: one AuditLog row with the filters and the number of rows.
import { NextResponse } from "next/server";
import { can } from "@/lib/auth/permissions";
import { currentActor } from "@/lib/auth/session";
import { databaseUnavailableResponse, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { readOnlyRoute } from "@/lib/http/read-only-route";
import { CSV_BOM } from "@/lib/leads/csv";
import { startLeadExport } from "@/lib/leads/export";
import { csvFormatter, exportDisposition, exportLocale } from "@/lib/leads/inbox-csv";
import { inboxParamsToObject, parseInboxFilters } from "@/lib/leads/inbox-schema";
import { localizedFieldErrors } from "@/lib/validation/localized-errors";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function GET(request: Request) {
  try {
    const actor = await currentActor();
    if (!actor) return json({ error: "signed out" }, 401);
    if (!can(actor.role, "lead.export")) return json({ error: "forbidden" }, 403);
    const locale = exportLocale(actor.locale);
    const { filters, errors } = parseInboxFilters(inboxParamsToObject(new URL(request.url).searchParams));
    // The inbox page shows the rest of the filters when one is refused; a file is kept and
    // passed on, so it is not silently made from other filters than the ones asked for.
    if (Object.keys(errors).length) {
      return json({ error: "invalid filters", fields: localizedFieldErrors(errors, locale), codes: errors }, 400);
    }
    const now = new Date();
    const { batches } = await startLeadExport(actor, filters, now);
    const format = csvFormatter(locale);
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(CSV_BOM + format.header));
      },
      // one batch per pull: the reader's pace sets how many rows are in memory
      async pull(controller) {
        try {
          const next = await batches.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(format.rows(next.value)));
        } catch (error) {
          console.error("lead export failed while streaming", error);
          controller.error(error);
        }
      },
      async cancel() {
        await batches.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": exportDisposition(locale, now),
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return databaseUnavailableResponse();
    throw error;
  }
}
