// What every server action knows about its request, resolved once before the handler runs.
import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Actor } from "../auth/actor";
import { currentSessionActor } from "../auth/session";
import { clientIp } from "../inquiry/ip";

export interface ActionContext {
  /**
   * the signed-in staff member, or null (investors never sign in); may be an admin still owing
   * their second factor (`twoFactorPending`), whom defineAction refuses all but enrolment
   */
  actor: Actor | null;
  /** names this request in logs and audit rows */
  requestId: string;
  /** as the portal server determined it (TRUSTED_PROXY_HOPS), null when unknown */
  clientAddress: string | null;
}

export async function resolveActionContext(): Promise<ActionContext> {
  const [h, actor] = await Promise.all([headers(), currentSessionActor()]);
  return { actor, requestId: randomUUID(), clientAddress: clientIp(h) };
}
