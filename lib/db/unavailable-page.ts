// The page a visitor gets while the database is unavailable (HTTP 503), in the language of the
// requested path: complete HTML that needs no script. Next's own error page for a render that
// failed before its first byte is an empty shell that only JavaScript fills in; this one also
// reads without it (and to a crawler). Plain markup: no inline script or style for a CSP to refuse.
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";
import { escapeHtml, localeOfPath } from "../http/html";

/** `url` is the request's own path and query: "try again" reloads what was asked for. */
export function databaseUnavailablePage(url: string): string {
  const locale = localeOfPath(url);
  const m = locale === "zh" ? zh : en;
  const href = url.startsWith("/") && !url.startsWith("//") ? url : `/${locale}`;
  return `<!DOCTYPE html>
<html lang="${locale === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(m.unavailable.title)}</title>
</head>
<body>
<main role="alert">
<h1>${escapeHtml(m.unavailable.title)}</h1>
<p>${escapeHtml(m.unavailable.body)}</p>
<p><a href="${escapeHtml(href)}">${escapeHtml(m.error.retry)}</a></p>
</main>
</body>
</html>
`;
}
