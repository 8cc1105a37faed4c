// The lead page's forms: one schema per action, used by the form in the browser and by the
// action on the server. Every form sends the lead's id and the version it showed (a stale
// version is a conflict, not an overwrite). Browser-safe: no database, no server modules.
import { z } from "zod";
import { blankToUndefined, fields, optionalChoice, optionalIsoDate, optionalText, requiredChoice, requiredText } from "../validation/fields";
import { messageOf } from "../validation/messages";
import { collectParcelKeys, landMoveFields } from "../land/hold-schemas";
import { LOST_REASONS, STAGES } from "./pipeline";

export const NOTE_MAX = 5000;
export const REPLY_MAX = 10_000;
export const CONTACT_KINDS = ["CALL", "MEETING"] as const;

/** The version the form showed: a whole number from 1. */
const version = z.preprocess(
  (v, ctx) => {
    const s = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim() : "";
    if (/^[1-9]\d{0,9}$/.test(s)) return Number(s);
    ctx.addIssue({ code: "custom", message: messageOf(s === "" ? "required" : "invalid"), input: v });
    return z.NEVER;
  },
  z.number(),
);

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A moment typed as China wall-clock time, as `<input type="datetime-local">` sends it
 * ("2026-12-03T14:30"), read as UTC+8 whatever the browser's or server's own zone.
 */
export function parseChinaDateTime(v: unknown): Date | null {
  if (typeof v !== "string") return null;
  const m = LOCAL_DATE_TIME.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return null;
  const at = new Date(Date.UTC(y, mo - 1, d, h - 8, mi));
  // 31 April rolls over to 1 May in Date.UTC: refused, not guessed at.
  const back = new Date(at.getTime() + 8 * 3_600_000);
  return back.getUTCDate() === d && back.getUTCMonth() === mo - 1 ? at : null;
}

const chinaDateTime = z.preprocess(
  (v, ctx) => {
    if (blankToUndefined(v) === undefined) {
      ctx.addIssue({ code: "custom", message: messageOf("required"), input: v });
      return z.NEVER;
    }
    const at = parseChinaDateTime(v);
    if (at) return at;
    ctx.addIssue({ code: "custom", message: messageOf("mustBeDate"), input: v });
    return z.NEVER;
  },
  z.date(),
);

const lead = { leadId: requiredText(1, 40), version };

export const addNoteSchema = fields({ ...lead, note: requiredText(1, NOTE_MAX) });

/** A China date (YYYY-MM-DD); blank clears the next action. */
export const setNextActionSchema = fields({ ...lead, nextActionOn: optionalIsoDate() });

export const assignLeadSchema = fields({ ...lead, assigneeId: requiredText(1, 40) });

// A move to NEGOTIATING may hold the lead's parcels, a move to SIGNED may mark them sold or
// leased (lib/land/hold-mutations.ts), in the same transaction as the move: the land fields
// (`parcel.<id>` checkboxes carrying the version shown) are read for those two moves only.
export const moveStageSchema = z.preprocess(
  collectParcelKeys,
  fields({
    ...lead,
    toStage: requiredChoice(STAGES),
    lostReason: optionalChoice(LOST_REASONS),
    lostNote: optionalText(1000),
    ...landMoveFields,
  }).superRefine((v, ctx) => {
    // Said next to the field; the pipeline (lib/leads/pipeline.ts) checks the same on the server.
    if (v.toStage === "LOST" && !v.lostReason) ctx.addIssue({ code: "custom", path: ["lostReason"], message: messageOf("required") });
    if (v.toStage === "LOST" && v.lostReason === "OTHER" && !v.lostNote) ctx.addIssue({ code: "custom", path: ["lostNote"], message: messageOf("required") });
  }),
);

export const replyToInvestorSchema = fields({ ...lead, subject: requiredText(1, 200), body: requiredText(1, REPLY_MAX) });

export const logContactSchema = fields({
  ...lead,
  kind: requiredChoice(CONTACT_KINDS),
  happenedAt: chinaDateTime,
  note: requiredText(1, NOTE_MAX),
});

export const rerunMatchSchema = fields(lead);

export type AddNoteInput = z.output<typeof addNoteSchema>;
export type SetNextActionInput = z.output<typeof setNextActionSchema>;
export type AssignLeadInput = z.output<typeof assignLeadSchema>;
export type MoveStageInput = z.output<typeof moveStageSchema>;
export type ReplyToInvestorInput = z.output<typeof replyToInvestorSchema>;
export type LogContactInput = z.output<typeof logContactSchema>;
export type RerunMatchInput = z.output<typeof rerunMatchSchema>;
