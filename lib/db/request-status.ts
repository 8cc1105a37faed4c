// Turns "this request failed because the database is unavailable" into HTTP 503 with
// Retry-After, for responses whose status Next decides itself. Next answers every page render
// that throws with 500 (app-render.js sets `res.statusCode = 500`; only notFound/forbidden/
// unauthorized/redirect choose another status), and a metadata route such as sitemap.xml that
// throws gets an empty 500 too. So the decision is made where the response leaves the process:
// each request runs in an AsyncLocalStorage scope; the database guard (lib/db/unavailable.ts)
// marks the scope when a query fails for lack of a database; the response's writeHead turns
// that request's 500 into 503. Other 500s (our bugs) stay 500. A page (HTML, not the RSC data
// of a client-side navigation) gets a complete page saying so instead of Next's script-only shell.
//
// The portal's HTTP server (scripts/portal-server.ts) calls
// `withDatabaseStatus(req, res, () => handle(req, res))` around its whole request handler.
import { AsyncLocalStorage } from "node:async_hooks";
import type http from "node:http";
import { RETRY_AFTER_SECONDS } from "./unavailable-constants";
import { databaseUnavailablePage } from "./unavailable-page";

interface RequestStatus {
  databaseUnavailable: boolean;
}

// One store per process, shared by the server code and Next's bundles (which may each hold
// their own copy of this module): keyed on globalThis by a registered symbol.
const KEY = Symbol.for("jiangmen-portal.request-status");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestStatus> | undefined>;
const storage: AsyncLocalStorage<RequestStatus> = (holder[KEY] ??= new AsyncLocalStorage<RequestStatus>());

const WRAPPED = Symbol.for("jiangmen-portal.request-status.wrapped");

const UNAVAILABLE_TEXT = "Service unavailable: the database is not answering. Please try again in a few seconds.\n";

/** Called by the database guard: the current request failed because the database did not answer. */
export function noteDatabaseUnavailable(): void {
  const status = storage.getStore();
  if (status) status.databaseUnavailable = true;
}

type Headers = Record<string, unknown> | unknown[] | undefined;

/** The value of `name` in writeHead's headers argument (an object, or a flat/nested array). */
function headerIn(headers: Headers, name: string): string | undefined {
  if (!headers) return undefined;
  const pairs: [unknown, unknown][] = Array.isArray(headers)
    ? Array.isArray(headers[0])
      ? (headers as [unknown, unknown][])
      : headers.flatMap((v, i) => (i % 2 === 0 ? [[v, headers[i + 1]] as [unknown, unknown]] : []))
    : Object.entries(headers);
  const found = pairs.find(([k]) => String(k).toLowerCase() === name);
  return found ? String(found[1]) : undefined;
}

/**
 * Headers that describe Next's body, not ours. Content-Encoding above all: Next compresses
 * (gzip) by wrapping this very response, so its compressed bytes come through write() below.
 */
const BODY_HEADERS = ["content-length", "content-type", "content-encoding", "etag"];

/** writeHead's headers argument without the ones our page replaces. */
function withoutBodyHeaders(headers: Headers): Headers {
  const drop = (k: unknown) => BODY_HEADERS.includes(String(k).toLowerCase());
  if (!headers) return headers;
  if (!Array.isArray(headers)) return Object.fromEntries(Object.entries(headers).filter(([k]) => !drop(k)));
  if (Array.isArray(headers[0])) return (headers as [unknown, unknown][]).filter(([k]) => !drop(k));
  return headers.filter((_, i) => (i % 2 === 0 ? !drop(headers[i]) : !drop(headers[i - 1])));
}

/**
 * Runs `handle` (Next's request handler) in a scope of its own and returns what it returns;
 * if the response is about to go out as 500 after a database-unavailable failure in that
 * scope, it goes out as 503 with Retry-After instead (a page with our page as its body).
 */
export function withDatabaseStatus<T>(req: http.IncomingMessage, res: http.ServerResponse, handle: () => T): T {
  const marked = res as http.ServerResponse & { [WRAPPED]?: RequestStatus };
  const existing = marked[WRAPPED];
  if (existing) return storage.run(existing, handle);
  const status: RequestStatus = { databaseUnavailable: false };
  marked[WRAPPED] = status;
  let page: string | undefined;

  const writeHead = res.writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  const write = res.write as (this: http.ServerResponse, ...args: unknown[]) => boolean;
  const end = res.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;

  // writeHead is also what Node calls for an implicit header (a first write() or end()).
  res.writeHead = function (this: http.ServerResponse, code: number, ...rest: unknown[]) {
    if (code === 500 && status.databaseUnavailable && !this.headersSent) {
      code = 503;
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
      const headersAt = typeof rest[0] === "string" ? 1 : 0;
      const type = headerIn(rest[headersAt] as Headers, "content-type") ?? String(this.getHeader("content-type") ?? "");
      // A client-side navigation asks for RSC data (header `rsc`), which carries the error to
      // the error boundary (error.tsx knows the digest); a page load gets our page; a route
      // that failed with no body of its own (sitemap.xml) gets one line saying why.
      const html = type.startsWith("text/html") && !req.headers.rsc;
      if ((html || type === "") && req.method !== "HEAD") {
        page = html ? databaseUnavailablePage(req.url ?? "/") : UNAVAILABLE_TEXT;
        rest[headersAt] = withoutBodyHeaders(rest[headersAt] as Headers);
        for (const name of BODY_HEADERS) this.removeHeader(name);
        this.setHeader("Content-Type", html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        this.setHeader("Content-Length", String(Buffer.byteLength(page)));
      }
    }
    return writeHead.call(this, code, ...rest);
  } as typeof res.writeHead;

  // Decide before the first byte of Next's body could go out: then drop it for our page.
  const decideEarly = (r: http.ServerResponse) => {
    if (!r.headersSent && status.databaseUnavailable && r.statusCode === 500) r.writeHead(500);
  };
  const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");
  res.write = function (this: http.ServerResponse, ...args: unknown[]) {
    decideEarly(this);
    if (page === undefined) return write.apply(this, args);
    const callback = callbackOf(args);
    if (callback) process.nextTick(callback);
    return true;
  } as typeof res.write;
  let ended = false;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    decideEarly(this);
    if (page === undefined) return end.apply(this, args);
    const callback = callbackOf(args);
    if (ended) {
      if (callback) process.nextTick(callback);
      return this;
    }
    ended = true;
    return callback ? end.call(this, page, callback) : end.call(this, page);
  } as typeof res.end;

  return storage.run(status, handle);
}
