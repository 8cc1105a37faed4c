// The land panel's server actions (lib/leads/lead-land-mutations.ts): `land.hold`, and the
// lead's own scope in every write's lookup. Holding and signing from the stage form go through
// lib/leads/lead-actions.ts moveStageAction, in the move's transaction.
import "server-only";
import { defineAction, type StaffContext } from "../actions/action";
import { db } from "../db";
import {
  extendHoldSchema,
  holdParcelsSchema,
  releaseHoldSchema,
  type ExtendHoldInput,
  type HoldParcelsInput,
  type ReleaseHoldInput,
} from "../land/hold-schemas";
import { extendHold, holdForLead, releaseHold } from "./lead-land-mutations";

export const holdParcelsAction = defineAction({
  name: "lead.holdLand",
  schema: holdParcelsSchema,
  access: { permission: "land.hold" },
  handler: (input: HoldParcelsInput, ctx: StaffContext) => holdForLead(db(), input, ctx),
});

export const releaseHoldAction = defineAction({
  name: "lead.releaseLand",
  schema: releaseHoldSchema,
  access: { permission: "land.hold" },
  handler: (input: ReleaseHoldInput, ctx: StaffContext) => releaseHold(db(), input, ctx),
});

export const extendHoldAction = defineAction({
  name: "lead.extendHold",
  schema: extendHoldSchema,
  access: { permission: "land.hold" },
  handler: (input: ExtendHoldInput, ctx: StaffContext) => extendHold(db(), input, ctx),
});
