// What proxy.ts does for every request: next-intl's locale negotiation for pages, then the
// headers that depend on the request or the deployment (CSP with a fresh nonce, HSTS, the
// language alternates). The static hardening headers come from next.config.js. Built from
// settings passed in so tests can run it with an https public address.
import createMiddleware from "next-intl/middleware";
import { withSingleDecode } from "./single-decode";
import { NextRequest, NextResponse } from "next/server";
import { routing } from "@/i18n/routing";
import { contentSecurityPolicy, newNonce } from "./csp";
import { transportSecurityHeaders } from "./security-headers.js";

export interface ProxySettings {
  /** publicBaseUrl(): the address visitors use; never the request's Host */
  publicUrl: string;
  dev: boolean;
  tileUrl?: string;
}

/** Answered by route handlers, Next itself or metadata files: no locale, no page, no CSP. */
const NOT_A_PAGE = /^\/(?:api(?:\/|$)|_next\/|_vercel\/|(?:robots\.txt|sitemap\.xml|icon\.svg|favicon\.ico)$)/;
const LOCALE_PREFIX = new RegExp(`^/(${routing.locales.join("|")})(?=/|$)`);
const HREFLANG: Record<(typeof routing.locales)[number], string> = { zh: "zh-CN", en: "en" };

/**
 * The `Link` header naming this page in each language (as next-intl's would, and with the
 * sitemap's hreflang codes), built from the configured public address: next-intl builds it
 * from the request's Host / X-Forwarded-Host, which anyone can forge and a cache may keep.
 */
export function alternateLinksHeader(publicUrl: string, pathname: string): string | null {
  const match = LOCALE_PREFIX.exec(pathname);
  if (!match) return null;
  const rest = pathname.slice(match[0].length).replace(/\/+$/, "");
  const links = routing.locales.map((locale) => `<${publicUrl}/${locale}${rest}>; rel="alternate"; hreflang="${HREFLANG[locale]}"`);
  links.push(`<${publicUrl}${rest || "/"}>; rel="alternate"; hreflang="x-default"`);
  return links.join(", ");
}

export function createPortalProxy(settings: () => ProxySettings) {
  let intl: ((request: NextRequest) => NextResponse) | undefined;

  return function proxy(request: NextRequest): NextResponse {
    const s = settings();
    const pathname = request.nextUrl.pathname;
    const response = NOT_A_PAGE.test(pathname) ? NextResponse.next() : page(request, s);
    for (const { key, value } of transportSecurityHeaders(s.publicUrl)) response.headers.set(key, value);
    return response;
  };

  function page(request: NextRequest, s: ProxySettings): NextResponse {
    const https = s.publicUrl.startsWith("https://");
    intl ??= withSingleDecode(createMiddleware({
      ...routing,
      // Our own Link header below, built from the public address.
      alternateLinks: false,
      // Secure when the site is served over https (its public address), not when NODE_ENV is
      // production: a local `npm start` is production over plain http, and on any http host
      // but localhost a browser drops a Secure cookie, so the language choice would not stick.
      localeCookie: https ? { secure: true } : {},
    }));
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ nonce, dev: s.dev, tileUrl: s.tileUrl, https });
    // Next reads the nonce from the request's CSP header and puts it on its own scripts;
    // x-nonce is for a server component that renders a <script> of its own.
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    headers.set("x-nonce", nonce);
    const forwarded = new NextRequest(request, { headers });
    let response = intl(forwarded);
    const location = response.headers.get("location");
    if (location && isFileLike(request.nextUrl.pathname)) {
      // `/nope.php` has no locale, so next-intl would redirect it to `/zh/nope.php` only for
      // that to be a 404: answer the localized 404 right here instead (same language choice).
      const target = new URL(location, request.url);
      response = NextResponse.rewrite(new URL(target.pathname + target.search, request.nextUrl), { request: { headers } });
    }
    response.headers.set("Content-Security-Policy", csp);
    const links = location ? null : alternateLinksHeader(s.publicUrl, request.nextUrl.pathname);
    if (links) response.headers.set("Link", links);
    return response;
  }
}

/** A path whose last segment has an extension (`/wp-login.php`): never one of our pages. */
function isFileLike(pathname: string): boolean {
  return /\.[^/]*$/.test(pathname) && !LOCALE_PREFIX.test(pathname);
}
