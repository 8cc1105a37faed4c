// What the portal's HTTP server refuses before Next sees a request: each of these reached Next
// and came back as a 500 (text/plain, no hardening headers, a stack trace in the log). Pure
// functions of the request line and headers; scripts/portal-server.ts applies them.

/**
 * The methods passed on to Next: those the App Router knows (route handlers can export them;
 * pages answer GET/HEAD, server actions POST). TRACE, TRACK, CONNECT and anything unknown are
 * refused with 405 and this list in `Allow`.
 */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export const ALLOW_HEADER = ALLOWED_METHODS.join(", ");

export type Refusal =
  | { status: 400; problem: "badRequestTarget" | "badEncoding" | "actionBody" }
  | { status: 403; problem: "actionOrigin" }
  | { status: 405; problem: "method" | "pageMethod" }
  | { status: 413; problem: "actionTooLarge" };

export function screenMethod(method: string | undefined): Refusal | null {
  return (ALLOWED_METHODS as readonly string[]).includes(method ?? "") ? null : { status: 405, problem: "method" };
}

/**
 * The request target must be a path whose percent-encoding decodes to valid UTF-8
 * (`%E0%A4%A`, a lone `%`, an overlong or surrogate sequence do not). `%25` is valid: it is
 * a `%` in a path segment, decoded once by Next. The query is not screened: it is parsed
 * leniently (URLSearchParams keeps a malformed escape as text).
 */
export function screenTarget(url: string | undefined): Refusal | null {
  if (!url || !url.startsWith("/")) return { status: 400, problem: "badRequestTarget" };
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { status: 400, problem: "badEncoding" };
  }
  // A NUL or another control character in a path is no link anyone wrote (`/zh/parks/%00`
  // reached PostgreSQL, which cannot hold NUL in text, and came back as a 500).
  if (/[\u0000-\u001F\u007F]/.test(decoded)) return { status: 400, problem: "badEncoding" };
  return null;
}

/** Pages answer GET and HEAD, and POST for their server actions; the other methods are the API's. */
export const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;
export const PAGE_ALLOW_HEADER = PAGE_METHODS.join(", ");

/** PUT, PATCH, DELETE or OPTIONS outside /api: no page answers them (Next rendered the page, or a bare 400). */
export function screenPageMethod(method: string | undefined, path: string): Refusal | null {
  if (isApiPath(path)) return null;
  return (PAGE_METHODS as readonly string[]).includes(method ?? "") ? null : { status: 405, problem: "pageMethod" };
}

type HeaderValue = string | string[] | undefined;

/** Route handlers under /api answer for their own methods and input; everything else is a page. */
const isApiPath = (path: string) => path === "/api" || path.startsWith("/api/");
const first = (v: HeaderValue) => (Array.isArray(v) ? v[0] : v);

/**
 * A request Next would treat as a server action (its own test, server-action-request-meta:
 * a POST with `Next-Action`, or a form POST, which is how the JS-off form arrives). Route
 * handlers under /api are not actions: they check their own input.
 */
export function isPossibleServerAction(method: string | undefined, path: string, headers: Record<string, HeaderValue>): boolean {
  if (method !== "POST" || isApiPath(path)) return false;
  if (headers["next-action"] !== undefined) return true;
  const type = first(headers["content-type"])?.toLowerCase() ?? "";
  return type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
}

/**
 * A server action must come from a page of this site. Browsers send `Origin` with every form
 * POST and fetch, so a missing, empty or `null` origin is refused along with a foreign one.
 * Same site is: the origin's host equals the request's Host (what the browser addressed, as
 * Next compares), or the origin is the configured public URL (behind a proxy that rewrites
 * Host). X-Forwarded-Host is not believed: any client can send it.
 */
export function screenActionOrigin(headers: Record<string, HeaderValue>, publicOrigin: string): Refusal | null {
  const refused = { status: 403, problem: "actionOrigin" } as const;
  const origin = first(headers["origin"])?.trim();
  if (!origin || origin === "null") return refused;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return refused;
  }
  // A browser sends the serialized origin exactly (scheme://host[:port]); anything else is not one.
  if (parsed.origin !== origin || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) return refused;
  if (parsed.origin === publicOrigin) return null;
  const host = first(headers["host"])?.trim().toLowerCase();
  return host && parsed.host === host ? null : refused;
}

/** Content-Length over the limit; a malformed one is left to Node's parser, which refuses it. */
export function screenActionLength(headers: Record<string, HeaderValue>, limitBytes: number): Refusal | null {
  const length = Number(first(headers["content-length"]));
  return Number.isFinite(length) && length > limitBytes ? { status: 413, problem: "actionTooLarge" } : null;
}

/**
 * What Next would fail on (a 500, outside any action) when it reads a server action's body,
 * checked on the whole body before Next sees it:
 * - a `Next-Action` POST that is not a form carries the argument list React encodes as JSON
 *   text, a top-level array; `"hello"` or `{}` made Next apply the action to a non-list;
 * - a multipart body must parse as form data (a missing boundary or a truncated part was
 *   "Failed to parse body as FormData"), and the `$ACTION_n:m` fields of a no-JavaScript form
 *   hold JSON (React decodes them).
 * The body is at most the action limit, so reading it here costs little.
 */
/** React decodes an action's arguments recursively: Next crashed (stack overflow, a 500) at ~3,500 levels. */
export const MAX_ACTION_ARGUMENT_DEPTH = 64;

/** How deeply a JSON text nests arrays and objects (brackets inside strings do not count). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "[" || c === "{") max = Math.max(max, ++depth);
    else if (c === "]" || c === "}") depth--;
  }
  return max;
}

/** JSON that React will decode as action arguments: it parses, and nests no deeper than the limit. */
function isArgumentJson(text: string): boolean {
  if (jsonDepth(text) > MAX_ACTION_ARGUMENT_DEPTH) return false;
  JSON.parse(text);
  return true;
}

export async function screenActionBody(body: Buffer, headers: Record<string, HeaderValue>): Promise<Refusal | null> {
  const refused = { status: 400, problem: "actionBody" } as const;
  const type = first(headers["content-type"])?.toLowerCase() ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  if (type.startsWith("multipart/form-data")) {
    try {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": first(headers["content-type"])! } }).formData();
      for (const [name, value] of form.entries()) {
        // The no-JS form's `$ACTION_n:m` fields, and the root ("0") of arguments React sent as form data.
        const encoded = /^\$ACTION_\d+:\d+$/.test(name) || (name === "0" && headers["next-action"] !== undefined);
        if (encoded && !isArgumentJson(typeof value === "string" ? value : "")) return refused;
      }
      return null;
    } catch {
      return refused;
    }
  }
  if (headers["next-action"] === undefined) return null;
  try {
    const text = body.toString("utf8");
    return isArgumentJson(text) && Array.isArray(JSON.parse(text)) ? null : refused;
  } catch {
    return refused;
  }
}
