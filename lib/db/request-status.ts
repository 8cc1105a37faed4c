// Turns "this request failed because the database is unavailable" into HTTP 503 with
// Retry-After, for responses whose status Next decides itself. Next answers every page render
// that throws with 500 (app-render.js sets `res.statusCode = 500`; only notFound/forbidden/
// unauthorized/redirect choose another status), and a metadata route such as sitemap.xml that
// throws gets an empty 500 too. So the decision is made where the response leaves the process:
// each request runs in an AsyncLocalStorage scope; the database guard (lib/db/unavailable.ts)
// marks the scope when a query fails for lack of a database; the response's writeHead turns
// that request's 500 into 503. Other 500s (our bugs) stay 500.
//
// The HTTP server calls `withDatabaseStatus(res, () => handle(req, res))` around Next's
// request handler. Until the portal has its own server, instrumentation.ts installs the same
// wrapper on every Node HTTP server (`installDatabaseStatus()`), which `next start` uses.
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { RETRY_AFTER_SECONDS } from "./unavailable-constants";

interface RequestStatus {
  databaseUnavailable: boolean;
}

// One store per process, shared by the server code and Next's bundles (which may each hold
// their own copy of this module): keyed on globalThis by a registered symbol.
const KEY = Symbol.for("jiangmen-portal.request-status");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<RequestStatus> | undefined>;
const storage: AsyncLocalStorage<RequestStatus> = (holder[KEY] ??= new AsyncLocalStorage<RequestStatus>());

const WRAPPED = Symbol.for("jiangmen-portal.request-status.wrapped");

/** Called by the database guard: the current request failed because the database did not answer. */
export function noteDatabaseUnavailable(): void {
  const status = storage.getStore();
  if (status) status.databaseUnavailable = true;
}

type WriteHead = http.ServerResponse["writeHead"];

/**
 * Runs `handle` (Next's request handler) in a scope of its own and returns what it returns;
 * if the response is about to go out as 500 after a database-unavailable failure in that
 * scope, it goes out as 503 with Retry-After instead. Safe to nest (the outer scope wins).
 */
export function withDatabaseStatus<T>(res: http.ServerResponse, handle: () => T): T {
  const marked = res as http.ServerResponse & { [WRAPPED]?: RequestStatus };
  const existing = marked[WRAPPED];
  if (existing) return storage.run(existing, handle);
  const status: RequestStatus = { databaseUnavailable: false };
  marked[WRAPPED] = status;
  const writeHead = res.writeHead as (...args: unknown[]) => http.ServerResponse;
  // writeHead is also what Node calls for an implicit header (a first write() or end()).
  res.writeHead = function (this: http.ServerResponse, code: number, ...rest: unknown[]) {
    if (code === 500 && status.databaseUnavailable && !this.headersSent) {
      code = 503;
      if (typeof rest[0] === "string") rest[0] = "Service Unavailable";
      this.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      this.setHeader("Cache-Control", "no-store");
    }
    return writeHead.call(this, code, ...rest);
  } as WriteHead;
  return storage.run(status, handle);
}

const INSTALLED = Symbol.for("jiangmen-portal.request-status.installed");

/** Wraps the "request" event of every node:http server in this process (for `next start`). */
export function installDatabaseStatus(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    const res = args[1];
    if (event === "request" && res instanceof http.ServerResponse) {
      return withDatabaseStatus(res, () => emit.call(this, event, ...args));
    }
    return emit.call(this, event, ...args);
  } as typeof proto.emit;
}
