// The rules of holding land for a lead, as pure functions (no Prisma, no I/O): the lead page's
// forms, the hold writes and the expiry job all ask these, and tests/unit/land-holds.test.ts
// pins them down.
//
// What an officer would expect of a land desk:
// - A hold promises a parcel to ONE lead: it takes available land to "under negotiation" or
//   "reserved" until an expiry date (90 days by default, a China date, inclusive).
// - A parcel another lead holds (or that is reserved without any lead on record) is not taken
//   quietly: refused, unless someone holding `parcel.override` overrides with a reason; the
//   other lead's hold then ends as OVERRIDDEN and the new hold keeps the land's original status
//   to restore.
// - Sold, leased or withdrawn land is never held or signed from a lead (correcting that record
//   is the parcel edit's business).
// - Signing marks the land sold or leased; the lead's other holds are released.
// - A release (by hand, at expiry, or because the lead was lost) restores the status the parcel
//   had before the hold, unless the parcel was changed since (sold by someone else, withdrawn):
//   then it is left as it is.
// - The officer is told a week before a hold expires, once.
// Every status move is also checked by checkParcelTransition, the one table of allowed moves.
import type { HoldEndReason, ParcelStatus } from "../generated/prisma/enums";
import { chinaDate } from "../calendar/china-time";
import { checkParcelTransition, HOLD_STATUSES, SIGNED_STATUSES } from "./status-transitions";

export type HoldStatus = (typeof HOLD_STATUSES)[number];
export type SignedStatus = (typeof SIGNED_STATUSES)[number];

export const DEFAULT_HOLD_DAYS = 90;
/** A hold longer than this is not a hold but a sale nobody recorded. */
export const MAX_HOLD_DAYS = 366;
export const NOTICE_DAYS_BEFORE = 7;

const DAY_MS = 86_400_000;

/** An ISO date plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today in China + 90 days: the expiry the forms offer. */
export function defaultExpiry(now: Date): string {
  return addDays(chinaDate(now), DEFAULT_HOLD_DAYS);
}

export type ExpiryProblem = "expiryInPast" | "expiryTooFar";

/** An expiry date must be a day after today (China) and within MAX_HOLD_DAYS. */
export function checkExpiry(expiresOn: string, now: Date): ExpiryProblem | null {
  const today = chinaDate(now);
  if (expiresOn <= today) return "expiryInPast";
  if (expiresOn > addDays(today, MAX_HOLD_DAYS)) return "expiryTooFar";
  return null;
}

/** The hold runs through its expiry date; it is over from the next China day. */
export function isExpired(expiresOn: string, now: Date): boolean {
  return chinaDate(now) > expiresOn;
}

/** The first China day the expiry notice is due: a week before the expiry date. */
export function noticeDay(expiresOn: string): string {
  return addDays(expiresOn, -NOTICE_DAYS_BEFORE);
}

/** The notice is sent once, in the last week of an active hold that has not expired. */
export function noticeDue(hold: { expiresOn: string; expiryNoticeAt: Date | null; endedAt: Date | null }, now: Date): boolean {
  if (hold.endedAt || hold.expiryNoticeAt) return false;
  const today = chinaDate(now);
  return today >= noticeDay(hold.expiresOn) && today <= hold.expiresOn;
}

// ---------------------------------------------------------------------------------------------
// Planning a hold or a signing

export interface ParcelNow {
  id: string;
  code: string;
  status: ParcelStatus;
  version: number;
}

export interface ActiveHold {
  id: string;
  parcelId: string;
  inquiryId: string;
  heldAs: ParcelStatus;
  statusBefore: ParcelStatus;
  expiresOn: string;
}

export type ParcelRefusal =
  /** the parcel changed since the page showed it (its version moved) */
  | "changed"
  /** sold, leased or not offered: nothing a lead can take */
  | "notAvailable"
  /** this lead holds it already (extend or release the hold instead) */
  | "alreadyHeld"
  /** another lead holds it (or it is reserved without a lead): needs parcel.override */
  | "heldByOther"
  /** an override needs a reason */
  | "overrideNeedsReason"
  /** the move is not in the table of allowed status moves */
  | "transition";

export interface PlannedParcel {
  parcelId: string;
  code: string;
  from: ParcelStatus;
  to: ParcelStatus;
  /** what a later release restores */
  statusBefore: ParcelStatus;
  /** other leads' holds this move ends (OVERRIDDEN) */
  overridden: ActiveHold[];
  /** this lead's own hold the move ends (signing: SIGNED) */
  ownHold: ActiveHold | null;
  override: boolean;
}

