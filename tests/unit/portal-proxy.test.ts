// proxy.ts's per-request headers, run on real NextRequests with an https and an http public
// address (the e2e tier only has the http one): HSTS, the Secure locale cookie, the Link
// header from the public address whatever Host says, the CSP nonce, 404s outside the locales.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, tileOrigin } from "@/lib/http/csp";
import { createPortalProxy } from "@/lib/http/portal-proxy";
import { HSTS_VALUE, SECURITY_HEADERS, transportSecurityHeaders } from "@/lib/http/security-headers.js";

const httpsProxy = createPortalProxy(() => ({ publicUrl: "https://invest.jiangmen.example", dev: false }));
const httpProxy = createPortalProxy(() => ({ publicUrl: "http://localhost:3000", dev: false }));

// NextURL spells 127.0.0.1 as localhost.
function get(path: string, headers: Record<string, string> = {}) {
  return new NextRequest(`http://127.0.0.1:3000${path}`, { headers });
}

describe("HSTS", () => {
  it("is sent with pages, API and files when the public address is https", () => {
    for (const path of ["/zh", "/", "/api/health", "/robots.txt", "/nope.php"]) {
      expect(httpsProxy(get(path)).headers.get("strict-transport-security"), path).toBe("max-age=63072000; includeSubDomains");
    }
    expect(HSTS_VALUE).toMatch(/max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(HSTS_VALUE)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  it("is not sent when the public address is http", () => {
    for (const path of ["/zh", "/", "/api/health"]) expect(httpProxy(get(path)).headers.get("strict-transport-security"), path).toBeNull();
    expect(transportSecurityHeaders("http://localhost:3000")).toEqual([]);
  });
});

describe("the locale cookie", () => {
  // Accept-Language says zh, the URL says en: next-intl remembers the choice in NEXT_LOCALE.
  const request = () => get("/en/parks", { "accept-language": "zh-CN,zh;q=0.9" });

  it("is Secure when the public address is https", () => {
    const cookie = httpsProxy(request()).headers.get("set-cookie");
    expect(cookie).toMatch(/^NEXT_LOCALE=en;/);
    expect(cookie).toMatch(/; Secure(;|$)/i);
    expect(cookie).toMatch(/SameSite=lax/i);
  });

  it("is not Secure over plain http (a browser would drop it on any host but localhost)", () => {
    const cookie = httpProxy(request()).headers.get("set-cookie");
    expect(cookie).toMatch(/^NEXT_LOCALE=en;/);
    expect(cookie).not.toMatch(/secure/i);
  });
});

describe("the Link header", () => {
  const expected = (base: string, rest: string) =>
    `<${base}/zh${rest}>; rel="alternate"; hreflang="zh-CN", <${base}/en${rest}>; rel="alternate"; hreflang="en", <${base}${rest || "/"}>; rel="alternate"; hreflang="x-default"`;

  it("names the page in each language at the public address, whatever Host and X-Forwarded-Host say", () => {
    const forgeries: Record<string, string>[] = [{ host: "evil.example" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" }, { host: "evil.example", "x-forwarded-host": "evil2.example" }];
    for (const forged of forgeries) {
      expect(httpsProxy(get("/zh", forged)).headers.get("link")).toBe(expected("https://invest.jiangmen.example", ""));
      expect(httpsProxy(get("/en/parks/xinhui-smart-manufacturing?x=1", forged)).headers.get("link")).toBe(
        expected("https://invest.jiangmen.example", "/parks/xinhui-smart-manufacturing"),
      );
      expect(httpProxy(get("/zh/search/", forged)).headers.get("link")).toBe(expected("http://localhost:3000", "/search"));
    }
  });

  it("is not sent with redirects or outside the pages", () => {
    const redirect = httpsProxy(get("/", { host: "evil.example" }));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get("link")).toBeNull();
    expect(httpsProxy(get("/api/health")).headers.get("link")).toBeNull();
  });
});

describe("the Content-Security-Policy", () => {
  it("carries a fresh nonce on every page response and hands the same policy to Next for its scripts", () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = httpProxy(get("/zh/search"));
      const csp = res.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
      expect(nonce).toHaveLength(24);
      nonces.add(nonce!);
      // NextResponse.next({ request: { headers } }) forwards request headers this way.
      expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    }
    expect(nonces.size).toBe(20);
  });

  it("is the strict policy the map needs, with the tile server's origin when one is set", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, https: true, tileUrl: "https://tiles.example.cn/osm/{z}/{x}/{y}.png" });
    expect(csp.split("; ")).toEqual([
      "default-src 'self'",
      "script-src 'nonce-abc' 'strict-dynamic' 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https://tiles.example.cn",
      "font-src 'self'",
      "connect-src 'self' https://tiles.example.cn",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "manifest-src 'self'",
      "upgrade-insecure-requests",
    ]);
    const plain = contentSecurityPolicy({ nonce: "abc", dev: true, https: false });
    expect(plain).toContain("script-src 'nonce-abc' 'strict-dynamic' 'self' 'unsafe-eval';");
    expect(plain).toContain("connect-src 'self';");
    expect(plain).not.toContain("upgrade-insecure-requests");
    expect(tileOrigin("not a url {z}")).toBeNull();
    expect(tileOrigin("javascript:alert(1)")).toBeNull();
  });

  it("is not sent with API answers (JSON, no scripts)", () => {
    expect(httpProxy(get("/api/land/map")).headers.get("content-security-policy")).toBeNull();
  });
});

describe("paths outside the locales", () => {
  it("answers a file-like path with the localized 404 in place (no redirect), in the visitor's language", () => {
    const en = httpProxy(get("/nope.php", { "accept-language": "en-US,en;q=0.9" }));
    expect(en.headers.get("location")).toBeNull();
    expect(en.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/en/nope.php");
    expect(en.headers.get("content-security-policy")).toMatch(/'nonce-/);
    const zh = httpProxy(get("/wp-admin/setup.php?x=1", { cookie: "NEXT_LOCALE=zh", "accept-language": "en" }));
    expect(zh.headers.get("x-middleware-rewrite")).toBe("http://localhost:3000/zh/wp-admin/setup.php?x=1");
  });

  it("still redirects a page path without a locale to it", () => {
    const res = httpProxy(get("/search?minArea=5", { "accept-language": "en" }));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("http://localhost:3000/en/search?minArea=5");
  });
});

it("keeps the static hardening headers in one exported list", () => {
  expect(SECURITY_HEADERS.map((h) => h.key)).toEqual(["X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options", "Permissions-Policy", "Cross-Origin-Opener-Policy"]);
});
