// The localized 404 page in the HTML itself, readable without JavaScript. Next 16 does not
// server-render a not-found boundary: `notFound()` thrown while rendering (our catch-all
// app/[locale]/[...rest], an unknown park/parcel/block) fails the HTML shell, because React's
// server renderer has no error boundaries; Next then sends its error-recovery document
// (`<html id="__next_error__">`, empty body, no lang) and the browser renders
// app/[locale]/not-found.tsx from the inlined RSC payload (vercel/next.js#62228, open; only an
// unmatched URL, which we never have under a locale, goes through the server-rendered
// /_not-found route). So the portal's HTTP server fills that shell in where the response
// leaves the process: the document gets its `lang` and the not-found page's text and links.
// Next's scripts and payload stay as they are: with JavaScript, React replaces the body with
// the full page (header, footer) exactly as before. No inline script or style: CSP unchanged.
//
// scripts/portal-server.ts calls `withNotFoundShell(req, res, () => handle(req, res))`.
import type http from "node:http";
import zlib from "node:zlib";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { escapeHtml, localeOfPath } from "./html";

const SHELL_OPEN = '<html id="__next_error__">';

/**
 * The language Next rendered the page in: the root layout's `<html lang>` in the RSC payload
 * (the proxy may have rewritten `/nope.php` to the visitor's language, which the path no
 * longer shows); the path's locale, then Chinese (the default), otherwise.
 */
export function shellLocale(html: string, url: string): "zh" | "en" {
  const lang = /\\"html\\",null,\{\\"lang\\":\\"(zh-CN|en)\\"/.exec(html)?.[1];
  if (lang) return lang === "en" ? "en" : "zh";
  return localeOfPath(url);
}

/** The not-found page's content (app/[locale]/not-found.tsx) as plain markup. */
export function notFoundMarkup(locale: "zh" | "en"): string {
  const t = (locale === "zh" ? zh : en).notFound;
  const link = (path: string, text: string) => `<li><a class="text-brand-700 underline" href="/${locale}${path}">${escapeHtml(text)}</a></li>`;
  // The classes of app/[locale]/not-found.tsx and the layout's <body>, for the site's stylesheet.
  return (
    `<main id="main" class="min-h-screen bg-stone-50 font-sans text-stone-900 antialiased"><div class="mx-auto max-w-3xl px-4 py-16">` +
    `<p class="text-sm font-medium text-brand-700">404</p><h1 class="mt-1 text-2xl font-bold sm:text-3xl">${escapeHtml(t.title)}</h1>` +
    `<p class="mt-3 text-stone-600">${escapeHtml(t.body)}</p>` +
    `<ul class="mt-6 flex flex-wrap gap-4">${link("/search", t.search)}${link("/parks", t.parks)}${link("", t.home)}</ul></div></main>`
  );
}

/**
 * The site's stylesheets, from the `Link: <...css>; rel=preload; as="style"` header Next sends
 * with the shell (it names the CSS of the page it could not render): same-origin files, which
 * the CSP's style-src 'self' allows.
 */
export function stylesheetsFromLink(link: string): string[] {
  return [...link.matchAll(/<(\/_next\/static\/[^>]+\.css)>;\s*rel=preload;\s*as="style"/g)].map((m) => m[1]!);
}

/** Next's 404 error shell with the page filled in; any other document unchanged. */
export function fillNotFoundShell(html: string, url: string, stylesheets: string[] = []): string {
  if (!html.includes(SHELL_OPEN)) return html;
  const locale = shellLocale(html, url);
  const lang = locale === "zh" ? "zh-CN" : "en";
  const title = escapeHtml((locale === "zh" ? zh : en).notFound.title);
  const css = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("");
  return html
    .replace(SHELL_OPEN, `<html id="__next_error__" lang="${lang}">`)
    .replace(/<head>/, `<head><title>${title}</title>${css}`)
    .replace(/<body>/, `<body>${notFoundMarkup(locale)}`);
}

type Codec = { decode: (b: Buffer) => Buffer; encode: (b: Buffer) => Buffer };
const CODECS: Record<string, Codec> = {
  "": { decode: (b) => b, encode: (b) => b },
  identity: { decode: (b) => b, encode: (b) => b },
  gzip: { decode: zlib.gunzipSync, encode: zlib.gzipSync },
  deflate: { decode: zlib.inflateSync, encode: zlib.deflateSync },
  br: { decode: zlib.brotliDecompressSync, encode: zlib.brotliCompressSync },
};

const callbackOf = (args: unknown[]) => args.find((a): a is () => void => typeof a === "function");
const chunkOf = (args: unknown[]): Buffer | undefined => {
  const [data, encoding] = args;
  if (data === undefined || data === null || typeof data === "function") return undefined;
  if (typeof data === "string") return Buffer.from(data, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(data as Uint8Array);
};

/**
 * Runs `handle` (Next's request handler); an HTML 404 page load (not the RSC data of a
 * client-side navigation, not HEAD) is held back (a few kB) and sent with the shell filled in.
 * Next may compress it (its compression wraps this response): decoded, filled, encoded again.
 */
export function withNotFoundShell<T>(req: http.IncomingMessage, res: http.ServerResponse, handle: () => T): T {
  const writeHead = res.writeHead as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  const write = res.write as (this: http.ServerResponse, ...args: unknown[]) => boolean;
  const end = res.end as (this: http.ServerResponse, ...args: unknown[]) => http.ServerResponse;
  let held: Buffer[] | undefined;
  let codec: Codec | undefined;

  res.writeHead = function (this: http.ServerResponse, code: number, ...rest: unknown[]) {
    const headersAt = typeof rest[0] === "string" ? 1 : 0;
    const headers = rest[headersAt];
    const fromArgs = headers && !Array.isArray(headers) ? (headers as Record<string, unknown>) : {};
    const get = (name: string) => String(Object.entries(fromArgs).find(([k]) => k.toLowerCase() === name)?.[1] ?? this.getHeader(name) ?? "");
    const encoding = get("content-encoding").trim().toLowerCase();
    if (code === 404 && req.method === "GET" && !req.headers.rsc && get("content-type").startsWith("text/html") && encoding in CODECS && !this.headersSent) {
      held = [];
      codec = CODECS[encoding];
      // Our body is longer than Next's: chunked, no length.
      this.removeHeader("content-length");
      if (!Array.isArray(headers) && headers) rest[headersAt] = Object.fromEntries(Object.entries(fromArgs).filter(([k]) => k.toLowerCase() !== "content-length"));
    }
    return writeHead.call(this, code, ...rest);
  } as typeof res.writeHead;

  res.write = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!held) return write.apply(this, args);
    const chunk = chunkOf(args);
    if (chunk) held.push(chunk);
    const callback = callbackOf(args);
    if (callback) process.nextTick(callback);
    return true;
  } as typeof res.write;

  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!held || !codec) return end.apply(this, args);
    const chunk = chunkOf(args);
    if (chunk) held.push(chunk);
    const callback = callbackOf(args);
    const body = Buffer.concat(held);
    held = undefined;
    let out: Buffer = body;
    try {
      const html = codec.decode(body).toString("utf8");
      const filled = fillNotFoundShell(html, req.url ?? "/", stylesheetsFromLink([this.getHeader("link") ?? ""].flat().join(", ")));
      if (filled !== html) out = codec.encode(Buffer.from(filled, "utf8"));
    } catch {
      // Not what we took it for (truncated, another encoding): Next's bytes as they were.
    }
    return callback ? end.call(this, out, callback) : end.call(this, out);
  } as typeof res.end;

  return handle();
}
