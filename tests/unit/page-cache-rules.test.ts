// The page cache's pure parts: which requests and responses it may keep and under which key,
// the nonce template (identity and gzip), the LRU byte budget, and the order of revision reads.
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coalescedReader } from "@/lib/http/page-cache/revision";
import { acceptsGzip, nonceOf, normalisedQuery, planRequest, refuseResponse } from "@/lib/http/page-cache/rules";
import { LruStore } from "@/lib/http/page-cache/store";
import { fill, fillGzip, makeTemplate, splitOnNonce } from "@/lib/http/page-cache/template";

const DAY = "2026-12-02";
const plan = (url: string, headers: Record<string, string> = {}, method = "GET") => planRequest(method, url, headers, DAY);

describe("planRequest: what is kept, under which key", () => {
  it("keeps the public pages, keyed by day, locale variant, path and sorted query", () => {
    expect(plan("/en")?.key).toBe(`${DAY} al: /en`);
    expect(plan("/zh/parks")?.key).toBe(`${DAY} al: /zh/parks`);
    expect(plan("/en/parks/xinhui-new-energy-battery")?.key).toBe(`${DAY} al: /en/parks/xinhui-new-energy-battery`);
    expect(plan("/en/projects?industry=A&industry=B")?.key).toBe(`${DAY} al: /en/projects?industry=A&industry=B`);
    expect(plan("/en/parcels/JM-001")?.locale).toBe("en");
    expect(plan("/en/search?minArea=500&county=B&county=A", {}, "HEAD")?.key).toBe(`${DAY} al: /en/search?county=B&county=A&minArea=500`);
    expect(plan("/en/search?b=1&a=2")?.key).toBe(plan("/en/search?a=2&b=1")?.key);
    // Another China day is another entry: what is ready or handed over "by today" moves.
    expect(planRequest("GET", "/en", {}, "2026-12-03")?.key).not.toBe(plan("/en")?.key);
  });

  it("keys on exactly what decides next-intl's locale cookie", () => {
    expect(plan("/en", { "accept-language": "en-GB,en;q=0.9" })?.key).toBe(`${DAY} al:en-gb,en;q=0.9 /en`);
    expect(plan("/en", { cookie: "NEXT_LOCALE=en" })?.key).toBe(`${DAY} same /en`);
    expect(plan("/en", { cookie: "a=1; NEXT_LOCALE=zh" })?.key).toBe(`${DAY} other /en`);
    expect(plan("/en", { "sec-fetch-dest": "document", cookie: "NEXT_LOCALE=en" })?.key).toBe(`${DAY} same /en`);
    expect(plan("/en", { "sec-fetch-dest": "iframe", cookie: "NEXT_LOCALE=zh" })?.key).toBe(`${DAY} bg /en`);
  });

  it("never keeps other methods, other paths, router/action requests or staff requests", () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) expect(plan("/en", {}, method)).toBeNull();
    for (const url of ["/", "/en/staff", "/en/staff/parks", "/api/land/map", "/api/health", "/en/inquiry", "/en/compare", "/en/alerts/confirm/x", "/en/inquiry/status/x", "/fr", "/en/parks/", "/en/parks/a/b", "/_next/static/x.js", "/en/search?_rsc=1"]) {
      expect(plan(url), url).toBeNull();
    }
    for (const h of ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"]) expect(plan("/en", { [h]: "1" }), h).toBeNull();
    expect(plan("/en", { cookie: "next-auth.session-token=abc" })).toBeNull();
    expect(plan("/en", { cookie: "NEXT_LOCALE=en; __Secure-next-auth.session-token.0=abc" })).toBeNull();
    expect(plan("/en", { cookie: "next-auth.csrf-token=abc" })).not.toBeNull();
  });

  it("a query's parameters are ordered by name, a repeated name keeping its order", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "minArea"), fc.string({ maxLength: 4 })), { maxLength: 6 }), (pairs) => {
        const shuffled = [...pairs].reverse();
        const byName = (ps: [string, string][]) => ["a", "b", "minArea"].map((n) => ps.filter((p) => p[0] === n).map((p) => p[1]));
        const once = normalisedQuery(new URLSearchParams(pairs).toString());
        expect(normalisedQuery(once)).toBe(once);
        expect(byName([...new URLSearchParams(normalisedQuery(new URLSearchParams(shuffled).toString()))] as [string, string][])).toEqual(byName(shuffled));
      }),
    );
  });
});

