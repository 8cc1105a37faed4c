// Which parcel status moves are allowed, and what each needs. Pure: the staff edit form, the
// bulk change, lead holds and the cadastre import all ask this one function.
//
// The rules follow how land really changes hands in a park: available land is reserved or
// negotiated, then sold (transferred use rights) or leased; negotiations fall through and the
// land returns to the market. A sale is not undone by an edit: moving SOLD land anywhere is a
// correction of the record that needs `parcel.override` and a reason, as does any move the
// table below does not list. Taking land off the market, or putting it back, needs a reason.
import type { ParcelStatus } from "../generated/prisma/enums";

export type TransitionRefusal = "unchanged" | "needsOverride" | "needsReason";

export type TransitionCheck =
  | { ok: true; from: ParcelStatus; to: ParcelStatus; override: boolean; reasonRequired: boolean }
  | { ok: false; from: ParcelStatus; to: ParcelStatus; reason: TransitionRefusal };

interface Rule {
  /** a reason must be given for this move */
  reason: boolean;
}

/** The ordinary moves. Anything else (out of SOLD, LEASED -> SOLD...) is an override. */
const ALLOWED: Partial<Record<ParcelStatus, Partial<Record<ParcelStatus, Rule>>>> = {
  AVAILABLE: {
    RESERVED: { reason: false },
    UNDER_NEGOTIATION: { reason: false },
    SOLD: { reason: false },
    LEASED: { reason: false },
    NOT_OFFERED: { reason: true },
  },
  RESERVED: {
    AVAILABLE: { reason: false },
    UNDER_NEGOTIATION: { reason: false },
    SOLD: { reason: false },
    LEASED: { reason: false },
    NOT_OFFERED: { reason: true },
  },
  UNDER_NEGOTIATION: {
    AVAILABLE: { reason: false },
    RESERVED: { reason: false },
    SOLD: { reason: false },
    LEASED: { reason: false },
    NOT_OFFERED: { reason: true },
  },
  // A lease ends; the land returns to the market (with the reason, e.g. the contract's end).
  LEASED: {
    AVAILABLE: { reason: true },
    NOT_OFFERED: { reason: true },
  },
  NOT_OFFERED: {
    AVAILABLE: { reason: true },
    RESERVED: { reason: true },
    UNDER_NEGOTIATION: { reason: true },
  },
  SOLD: {},
};

export interface TransitionInput {
  from: ParcelStatus;
  to: ParcelStatus;
  /** the reason typed (blank = none) */
  reason?: string | null;
  /** the actor holds `parcel.override` */
  mayOverride: boolean;
}

export function checkParcelTransition({ from, to, reason, mayOverride }: TransitionInput): TransitionCheck {
  if (from === to) return { ok: false, from, to, reason: "unchanged" };
  const hasReason = (reason ?? "").trim().length > 0;
  const rule = ALLOWED[from]?.[to];
  if (rule) {
    if (rule.reason && !hasReason) return { ok: false, from, to, reason: "needsReason" };
    return { ok: true, from, to, override: false, reasonRequired: rule.reason };
  }
  // Outside the table: an override, always with a reason.
  if (!mayOverride) return { ok: false, from, to, reason: "needsOverride" };
  if (!hasReason) return { ok: false, from, to, reason: "needsReason" };
  return { ok: true, from, to, override: true, reasonRequired: true };
}

/** The statuses `from` may move to without an override (for the form's select). */
export function ordinaryTargets(from: ParcelStatus): ParcelStatus[] {
  return Object.keys(ALLOWED[from] ?? {}) as ParcelStatus[];
}

/** Land an investor can still get: what the search lists as on offer. */
export const OFFERED_STATUSES: readonly ParcelStatus[] = ["AVAILABLE"];
/** Statuses a lead's hold gives a parcel. */
export const HOLD_STATUSES = ["UNDER_NEGOTIATION", "RESERVED"] as const satisfies readonly ParcelStatus[];
/** Statuses a signed lead gives its parcels. */
export const SIGNED_STATUSES = ["SOLD", "LEASED"] as const satisfies readonly ParcelStatus[];
