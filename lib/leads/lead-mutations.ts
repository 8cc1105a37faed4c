// The lead page's writes. Each is one transaction: the scoped lookup (a lead outside the
// actor's scope is not found, and nothing is written), the version check the form sent, the
// change with lastActivityAt = now (escalation counts from it), its InquiryEvent and its
// AuditLog row, all on the same transaction client.
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { chinaDate } from "../calendar/china-time";
import type { Db } from "../db/client";
import { conflict, notFound, validation } from "../errors";
import { Prisma } from "../generated/prisma/client";
import type { InquiryEventType, InquiryStage } from "../generated/prisma/enums";
import { matchBlocksForNeeds, type MatchedBlock } from "../inquiry/matching";
import { enqueueEmail } from "../mail/outbox";
import { enqueueAssignmentEmail } from "./assignment-email";
import type {
  AddNoteInput,
  AssignLeadInput,
  LogContactInput,
  MoveStageInput,
  RerunMatchInput,
  ReplyToInvestorInput,
  SetNextActionInput,
} from "./lead-schemas";
import { landForMove } from "./lead-land";
import { checkMove } from "./pipeline";
import { leadReplyEmail, REPLY_KIND } from "./reply-email";
import { leadScope } from "./scope";

type Tx = Prisma.TransactionClient;

export interface WriteContext {
  actor: Actor;
  requestId: string;
  now?: Date;
}

/** One instant per write: the change, its events and its audit row carry the same time. */
export const withNow = (ctx: WriteContext): WriteContext & { now: Date } => ({ ...ctx, now: ctx.now ?? new Date() });

/** What every action answers: the lead's new version (the forms send it next time). */
export interface LeadWritten {
  id: string;
  version: number;
}

const LEAD = {
  id: true,
  reference: true,
  stage: true,
  version: true,
  assigneeId: true,
  nextActionDueAt: true,
  firstRespondedAt: true,
  lostReason: true,
  lostNote: true,
  locale: true,
  email: true,
  createdAt: true,
} satisfies Prisma.InquirySelect;

type LeadRow = Prisma.InquiryGetPayload<{ select: typeof LEAD }>;

export interface EventInput {
  type: InquiryEventType;
  fromStage?: InquiryStage | null;
  toStage?: InquiryStage | null;
  note?: string | null;
  data?: Prisma.InputJsonValue;
  createdAt?: Date;
}

/** Plain JSON for audit rows and event data: dates as ISO strings. */
function json(value: Record<string, unknown>): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** The lead as this actor may see it, at the version the form showed; else not found / conflict. */
export async function openLead(tx: Tx, actor: Actor, id: string, version: number): Promise<LeadRow> {
  const lead = await tx.inquiry.findFirst({ where: { AND: [{ id }, leadScope(actor)] }, select: LEAD });
  if (!lead) throw notFound();
  if (lead.version !== version) throw conflict("staleVersion");
  return lead;
}

/**
 * Writes the change with the version check, then its events and audit row. `changes` holds
 * only the fields that change (they are the audit row's `after`).
 */
export async function commit(
  tx: Tx,
  ctx: WriteContext & { now: Date },
  lead: LeadRow,
  verb: string,
  changes: Prisma.InquiryUpdateManyMutationInput & Record<string, unknown>,
  events: EventInput[],
): Promise<LeadWritten> {
  const { now } = ctx;
  const { count } = await tx.inquiry.updateMany({
    where: { id: lead.id, version: lead.version },
    data: { ...changes, lastActivityAt: now, version: { increment: 1 } },
  });
  // Someone else's write landed between the read and this update.
  if (count === 0) throw conflict("staleVersion");
  for (const e of events) {
    await tx.inquiryEvent.create({
      data: {
        inquiryId: lead.id,
        actorId: ctx.actor.id,
        type: e.type,
        fromStage: e.fromStage ?? null,
        toStage: e.toStage ?? null,
        note: e.note ?? null,
        data: e.data ?? Prisma.DbNull,
        createdAt: e.createdAt ?? now,
      },
    });
  }
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (lead as Record<string, unknown>)[k] ?? null]));
  await tx.auditLog.create({
    data: {
      actorId: ctx.actor.id,
      action: `lead.${verb}`,
      entity: "Inquiry",
      entityId: lead.id,
      before: json({ ...before, version: lead.version }),
      after: json({ ...changes, version: lead.version + 1, events: events.map((e) => e.type) }),
      requestId: ctx.requestId,
      createdAt: now,
    },
  });
  return { id: lead.id, version: lead.version + 1 };
}

