// The fixed list of hostile requests the public side must survive: the defects issue #8 names,
// injection strings, odd Unicode, huge and malformed values, wrong methods and content types.
// Each case says what a correct portal answers; the runner adds the checks every answer needs
// (no 5xx, no stack trace, hardening headers).

export interface HostileCase {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** exact status, or a list of acceptable ones */
  status: number | number[];
}

/** Strings that have broken web apps before: injection, encodings, control and odd Unicode. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "1; DROP TABLE \"Parcel\"; --",
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "../../../../etc/passwd",
  "%00",
  "\u0000",
  "\r\nSet-Cookie: a=b",
  "\u202Eevil\u202C",
  "\uFEFF500",
  "５００",
  "１e３",
  "😀😀😀",
  "\uD800",
  "江门".repeat(200),
  "x".repeat(5000),
  "9".repeat(400),
  "-1",
  "0",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "0x10",
  "0b101",
  "1_000",
  "  500  ",
  "[object Object]",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "true",
  "2025-02-30",
  "1969-12-31",
  "0000-00-00",
  "2026-13-01",
  "9999-99-99",
  "2026-1-1",
] as const;

const SEARCH_PARAMS = ["minArea", "maxArea", "maxPrice", "by", "county", "park", "zone", "industry", "use", "unit", "ready", "sort", "view", "page", "reserved", "minPowerKva", "near", "nearKm", "area"] as const;

/** UTF-8 has no lone surrogate: it becomes U+FFFD, as a browser would send it. */
const wellFormed = (s: string) => Buffer.from(s, "utf8").toString("utf8");
/** A query string from raw pairs, each value percent-encoded as UTF-8. */
const qs = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(wellFormed(k))}=${encodeURIComponent(wellFormed(v))}`).join("&");

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  // Every search parameter with every hostile string: the page renders (200, with the field's
  // message when the value is refused), never a 5xx.
  for (const param of SEARCH_PARAMS) {
    for (const value of HOSTILE_STRINGS.slice(0, 14)) {
      cases.push({ name: `search ${param}=${JSON.stringify(value).slice(0, 30)}`, path: `/zh/search?${qs([[param, value]])}`, status: 200 });
    }
  }
  // The map API answers 200 or a 400 naming the field, for every hostile value of the numeric
  // and date filters.
  for (const param of ["minArea", "maxPrice", "by", "page", "ready", "area"] as const) {
    for (const value of HOSTILE_STRINGS) {
      cases.push({ name: `map ${param}=${JSON.stringify(value).slice(0, 30)}`, path: `/api/land/map?${qs([[param, value]])}`, status: [200, 400] });
    }
  }
  // The issue's own list.
  cases.push(
    { name: "by before 1970 is a filter, not dropped", path: "/api/land/map?by=1969-12-31", status: 200 },
    { name: "by=2025-02-30 is not a date", path: "/api/land/map?by=2025-02-30", status: 400 },
    { name: "minArea=0x10 is not decimal", path: "/api/land/map?minArea=0x10", status: 400 },
    { name: "repeated reserved", path: "/api/land/map?reserved=1&reserved=1", status: 400 },
    { name: "repeated minArea", path: "/api/land/map?minArea=100&minArea=200", status: 400 },
    { name: "minArea=1e308", path: "/api/land/map?minArea=1e308", status: 400 },
    { name: "maxPrice over the limit", path: "/api/land/map?maxPrice=1000000001", status: 400 },
    { name: "parcel code with %25", path: "/zh/parcels/100%25", status: 404 },
    { name: "parcel code with a broken escape", path: "/zh/parcels/%E0%A4%A", status: 400 },
    { name: "root with a broken escape", path: "/%E0%A4%A", status: 400 },
    { name: "static with a broken escape", path: "/_next/static/%E0%A4%A", status: 400 },
    { name: "lone percent", path: "/zh/%", status: 400 },
    { name: "unknown block key", path: "/en/blocks/XX-0", status: 404 },
    { name: "unknown php file", path: "/nope.php", status: 404 },
    { name: "unknown api", path: "/api/nope", status: 404 },
    { name: "unknown api with a dot", path: "/api/nope.json", status: 404 },
    { name: "TRACE", method: "TRACE", path: "/zh", status: 405 },
    { name: "TRACK", method: "TRACK", path: "/zh", status: 405 },
    { name: "DELETE a page", method: "DELETE", path: "/zh/search", status: 405 },
    { name: "PUT a page", method: "PUT", path: "/en/parks", status: 405 },
    { name: "PATCH a page", method: "PATCH", path: "/zh", status: 405 },
    { name: "DELETE the map", method: "DELETE", path: "/api/land/map", status: 405 },
    { name: "POST to health", method: "POST", path: "/api/health", status: 405 },
    { name: "PUT the map", method: "PUT", path: "/api/land/map", status: 405 },
    { name: "OPTIONS a page", method: "OPTIONS", path: "/zh", status: 405 },
    { name: "OPTIONS the map", method: "OPTIONS", path: "/api/land/map", status: 204 },
    { name: "HEAD a page", method: "HEAD", path: "/en", status: 200 },
    { name: "huge query", path: `/zh/search?park=${"a".repeat(6000)}`, status: [200, 400, 414, 431] },
    { name: "many parameters", path: `/zh/search?${Array.from({ length: 500 }, (_, i) => `p${i}=1`).join("&")}`, status: [200, 400] },
    { name: "NUL in a path", path: "/zh/parks/%00", status: 400 },
    { name: "control character in a path", path: "/zh/parcels/A%1BB", status: 400 },
    { name: "dot segments", path: "/zh/parks/..%2F..%2Fetc%2Fpasswd", status: [400, 404] },
    { name: "double-encoded slash", path: "/zh/parcels/%252F", status: 404 },
    { name: "Chinese parcel code", path: `/zh/parcels/${encodeURIComponent("江门-地块")}`, status: 404 },
    { name: "very long parcel code", path: `/zh/parcels/${"A".repeat(3000)}`, status: [404, 414] },
    { name: "page far beyond the end", path: "/zh/search?page=10000", status: 200 },
    { name: "page over the limit", path: "/zh/search?page=10001", status: 200 },
    { name: "forged host", path: "/zh", headers: { host: "evil.example" }, status: 200 },
    { name: "forged forwarded host", path: "/zh", headers: { "x-forwarded-host": "evil.example" }, status: 200 },
    { name: "empty X-Forwarded-For", path: "/zh", headers: { "x-forwarded-for": "" }, status: 200 },
    { name: "junk X-Forwarded-For", path: "/zh", headers: { "x-forwarded-for": "not-an-ip, , ,," }, status: 200 },
    { name: "junk Accept-Language", path: "/", headers: { "accept-language": "x".repeat(2000) }, status: [200, 307, 308] },
    { name: "bad cookie", path: "/", headers: { cookie: "NEXT_LOCALE=../../etc" }, status: [200, 307, 308] },
  );
  return cases;
}
