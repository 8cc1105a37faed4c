// The API's routes are read-only (GET, and the HEAD and OPTIONS Next derives from it). Next's
// own 405 for a method a route does not export has an empty body; a client that sent PUT or
// DELETE gets JSON saying what is allowed instead, like every other API answer.
import { NextResponse } from "next/server";

const ALLOW = "GET, HEAD, OPTIONS";

function methodNotAllowed() {
  return NextResponse.json(
    { error: "method not allowed", allow: ALLOW.split(", ") },
    { status: 405, headers: { Allow: ALLOW, "Cache-Control": "no-store" } },
  );
}

/** Spread into a route module's exports: `export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;` */
export const readOnlyRoute = { POST: methodNotAllowed, PUT: methodNotAllowed, PATCH: methodNotAllowed, DELETE: methodNotAllowed };
