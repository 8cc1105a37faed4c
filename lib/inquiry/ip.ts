// Rate limiting needs to recognise a network without keeping its address: a salted one-way
// hash is stored instead, only in the 1-hour rate-limit window (lib/rate-limit.ts).
import { createHash } from "node:crypto";
import { env } from "../env";

const DEV_SALT = "jiangmen-portal-dev-salt";

/**
 * The client's address as the nearest proxy saw it: the right-most X-Forwarded-For entry is
 * the one our own reverse proxy (or Next itself, when the header is absent) appended; entries
 * further left are whatever the client chose to send, so a limit keyed on them is no limit.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export function hashIp(ip: string | null): string | null {
  if (!ip) return null;
  return createHash("sha256").update(`${env().IP_HASH_SALT ?? DEV_SALT}:${ip}`).digest("hex").slice(0, 32);
}
