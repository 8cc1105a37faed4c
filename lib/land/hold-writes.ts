// The writes of holding, signing and releasing land, on the CALLER's transaction: the stage
// move, the lead page's land panel and the expiry job each run them inside their own
// transaction with the lead's change, so the lead, its parcels, the hold rows, the events and
// the audit rows commit together or not at all. Decisions come from lib/land/holds.ts.
//
// Each parcel is version-checked twice: against the version the page showed (planned, so the
// officer learns every parcel that changed at once), and in the UPDATE itself (where id and
// version), so a write landing between this read and the update is a conflict too.
import { writeAudits, type AuditEntry } from "../audit/write";
import { conflict, AppError, validation } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import type { HoldEndReason, InquiryEventType, ParcelStatus } from "../generated/prisma/enums";
import { checkExpiry, defaultExpiry, planHold, planRelease, planSign, type ActiveHold, type HoldStatus, type LandPlan, type PlanInput, type PlannedParcel, type SignedStatus } from "./holds";

type Tx = Prisma.TransactionClient;

export interface LandWriter {
  actorId: string | null;
  requestId: string | null;
  now: Date;
  /** holds parcel.override */
  mayOverride: boolean;
}

export interface LeadEvent {
  type: InquiryEventType;
  data: Prisma.InputJsonValue;
}

export interface LeadRef {
  id: string;
  reference: string;
}

export interface ParcelChoice {
  parcelId: string;
  version: number;
}

/** One parcel as a conflict or a refusal reports it: the code and what it is now. */
export interface ParcelProblem {
  code: string;
  status: ParcelStatus;
  reason: string;
  /** the other lead's reference, when the actor may see that lead */
  heldFor?: string | null;
}