export type LandPlan =
  | { ok: true; parcels: PlannedParcel[] }
  | { ok: false; refusals: { parcelId: string; code: string; reason: ParcelRefusal; status: ParcelStatus }[] };

export interface PlanInput {
  inquiryId: string;
  /** the parcels chosen, as they are now */
  parcels: ParcelNow[];
  /** the versions the form showed, by parcel id */
  shownVersions: ReadonlyMap<string, number>;
  /** every active hold on the chosen parcels (any lead) */
  activeHolds: readonly ActiveHold[];
  mayOverride: boolean;
  overrideReason?: string | null;
}

const TAKEN: readonly ParcelStatus[] = HOLD_STATUSES;

function planOne(p: ParcelNow, to: ParcelStatus, input: PlanInput, signing: boolean): PlannedParcel | ParcelRefusal {
  const holds = input.activeHolds.filter((h) => h.parcelId === p.id);
  const own = holds.find((h) => h.inquiryId === input.inquiryId) ?? null;
  const others = holds.filter((h) => h.inquiryId !== input.inquiryId);
  const reason = input.overrideReason?.trim() || null;
  if (own && !signing) return "alreadyHeld";
  if (p.status !== "AVAILABLE" && !TAKEN.includes(p.status)) return "notAvailable";
  let override = false;
  let statusBefore: ParcelStatus = p.status;
  if (own && others.length === 0 && p.status === own.heldAs) {
    statusBefore = own.statusBefore;
  } else if (TAKEN.includes(p.status) || others.length > 0) {
    // Another lead's promise, or a reservation nobody recorded against a lead: only an override.
    if (!input.mayOverride) return "heldByOther";
    if (!reason) return "overrideNeedsReason";
    override = true;
    statusBefore = others[0]?.statusBefore ?? p.status;
  }
  if (p.status !== to) {
    const check = checkParcelTransition({ from: p.status, to, reason: reason ?? "lead hold", mayOverride: input.mayOverride });
    if (!check.ok) return check.reason === "needsOverride" ? "notAvailable" : "transition";
  }
  return { parcelId: p.id, code: p.code, from: p.status, to, statusBefore, overridden: others, ownHold: own, override };
}

function plan(input: PlanInput, to: ParcelStatus, signing: boolean): LandPlan {
  const refusals: Extract<LandPlan, { ok: false }>["refusals"] = [];
  // A parcel that changed underneath is reported first, and for every parcel: the officer
  // reloads once and sees them all, instead of one per attempt.
  for (const p of input.parcels) {
    if (input.shownVersions.get(p.id) !== p.version) refusals.push({ parcelId: p.id, code: p.code, reason: "changed", status: p.status });
  }
  if (refusals.length) return { ok: false, refusals };
  const planned: PlannedParcel[] = [];
  for (const p of input.parcels) {
    const r = planOne(p, to, input, signing);
    if (typeof r === "string") refusals.push({ parcelId: p.id, code: p.code, reason: r, status: p.status });
    else planned.push(r);
  }
  return refusals.length ? { ok: false, refusals } : { ok: true, parcels: planned };
}

/** May this lead hold these parcels as `heldAs`? */
export function planHold(input: PlanInput & { heldAs: HoldStatus }): LandPlan {
  return plan(input, input.heldAs, false);
}

/** May this lead's signing mark these parcels `signAs` (its own holds end as SIGNED)? */
export function planSign(input: PlanInput & { signAs: SignedStatus }): LandPlan {
  return plan(input, input.signAs, true);
}

// ---------------------------------------------------------------------------------------------
// Ending a hold

export interface ReleasePlan {
  /** the status to give the parcel back, or null to leave it as it is */
  restore: ParcelStatus | null;
}

/**
 * What ending `hold` does to its parcel: the status from before the hold comes back only while
 * the parcel still has the status the hold gave it and no other hold is active on it; a parcel
 * sold, withdrawn or re-held since is left alone.
 */
export function planRelease(
  hold: Pick<ActiveHold, "id" | "heldAs" | "statusBefore">,
  parcel: { status: ParcelStatus },
  otherActiveHolds: number,
  endReason: HoldEndReason,
): ReleasePlan {
  if (endReason === "SIGNED" || endReason === "OVERRIDDEN") return { restore: null };
  if (parcel.status !== hold.heldAs || otherActiveHolds > 0) return { restore: null };
  if (hold.statusBefore === parcel.status) return { restore: null };
  const check = checkParcelTransition({ from: parcel.status, to: hold.statusBefore, reason: `hold ended: ${endReason}`, mayOverride: false });
  return { restore: check.ok ? hold.statusBefore : null };
}
