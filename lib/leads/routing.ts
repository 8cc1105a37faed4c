// Routing a new inquiry, inside the transaction that creates it (lib/inquiry/mutations.ts), so
// an inquiry is never committed without its assignment (or, with no active officer, visibly
// unassigned). Rule: an active officer responsible for the inquiry's park; else any active
// officer; among several, the one assigned longest ago (lib/leads/round-robin.ts).
//
// Fair under concurrency: the choice and the stamp are serialised by one transaction-level
// advisory lock (released at commit or rollback), so parallel inquiries from any number of app
// instances see each other's assignments, and 20 at once over 4 officers give 5 each, in turns.
import type { Prisma } from "../generated/prisma/client";
import { enqueueAssignmentEmail } from "./assignment-email";
import { assignmentStamp, chooseAssignee } from "./round-robin";

export type RoutingRule = "park" | "round-robin";

export interface RoutingResult {
  assigneeId: string;
  rule: RoutingRule;
  assignedAt: Date;
}

/** Lock key of the routing step: one namespace, taken after the inquiry key's lock (never before). */
export const ROUTING_LOCK = "lead-routing";

export async function assignNewInquiry(
  tx: Prisma.TransactionClient,
  { inquiryId, parkId, now }: { inquiryId: string; parkId: string | null | undefined; now: Date },
): Promise<RoutingResult | null> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${ROUTING_LOCK}, 0))`;
  // Read under the lock: the previous assignment's lastAssignedAt is committed by now.
  const officers = await tx.user.findMany({
    where: { role: "OFFICER", disabled: false },
    select: { id: true, lastAssignedAt: true, parks: parkId ? { where: { parkId }, select: { parkId: true } } : { take: 0, select: { parkId: true } } },
  });
  const responsible = officers.filter((o) => o.parks.length > 0);
  const rule: RoutingRule = responsible.length > 0 ? "park" : "round-robin";
  const chosen = chooseAssignee(rule === "park" ? responsible : officers);
  if (!chosen) return null;
  // After every officer's last stamp, so the rotation order is the order of the lock.
  const assignedAt = assignmentStamp(now, officers);
  await tx.user.update({ where: { id: chosen.id }, data: { lastAssignedAt: assignedAt } });
  await tx.inquiry.update({ where: { id: inquiryId }, data: { assigneeId: chosen.id, assignedAt } });
  await tx.inquiryEvent.create({
    data: { inquiryId, type: "ASSIGNED", actorId: null, data: { by: "routing", rule, assigneeId: chosen.id } },
  });
  await enqueueAssignmentEmail(tx, { inquiryId, assigneeId: chosen.id });
  return { assigneeId: chosen.id, rule, assignedAt };
}
