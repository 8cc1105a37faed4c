// Readiness for docker-compose and load balancers: 200 only when the database answers
// `SELECT 1` within DB_CONNECT_TIMEOUT_MS, else 503 with Retry-After (send no traffic yet).
import { NextResponse } from "next/server";
import { checkDatabaseReady } from "@/lib/db/ready";
import { readOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export async function GET() {
  const ready = await checkDatabaseReady();
  if (!ready.ok) {
    return NextResponse.json(
      { status: "database unavailable", message: ready.reason },
      { status: 503, headers: { "Retry-After": String(ready.retryAfterSeconds), "Cache-Control": "no-store" } },
    );
  }
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
