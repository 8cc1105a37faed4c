// The page cache (lib/http/page-cache/handler.ts) on a real socket, in front of a stand-in for
// Next that renders a page with a fresh nonce per request (as proxy.ts and Next do) and counts
// its renders.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { newNonce } from "@/lib/http/csp";
import { createPageCache } from "@/lib/http/page-cache/handler";

let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

interface Stand {
  base: string;
  renders: string[];
  setRevision(r: bigint | Error): void;
  setText(t: string): void;
  respond: { status: number; cookie?: string };
  cache: ReturnType<typeof createPageCache>;
}

async function start(maxBytes = 1 << 20): Promise<Stand> {
  let revision: bigint | Error = 1n;
  let text = "first";
  const renders: string[] = [];
  const respond: Stand["respond"] = { status: 200 };
  async function next(req: IncomingMessage, res: ServerResponse) {
    renders.push(`${req.method} ${req.url} ae=${req.headers["accept-encoding"] ?? ""}`);
    const nonce = newNonce();
    res.statusCode = respond.status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Content-Security-Policy", `default-src 'self'; script-src 'nonce-${nonce}' 'strict-dynamic'`);
    res.setHeader("Vary", "rsc, Accept-Encoding");
    res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
    if (respond.cookie) res.setHeader("Set-Cookie", respond.cookie);
    // Streamed in pieces, as Next streams a page.
    res.write(`<!DOCTYPE html><html><head><script nonce="${nonce}">self.a=1</script></head>`);
    await new Promise((r) => setTimeout(r, 1));
    res.end(`<body><p>${text}</p>${"<i>padding</i>".repeat(500)}<script nonce="${nonce}">self.b=["${nonce}"]</script></body></html>`);
  }
  const cache = createPageCache({
    handle: next,
    maxBytes,
    revision: async () => {
      if (revision instanceof Error) throw revision;
      return revision;
    },
  });
  server = http.createServer((req, res) => void cache.handle(req, res));
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, renders, respond, cache, setRevision: (r) => (revision = r), setText: (t) => (text = t) };
}

/** A GET with Node's client (fetch would decode gzip and hide Content-Encoding). */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const cspNonce = (h: http.IncomingHttpHeaders) => /'nonce-([^']+)'/.exec(String(h["content-security-policy"]))![1]!;
const bodyNonces = (html: string) => [...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]);

