// Locale negotiation (Accept-Language / cookie -> /zh or /en) and the per-request headers (CSP
// nonce, HSTS, language alternates): see lib/http/portal-proxy.ts. Authorization is never
// decided here: pages, actions and route handlers check it next to the data.
import { env, publicBaseUrl } from "./lib/env";
import { createPortalProxy } from "./lib/http/portal-proxy";

export default createPortalProxy(() => {
  const e = env();
  return { publicUrl: publicBaseUrl(e), dev: e.NODE_ENV === "development", tileUrl: e.MAP_TILE_URL };
});

export const config = {
  // Everything but Next's build output and image optimizer (immutable files, no page).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