/**
 * A reply or a logged call/meeting is the lead's first response: firstRespondedAt is set once,
 * and a NEW lead moves to CONTACTED (recorded as a STAGE_CHANGED event marked automatic, one
 * millisecond after the response so the timeline shows cause then effect). Any other stage is
 * left alone: a reply does not reopen a lost lead or demote a qualified one.
 */
function firstResponse(lead: LeadRow, at: Date, now: Date, cause: InquiryEventType) {
  const changes: Record<string, unknown> = {};
  const events: EventInput[] = [];
  if (!lead.firstRespondedAt) changes.firstRespondedAt = at;
  if (lead.stage === "NEW") {
    changes.stage = "CONTACTED";
    events.push({ type: "STAGE_CHANGED", fromStage: "NEW", toStage: "CONTACTED", data: { automatic: true, cause }, createdAt: new Date(now.getTime() + 1) });
  }
  return { changes, events };
}

export const transaction = <T>(db: Db, fn: (tx: Tx) => Promise<T>) => db.$transaction(fn, { maxWait: 10_000, timeout: 15_000 });

export function addNote(db: Db, input: AddNoteInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    return commit(tx, ctx, lead, "addNote", {}, [{ type: "NOTE", note: input.note }]);
  });
}

/** The next-action date is a China date; stored as that day's midnight in China. */
export const chinaDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

export function setNextAction(db: Db, input: SetNextActionInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  const { now } = ctx;
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    const to = input.nextActionOn ?? null;
    if (to !== null && to < chinaDate(now)) throw validation({ nextActionOn: "inPast" });
    const from = lead.nextActionDueAt ? chinaDate(lead.nextActionDueAt) : null;
    if (from === to) throw validation({ nextActionOn: "unchanged" });
    return commit(tx, ctx, lead, "setNextAction", { nextActionDueAt: to === null ? null : chinaDayStart(to) }, [
      { type: "DUE_CHANGED", data: { field: "nextActionDueAt", from, to } },
    ]);
  });
}

export function assignLead(db: Db, input: AssignLeadInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  const { now } = ctx;
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    if (lead.assigneeId === input.assigneeId) throw validation({ assigneeId: "sameAssignee" });
    const [to, from] = await Promise.all([
      tx.user.findFirst({ where: { id: input.assigneeId, disabled: false, role: { in: ["OFFICER", "ADMIN"] } }, select: { id: true, name: true } }),
      lead.assigneeId ? tx.user.findUnique({ where: { id: lead.assigneeId }, select: { id: true, name: true } }) : null,
    ]);
    if (!to) throw validation({ assigneeId: "notAssignable" });
    const written = await commit(tx, ctx, lead, "assign", { assigneeId: to.id, assignedAt: now }, [
      { type: "ASSIGNED", data: { fromId: from?.id ?? null, fromName: from?.name ?? null, toId: to.id, toName: to.name } },
    ]);
    // The new assignee hears of it (in their language), unless they took the lead themselves.
    if (to.id !== ctx.actor.id) await enqueueAssignmentEmail(tx, { inquiryId: lead.id, assigneeId: to.id, byName: ctx.actor.name });
    return written;
  });
}

/** The stage a lost lead was lost from, as its latest move to LOST recorded it. */
async function lostFrom(tx: Tx, inquiryId: string): Promise<InquiryStage | null> {
  const event = await tx.inquiryEvent.findFirst({
    where: { inquiryId, type: "STAGE_CHANGED", toStage: "LOST" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { fromStage: true },
  });
  return event?.fromStage ?? null;
}

export function moveStage(db: Db, input: MoveStageInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    const check = checkMove({
      from: lead.stage,
      to: input.toStage,
      lostFrom: lead.stage === "LOST" ? await lostFrom(tx, lead.id) : null,
      lostReason: input.lostReason,
      lostNote: input.lostNote,
      mayCorrectSigned: can(ctx.actor.role, "lead.readAll"),
    });
    if (!check.ok) {
      const message = `stageMove:${check.reason}:${check.from}:${check.to}`;
      throw validation({ [check.reason === "otherNeedsNote" ? "lostNote" : check.reason === "lostNeedsReason" ? "lostReason" : "toStage"]: message }, message);
    }
    // The land moves with the lead (holds, signing, release on LOST), in this transaction: a
    // parcel changed since the page was opened refuses the whole move.
    const land = await landForMove(tx, ctx, lead, check, input);
    switch (check.kind) {
      case "lost":
        return commit(tx, ctx, lead, "moveStage", { stage: "LOST", lostReason: input.lostReason, lostNote: input.lostNote ?? null }, [
          { type: "STAGE_CHANGED", fromStage: lead.stage, toStage: "LOST", note: input.lostNote ?? null, data: { lostReason: input.lostReason ?? null } },
          ...land,
        ]);
      case "reopen":
        return commit(tx, ctx, lead, "reopen", { stage: check.to, lostReason: null, lostNote: null }, [
          { type: "REOPENED", fromStage: "LOST", toStage: check.to, data: { lostReason: lead.lostReason, lostNote: lead.lostNote } },
        ]);
      default:
        return commit(tx, ctx, lead, "moveStage", { stage: check.to }, [
          { type: "STAGE_CHANGED", fromStage: lead.stage, toStage: check.to, data: check.kind === "correctSigned" ? { correction: true } : undefined },
          ...land,
        ]);
    }
  });
}

