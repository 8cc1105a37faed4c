// The Content-Security-Policy of every HTML page. Scripts run only with this response's nonce
// ('strict-dynamic' lets those scripts load the chunks they import, as Next and MapLibre do);
// nothing else the browser may be tricked into running (plugins, <base>, framing) is allowed.

export interface CspOptions {
  /** fresh per response, base64 */
  nonce: string;
  /** `next dev`: React reconstructs server error stacks with eval */
  dev: boolean;
  /** MAP_TILE_URL, when a raster base map is configured: its origin serves tiles */
  tileUrl?: string;
  /** the public address is https: upgrade any stray http sub-request */
  https: boolean;
}

/** The origin of a tile URL template ({z}/{x}/{y} placeholders), or null if it is not a URL. */
export function tileOrigin(tileUrl: string): string | null {
  try {
    const url = new URL(tileUrl.replace(/\{[^}]*\}/g, "0"));
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : null;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy({ nonce, dev, tileUrl, https }: CspOptions): string {
  const tiles = tileUrl ? tileOrigin(tileUrl) : null;
  const extra = tiles ? ` ${tiles}` : "";
  const directives = [
    "default-src 'self'",
    // Browsers that know 'strict-dynamic' ignore 'self' (it only serves older ones): the
    // nonce is what counts.
    `script-src 'nonce-${nonce}' 'strict-dynamic' 'self'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style="" attributes and MapLibre positions markers and controls with
    // inline styles; a nonce cannot cover attributes, and style injection cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // MapLibre draws its images (marker sprites, canvas snapshots) from data: and blob: URLs.
    `img-src 'self' data: blob:${extra}`,
    "font-src 'self'",
    // The map's GeoJSON (/api/land/map) and, when configured, the raster tiles (MapLibre
    // fetches them from its worker).
    `connect-src 'self'${extra}`,
    // MapLibre starts its worker from a blob: URL it builds from its own bundle.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "manifest-src 'self'",
  ];
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
