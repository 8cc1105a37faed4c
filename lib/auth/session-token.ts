// The staff session cookie: a next-auth JWT (encrypted, signed with NEXTAUTH_SECRET) that
// carries only the user id, the StaffSession id and the user's token version. Everything else
// is re-read from the database on every request (lib/auth/session.ts).
import { decode, encode } from "next-auth/jwt";
import { env, publicBaseUrl } from "../env";

/** The fixed secret of a development or test run; production refuses to start without one. */
const DEV_SECRET = "jiangmen-portal-development-secret-not-for-production";

export const SESSION_MAX_AGE_SECONDS = 12 * 3600;
export const SESSION_IDLE_SECONDS = 30 * 60;

export function authSecret(): string {
  return env().NEXTAUTH_SECRET ?? DEV_SECRET;
}

/** next-auth's own rule: a https public address means Secure, __Secure- prefixed cookies. */
export function secureCookies(): boolean {
  return publicBaseUrl().startsWith("https://");
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}

export interface SessionClaims {
  /** User.id */
  sub: string;
  /** StaffSession.id */
  sid: string;
  /** User.tokenVersion when the session started */
  tv: number;
}

export async function encodeSessionToken(claims: SessionClaims): Promise<string> {
  return encode({ token: { ...claims }, secret: authSecret(), maxAge: SESSION_MAX_AGE_SECONDS });
}

/** The claims of a valid, unexpired token; null for anything else (tampered, foreign, garbage). */
export async function decodeSessionToken(token: string | undefined | null): Promise<SessionClaims | null> {
  if (!token || token.length > 8192) return null;
  try {
    const payload = await decode({ token, secret: authSecret() });
    if (!payload) return null;
    const { sub, sid, tv } = payload as Record<string, unknown>;
    if (typeof sub !== "string" || typeof sid !== "string" || typeof tv !== "number") return null;
    return { sub, sid, tv };
  } catch {
    return null;
  }
}
