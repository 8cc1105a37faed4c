// The headers of every public page and API route of the running portal (`npm start`, plain
// http): crawled from sitemap.xml plus the pages it does not list (search results, block,
// parcel, compare, inquiry, 404s) and every route handler under app/api. A page carries a CSP
// with a fresh nonce that every <script> in it has; nothing carries HSTS over http; the
// language alternates name the public address, not whatever Host the request claims.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SECURITY_HEADERS } from "@/lib/http/security-headers.js";

const baseUrl = inject("baseUrl");

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain HTTP request (fetch cannot forge Host), without following redirects. */
function request(pathAndQuery: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  const url = new URL(pathAndQuery, baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The language alternates of a Link header (Next adds its own preload entries after them). */
const alternates = (link: string | undefined) => (link ?? "").split(/,\s*(?=<)/).filter((e) => e.includes('rel="alternate"')).join(", ");

/** The React Server Components payload inlined in a page (what the browser renders from). */
function flight(html: string): string {
  return [...html.matchAll(/self\.__next_f\.push\(\[1,(".*?")\]\)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as string).join("");
}

const header = (a: Answer, name: string) => {
  const v = a.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(", ") : v;
};

/** Route handlers under app/api, as URLs (dynamic segments filled with a value that exists nowhere). */
function apiRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const segment = /^\[\[?\.\.\./.test(entry.name) ? "" : /^\[/.test(entry.name) ? "x" : entry.name;
        walk(path.join(dir, entry.name), segment ? `${url}/${segment}` : url);
      } else if (/^route\.(ts|js)$/.test(entry.name)) found.push(url);
    }
  };
  walk("app/api", "/api");
  return found;
}

const REQUIRED_CSP = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "worker-src 'self' blob:", "connect-src 'self'"];

describe.skipIf(!baseUrl)("headers of every public page and API route", () => {
  it("pages: a strict CSP with a fresh nonce on every <script>, the hardening headers, no HSTS over http, Link from the public address", { timeout: 300_000 }, async () => {
    const sitemap = await request("/sitemap.xml");
    expect(sitemap.status).toBe(200);
    const locs = [...sitemap.body.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    expect(locs.length).toBe(80);
    // The public address the portal was started with (NEXTAUTH_URL, or http://localhost:PORT).
    const publicUrl = locs[0]!.origin;

    const pages = new Map<string, number>(locs.map((u) => [u.pathname, 200]));
    for (const locale of ["zh", "en"]) {
      const search = await request(`/${locale}/search?minArea=500`);
      pages.set(`/${locale}/search?minArea=500`, 200);
      const blocks = [...search.body.matchAll(/href="(\/(?:zh|en)\/blocks\/[^"?]+)(\?[^"]*)?"/g)];
      expect(blocks.length, `${locale} search results`).toBeGreaterThan(1);
      const block = blocks[0]![1]! + (blocks[0]![2] ?? "").replaceAll("&amp;", "&");
      pages.set(block, 200);
      const keys = blocks.slice(0, 2).map((m) => decodeURIComponent(m[1]!.split("/").pop()!));
      pages.set(`/${locale}/compare?minArea=500&compare=${encodeURIComponent(keys.join(","))}`, 200);
      const parcel = /href="(\/(?:zh|en)\/parcels\/[^"?#]+)"/.exec((await request(block)).body)?.[1];
      expect(parcel, `${locale} block page links a parcel`).toBeTruthy();
      pages.set(parcel!, 200);
      pages.set(`/${locale}/search?view=parcels&minArea=30`, 200);
      pages.set(`/${locale}/inquiry`, 200);
      pages.set(`/${locale}/inquiry?block=${encodeURIComponent(keys[0]!)}`, 200);
      pages.set(`/${locale}/no/such/page`, 404);
      pages.set(`/${locale}/parks/no-such-park`, 404);
      pages.set(`/${locale}/nope.php`, 404);
    }
    for (const p of ["/nope.php", "/wp-login.php", "/.env", "/admin/config.bak"]) pages.set(p, 404);

    const nonces = new Set<string>();
    const problems: string[] = [];
    for (const [page, status] of pages) {
      const res = await request(page, { "accept-language": "en" });
      const where = `${page} (${res.status})`;
      if (res.status !== status) problems.push(`${where}: expected HTTP ${status}`);
      if (!/^text\/html/.test(header(res, "content-type") ?? "")) problems.push(`${where}: content-type ${header(res, "content-type")}`);
      const csp = header(res, "content-security-policy") ?? "";
      const nonce = /script-src 'nonce-([A-Za-z0-9+/=]{16,})' 'strict-dynamic'/.exec(csp)?.[1];
      if (!nonce) {
        problems.push(`${where}: no nonce script-src in CSP "${csp}"`);
        continue;
      }
      if (nonces.has(nonce)) problems.push(`${where}: nonce ${nonce} seen before`);
      nonces.add(nonce);
      for (const d of REQUIRED_CSP) if (!csp.split("; ").includes(d)) problems.push(`${where}: CSP lacks ${d}`);
      if (/'unsafe-inline'|'unsafe-eval'/.test(/script-src[^;]*/.exec(csp)![0])) problems.push(`${where}: script-src allows unsafe-*`);
      const scripts = [...res.body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      if (scripts.length === 0) problems.push(`${where}: no <script> at all (not a Next page?)`);
      for (const s of scripts) if (!s.includes(` nonce="${nonce}"`)) problems.push(`${where}: ${s.slice(0, 120)} without this response's nonce`);
      for (const { key, value } of SECURITY_HEADERS) if (header(res, key) !== value) problems.push(`${where}: ${key}: ${header(res, key)}`);
      if (header(res, "strict-transport-security") !== undefined) problems.push(`${where}: HSTS over http`);
      if (header(res, "x-powered-by") !== undefined) problems.push(`${where}: X-Powered-By`);
      const locale = /^\/(zh|en)(?=\/|$)/.exec(page)?.[1];
      if (locale) {
        const rest = new URL(page, baseUrl).pathname.slice(locale.length + 1).replace(/\/$/, "");
        const link = `<${publicUrl}/zh${rest}>; rel="alternate"; hreflang="zh-CN", <${publicUrl}/en${rest}>; rel="alternate"; hreflang="en", <${publicUrl}${rest || "/"}>; rel="alternate"; hreflang="x-default"`;
        if (alternates(header(res, "link")) !== link) problems.push(`${where}: Link ${header(res, "link")}`);
      }
    }
    expect(problems).toEqual([]);
    expect(nonces.size).toBe(pages.size);
  });

  it("builds the Link header and redirects from the public address whatever Host and X-Forwarded-Host say", async () => {
    const publicUrl = new URL(/<loc>([^<]+)<\/loc>/.exec((await request("/sitemap.xml")).body)![1]!).origin;
    const forgeries: Record<string, string>[] = [{ host: "evil.example" }, { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, { host: "evil.example", "x-forwarded-host": "evil2.example" }];
    for (const forged of forgeries) {
      const what = JSON.stringify(forged);
      const home = await request("/zh", forged);
      expect(home.status, what).toBe(200);
      expect(alternates(header(home, "link")), what).toBe(
        `<${publicUrl}/zh>; rel="alternate"; hreflang="zh-CN", <${publicUrl}/en>; rel="alternate"; hreflang="en", <${publicUrl}/>; rel="alternate"; hreflang="x-default"`,
      );
      const parks = await request("/en/parks", forged);
      expect(alternates(header(parks, "link")), what).toContain(`<${publicUrl}/zh/parks>; rel="alternate"; hreflang="zh-CN"`);
      expect(JSON.stringify(parks.headers), what).not.toContain("evil");
      // The locale redirect stays on this site: a path, no host.
      const root = await request("/", { ...forged, "accept-language": "en" });
      expect(root.status, what).toBe(307);
      expect(header(root, "location"), what).toBe("/en");
    }
  });

  it("sets the locale cookie without Secure over plain http (a browser would drop it on any host but localhost)", async () => {
    const res = await request("/en/parks", { "accept-language": "zh-CN,zh;q=0.9" });
    const cookie = header(res, "set-cookie") ?? "";
    expect(cookie).toMatch(/^NEXT_LOCALE=en; Path=\/; SameSite=lax$/i);
  });

  it("answers 404 outside the locales in the visitor's language, with the page's CSP and no redirect", async () => {
    for (const [headers, lang, text] of [
      [{ "accept-language": "en-GB,en;q=0.9" }, "en", "This page does not exist"],
      [{ "accept-language": "zh-CN,zh;q=0.9" }, "zh-CN", "页面不存在"],
      [{ "accept-language": "en", cookie: "NEXT_LOCALE=zh" }, "zh-CN", "页面不存在"],
    ] as const) {
      for (const p of ["/nope.php", "/cgi-bin/test.cgi?x=1"]) {
        const res = await request(p, headers);
        expect(res.status, p).toBe(404);
        // In the language the visitor asked for: in the inlined payload React renders from,
        // and in the HTML itself (the portal server fills Next's shell in: vercel/next.js#62228).
        expect(res.body, p).toContain(`lang="${lang}"`);
        expect(res.body, p).toContain(`>${text}</h1>`);
        const payload = flight(res.body);
        expect(payload, p).toContain(`["$","html",null,{"lang":"${lang}"`);
        expect(payload, p).toContain(`"children":"${text}"}]`);
        expect(header(res, "content-security-policy"), p).toMatch(/'nonce-/);
      }
    }
  });

  it("API: JSON 404 for unknown /api paths with any method, hardening headers and no HSTS on every route", async () => {
    const routes = apiRoutes();
    expect(routes).toContain("/api/health");
    expect(routes).toContain("/api/land/map");
    const problems: string[] = [];
    const check = (where: string, res: Answer) => {
      for (const { key, value } of SECURITY_HEADERS) if (header(res, key) !== value) problems.push(`${where}: ${key}: ${header(res, key)}`);
      if (header(res, "strict-transport-security") !== undefined) problems.push(`${where}: HSTS over http`);
      // Export routes answer with the file asked for (GeoJSON by default); every other answer is JSON.
      const type = where.split("?")[0]!.endsWith("/export") ? /^application\/(geo\+)?json/ : /^application\/json/;
      if (!type.test(header(res, "content-type") ?? "")) problems.push(`${where}: content-type ${header(res, "content-type")}`);
    };
    for (const route of [...routes.filter((r) => r !== "/api"), "/api/land/map?minArea=500", "/api/land/map?minArea=abc"]) {
      const res = await request(route);
      if (res.status >= 500) problems.push(`${route}: HTTP ${res.status}`);
      check(route, res);
    }
    for (const p of ["/api", "/api/nope", "/api/nope.php", "/api/land", "/api/land/map/extra", "/api/%E4%B8%AD"]) {
      for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
        const res = await request(p, { "content-type": "application/json", accept: "text/html" }, method);
        const where = `${method} ${p}`;
        if (res.status !== 404) problems.push(`${where}: HTTP ${res.status}`);
        check(where, res);
        if (res.body !== '{"error":"not found"}') problems.push(`${where}: body ${res.body.slice(0, 80)}`);
      }
      const head = await request(p, {}, "HEAD");
      if (head.status !== 404 || !/^application\/json/.test(header(head, "content-type") ?? "")) problems.push(`HEAD ${p}: ${head.status} ${header(head, "content-type")}`);
    }
    expect(problems).toEqual([]);
  });
});
