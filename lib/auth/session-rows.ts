// StaffSession rows: made at sign-in, ended at sign-out (or found idle, expired, revoked).
// Apart from lib/auth/session.ts (server-only) so that scripts and the sign-in logic use them too.
import { randomBytes } from "node:crypto";
import type { DbClient } from "../db/client";
import { SESSION_MAX_AGE_SECONDS } from "./session-token";

export async function startStaffSession(client: DbClient, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await client.staffSession.create({
    data: { id, userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

export async function endStaffSession(client: DbClient, sessionId: string, reason: string, now = new Date()): Promise<void> {
  await client.staffSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now, endReason: reason } });
}

