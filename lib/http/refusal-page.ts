// The answer the portal's HTTP server gives itself when it refuses a request (lib/http/
// screening.ts): a short page in both languages (the locale is not known yet, and may be the
// malformed part), with the hardening headers every page has, and no detail of the internals.
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./action-limits.js";
import { escapeHtml } from "./html";
import { SECURITY_HEADERS, transportSecurityHeaders } from "./security-headers.js";
import { publicBaseUrl } from "../env";
import { ALLOW_HEADER, PAGE_ALLOW_HEADER, type Refusal } from "./screening";

const REASONS: Record<Refusal["status"], string> = {
  400: "Bad Request",
  403: "Forbidden",
  405: "Method Not Allowed",
  413: "Content Too Large",
};

const TEXT_KEY = {
  badRequestTarget: "badRequest",
  badEncoding: "badRequest",
  method: "method",
  pageMethod: "method",
  actionTooLarge: "tooLarge",
  actionOrigin: "origin",
  actionBody: "actionBody",
} as const satisfies Record<Refusal["problem"], keyof typeof en.httpRefusal>;

const LIMIT_TEXT = `${SERVER_ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB`;
const allowed = (refusal: Refusal) => (refusal.problem === "pageMethod" ? PAGE_ALLOW_HEADER : ALLOW_HEADER);
const fill = (template: string, refusal: Refusal) => template.replace("{methods}", allowed(refusal)).replace("{limit}", LIMIT_TEXT);

export interface RefusalResponse {
  status: number;
  reason: string;
  headers: Record<string, string>;
  body: string;
}

export function refusalResponse(refusal: Refusal): RefusalResponse {
  const key = TEXT_KEY[refusal.problem];
  const text = (locale: "zh" | "en") => {
    const m = (locale === "zh" ? zh : en).httpRefusal;
    return { title: escapeHtml(m[key].title), body: escapeHtml(fill(m[key].body, refusal)), home: escapeHtml(m.home) };
  };
  const z = text("zh");
  const e = text("en");
  const body = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${refusal.status} ${z.title} · ${e.title}</title>
</head>
<body>
<main>
<h1>${z.title}</h1>
<p>${z.body}</p>
<p><a href="/zh">${z.home}</a></p>
<section lang="en">
<h2>${e.title}</h2>
<p>${e.body}</p>
<p><a href="/en">${e.home}</a></p>
</section>
</main>
</body>
</html>
`;
  const headers: Record<string, string> = {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": String(Buffer.byteLength(body)),
    "Cache-Control": "no-store",
    // The page has no script, style or form of its own: nothing may load or run in it.
    "Content-Security-Policy": "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
  };
  for (const { key: name, value } of [...SECURITY_HEADERS, ...transportSecurityHeaders(publicBaseUrl())]) headers[name] = value;
  if (refusal.status === 405) headers["Allow"] = allowed(refusal);
  return { status: refusal.status, reason: REASONS[refusal.status], headers, body };
}

/** The same answer as raw HTTP/1.1 bytes, for a socket Node hands over without a response object. */
export function rawRefusal(refusal: Refusal): string {
  const r = refusalResponse(refusal);
  const lines = Object.entries({ ...r.headers, Connection: "close" }).map(([k, v]) => `${k}: ${v}`);
  return `HTTP/1.1 ${r.status} ${r.reason}\r\n${lines.join("\r\n")}\r\n\r\n${r.body}`;
}
