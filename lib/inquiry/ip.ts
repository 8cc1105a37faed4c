// Rate limiting needs to recognise a network without keeping its address: a salted one-way
// hash is stored instead (and only in the 1-hour rate-limit window and on the inquiry).
import { createHash } from "node:crypto";
import { env } from "../env";

const DEV_SALT = "jiangmen-portal-dev-salt";

export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

export function hashIp(ip: string | null): string | null {
  if (!ip) return null;
  return createHash("sha256").update(`${env().IP_HASH_SALT ?? DEV_SALT}:${ip}`).digest("hex").slice(0, 32);
}
