// Plain JavaScript so that next.config.js (loaded by Node as is) and the portal's own HTTP
// server (scripts/portal-server.ts) share one list: an answer the server gives itself (400,
// 405, 413, 403) carries the same hardening as a page Next renders.

/** Baseline hardening headers for every response. HSTS belongs to the TLS-terminating proxy. */
export const HARDENING_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
]);
