// Staff authentication on every request: the cookie is only a pointer. The session row and the
// user are re-read each time, so signing out, 30 minutes idle, 12 hours since sign-in, a
// disabled account, a changed role or password (token version) take effect on the next request.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { DbClient } from "../db/client";
import { db } from "../db";
import { AppError } from "../errors";
import { endStaffSession } from "./session-rows";
import type { Actor } from "./actor";
import { can, requiresTwoFactor, twoFactorBlocks, type Permission } from "./permissions";
import { decodeSessionToken, SESSION_IDLE_SECONDS, sessionCookieName, type SessionClaims } from "./session-token";

/** lastSeenAt is written at most this often (a page load runs several guarded reads). */
const TOUCH_AFTER_MS = 60_000;

export { endStaffSession, startStaffSession } from "./session-rows";

/**
 * The actor a session cookie stands for, or null. A session found idle or past its 12 hours is
 * ended on the spot (recorded), so it cannot come back to life.
 */
export async function actorFromToken(client: DbClient, token: string | undefined | null, now = new Date()): Promise<Actor | null> {
  const claims = await decodeSessionToken(token);
  return claims ? actorFromClaims(client, claims, now) : null;
}

/** The same check for a token already decoded (next-auth's jwt callback hands over the claims). */
export async function actorFromClaims(client: DbClient, claims: SessionClaims, now = new Date()): Promise<Actor | null> {
  const session = await client.staffSession.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      lastSeenAt: true,
      expiresAt: true,
      endedAt: true,
      user: {
        select: {
          id: true, email: true, name: true, role: true, locale: true, disabled: true, tokenVersion: true, totpEnabledAt: true,
          parks: { select: { parkId: true } },
        },
      },
    },
  });
  if (!session || session.endedAt || session.userId !== claims.sub) return null;
  const { user } = session;
  if (user.disabled || user.tokenVersion !== claims.tv) return null;
  if (now >= session.expiresAt) {
    await endStaffSession(client, claims.sid, "expired", now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_SECONDS * 1000) {
    await endStaffSession(client, claims.sid, "idle", now);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await client.staffSession.updateMany({ where: { id: claims.sid, endedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    sessionId: claims.sid,
    parkIds: user.parks.map((p) => p.parkId),
    twoFactorPending: requiresTwoFactor(user.role) && !user.totpEnabledAt,
  };
}

/**
 * The session of this request as it stands (read once per request), or null: includes an admin
 * who signed in with a password but has not set up two-factor yet (`twoFactorPending`), who
 * may only reach the enrolment page and its actions. Only the account page, the staff layout,
 * sign-out and defineAction (which refuses such an actor everything but enrolment) read this.
 */
export const currentSessionActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  // Investors have no cookie: their requests never wait on a session query.
  return token ? actorFromToken(db(), token) : null;
});

/**
 * The signed-in staff member of this request, or null. An admin still owing their second
 * factor counts as signed out here, so every route handler and query that checks `can()`
 * on this fails closed for them.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const actor = await currentSessionActor();
  return actor && !actor.twoFactorPending ? actor : null;
});

/**
 * Throws the typed error an action maps to its result: signed out, not allowed, or (an admin
 * without two-factor yet) anything but the enrolment permission.
 */
export function assertPermission(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError("unauthenticated", "signedOut");
  if (!can(actor.role, permission)) throw new AppError("forbidden", "forbidden");
  if (twoFactorBlocks(actor, permission)) throw new AppError("forbidden", "twoFactorRequired");
}

/** The actor, if they hold the permission; the typed error otherwise. */
export async function requireStaff(permission: Permission): Promise<Actor> {
  const actor = await currentActor();
  assertPermission(actor, permission);
  return actor;
}
