// Rate limiting needs to recognise a network without keeping its address: a salted one-way
// hash is stored instead, only in the 1-hour rate-limit window (lib/rate-limit.ts).
import { createHash } from "node:crypto";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER, normalizeIp } from "../http/client-address";

const DEV_SALT = "jiangmen-portal-dev-salt";

/**
 * The client's address as the portal's HTTP server determined it from the socket and the
 * configured trusted proxy hops (lib/http/client-address.ts), or null when it could not.
 * Only that internal header is read: the server replaces any copy the client sent, while
 * X-Forwarded-For and X-Real-IP reach the app as the client wrote them.
 */
export function clientIp(headers: Headers): string | null {
  return normalizeIp(headers.get(CLIENT_ADDRESS_HEADER));
}

export function hashIp(ip: string | null): string | null {
  if (!ip) return null;
  return createHash("sha256").update(`${env().IP_HASH_SALT ?? DEV_SALT}:${ip}`).digest("hex").slice(0, 32);
}
