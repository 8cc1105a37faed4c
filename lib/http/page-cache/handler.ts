// The portal server's page cache: a public page's whole response (headers and HTML), kept in
// memory and served without Next while nothing it shows has changed. Next renders every page
// per request (each carries its CSP nonce), ~70 pages/s on the seed; a kept page is a Map
// look-up and a copy. Why in our own server and not Next's `use cache`: that needs
// cacheComponents (every page rewritten), keeps its cache per instance with tag invalidation
// that other instances never hear of, and still runs the render per request.
//
// Freshness: an entry is valid only for the public revision it was rendered under ("PublicRevision",
// bumped by triggers on every table the public pages read), and that number is read from
// PostgreSQL for every request by a query started after the request arrived
// (revision.ts): a write committed on any instance is seen by every instance's next request.
// The revision is read BEFORE the render, so a write that lands during a render leaves the
// entry under the older number, which the next request no longer accepts.
// If the revision cannot be read (database down), the request goes to Next, which answers as
// it always has (503, lib/db/request-status.ts): no stale page is ever served.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { chinaDate } from "../../calendar/china-time";
import { newNonce } from "../csp";
import { acceptsGzip, nonceOf, PER_RESPONSE_HEADERS, planRequest, refuseResponse } from "./rules";
import { LruStore } from "./store";
import { fillGzip, fillParts, makeTemplate, templateBytes, type PageTemplate } from "./template";

export interface PageCacheOptions {
  /** Next's request handler */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  /** the current public revision, read after the call (revision.ts) */
  revision: () => Promise<bigint>;
  maxBytes: number;
  /** one page's HTML above this is not kept */
  maxEntryBytes?: number;
  compress?: boolean;
  now?: () => Date;
}

interface Entry {
  bytes: number;
  revision: bigint;
  headers: [string, string[]][];
  /** the CSP header cut at the nonce */
  csp: string[];
  body: PageTemplate;
}

const NONCE_HEADER = "content-security-policy";

