// The pipeline's allowed moves, as one pure function (no Prisma, no I/O): the stage-move action,
// the page's stage form and the unit test all ask `checkMove`.
//
// The rules, as an officer would expect them of a CRM:
// - Forward moves may skip stages (NEW -> SITE_VISIT: the first call already was the visit),
//   up to and including SIGNED.
// - Backward: one stage at a time, to undo a slip (SITE_VISIT -> QUALIFIED), never back to NEW:
//   NEW means nobody has answered the investor yet, which stops being true once anyone has.
// - LOST from any open stage (NEW .. NEGOTIATING), with a reason from the list; OTHER needs text.
// - A LOST lead is reopened, not moved: to the stage it was lost from (read from its
//   STAGE_CHANGED event), or CONTACTED when that is unknown (someone did look at it, and
//   CONTACTED keeps it in every officer's open list). Recorded as REOPENED.
// - SIGNED is final for officers. A signing recorded by mistake is corrected by someone holding
//   `lead.readAll` (admins: a supervisor, not the officer whose deal it is) with a move back to
//   NEGOTIATING, and only there; the event is marked as a correction.
import type { InquiryStage, LostReason } from "../generated/prisma/enums";

/** The open stages in pipeline order; SIGNED and LOST end it. */
export const PIPELINE: readonly InquiryStage[] = ["NEW", "CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING", "SIGNED"];
export const STAGES: readonly InquiryStage[] = [...PIPELINE, "LOST"];
export const OPEN_STAGES: readonly InquiryStage[] = ["NEW", "CONTACTED", "QUALIFIED", "SITE_VISIT", "NEGOTIATING"];
export const LOST_REASONS: readonly LostReason[] = [
  "NO_RESPONSE",
  "CHOSE_OTHER_LOCATION",
  "LAND_UNSUITABLE",
  "PRICE",
  "TIMING",
  "POLICY_MISMATCH",
  "PROJECT_CANCELLED",
  "DUPLICATE",
  "OTHER",
];
/** Where a lost lead goes back to when the stage it was lost from is not on record. */
export const REOPEN_FALLBACK: InquiryStage = "CONTACTED";

export type MoveKind = "forward" | "back" | "lost" | "reopen" | "correctSigned";

export type MoveRefusal =
  /** already in that stage */
  | "same"
  /** backward by more than one stage */
  | "backTooFar"
  /** back to NEW once contacted */
  | "backToNew"
  /** SIGNED is final (for someone who may not correct it) */
  | "signedFinal"
  /** SIGNED may only be corrected to NEGOTIATING */
  | "signedOnlyToNegotiating"
  /** a lost lead only reopens, to the stage it was lost from */
  | "reopenElsewhere"
  /** LOST without a reason */
  | "lostNeedsReason"
  /** LOST with reason OTHER and no text */
  | "otherNeedsNote";

export interface MoveRequest {
  from: InquiryStage;
  to: InquiryStage;
  /** for a LOST lead: the stage it was lost from, if recorded */
  lostFrom?: InquiryStage | null;
  /** for a move to LOST */
  lostReason?: LostReason | null;
  lostNote?: string | null;
  /** may this person correct a SIGNED lead (lead.readAll) */
  mayCorrectSigned?: boolean;
}

export type MoveCheck =
  | { ok: true; kind: MoveKind; to: InquiryStage }
  | { ok: false; reason: MoveRefusal; from: InquiryStage; to: InquiryStage; message: string };

const LABEL: Record<InquiryStage, string> = {
  NEW: "New",
  CONTACTED: "Contacted",
  QUALIFIED: "Qualified",
  SITE_VISIT: "Site visit",
  NEGOTIATING: "Negotiating",
  SIGNED: "Signed",
  LOST: "Lost",
};

/** Where reopening this lost lead goes. */
export function reopenTarget(lostFrom: InquiryStage | null | undefined): InquiryStage {
  return lostFrom && OPEN_STAGES.includes(lostFrom) ? lostFrom : REOPEN_FALLBACK;
}

function refuse(reason: MoveRefusal, r: MoveRequest, target = r.to): MoveCheck {
  const [from, to] = [LABEL[r.from], LABEL[r.to]];
  const message = {
    same: `The lead is already ${from}.`,
    backTooFar: `Cannot move from ${from} back to ${to}: a lead goes back one stage at a time (${LABEL[PIPELINE[PIPELINE.indexOf(r.from) - 1] ?? r.from]}).`,
    backToNew: `Cannot move from ${from} back to ${to}: the investor has been contacted.`,
    signedFinal: `Cannot move from ${from} to ${to}: Signed is final; an admin can correct a signing made by mistake (back to Negotiating).`,
    signedOnlyToNegotiating: `Cannot move from ${from} to ${to}: a signing made by mistake is corrected back to Negotiating only.`,
    reopenElsewhere: `Cannot move from ${from} to ${to}: a lost lead reopens to the stage it was lost from (${LABEL[target]}).`,
    lostNeedsReason: `Cannot move from ${from} to ${to} without a reason.`,
    otherNeedsNote: `Cannot move from ${from} to ${to} for "other" reasons without saying which.`,
  }[reason];
  return { ok: false, reason, from: r.from, to: reason === "reopenElsewhere" ? target : r.to, message };
}

export function checkMove(r: MoveRequest): MoveCheck {
  const { from, to } = r;
  if (from === to) return refuse("same", r);
  if (from === "LOST") {
    const target = reopenTarget(r.lostFrom);
    return to === target ? { ok: true, kind: "reopen", to } : refuse("reopenElsewhere", r, target);
  }
  if (from === "SIGNED") {
    if (!r.mayCorrectSigned) return refuse("signedFinal", r);
    return to === "NEGOTIATING" ? { ok: true, kind: "correctSigned", to } : refuse("signedOnlyToNegotiating", r);
  }
  if (to === "LOST") {
    if (!r.lostReason) return refuse("lostNeedsReason", r);
    if (r.lostReason === "OTHER" && !r.lostNote?.trim()) return refuse("otherNeedsNote", r);
    return { ok: true, kind: "lost", to };
  }
  const [a, b] = [PIPELINE.indexOf(from), PIPELINE.indexOf(to)];
  if (b > a) return { ok: true, kind: "forward", to };
  if (to === "NEW") return refuse("backToNew", r);
  if (a - b > 1) return refuse("backTooFar", r);
  return { ok: true, kind: "back", to };
}

/** The stages a lead in `from` may be moved to (for the page's stage form). */
export function allowedTargets(from: InquiryStage, opts: { lostFrom?: InquiryStage | null; mayCorrectSigned?: boolean } = {}): InquiryStage[] {
  return STAGES.filter((to) => checkMove({ from, to, ...opts, lostReason: "DUPLICATE" }).ok);
}
