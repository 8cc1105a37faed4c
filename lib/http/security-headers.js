// The hardening headers every response carries, in one list: next.config.js sends them with
// everything Next answers, and a server in front of Next (answering what Next never sees, e.g.
// a malformed URL) can send the same ones. Plain JavaScript because next.config.js is plain
// JavaScript and imports it as it is.

/** @typedef {{ key: string; value: string }} Header */

/** @type {readonly Header[]} */
export const SECURITY_HEADERS = Object.freeze([
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // frame-ancestors 'none' in the CSP says the same to browsers that read CSP; this is for
  // the ones that do not, and for responses without a CSP (API, files).
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
]);

/** Two years, sub-domains included: the value hstspreload.org asks for (at least one year). */
export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

/**
 * Strict-Transport-Security only when the portal's public address is https. Browsers ignore it
 * over plain http anyway; what matters is that a local `npm start` (http://localhost) never
 * tells a browser to insist on https for a name that has no certificate.
 * @param {string} publicUrl the configured public address (publicBaseUrl())
 * @returns {Header[]}
 */
export function transportSecurityHeaders(publicUrl) {
  return publicUrl.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: HSTS_VALUE }] : [];
}
