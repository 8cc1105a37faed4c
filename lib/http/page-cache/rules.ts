// What the page cache (lib/http/page-cache/handler.ts) may keep and under which key. Pure
// functions over a request's method, URL and headers, and a response's status and headers, so
// the unit tests pin every rule down without a server.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/**
 * The public pages kept: home, park directory, park, projects, parcel, search and block. A list
 * of what is safe, never "everything but": /staff, /api, the inquiry form and the alert and
 * inquiry-status token pages are answered by Next on every request.
 */
const CACHED_PATH = /^\/(zh|en)(?:\/(?:parks(?:\/[A-Za-z0-9._~%-]+)?|projects|parcels\/[A-Za-z0-9._~%-]+|search|blocks\/[A-Za-z0-9._~%-]+))?$/;

/**
 * Headers of the client-side router and of server actions: the answer is RSC data (or an
 * action's result), not the page, and differs with them; Next answers those every time.
 */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-hmr-refresh"];

/** next-auth's session cookie (plain and __Secure-, whole or chunked `.0`, `.1`). */
const STAFF_SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;

const LOCALE_COOKIE = "NEXT_LOCALE";

export interface CachePlan {
  /** the entry's key: everything the page's HTML varies by */
  key: string;
  /** the locale in the path */
  locale: "zh" | "en";
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
}

function cookieValue(cookie: string | undefined, name: string): string | undefined {
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The query string with its parameters in a fixed order (by name; a repeated name keeps its
 * values' order, which a page may read as a list), so `?b=1&a=2` and `?a=2&b=1` share an entry.
 */
export function normalisedQuery(search: string): string {
  const params = [...new URLSearchParams(search)];
  params.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return new URLSearchParams(params).toString();
}

/**
 * next-intl (syncCookie) sets the locale cookie on a page load depending on the request's
 * cookie, its Accept-Language and Sec-Fetch-Dest: the key carries exactly those, so the one
 * Set-Cookie an entry may hold (NEXT_LOCALE=<the path's locale>) is the same for every
 * request that finds it.
 */
function localeVariant(headers: IncomingHttpHeaders, locale: string): string {
  const dest = header(headers, "sec-fetch-dest");
  if (dest !== undefined && dest !== "document") return "bg";
  const cookie = cookieValue(header(headers, "cookie"), LOCALE_COOKIE);
  if (cookie !== undefined) return cookie === locale ? "same" : "other";
  return `al:${(header(headers, "accept-language") ?? "").trim().toLowerCase()}`;
}

/**
 * The cache plan for a request, or null when Next must answer it itself: not GET/HEAD, not one
 * of the kept pages, a router/action request, or a staff member's (whose pages might one day
 * differ: they are never served from nor stored in the cache).
 * `day` is the China calendar day (lib/calendar/china-time.ts chinaDate): pages show what is
 * ready or handed over by today, so an entry never outlives its day.
 */
export function planRequest(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders, day: string): CachePlan | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (!url || url.includes("#")) return null;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const match = CACHED_PATH.exec(path);
  if (!match) return null;
  const search = q < 0 ? "" : url.slice(q + 1);
  const query = normalisedQuery(search);
  if (new URLSearchParams(search).has("_rsc")) return null;
  for (const name of ROUTER_HEADERS) if (headers[name] !== undefined) return null;
  if (STAFF_SESSION_COOKIE.test(header(headers, "cookie") ?? "")) return null;
  const locale = match[1] as CachePlan["locale"];
  return { key: `${day} ${localeVariant(headers, locale)} ${path}${query ? `?${query}` : ""}`, locale };
}

/** Response headers that describe one transfer, not the page: never stored, never replayed. */
export const PER_RESPONSE_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "etag", "set-cookie", "x-page-cache"]);

function values(v: OutgoingHttpHeaders[string]): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/**
 * Why a response may not be stored (null: it may): only a complete 200 HTML page, in identity
 * encoding, with a CSP nonce to replace, and no cookie but the locale one set to its own locale.
 */
export function refuseResponse(status: number, headers: OutgoingHttpHeaders, locale: string, nonce: string | null): string | null {
  if (status !== 200) return "status";
  if (!values(headers["content-type"]).some((t) => t.startsWith("text/html"))) return "type";
  if (values(headers["content-encoding"]).some((e) => e !== "identity")) return "encoded";
  for (const cookie of values(headers["set-cookie"])) if (!cookie.startsWith(`${LOCALE_COOKIE}=${locale};`)) return "cookie";
  if (!nonce) return "nonce";
  return null;
}

/** The nonce in a CSP header (`'nonce-…'`), or null. */
export function nonceOf(csp: string | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(csp ?? "")?.[1] ?? null;
}

/** The client takes gzip (any q but 0). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  for (const part of value.split(",")) {
    const [coding, ...params] = part.trim().split(";");
    if (coding?.trim().toLowerCase() !== "gzip" && coding?.trim() !== "*") continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return !q || Number(q.slice(2)) > 0;
  }
  return false;
}