describe("page cache", () => {
  it("renders once, then serves the page with a fresh nonce in the header and every place in the body", async () => {
    const s = await start();
    const first = await get(`${s.base}/en/parks`);
    expect(first.headers["x-page-cache"]).toBe("miss");
    const seen = new Set([cspNonce(first.headers)]);
    for (let i = 0; i < 5; i++) {
      const hit = await get(`${s.base}/en/parks`);
      expect(hit.status).toBe(200);
      expect(hit.headers["x-page-cache"]).toBe("hit");
      const html = hit.body.toString();
      const nonce = cspNonce(hit.headers);
      expect(seen.has(nonce)).toBe(false);
      seen.add(nonce);
      expect(bodyNonces(html)).toEqual([nonce, nonce]);
      expect(html).toContain(`self.b=["${nonce}"]`);
      expect(html).toContain("<p>first</p>");
      expect(hit.headers["content-length"]).toBe(String(hit.body.length));
      expect(hit.headers["cache-control"]).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
    }
    expect(s.renders).toEqual(["GET /en/parks ae="]);
  });

  it("asks Next for identity and gzips once per entry: a gzip client gets the same page, decoded", async () => {
    const s = await start();
    await get(`${s.base}/en`, { "accept-encoding": "gzip, br" });
    expect(s.renders).toEqual(["GET /en ae="]);
    const hit = await get(`${s.base}/en`, { "accept-encoding": "gzip, br" });
    expect(hit.headers["content-encoding"]).toBe("gzip");
    expect(hit.headers.vary).toBe("rsc, Accept-Encoding");
    const html = zlib.gunzipSync(hit.body).toString();
    expect(bodyNonces(html)).toEqual([cspNonce(hit.headers), cspNonce(hit.headers)]);
    expect(hit.body.length).toBeLessThan(Buffer.byteLength(html) / 5);
    const plain = await get(`${s.base}/en`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString().replaceAll(cspNonce(plain.headers), "N")).toBe(html.replaceAll(cspNonce(hit.headers), "N"));
  });

  it("a new public revision is a miss: the next request shows the write", async () => {
    const s = await start();
    await get(`${s.base}/en/parks/a`);
    s.setText("edited");
    expect((await get(`${s.base}/en/parks/a`)).body.toString()).toContain("<p>first</p>");
    s.setRevision(2n);
    const after = await get(`${s.base}/en/parks/a`);
    expect(after.headers["x-page-cache"]).toBe("miss");
    expect(after.body.toString()).toContain("<p>edited</p>");
    expect((await get(`${s.base}/en/parks/a`)).headers["x-page-cache"]).toBe("hit");
    expect(s.renders).toHaveLength(2);
  });

  it("the revision unreadable (database down): every request goes to Next, nothing kept is served", async () => {
    const s = await start();
    await get(`${s.base}/en/projects`);
    s.setRevision(new Error("connection refused"));
    s.respond.status = 503;
    const down = await get(`${s.base}/en/projects`);
    expect(down.status).toBe(503);
    expect(down.headers["x-page-cache"]).toBeUndefined();
    expect(s.renders).toHaveLength(2);
  });

  it("never keeps: other statuses, a session cookie set, HEAD misses, POST, staff and router requests; HEAD hits have no body", async () => {
    const s = await start();
    for (const status of [404, 500]) {
      s.respond.status = status;
      await get(`${s.base}/en/search`);
      await get(`${s.base}/en/search`);
    }
    s.respond.status = 200;
    s.respond.cookie = "session=abc; Path=/; HttpOnly";
    await get(`${s.base}/en/search`);
    await get(`${s.base}/en/search`);
    s.respond.cookie = undefined;
    expect(s.renders).toHaveLength(6);
    expect(s.cache.store.size).toBe(0);
    await get(`${s.base}/en/search`, {}, "HEAD");
    expect(s.cache.store.size).toBe(0);
    await get(`${s.base}/en/search`);
    const head = await get(`${s.base}/en/search`, {}, "HEAD");
    expect(head.headers["x-page-cache"]).toBe("hit");
    expect(head.body.length).toBe(0);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(7000);
    const before = s.renders.length;
    await get(`${s.base}/en/search`, { cookie: "next-auth.session-token=x" });
    await get(`${s.base}/en/search`, { rsc: "1" });
    await get(`${s.base}/en/search`, {}, "POST");
    await get(`${s.base}/en/staff/parks`);
    await get(`${s.base}/en/staff/parks`);
    expect(s.renders.length - before).toBe(5);
  });

  it("the locale cookie next-intl sets is kept only for the requests that would get it", async () => {
    const s = await start();
    s.respond.cookie = "NEXT_LOCALE=en; Path=/; SameSite=lax";
    await get(`${s.base}/en`);
    const hit = await get(`${s.base}/en`);
    expect(hit.headers["x-page-cache"]).toBe("hit");
    expect(hit.headers["set-cookie"]).toEqual(["NEXT_LOCALE=en; Path=/; SameSite=lax"]);
    s.respond.cookie = undefined;
    const same = await get(`${s.base}/en`, { cookie: "NEXT_LOCALE=en" });
    expect(same.headers["x-page-cache"]).toBe("miss");
    expect(same.headers["set-cookie"]).toBeUndefined();
  });

  it("one render for a burst of requests to a page being rendered; each still gets its own nonce", async () => {
    const s = await start();
    const burst = await Promise.all(Array.from({ length: 8 }, () => get(`${s.base}/en/parcels/JM-1`)));
    expect(s.renders).toEqual(["GET /en/parcels/JM-1 ae="]);
    expect(burst.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(new Set(burst.map((r) => cspNonce(r.headers))).size).toBe(8);
    for (const r of burst) expect(bodyNonces(r.body.toString())).toEqual([cspNonce(r.headers), cspNonce(r.headers)]);
    // A render that is not kept (a 404) sends the waiting requests to Next themselves.
    s.respond.status = 404;
    await Promise.all(Array.from({ length: 3 }, () => get(`${s.base}/en/parcels/JM-2`)));
    expect(s.renders.filter((r) => r.includes("JM-2"))).toHaveLength(3);
  });

  it("stays within its byte budget", async () => {
    const s = await start(30_000);
    for (let i = 0; i < 10; i++) await get(`${s.base}/en/parks/p${i}`);
    expect(s.cache.store.bytes).toBeLessThanOrEqual(30_000);
    expect(s.cache.store.size).toBeGreaterThan(0);
    expect(s.cache.store.keys().at(-1)).toContain("/en/parks/p9");
  });
});