describe("refuseResponse: what may be stored", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  it("only a 200 HTML page in identity with a nonce, no cookie but its own locale's", () => {
    expect(refuseResponse(200, html, "en", "n")).toBeNull();
    expect(refuseResponse(200, { ...html, "set-cookie": ["NEXT_LOCALE=en; Path=/; SameSite=lax"] }, "en", "n")).toBeNull();
    expect(refuseResponse(404, html, "en", "n")).toBe("status");
    expect(refuseResponse(500, html, "en", "n")).toBe("status");
    expect(refuseResponse(503, html, "en", "n")).toBe("status");
    expect(refuseResponse(307, html, "en", "n")).toBe("status");
    expect(refuseResponse(200, { "content-type": "text/x-component" }, "en", "n")).toBe("type");
    expect(refuseResponse(200, { ...html, "content-encoding": "gzip" }, "en", "n")).toBe("encoded");
    expect(refuseResponse(200, { ...html, "set-cookie": "session=1; Path=/" }, "en", "n")).toBe("cookie");
    expect(refuseResponse(200, { ...html, "set-cookie": ["NEXT_LOCALE=en; Path=/", "x=1"] }, "en", "n")).toBe("cookie");
    expect(refuseResponse(200, { ...html, "set-cookie": "NEXT_LOCALE=zh; Path=/" }, "en", "n")).toBe("cookie");
    expect(refuseResponse(200, html, "en", null)).toBe("nonce");
  });

  it("finds the CSP nonce; reads Accept-Encoding", () => {
    expect(nonceOf("default-src 'self'; script-src 'nonce-AbCdEfGhIjKlMnOpQrStUv==' 'strict-dynamic'")).toBe("AbCdEfGhIjKlMnOpQrStUv==");
    expect(nonceOf("default-src 'self'")).toBeNull();
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("the nonce template", () => {
  const OLD = "OLDnonceOLDnonceOLDnon==";
  const page = Buffer.from(`<html><script nonce="${OLD}">a()</script>${"x".repeat(70_000)}<script nonce="${OLD}">b("${OLD}")</script>中文</html>`);

  it("every place of the old nonce gets the new one, in identity and in gzip", () => {
    const t = makeTemplate(page, OLD, true);
    expect(t.pieces).toHaveLength(4);
    const fresh = "NEWnonceNEWnonceNEWnon==";
    const expected = page.toString().replaceAll(OLD, fresh);
    expect(fill(t, fresh).toString()).toBe(expected);
    const gz = Buffer.concat(fillGzip(t, fresh)!);
    expect(zlib.gunzipSync(gz).toString()).toBe(expected);
    expect(gz.length).toBeLessThan(page.length / 10);
    expect(fill(t, fresh).includes(OLD)).toBe(false);
  });

  it("round-trips any body and nonce (gzip included)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.constant("NONCE")), { maxLength: 8 }), fc.base64String({ minLength: 24, maxLength: 24 }), (parts, fresh) => {
        const body = Buffer.from(parts.join(""));
        const t = makeTemplate(body, "NONCE", true);
        const expected = parts.join("").replaceAll("NONCE", fresh);
        expect(fill(t, fresh).toString()).toBe(expected);
        expect(zlib.gunzipSync(Buffer.concat(fillGzip(t, fresh)!)).toString()).toBe(expected);
      }),
      { numRuns: 200 },
    );
    expect(splitOnNonce(Buffer.from("NONCE"), "NONCE").map(String)).toEqual(["", ""]);
  });
});

describe("LruStore: bounded by bytes", () => {
  it("evicts the least recently used; refuses an entry over the whole budget", () => {
    const s = new LruStore<{ bytes: number }>(100);
    s.set("a", { bytes: 40 });
    s.set("b", { bytes: 40 });
    s.get("a");
    s.set("c", { bytes: 40 });
    expect(s.keys()).toEqual(["a", "c"]);
    expect(s.bytes).toBe(80);
    s.set("a", { bytes: 10 });
    expect(s.bytes).toBe(50);
    expect(s.set("huge", { bytes: 101 })).toBe(false);
    expect(s.keys()).toEqual(["c", "a"]);
  });

  it("never holds more than its budget", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("a", "b", "c", "d", "e"), fc.integer({ min: 1, max: 60 }), fc.boolean())), (ops) => {
        const s = new LruStore<{ bytes: number }>(100);
        for (const [k, bytes, read] of ops) {
          if (read) s.get(k);
          else s.set(k, { bytes });
          expect(s.bytes).toBeLessThanOrEqual(100);
          expect(s.bytes).toBe(s.keys().reduce((n, key) => n + s.get(key)!.bytes, 0));
        }
      }),
    );
  });
});

describe("coalescedReader: a request trusts only a read that started after it arrived", () => {
  function manualReads() {
    const started: { resolve: (v: bigint) => void; reject: (e: Error) => void }[] = [];
    const read = () => new Promise<bigint>((resolve, reject) => started.push({ resolve, reject }));
    return { started, read: coalescedReader(read) };
  }
  const tick = () => new Promise((r) => setTimeout(r, 0));

  it("a request arriving during a read waits for the next; those arriving before it starts share it", async () => {
    const { started, read } = manualReads();
    const a = read();
    await tick();
    expect(started).toHaveLength(1);
    // The write commits now; B and C arrive while A's read (started before) is in flight.
    const b = read();
    const c = read();
    await tick();
    expect(started).toHaveLength(1);
    started[0]!.resolve(1n);
    expect(await a).toBe(1n);
    await tick();
    expect(started).toHaveLength(2);
    // D arrives after the second read started: it may not join it.
    const d = read();
    started[1]!.resolve(2n);
    expect(await b).toBe(2n);
    expect(await c).toBe(2n);
    await tick();
    expect(started).toHaveLength(3);
    started[2]!.resolve(3n);
    expect(await d).toBe(3n);
  });

  it("a failed read fails its requests only; the next request reads again", async () => {
    const { started, read } = manualReads();
    const a = read();
    const b = read();
    await tick();
    started[0]!.reject(new Error("down"));
    await expect(a).rejects.toThrow("down");
    await tick();
    started[1]!.resolve(5n);
    expect(await b).toBe(5n);
    const c = read();
    await tick();
    expect(started).toHaveLength(3);
    started[2]!.resolve(6n);
    expect(await c).toBe(6n);
  });
});
