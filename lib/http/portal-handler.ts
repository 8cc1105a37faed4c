// The portal's own HTTP front: screens each request (lib/http/screening.ts), decides the client
// address (lib/http/client-address.ts), then hands the request to Next's request handler.
// A factory over Node's http types, so the unit tests run it on a real socket with a stand-in
// for Next; scripts/portal-server.ts wires it to Next itself.
import { IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress } from "./client-address";
import { SECURITY_HEADERS, transportSecurityHeaders } from "./security-headers.js";
import { publicBaseUrl } from "../env";
import { rawRefusal, refusalResponse } from "./refusal-page";
import { isPossibleServerAction, screenActionBody, screenActionLength, screenActionOrigin, screenMethod, screenPageMethod, screenTarget, type Refusal } from "./screening";

export interface PortalHandlerOptions {
  /** Next's request handler (`app.getRequestHandler()`). */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
  trustedProxyHops: number;
  /** Origin of the configured public URL (NEXTAUTH_URL), accepted for server actions. */
  publicOrigin: string;
  actionBodyLimitBytes: number;
  log?: (message: string) => void;
}

/**
 * URLs that carry a secret in the path (the password reset link's token, the saved search's
 * confirm and unsubscribe links, the inquiry status page): logged without it.
 */
export function redactSecrets(url: string): string {
  return url.replace(/(\/(?:staff\/reset-password|alerts\/confirm|alerts\/unsubscribe|inquiry\/status)\/)[^/?#]+/g, "$1[token]");
}

/** A refused body is read and dropped up to this many bytes (keeps the connection usable), then the socket is closed. */
const DRAIN_FACTOR = 8;

export function createPortalHandler(options: PortalHandlerOptions) {
  const log = options.log ?? ((m: string) => console.error(m));

  function refuse(req: IncomingMessage, res: ServerResponse, refusal: Refusal): void {
    const r = refusalResponse(refusal);
    res.writeHead(r.status, r.reason, r.headers);
    res.end(req.method === "HEAD" ? undefined : r.body);
    drain(req);
  }

  /** Discards what is left of a refused request's body, closing the connection if it goes on and on. */
  function drain(req: IncomingMessage): void {
    if (req.readableEnded) return;
    let seen = 0;
    const cap = options.actionBodyLimitBytes * DRAIN_FACTOR;
    req.removeAllListeners("data");
    req.on("data", (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > cap) req.socket.destroy();
    });
    req.resume();
  }

  function setClientAddress(req: IncomingMessage): void {
    const address = resolveClientAddress({
      remoteAddress: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      hops: options.trustedProxyHops,
    });
    // Whatever the client sent under our internal header is dropped; ours is set when known.
    replaceHeader(req, CLIENT_ADDRESS_HEADER, address ?? undefined);
  }

  async function pass(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await options.handle(req, res);
    } catch (error) {
      log(`portal-server: request handler failed for ${req.method} ${redactSecrets(req.url ?? "")}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) {
        res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", ...Object.fromEntries([...SECURITY_HEADERS, ...transportSecurityHeaders(publicBaseUrl())].map((h) => [h.key, h.value])) });
        res.end("Internal Server Error");
      } else res.destroy();
    }
  }

  /**
   * A server action's body is read whole before Next sees it (it is at most the limit): a
   * chunked one (no Content-Length) is counted as it streams in and refused as it crosses the
   * limit; a complete one is screened (screenActionBody) and handed to Next replayed.
   */
  function bufferAction(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > options.actionBodyLimitBytes && !refused) {
        refused = true;
        chunks.length = 0;
        refuse(req, res, { status: 413, problem: "actionTooLarge" });
      } else if (!refused) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      if (refused) return;
      const body = Buffer.concat(chunks);
      void screenActionBody(body, req.headers).then((bodyRefusal) => (bodyRefusal ? refuse(req, res, bodyRefusal) : pass(replay(req, body), res)));
    });
  }

  /**
   * Next checks an action's Origin against X-Forwarded-Host, else Host, and answers a mismatch
   * with a 500. Ours (screenActionOrigin) has already accepted the Origin as this site's, also
   * when it is the public URL behind a proxy that rewrites Host without saying so: tell Next
   * the host we accepted, so both checks agree (and a client's own X-Forwarded-Host is not
   * what Next compares with).
   */
  function setActionHost(req: IncomingMessage): void {
    const origin = req.headers["origin"];
    const host = new URL(Array.isArray(origin) ? origin[0]! : origin!).host;
    replaceHeader(req, "x-forwarded-host", host);
  }

  function request(req: IncomingMessage, res: ServerResponse): void {
    const targetRefusal = screenTarget(req.url);
    if (targetRefusal) return refuse(req, res, targetRefusal);
    const path = req.url!.split(/[?#]/, 1)[0]!;
    // A page's 405 names the page methods in Allow; the API's, every method a route may have.
    const methodRefusal = screenPageMethod(req.method, path) ?? screenMethod(req.method);
    if (methodRefusal) return refuse(req, res, methodRefusal);
    setClientAddress(req);
    if (isPossibleServerAction(req.method, path, req.headers)) {
      const actionRefusal = screenActionOrigin(req.headers, options.publicOrigin) ?? screenActionLength(req.headers, options.actionBodyLimitBytes);
      if (actionRefusal) return refuse(req, res, actionRefusal);
      setActionHost(req);
      return bufferAction(req, res);
    }
    void pass(req, res);
  }

  /** CONNECT never reaches `request`: Node hands over the raw socket. */
  function connect(_req: IncomingMessage, socket: Duplex): void {
    socket.end(rawRefusal({ status: 405, problem: "method" }));
  }

  /**
   * Node's parser refuses what it cannot read before any handler runs. A method it does not
   * know (TRACK, BREW) gets our 405; anything else what Node itself would answer.
   */
  function clientError(error: Error & { code?: string }, socket: Duplex): void {
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === "ECONNRESET" || !socket.writable || busy) {
      socket.destroy();
      return;
    }
    if (error.code === "HPE_INVALID_METHOD") {
      socket.end(rawRefusal({ status: 405, problem: "method" }));
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : error.code === "ERR_HTTP_REQUEST_TIMEOUT" ? "408 Request Timeout" : "400 Bad Request";
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
  }

  return { request, connect, clientError };
}

/** A fresh request carrying the already-read body, for Next to read as if from the socket. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket as never);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  copy.headers = headers;
  copy.rawHeaders = [...withoutRawHeaders(req.rawHeaders, ["transfer-encoding", "content-length"]), "Content-Length", String(body.length)];
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/** Node's flat `[name, value, ...]` header list without the headers named (in lower case). */
function withoutRawHeaders(raw: string[], names: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (!names.includes(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  }
  return out;
}

/**
 * Drops every copy of a request header from both of Node's views of it (Next reads either),
 * then sets it to `value` when one is given.
 */
function replaceHeader(req: IncomingMessage, name: string, value: string | undefined): void {
  delete req.headers[name];
  req.rawHeaders = withoutRawHeaders(req.rawHeaders, [name]);
  if (value === undefined) return;
  req.headers[name] = value;
  req.rawHeaders.push(name, value);
}
