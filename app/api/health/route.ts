// Liveness: the process is up and answering HTTP. It does not ask the database, so a database
// outage does not get a healthy app restarted (readiness is /api/ready).
import { NextResponse } from "next/server";
import { readOnlyRoute } from "@/lib/http/read-only-route";

export const dynamic = "force-dynamic";
export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;

export function GET() {
  return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
