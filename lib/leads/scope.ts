// Which leads a staff member may see, as a query condition: every lead query adds it to its
// `where`, so a guessed id or URL outside the actor's parks finds nothing (a 404, not a 403).
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import type { Prisma } from "../generated/prisma/client";

export function leadScope(actor: Actor): Prisma.InquiryWhereInput {
  if (can(actor.role, "lead.readAll")) return {};
  return { OR: [{ assigneeId: actor.id }, ...(actor.parkIds.length ? [{ parkId: { in: actor.parkIds } }] : [])] };
}