export interface ReplySent extends LeadWritten {
  outboxEmailId: string;
}

export function replyToInvestor(db: Db, input: ReplyToInvestorInput, context: WriteContext): Promise<ReplySent> {
  const ctx = withNow(context);
  const { now } = ctx;
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    const email = leadReplyEmail({ locale: lead.locale, reference: lead.reference, officerName: ctx.actor.name, subject: input.subject, body: input.body });
    const first = firstResponse(lead, now, now, "REPLIED");
    // The version update comes first: it locks the lead's row, so the e-mail found below is
    // this reply's, not a parallel one's.
    const { count } = await tx.inquiry.updateMany({ where: { id: lead.id, version: lead.version }, data: { updatedAt: now } });
    if (count === 0) throw conflict("staleVersion");
    await enqueueEmail(tx, { ...email, kind: REPLY_KIND, to: lead.email, inquiryId: lead.id });
    const outbox = await tx.outboxEmail.findFirstOrThrow({ where: { inquiryId: lead.id, kind: REPLY_KIND }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    const written = await commit(tx, ctx, lead, "reply", first.changes, [
      { type: "REPLIED", note: input.body, data: { outboxEmailId: outbox.id, subject: email.subject, to: lead.email, locale: lead.locale } },
      ...first.events,
    ]);
    return { ...written, outboxEmailId: outbox.id };
  });
}

/** Clock skew between the officer's device and the server: a few minutes "in the future" are fine. */
const FUTURE_SLACK_MS = 5 * 60_000;

export function logContact(db: Db, input: LogContactInput, context: WriteContext): Promise<LeadWritten> {
  const ctx = withNow(context);
  const { now } = ctx;
  return transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    if (input.happenedAt.getTime() > now.getTime() + FUTURE_SLACK_MS) throw validation({ happenedAt: "inFuture" });
    // Whole minutes: the form's time has no seconds, the inquiry's creation does.
    if (input.happenedAt.getTime() < lead.createdAt.getTime() - 60_000) throw validation({ happenedAt: "beforeInquiry" });
    const type = input.kind === "CALL" ? "CALL_LOGGED" : "MEETING_LOGGED";
    const first = firstResponse(lead, input.happenedAt, now, type);
    return commit(tx, ctx, lead, input.kind === "CALL" ? "logCall" : "logMeeting", first.changes, [
      { type, note: input.note, data: { happenedAt: input.happenedAt.toISOString() } },
      ...first.events,
    ]);
  });
}

export interface MatchRerun extends LeadWritten {
  blocks: MatchedBlock[];
}

/** Re-runs the automatic match against today's land; the result is kept on the MATCH_RERUN event. */
export async function rerunMatch(db: Db, input: RerunMatchInput, context: WriteContext): Promise<MatchRerun> {
  const ctx = withNow(context);
  const { now } = ctx;
  const needs = await db.inquiry.findFirst({
    where: { AND: [{ id: input.leadId }, leadScope(ctx.actor)] },
    select: { landNeededMu: true, industry: true, powerKva: true, waterTonsPerDay: true, park: { select: { code: true } } },
  });
  if (!needs) throw notFound();
  if (!needs.landNeededMu) throw validation({ form: "noNeed" }, "noNeed");
  // The search runs on the in-memory land index, outside the transaction (no rows to lock).
  const blocks = await matchBlocksForNeeds(
    db,
    { landNeededMu: needs.landNeededMu, industry: needs.industry ?? undefined, parkCode: needs.park?.code, powerKva: needs.powerKva, waterTonsPerDay: needs.waterTonsPerDay },
    now,
  );
  const written = await transaction(db, async (tx) => {
    const lead = await openLead(tx, ctx.actor, input.leadId, input.version);
    return commit(tx, ctx, lead, "rerunMatch", {}, [
      { type: "MATCH_RERUN", data: json({ ranAt: now.toISOString(), count: blocks.length, blocks }) },
    ]);
  });
  return { ...written, blocks };
}
