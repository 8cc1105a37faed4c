// The API's routes are read-only (GET, and the HEAD and OPTIONS Next derives from it). Next's
// own 405 for a method a route does not export has an empty body; a client that sent PUT or
// DELETE gets JSON saying what is allowed instead, like every other API answer.
import { NextResponse } from "next/server";

const notAllowed = (allow: string) => () =>
  NextResponse.json({ error: "method not allowed", allow: allow.split(", ") }, { status: 405, headers: { Allow: allow, "Cache-Control": "no-store" } });

const methodNotAllowed = notAllowed("GET, HEAD, OPTIONS");

/** Spread into a route module's exports: `export const { POST, PUT, PATCH, DELETE } = readOnlyRoute;` */
export const readOnlyRoute = { POST: methodNotAllowed, PUT: methodNotAllowed, PATCH: methodNotAllowed, DELETE: methodNotAllowed };

const postNotAllowed = notAllowed("POST");

/** The same for an upload route that takes POST only: `export const { GET, PUT, PATCH, DELETE } = postOnlyRoute;` */
export const postOnlyRoute = { GET: postNotAllowed, PUT: postNotAllowed, PATCH: postNotAllowed, DELETE: postNotAllowed };
