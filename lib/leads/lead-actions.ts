// The lead page's server actions: each one goes through defineAction (session -> permission ->
// the form's own schema -> the write), so a page, a script or a test calls the same checks.
// Object-level access (the officer's parks and assignments) is in every write's lookup.
import "server-only";
import { after } from "next/server";
import { defineAction, type StaffContext } from "../actions/action";
import { db } from "../db";
import { deliverOutboxSoon } from "../mail/deliver";
import {
  type AddNoteInput,
  type AssignLeadInput,
  type LogContactInput,
  type MoveStageInput,
  type ReplyToInvestorInput,
  type RerunMatchInput,
  type SetNextActionInput,
  addNoteSchema,
  assignLeadSchema,
  logContactSchema,
  moveStageSchema,
  replyToInvestorSchema,
  rerunMatchSchema,
  setNextActionSchema,
} from "./lead-schemas";
import { addNote, assignLead, logContact, moveStage, replyToInvestor, rerunMatch, setNextAction } from "./lead-mutations";

export const addNoteAction = defineAction({
  name: "lead.addNote",
  schema: addNoteSchema,
  access: { permission: "lead.triage" },
  handler: (input: AddNoteInput, ctx: StaffContext) => addNote(db(), input, ctx),
});

export const setNextActionAction = defineAction({
  name: "lead.setNextAction",
  schema: setNextActionSchema,
  access: { permission: "lead.triage" },
  handler: (input: SetNextActionInput, ctx: StaffContext) => setNextAction(db(), input, ctx),
});

export const assignLeadAction = defineAction({
  name: "lead.assign",
  schema: assignLeadSchema,
  access: { permission: "lead.assign" },
  handler: async (input: AssignLeadInput, ctx: StaffContext) => {
    const written = await assignLead(db(), input, ctx);
    after(deliverOutboxSoon); // the new assignee's e-mail, queued with the change
    return written;
  },
});

export const moveStageAction = defineAction({
  name: "lead.moveStage",
  schema: moveStageSchema,
  access: { permission: "lead.triage" },
  handler: (input: MoveStageInput, ctx: StaffContext) => moveStage(db(), input, ctx),
});

export const replyToInvestorAction = defineAction({
  name: "lead.reply",
  schema: replyToInvestorSchema,
  access: { permission: "lead.triage" },
  handler: async (input: ReplyToInvestorInput, ctx: StaffContext) => {
    const sent = await replyToInvestor(db(), input, ctx);
    // Committed with the reply; sent once the response is out (retries: the outbox's schedule).
    after(deliverOutboxSoon);
    return sent;
  },
});

export const logContactAction = defineAction({
  name: "lead.logContact",
  schema: logContactSchema,
  access: { permission: "lead.triage" },
  handler: (input: LogContactInput, ctx: StaffContext) => logContact(db(), input, ctx),
});

export const rerunMatchAction = defineAction({
  name: "lead.rerunMatch",
  schema: rerunMatchSchema,
  access: { permission: "lead.triage" },
  handler: (input: RerunMatchInput, ctx: StaffContext) => rerunMatch(db(), input, ctx),
});
