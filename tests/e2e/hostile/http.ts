// Raw HTTP for the hostile suite: node:http sends paths, methods (TRACE) and headers (Host)
// exactly as given, which fetch() would normalise or refuse.
import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export function request(
  baseUrl: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Uint8Array },
): Promise<RawResponse> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: base.hostname, port: base.port, method: opts.method ?? "GET", path: opts.path, headers: opts.headers, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within 30 s: ${opts.method ?? "GET"} ${opts.path}`)));
    req.on("error", reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

// What leaks when an error escapes: a stack frame, a module path, a raw error name.
const LEAKS = [/\n\s+at [^\n]+:\d+:\d+/, /node_modules\//, /\/work\//, /\b(TypeError|RangeError|URIError|SyntaxError|PrismaClient\w*Error)\b/, /\bat async\b/];

/** What every answer to a hostile request must hold, whatever its status. Returns the problems. */
export function problemsOf(res: RawResponse, method = "GET"): string[] {
  const problems: string[] = [];
  if (res.status >= 500) problems.push(`status ${res.status}`);
  for (const leak of LEAKS) if (leak.test(res.body)) problems.push(`body leaks ${leak}: ${res.body.match(leak)?.[0]}`);
  if (res.headers["x-content-type-options"] !== "nosniff") problems.push("no X-Content-Type-Options: nosniff");
  if (method !== "HEAD" && res.status >= 400 && res.body.trim() === "") problems.push("empty body on a rejection");
  if (res.status === 405 && !res.headers["allow"]) problems.push("405 without Allow");
  return problems;
}

/** zod's own English defaults: a visitor must never see them (our messages name the limit). */
export const ZOD_DEFAULTS = /Invalid input|expected \w+, received|Too (big|small)|Invalid (string|date|enum|option)/;

/** The hidden `$ACTION…` fields a no-JavaScript form carries, read from the page's HTML. */
export function actionFields(html: string): [string, string][] {
  const form = html.match(/<form[^>]*>[\s\S]*?<\/form>/)?.[0] ?? "";
  const out: [string, string][] = [];
  for (const m of form.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = tag.match(/name="([^"]*)"/)?.[1];
    if (!name || !(name.startsWith("$ACTION") || name === "idempotencyKey" || name === "locale")) continue;
    const value = tag.match(/value="([^"]*)"/)?.[1] ?? "";
    out.push([decodeHtml(name), decodeHtml(value)]);
  }
  return out;
}

function decodeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** A multipart/form-data body as a browser without JavaScript would send it. */
export function multipart(fields: [string, string][]): { body: Uint8Array; contentType: string } {
  const boundary = `----hostile${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/"/g, "%22")}"\r\n\r\n${v}\r\n`);
  return { body: new TextEncoder().encode(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}
