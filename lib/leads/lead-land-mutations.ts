// The lead page's land panel, outside a stage move: hold more of the lead's parcels, release a
// hold, extend one. Each is one transaction like every lead write (scoped lookup, the lead's
// version, its event and audit row) with the parcels' own version checks and audit rows.
import { writeAudit } from "../audit/write";
import type { Db } from "../db/client";
import { validation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { ExtendHoldInput, HoldParcelsInput, ReleaseHoldInput } from "../land/hold-schemas";
import { checkExpiry } from "../land/holds";
import { holdParcels, releaseLeadHolds } from "../land/hold-writes";
import { landWriter, requireLandHold, visibleLeads } from "./lead-land";
import { commit, openLead, transaction, withNow, type LeadWritten, type WriteContext } from "./lead-mutations";

export function holdForLead(db: Db, input: HoldParcelsInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  requireLandHold(ctx.actor);
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    // A signed or lost lead promises no more land (signing and losing end its holds).
    if (lead.stage === "SIGNED" || lead.stage === "LOST") throw validation({ form: "leadClosed" }, "leadClosed");
    const event = await holdParcels(
      tx,
      landWriter(ctx),
      lead,
      { choices: input.parcels, heldAs: input.heldAs, expiresOn: input.expiresOn, overrideReason: input.overrideReason },
      visibleLeads(tx, ctx.actor),
    );
    return commit(tx, ctx, lead, "holdLand", {}, [event]);
  });
}

async function activeHold(tx: Prisma.TransactionClient, leadId: string, holdId: string) {
  const hold = await tx.parcelHold.findFirst({
    where: { id: holdId, inquiryId: leadId, endedAt: null },
    select: { id: true, parcelId: true, expiresOn: true, parcel: { select: { code: true } } },
  });
  if (!hold) throw validation({ holdId: "holdNotActive" }, "holdNotActive");
  return hold;
}

export function releaseHold(db: Db, input: ReleaseHoldInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  requireLandHold(ctx.actor);
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    await activeHold(tx, lead.id, input.holdId);
    const event = await releaseLeadHolds(tx, landWriter(ctx), lead.id, "RELEASED", [input.holdId]);
    if (!event) throw validation({ holdId: "holdNotActive" }, "holdNotActive");
    return commit(tx, ctx, lead, "releaseLand", {}, [event]);
  });
}

export function extendHold(db: Db, input: ExtendHoldInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  requireLandHold(ctx.actor);
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    const hold = await activeHold(tx, lead.id, input.holdId);
    const to = input.expiresOn!;
    const from = hold.expiresOn.toISOString().slice(0, 10); // a date column reads as UTC midnight
    const problem = to === from ? "expiryUnchanged" : checkExpiry(to, ctx.now);
    if (problem) throw validation({ expiresOn: problem }, problem);
    // A new date gets its own notice a week before it.
    await tx.parcelHold.update({ where: { id: hold.id }, data: { expiresOn: new Date(`${to}T00:00:00Z`), expiryNoticeAt: null } });
    await writeAudit(tx, {
      actorId: ctx.actor.id, requestId: ctx.requestId, action: "parcel.holdExtended", entity: "Parcel", entityId: hold.parcelId,
      before: { holdId: hold.id, expiresOn: from }, after: { holdId: hold.id, expiresOn: to, inquiryId: lead.id }, at: ctx.now,
    });
    return commit(tx, ctx, lead, "extendHold", {}, [{ type: "LAND_HELD", data: { extended: true, holdId: hold.id, code: hold.parcel.code, from, to } }]);
  });
}
