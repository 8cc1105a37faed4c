// What a stage move does to the lead's land, on the move's own transaction: NEGOTIATING may
// hold the parcels chosen, SIGNED marks them sold or leased (and releases the rest), LOST
// releases every active hold. Holding or signing needs `land.hold`; an override
// `parcel.override`. Releasing on LOST needs nothing more than the move: it is what losing a
// lead means for the land promised to it.
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { forbidden } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { InquiryStage } from "../generated/prisma/enums";
import type { LandMoveInput } from "../land/hold-schemas";
import { holdParcels, releaseLeadHolds, signParcels, type LandWriter, type LeadEvent, type LeadRef, type VisibleLeads } from "../land/hold-writes";
import type { MoveKind } from "./pipeline";
import { leadScope } from "./scope";

type Tx = Prisma.TransactionClient;

export function landWriter(ctx: { actor: Actor; requestId: string; now: Date }): LandWriter {
  return { actorId: ctx.actor.id, requestId: ctx.requestId, now: ctx.now, mayOverride: can(ctx.actor.role, "parcel.override") };
}

/** Which of these leads the actor may read: only their references are ever shown. */
export function visibleLeads(tx: Tx, actor: Actor): VisibleLeads {
  return async (ids) => {
    if (ids.length === 0) return new Set();
    const rows = await tx.inquiry.findMany({ where: { AND: [{ id: { in: ids } }, leadScope(actor)] }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  };
}

export function requireLandHold(actor: Actor): void {
  if (!can(actor.role, "land.hold")) throw forbidden();
}

export async function landForMove(
  tx: Tx,
  ctx: { actor: Actor; requestId: string; now: Date },
  lead: LeadRef,
  move: { kind: MoveKind; to: InquiryStage },
  land: Partial<LandMoveInput>,
): Promise<LeadEvent[]> {
  const w = landWriter(ctx);
  const choices = land.parcels ?? [];
  if (move.kind === "lost") {
    const released = await releaseLeadHolds(tx, w, lead.id, "LEAD_LOST");
    return released ? [released] : [];
  }
  if (move.kind === "forward" && move.to === "NEGOTIATING" && choices.length > 0) {
    requireLandHold(ctx.actor);
    return [await holdParcels(tx, w, lead, { choices, heldAs: land.heldAs ?? "UNDER_NEGOTIATION", expiresOn: land.expiresOn, overrideReason: land.overrideReason }, visibleLeads(tx, ctx.actor))];
  }
  if (move.kind === "forward" && move.to === "SIGNED") {
    if (choices.length > 0) requireLandHold(ctx.actor);
    return signParcels(tx, w, lead, { choices, signAs: land.signAs ?? "SOLD", overrideReason: land.overrideReason }, visibleLeads(tx, ctx.actor));
  }
  return [];
}
