// The land part of the lead page's forms: which parcels (each with the version the page showed
// it at), held as what, until when, signed as what, and an admin's override reason. Browser-
// safe: the stage form and the land panel check with these before sending, the actions after.
import { z } from "zod";
import { choiceWithDefault, fields, optionalIsoDate, optionalText, requiredText } from "../validation/fields";
import { messageOf } from "../validation/messages";
import { HOLD_STATUSES, SIGNED_STATUSES } from "./status-transitions";

export const OVERRIDE_REASON_MAX = 500;
export const MAX_PARCELS_PER_HOLD = 200;

/** A form field per chosen parcel: `parcel.<id>` = the version shown (a checkbox's value). */
export const PARCEL_KEY_PREFIX = "parcel.";

const ID = /^[a-z0-9]{1,40}$/i;

export const parcelChoices = z
  .array(z.object({ parcelId: z.string().regex(ID), version: z.coerce.number().int().min(1).max(2_147_483_647) }), { error: messageOf("invalid") })
  .max(MAX_PARCELS_PER_HOLD, { error: messageOf("tooLarge", MAX_PARCELS_PER_HOLD) })
  .default([]);

/**
 * Reads the `parcel.<id>` checkboxes of a submitted form into `parcels`. An explicit `parcels`
 * list (a script, a test) is kept as given.
 */
export function collectParcelKeys(v: unknown): unknown {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return v;
  const o = v as Record<string, unknown>;
  if ("parcels" in o) return o;
  const parcels = Object.entries(o)
    .filter(([k]) => k.startsWith(PARCEL_KEY_PREFIX))
    .map(([k, version]) => ({ parcelId: k.slice(PARCEL_KEY_PREFIX.length), version }));
  return { ...o, parcels };
}

/** The land fields the stage form adds for NEGOTIATING (hold) and SIGNED (sell or lease). */
export const landMoveFields = {
  parcels: parcelChoices,
  heldAs: choiceWithDefault(HOLD_STATUSES, "UNDER_NEGOTIATION"),
  /** blank: today + 90 days (China) */
  expiresOn: optionalIsoDate(),
  signAs: choiceWithDefault(SIGNED_STATUSES, "SOLD"),
  overrideReason: optionalText(OVERRIDE_REASON_MAX),
};

const version = z.coerce.number({ error: messageOf("invalid") }).int().min(1);
const lead = { leadId: requiredText(1, 40), version };

export const holdParcelsSchema = z.preprocess(
  collectParcelKeys,
  fields({ ...lead, ...landMoveFields, parcels: parcelChoices.refine((p) => p.length > 0, { error: "noParcelChosen" }) }),
);

export const releaseHoldSchema = fields({ ...lead, holdId: requiredText(1, 40) });

export const extendHoldSchema = fields({
  ...lead,
  holdId: requiredText(1, 40),
  expiresOn: optionalIsoDate().refine((d) => d !== undefined, { error: messageOf("required") }),
});

export type HoldParcelsInput = z.output<typeof holdParcelsSchema>;
export type ReleaseHoldInput = z.output<typeof releaseHoldSchema>;
export type ExtendHoldInput = z.output<typeof extendHoldSchema>;
export type LandMoveInput = { parcels: { parcelId: string; version: number }[]; heldAs: (typeof HOLD_STATUSES)[number]; expiresOn?: string; signAs: (typeof SIGNED_STATUSES)[number]; overrideReason?: string };