export function createPageCache(options: PageCacheOptions) {
  const store = new LruStore<Entry>(options.maxBytes);
  const maxEntry = options.maxEntryBytes ?? 4 * 1024 * 1024;
  const compress = options.compress ?? true;
  const now = options.now ?? (() => new Date());
  /** renders in progress, by revision and key: settled once the response is complete (kept or not) */
  const filling = new Map<string, Promise<void>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const plan = planRequest(req.method, req.url, req.headers, chinaDate(now()));
    if (!plan) return options.handle(req, res);
    let revision: bigint;
    try {
      revision = await options.revision();
    } catch {
      return options.handle(req, res);
    }
    const entry = store.get(plan.key);
    if (entry && entry.revision === revision) return serve(entry, req, res);
    if (entry) store.delete(plan.key);
    // One render per page and revision: requests for a page being rendered under the revision
    // they read themselves wait for it instead of rendering it again (a burst after each write).
    const flight = `${revision} ${plan.key}`;
    const rendering = filling.get(flight);
    if (rendering) {
      await rendering;
      const filled = store.get(plan.key);
      if (filled && filled.revision === revision) return serve(filled, req, res);
      return options.handle(req, res);
    }
    // Next compresses when asked to: the entry is stored as identity and compressed once here.
    delete req.headers["accept-encoding"];
    req.rawHeaders = withoutRaw(req.rawHeaders, "accept-encoding");
    res.setHeader("X-Page-Cache", "miss");
    if (req.method !== "GET") return options.handle(req, res);
    let settle = () => {};
    const mine = new Promise<void>((resolve) => (settle = resolve));
    filling.set(flight, mine);
    const done = () => {
      if (filling.get(flight) === mine) filling.delete(flight);
      settle();
    };
    // Whatever way the response ends (kept, refused, aborted), the waiting requests go on.
    res.once("close", done);
    capture(res, (status, headers, body) => {
      keep(plan.key, plan.locale, revision, status, headers, body);
      done();
    });
    return options.handle(req, res);
  }

  function keep(key: string, locale: string, revision: bigint, status: number, headers: OutgoingHttpHeaders, body: Buffer): void {
    const csp = headers[NONCE_HEADER];
    const nonce = nonceOf(typeof csp === "string" ? csp : undefined);
    if (refuseResponse(status, headers, locale, nonce)) return;
    const template = makeTemplate(body, nonce!, compress);
    const kept: [string, string[]][] = [];
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined || name === NONCE_HEADER || PER_RESPONSE_HEADERS.has(name)) continue;
      kept.push([name, Array.isArray(value) ? value.map(String) : [String(value)]]);
    }
    // The locale cookie (the only one refuseResponse lets through) is the same for every request with this key.
    const cookies = headers["set-cookie"];
    if (cookies !== undefined) kept.push(["set-cookie", Array.isArray(cookies) ? cookies : [String(cookies)]]);
    const entry: Entry = { revision, headers: kept, csp: (csp as string).split(nonce!), body: template, bytes: 0 };
    entry.bytes = templateBytes(template) + JSON.stringify(kept).length + key.length + 256;
    store.set(key, entry);
  }

  function serve(entry: Entry, req: IncomingMessage, res: ServerResponse): void {
    const nonce = newNonce();
    const gzip = compress && acceptsGzip(req.headers["accept-encoding"]) ? fillGzip(entry.body, nonce) : null;
    const body = gzip ?? fillParts(entry.body, nonce);
    const length = body.reduce((n, b) => n + b.length, 0);
    res.statusCode = 200;
    for (const [name, value] of entry.headers) res.setHeader(name, value.length === 1 ? value[0]! : value);
    res.setHeader("Content-Security-Policy", entry.csp.join(nonce));
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Vary", varyWithEncoding(res.getHeader("vary")));
    res.setHeader("Content-Length", String(length));
    res.setHeader("X-Page-Cache", "hit");
    if (req.method === "HEAD") return void res.end();
    // One buffer, one write: cheaper than writing the pieces (one per nonce) one by one.
    res.end(body.length === 1 ? body[0] : Buffer.concat(body, length));
  }

  /** Records what Next writes (status, headers, body) while passing it to the client unchanged. */
  function capture(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let overflow = false;
    const add = (chunk: unknown, encoding: unknown) => {
      if (overflow || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const b = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > maxEntry) {
        overflow = true;
        chunks.length = 0;
      } else chunks.push(Buffer.from(b));
    };
    const writeHead = res.writeHead as (...args: unknown[]) => ServerResponse;
    const write = res.write as (...args: unknown[]) => boolean;
    const end = res.end as (...args: unknown[]) => ServerResponse;
    let status = 0;
    const fromWriteHead: OutgoingHttpHeaders = {};
    res.writeHead = function (this: ServerResponse, code: number, ...rest: unknown[]) {
      status = code;
      const h = rest.find((r) => r && typeof r === "object");
      if (Array.isArray(h)) {
        const flat = Array.isArray(h[0]) ? (h as unknown[][]).flat() : h;
        for (let i = 0; i + 1 < flat.length; i += 2) fromWriteHead[String(flat[i]).toLowerCase()] = String(flat[i + 1]);
      } else if (h) for (const [k, v] of Object.entries(h)) fromWriteHead[k.toLowerCase()] = v as string;
      return writeHead.call(this, code, ...rest);
    } as typeof res.writeHead;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      add(chunk, rest[0]);
      return write.call(this, chunk, ...rest);
    } as typeof res.write;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      if (args.length && typeof args[0] !== "function") add(args[0], args[1]);
      const result = end.apply(this, args);
      const finalStatus = status || this.statusCode;
      if (!overflow && finalStatus === this.statusCode) done(finalStatus, { ...this.getHeaders(), ...fromWriteHead }, Buffer.concat(chunks));
      return result;
    } as typeof res.end;
  }

  return { handle, store };
}

function varyWithEncoding(vary: ReturnType<ServerResponse["getHeader"]>): string {
  const list = (Array.isArray(vary) ? vary.join(",") : vary === undefined ? "" : String(vary)).split(",").map((v) => v.trim()).filter(Boolean);
  if (!list.some((v) => v.toLowerCase() === "accept-encoding")) list.push("Accept-Encoding");
  return list.join(", ");
}

function withoutRaw(raw: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (raw[i]!.toLowerCase() !== name) out.push(raw[i]!, raw[i + 1]!);
  return out;
}
