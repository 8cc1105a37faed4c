// Any /api path no route handler claims, with any method: a JSON 404 like the rest of the API
// (a client parsing JSON gets JSON), instead of Next's HTML page. Nothing of the path is echoed.
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

function notFound() {
  return NextResponse.json({ error: "not found" }, { status: 404, headers: { "Cache-Control": "no-store" } });
}

export { notFound as GET, notFound as HEAD, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE, notFound as OPTIONS };