const isoDay = (iso: string) => new Date(`${iso}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const PARCEL = { id: true, code: true, status: true, version: true, statusReason: true } satisfies Prisma.ParcelSelect;
type ParcelRow = Prisma.ParcelGetPayload<{ select: typeof PARCEL }>;

async function activeHoldsOn(tx: Tx, parcelIds: string[]): Promise<(ActiveHold & { reference: string })[]> {
  const rows = await tx.parcelHold.findMany({
    where: { parcelId: { in: parcelIds }, endedAt: null },
    select: { id: true, parcelId: true, inquiryId: true, heldAs: true, statusBefore: true, expiresOn: true, inquiry: { select: { reference: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((h) => ({ ...h, expiresOn: isoOf(h.expiresOn), reference: h.inquiry.reference }));
}

/** The chosen parcels, which must all be the lead's own (InquiryParcel). */
async function chosenParcels(tx: Tx, lead: LeadRef, choices: ParcelChoice[]): Promise<ParcelRow[]> {
  const ids = [...new Set(choices.map((c) => c.parcelId))];
  if (ids.length === 0) throw validation({ parcels: "noParcelChosen" }, "noParcelChosen");
  // Row locks, in id order (no two writers wait on each other in a cycle): a parallel hold of
  // the same land waits here and then reads the parcel as the first one left it, so it sees
  // the new version and the new hold together.
  await tx.$queryRaw`SELECT "id" FROM "Parcel" WHERE "id" = ANY(${ids}::text[]) ORDER BY "id" FOR UPDATE`;
  const rows = await tx.parcel.findMany({ where: { id: { in: ids }, inquiries: { some: { inquiryId: lead.id } } }, select: PARCEL, orderBy: { code: "asc" } });
  if (rows.length !== ids.length) throw validation({ parcels: "notLeadParcel" }, "notLeadParcel");
  return rows;
}

/** A parcel that changed since the page was opened is a conflict; anything else refused is a validation error. */
function refuse(plan: Extract<LandPlan, { ok: false }>, leadId: string, holds: (ActiveHold & { reference: string })[], visible: ReadonlySet<string>): never {
  const parcels: ParcelProblem[] = plan.refusals.map((r) => {
    const other = holds.find((h) => h.parcelId === r.parcelId && h.inquiryId !== leadId && r.reason !== "changed");
    return { code: r.code, status: r.status, reason: r.reason, ...(other ? { heldFor: visible.has(other.inquiryId) ? other.reference : null } : {}) };
  });
  if (plan.refusals.some((r) => r.reason === "changed")) throw conflict("parcelsChanged", { parcels: parcels.filter((p) => p.reason === "changed") });
  // Said once for the form, with the list: no field of its own to mark.
  throw new AppError("validation", "landRefused", undefined, { parcels });
}

async function changedNow(tx: Tx, ids: string[]): Promise<never> {
  const rows = await tx.parcel.findMany({ where: { id: { in: ids } }, select: { code: true, status: true } });
  throw conflict("parcelsChanged", { parcels: rows.map((r) => ({ ...r, reason: "changed" })) });
}

interface Written {
  audits: AuditEntry[];
  /** events on OTHER leads whose holds an override ended */
  otherEvents: { inquiryId: string; type: InquiryEventType; data: Prisma.InputJsonValue }[];
}

/** Moves each planned parcel (version-checked) and ends the holds the move replaces. */
async function moveParcels(tx: Tx, w: LandWriter, lead: LeadRef, planned: PlannedParcel[], rows: ParcelRow[], action: string, overrideReason: string | null, extra: (p: PlannedParcel) => Record<string, unknown>): Promise<Written> {
  const out: Written = { audits: [], otherEvents: [] };
  const reasonText = overrideReason ?? `lead ${lead.reference}`;
  for (const p of planned) {
    const row = rows.find((r) => r.id === p.parcelId)!;
    const { count } = await tx.parcel.updateMany({
      where: { id: p.parcelId, version: row.version },
      data: { status: p.to, statusReason: reasonText, statusChangedAt: w.now, version: { increment: 1 } },
    });
    if (count === 0) await changedNow(tx, [p.parcelId]);
    const ended = [...p.overridden.map((h) => ({ h, reason: "OVERRIDDEN" as const })), ...(p.ownHold ? [{ h: p.ownHold, reason: "SIGNED" as const }] : [])];
    for (const { h, reason } of ended) {
      const { count: endedCount } = await tx.parcelHold.updateMany({ where: { id: h.id, endedAt: null }, data: { endedAt: w.now, endReason: reason } });
      if (endedCount === 0) await changedNow(tx, [p.parcelId]);
      if (reason === "OVERRIDDEN") {
        out.otherEvents.push({ inquiryId: h.inquiryId, type: "LAND_RELEASED", data: { reason, parcels: [{ code: p.code, restored: null }], byReference: lead.reference, overrideReason } });
      }
    }
    out.audits.push({
      actorId: w.actorId,
      requestId: w.requestId,
      action,
      entity: "Parcel",
      entityId: p.parcelId,
      before: { status: row.status, statusReason: row.statusReason, version: row.version },
      after: { status: p.to, statusReason: reasonText, version: row.version + 1, inquiryId: lead.id, reference: lead.reference, override: p.override ? overrideReason : null, endedHolds: ended.map((e) => ({ id: e.h.id, inquiryId: e.h.inquiryId, endReason: e.reason })), ...extra(p) },
      at: w.now,
    });
  }
  return out;
}

async function finish(tx: Tx, w: LandWriter, written: Written): Promise<void> {
  for (const e of written.otherEvents) {
    await tx.inquiryEvent.create({ data: { inquiryId: e.inquiryId, actorId: w.actorId, type: e.type, data: e.data, createdAt: w.now } });
  }
  await writeAudits(tx, written.audits);
}

/** Leads among `ids` the actor may see (their references may be shown). */
export type VisibleLeads = (inquiryIds: string[]) => Promise<ReadonlySet<string>>;

/**
 * The chosen parcels (locked), their active holds and the plan for them: a refused plan throws
 * (refuse), so what comes back is the parcels to move and the override reason, if any parcel
 * needed one. Shared by holding and signing, which differ only in the plan they ask for.
 */
async function planChosen(
  tx: Tx,
  w: LandWriter,
  lead: LeadRef,
  req: { choices: ParcelChoice[]; overrideReason?: string | null },
  visible: VisibleLeads,
  planFor: (input: PlanInput) => LandPlan,
): Promise<{ rows: ParcelRow[]; plan: Extract<LandPlan, { ok: true }>; override: string | null }> {
  const rows = await chosenParcels(tx, lead, req.choices);
  const holds = await activeHoldsOn(tx, rows.map((r) => r.id));
  const overrideReason = req.overrideReason?.trim() || null;
  const plan = planFor({
    inquiryId: lead.id,
    parcels: rows,
    shownVersions: new Map(req.choices.map((c) => [c.parcelId, c.version])),
    activeHolds: holds,
    mayOverride: w.mayOverride,
    overrideReason,
  });
  if (!plan.ok) refuse(plan, lead.id, holds, await visible(holds.map((h) => h.inquiryId)));
  return { rows, plan, override: plan.parcels.some((p) => p.override) ? overrideReason : null };
}

export interface HoldRequest {
  choices: ParcelChoice[];
  heldAs: HoldStatus;
  expiresOn?: string;
  overrideReason?: string | null;
}

/** Holds the chosen parcels for the lead: parcel statuses, ParcelHold rows, audit rows; returns the lead's event. */
export async function holdParcels(tx: Tx, w: LandWriter, lead: LeadRef, req: HoldRequest, visible: VisibleLeads): Promise<LeadEvent> {
  const expiresOn = req.expiresOn ?? defaultExpiry(w.now);
  const problem = checkExpiry(expiresOn, w.now);
  if (problem) throw validation({ expiresOn: problem }, problem);
  const { rows, plan, override } = await planChosen(tx, w, lead, req, visible, (input) => planHold({ ...input, heldAs: req.heldAs }));
  const created = await tx.parcelHold.createManyAndReturn({
    data: plan.parcels.map((p) => ({
      parcelId: p.parcelId, inquiryId: lead.id, heldAs: req.heldAs, statusBefore: p.statusBefore, expiresOn: isoDay(expiresOn),
      createdById: w.actorId, overrideReason: p.override ? override : null, createdAt: w.now,
    })),
    select: { id: true, parcelId: true },
  });
  const holdOf = new Map(created.map((h) => [h.parcelId, h.id]));
  const written = await moveParcels(tx, w, lead, plan.parcels, rows, "parcel.hold", override, (p) => ({ holdId: holdOf.get(p.parcelId), heldAs: req.heldAs, expiresOn }));
  await finish(tx, w, written);
  return {
    type: "LAND_HELD",
    data: { heldAs: req.heldAs, expiresOn, override, parcels: plan.parcels.map((p) => ({ code: p.code, holdId: holdOf.get(p.parcelId) ?? null, from: p.from })) },
  };
}

export interface SignRequest {
  choices: ParcelChoice[];
  signAs: SignedStatus;
  overrideReason?: string | null;
}

/** Marks the chosen parcels sold or leased to the lead; its own holds end as SIGNED, its other holds are released. */
export async function signParcels(tx: Tx, w: LandWriter, lead: LeadRef, req: SignRequest, visible: VisibleLeads): Promise<LeadEvent[]> {
  const events: LeadEvent[] = [];
  if (req.choices.length > 0) {
    const { rows, plan, override } = await planChosen(tx, w, lead, req, visible, (input) => planSign({ ...input, signAs: req.signAs }));
    const written = await moveParcels(tx, w, lead, plan.parcels, rows, "parcel.sign", override, () => ({ signedAs: req.signAs }));
    await finish(tx, w, written);
    events.push({ type: "LAND_SOLD", data: { signAs: req.signAs, override, parcels: plan.parcels.map((p) => ({ code: p.code, from: p.from })) } });
  }
  // A signed lead promises nothing more: whatever else it still holds goes back.
  const released = await releaseLeadHolds(tx, w, lead.id, "RELEASED");
  if (released) events.push(released);
  return events;
}

export interface HoldToEnd {
  id: string;
  parcelId: string;
  inquiryId: string;
  heldAs: ParcelStatus;
  statusBefore: ParcelStatus;
}

/**
 * Ends these holds (only those still active: a hold another transaction ended first is left to
 * it) and gives each parcel back the status from before the hold, if it still has the status
 * the hold gave it. Returns one LAND_RELEASED event per lead.
 */
export async function endHolds(tx: Tx, w: LandWriter, holds: HoldToEnd[], endReason: HoldEndReason): Promise<Map<string, LeadEvent>> {
  const events = new Map<string, LeadEvent>();
  if (holds.length === 0) return events;
  // Row locks: a parallel job run or release skips what this one ended.
  const ended = await tx.parcelHold.updateManyAndReturn({ where: { id: { in: holds.map((h) => h.id) }, endedAt: null }, data: { endedAt: w.now, endReason }, select: { id: true } });
  const endedIds = new Set(ended.map((h) => h.id));
  const mine = holds.filter((h) => endedIds.has(h.id));
  if (mine.length === 0) return events;
  const parcelIds = [...new Set(mine.map((h) => h.parcelId))];
  const [parcels, stillActive] = await Promise.all([
    tx.parcel.findMany({ where: { id: { in: parcelIds } }, select: PARCEL }),
    tx.parcelHold.groupBy({ by: ["parcelId"], where: { parcelId: { in: parcelIds }, endedAt: null }, _count: { _all: true } }),
  ]);
  const active = new Map(stillActive.map((g) => [g.parcelId, g._count._all]));
  const audits: AuditEntry[] = [];
  const perLead = new Map<string, { code: string; restored: ParcelStatus | null }[]>();
  for (const h of mine) {
    const parcel = parcels.find((p) => p.id === h.parcelId)!;
    const { restore } = planRelease(h, parcel, active.get(h.parcelId) ?? 0, endReason);
    let restored: ParcelStatus | null = null;
    if (restore) {
      // Guarded by the status the hold gave: a parcel changed in between is left as it is.
      const { count } = await tx.parcel.updateMany({
        where: { id: parcel.id, status: h.heldAs },
        data: { status: restore, statusReason: null, statusChangedAt: w.now, version: { increment: 1 } },
      });
      if (count === 1) restored = restore;
    }
    audits.push({
      actorId: w.actorId,
      requestId: w.requestId,
      action: "parcel.holdEnded",
      entity: "Parcel",
      entityId: parcel.id,
      before: { status: parcel.status, statusReason: parcel.statusReason, version: parcel.version },
      after: restored
        ? { status: restored, statusReason: null, version: parcel.version + 1, holdId: h.id, inquiryId: h.inquiryId, endReason }
        : { status: parcel.status, version: parcel.version, holdId: h.id, inquiryId: h.inquiryId, endReason, left: true },
      at: w.now,
    });
    if (restored) {
      parcel.version += 1;
      parcel.status = restored;
    }
    const list = perLead.get(h.inquiryId) ?? [];
    list.push({ code: parcel.code, restored });
    perLead.set(h.inquiryId, list);
  }
  await writeAudits(tx, audits);
  for (const [inquiryId, list] of perLead) events.set(inquiryId, { type: "LAND_RELEASED", data: { reason: endReason, parcels: list } });
  return events;
}

const HOLD_TO_END = { id: true, parcelId: true, inquiryId: true, heldAs: true, statusBefore: true } satisfies Prisma.ParcelHoldSelect;

/** Ends every active hold of one lead (lost, signed, or a release by hand); its LAND_RELEASED event or null. */
export async function releaseLeadHolds(tx: Tx, w: LandWriter, inquiryId: string, endReason: HoldEndReason, holdIds?: string[]): Promise<LeadEvent | null> {
  const holds = await tx.parcelHold.findMany({ where: { inquiryId, endedAt: null, ...(holdIds ? { id: { in: holdIds } } : {}) }, select: HOLD_TO_END });
  const events = await endHolds(tx, w, holds, endReason);
  return events.get(inquiryId) ?? null;
}

export { HOLD_TO_END };

/** Which of these parcels a lead holds now. */
export async function heldParcelIds(tx: Tx, parcelIds: string[]): Promise<Set<string>> {
  if (parcelIds.length === 0) return new Set();
  const rows = await tx.parcelHold.findMany({ where: { parcelId: { in: parcelIds }, endedAt: null }, select: { parcelId: true }, distinct: ["parcelId"] });
  return new Set(rows.map((r) => r.parcelId));
}

/**
 * A status edit from the parcel desk of parcels a lead holds (allowed with parcel.override and a
 * reason): the holds end as OVERRIDDEN, the parcels keep the status the edit gave them, and each
 * lead's timeline says which parcel, who and why (a LAND_RELEASED event), so lead and land stay
 * in step. Returns the number of holds ended.
 */
export async function endHoldsForStatusEdit(tx: Tx, w: LandWriter, parcels: { id: string; code: string }[], reason: string): Promise<number> {
  if (parcels.length === 0) return 0;
  const codeOf = new Map(parcels.map((p) => [p.id, p.code]));
  const ended = await tx.parcelHold.updateManyAndReturn({
    where: { parcelId: { in: [...codeOf.keys()] }, endedAt: null },
    data: { endedAt: w.now, endReason: "OVERRIDDEN" },
    select: { inquiryId: true, parcelId: true },
  });
  const perLead = new Map<string, { code: string; restored: null }[]>();
  for (const h of ended) perLead.set(h.inquiryId, [...(perLead.get(h.inquiryId) ?? []), { code: codeOf.get(h.parcelId)!, restored: null }]);
  for (const [inquiryId, list] of perLead) {
    await tx.inquiryEvent.create({
      data: { inquiryId, actorId: w.actorId, type: "LAND_RELEASED", note: reason, data: { reason: "OVERRIDDEN", parcels: list, byParcelEdit: true, overrideReason: reason }, createdAt: w.now },
    });
  }
  return ended.length;
}
