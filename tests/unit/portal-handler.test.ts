// The portal's HTTP front (the code scripts/portal-server.ts runs) on a real socket, with a
// stand-in for Next that records what it was handed.
import http, { type IncomingMessage } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPortalHandler } from "@/lib/http/portal-handler";

interface Seen {
  headers: IncomingMessage["headers"];
  rawHeaders: string[];
  body: string;
}

const LIMIT = 1024;
let server: http.Server | undefined;

afterEach(async () => {
  await new Promise((r) => server?.close(r));
  server = undefined;
});

async function start(hops: number): Promise<{ base: string; port: number; seen: Seen[] }> {
  const seen: Seen[] = [];
  const front = createPortalHandler({
    trustedProxyHops: hops,
    publicOrigin: "https://portal.example.cn",
    actionBodyLimitBytes: LIMIT,
    log: () => {},
    async handle(req, res) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      seen.push({ headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString() });
      res.end("next");
    },
  });
  server = http.createServer(front.request);
  server.on("connect", front.connect);
  server.on("clientError", front.clientError);
  await new Promise<void>((r) => server!.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { base: `http://127.0.0.1:${port}`, port, seen };
}

/** One request written by hand (fetch refuses TRACE, TRACK and CONNECT), read until the server closes. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let data = "";
    socket.on("data", (d) => (data += d.toString()));
    socket.on("end", () => resolve(data));
    socket.on("error", reject);
  });
}

describe("client address", () => {
  it("TRUSTED_PROXY_HOPS=0: the socket's address; forged X-Forwarded-For and internal header change nothing", async () => {
    const { base, seen } = await start(0);
    for (const forged of ["6.6.6.6", "", "6.6.6.6,", "1.1.1.1, 2.2.2.2"]) {
      await fetch(`${base}/zh`, { headers: { "x-forwarded-for": forged, "x-portal-client-address": "9.9.9.9", "X-Real-IP": "8.8.8.8" } });
    }
    expect(seen.map((s) => s.headers["x-portal-client-address"])).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    // Only the server's copy is left, in either view of the headers.
    for (const s of seen) expect(s.rawHeaders.filter((h) => h.toLowerCase() === "x-portal-client-address")).toHaveLength(1);
    expect(seen[0]!.rawHeaders).not.toContain("9.9.9.9");
  });

  it("TRUSTED_PROXY_HOPS=1: the entry our proxy appended; unknown (no header) when it is missing or not an address", async () => {
    const { base, seen } = await start(1);
    for (const xff of ["6.6.6.6, 198.51.100.4", "198.51.100.4,", "", "not-an-ip"]) {
      await fetch(`${base}/zh`, { headers: { "x-forwarded-for": xff, "x-portal-client-address": "9.9.9.9" } });
    }
    await fetch(`${base}/zh`, { headers: { "x-portal-client-address": "9.9.9.9" } });
    expect(seen.map((s) => s.headers["x-portal-client-address"] ?? null)).toEqual(["198.51.100.4", null, null, null, null]);
  });
});

describe("screening", () => {
  it("answers malformed percent-encoding with its own 400 page and never calls Next", async () => {
    const { base, seen } = await start(0);
    for (const path of ["/zh/parcels/%E0%A4%A", "/%E0%A4%A", "/_next/static/%E0%A4%A"]) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(await res.text()).toContain("This link is malformed");
    }
    expect((await fetch(`${base}/zh/parcels/100%25`)).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("answers TRACE, TRACK and CONNECT with 405 and Allow", async () => {
    const { port, seen } = await start(0);
    // A page names the page methods; the API (and what Node refuses before a path is read) all.
    for (const [line, allow] of [
      ["TRACE /zh HTTP/1.1", "GET, HEAD, POST"],
      ["TRACE /api/land/map HTTP/1.1", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
      ["TRACK /zh HTTP/1.1", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
      ["CONNECT example.com:443 HTTP/1.1", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
      ["BREW /pot HTTP/1.1", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ]) {
      const answer = await raw(port, `${line}\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      expect(answer, line).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
      expect(answer, line).toContain(`Allow: ${allow}\r\n`);
      expect(answer, line).toContain("X-Content-Type-Options: nosniff\r\n");
    }
    expect(seen).toHaveLength(0);
  });

  it("refuses a cross-site or origin-less server action with 403, and passes a same-site one", async () => {
    const { base, seen } = await start(0);
    const post = (headers: Record<string, string>) => fetch(`${base}/zh/inquiry`, { method: "POST", headers: { "next-action": "x", ...headers }, body: "[]" });
    expect((await post({})).status).toBe(403);
    expect((await post({ origin: "" })).status).toBe(403);
    expect((await post({ origin: "http://evil.example" })).status).toBe(403);
    const refused = await post({ origin: "null" });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("did not come from this site");
    expect(seen).toHaveLength(0);
    expect((await post({ origin: base })).status).toBe(200);
    expect((await post({ origin: "https://portal.example.cn" })).status).toBe(200);
    expect(seen).toHaveLength(2);
  });

  it("refuses a Next-Action body that is no argument list with 400, and passes an argument list to Next", async () => {
    const { base, seen } = await start(0);
    const post = (body: string) =>
      fetch(`${base}/zh/inquiry`, { method: "POST", headers: { origin: base, "next-action": "abc", "content-type": "text/plain;charset=UTF-8" }, body });
    for (const body of ['"hello"', "{}", "not json", "null", ""]) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(await res.text(), body).toContain("无法读取此请求");
    }
    expect(seen).toEqual([]);
    const ok = await post('[null,"x"]');
    expect(ok.status).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(['[null,"x"]']);
  });

  it("refuses a form body that does not parse as form data, or whose $ACTION fields are no JSON, with 400", async () => {
    const { base, seen } = await start(0);
    const post = (type: string, body: string) => fetch(`${base}/en/inquiry`, { method: "POST", headers: { origin: base, "content-type": type }, body });
    const part = (name: string, value: string) => `--zzz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    for (const [type, body] of [
      ["multipart/form-data; boundary=zzz", ""],
      ["multipart/form-data", part("a", "1") + "--zzz--\r\n"],
      ["multipart/form-data; boundary=zzz", `${part("a", "1")}--zzz`],
      ["multipart/form-data; boundary=zzz", `${part("$ACTION_1:1", "not json")}--zzz--\r\n`],
    ] as const) {
      const res = await post(type, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.text()).toContain("This request could not be read");
    }
    expect(seen).toEqual([]);
    const ok = await post("multipart/form-data; boundary=zzz", `${part("$ACTION_1:1", "[null]")}${part("contactName", "Anna")}--zzz--\r\n`);
    expect(ok.status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("tells Next the host of the Origin it accepted, so a proxy that rewrites Host does not break actions", async () => {
    const { base, seen } = await start(1);
    const res = await fetch(`${base}/en/inquiry`, {
      method: "POST",
      headers: { origin: "https://portal.example.cn", "x-forwarded-host": "evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(res.status).toBe(200);
    expect(seen[0]!.headers["x-forwarded-host"]).toBe("portal.example.cn");
    expect(seen[0]!.rawHeaders.filter((h) => h.toLowerCase() === "x-forwarded-host")).toHaveLength(1);
  });

  it("refuses an action body over the limit with 413, declared or streamed, and replays a streamed one within it", async () => {
    const { base, seen } = await start(0);
    // A urlencoded form's body, which always parses, so only its size is screened.
    const headers = { "next-action": "x", origin: base, "content-type": "application/x-www-form-urlencoded" };
    const declared = await fetch(`${base}/zh/inquiry`, { method: "POST", headers, body: "a".repeat(LIMIT + 1) });
    expect(declared.status).toBe(413);
    expect(await declared.text()).toContain("提交的内容过大");
    const stream = (size: number) =>
      new ReadableStream({
        start(c) {
          for (let sent = 0; sent < size; sent += 100) c.enqueue(new TextEncoder().encode("b".repeat(Math.min(100, size - sent))));
          c.close();
        },
      });
    const chunked = (size: number) => fetch(`${base}/zh/inquiry`, { method: "POST", headers, body: stream(size), duplex: "half" } as RequestInit);
    expect((await chunked(LIMIT * 3)).status).toBe(413);
    expect(seen).toHaveLength(0);
    expect((await chunked(LIMIT)).status).toBe(200);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.body).toBe("b".repeat(LIMIT));
    expect(seen[0]!.headers["content-length"]).toBe(String(LIMIT));
    expect(seen[0]!.headers["transfer-encoding"]).toBeUndefined();
    expect(seen[0]!.headers["x-portal-client-address"]).toBe("127.0.0.1");
    // The same limit does not apply to route handlers, which check their own input.
    expect((await fetch(`${base}/api/x`, { method: "POST", headers, body: "a".repeat(LIMIT + 1) })).status).toBe(200);
  });
});
