// The staff home's figures: what needs attention now, within what the actor may see
// (lib/leads/scope.ts), and, for those who watch escalations, the leads at levels 2 and 3.
import { cache } from "react";
import type { Actor } from "../auth/actor";
import { can } from "../auth/permissions";
import { loadWorkCalendar } from "../calendar/queries";
import { workingDaysBetween } from "../calendar/working-days";
import type { DbClient } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { leadScope } from "./scope";

const OPEN: Prisma.InquiryWhereInput = { stage: { notIn: ["SIGNED", "LOST"] } };
/** Rows shown per escalation list; the rest are counted and one click away in the inbox. */
export const ESCALATION_LIST_LIMIT = 50;

export interface EscalatedLeadRow {
  id: string;
  reference: string;
  company: string;
  assigneeName: string | null;
  /** working days since the last officer action */
  daysUntouched: number;
}

export interface EscalationList {
  total: number;
  rows: EscalatedLeadRow[];
}

export interface StaffOverview {
  counts: { new: number; overdue: number; escalated: number; unassigned: number };
  /** null when the actor may not see escalation lists (lead.escalations) */
  escalations: { level2: EscalationList; level3: EscalationList } | null;
}

/** Open leads whose first-contact deadline has passed without a first response. */
export function overdueWhere(now: Date): Prisma.InquiryWhereInput {
  return { ...OPEN, firstRespondedAt: null, firstContactDueAt: { lt: now } };
}

export async function loadStaffOverview(db: DbClient, actor: Actor, now: Date = new Date()): Promise<StaffOverview> {
  const scope = leadScope(actor);
  const within = (where: Prisma.InquiryWhereInput): Prisma.InquiryWhereInput => ({ AND: [scope, where] });
  const [fresh, overdue, escalated, unassigned] = await Promise.all([
    db.inquiry.count({ where: within({ stage: "NEW" }) }),
    db.inquiry.count({ where: within(overdueWhere(now)) }),
    db.inquiry.count({ where: within({ ...OPEN, escalationLevel: { gt: 0 } }) }),
    db.inquiry.count({ where: within({ ...OPEN, assigneeId: null }) }),
  ]);
  const counts = { new: fresh, overdue, escalated, unassigned };
  if (!can(actor.role, "lead.escalations")) return { counts, escalations: null };
  const [calendar, level2, level3] = await Promise.all([loadWorkCalendar(db), listAt(db, within, 2), listAt(db, within, 3)]);
  const rows = (list: Awaited<ReturnType<typeof listAt>>): EscalationList => ({
    total: list.total,
    rows: list.rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      company: r.company,
      assigneeName: r.assignee?.name ?? null,
      daysUntouched: workingDaysBetween(r.lastActivityAt, now, calendar),
    })),
  });
  return { counts, escalations: { level2: rows(level2), level3: rows(level3) } };
}

/** Open leads holding this escalation level, untouched longest first. */
async function listAt(db: DbClient, within: (w: Prisma.InquiryWhereInput) => Prisma.InquiryWhereInput, level: number) {
  const where = within({ ...OPEN, escalationLevel: level });
  const [total, rows] = await Promise.all([
    db.inquiry.count({ where }),
    db.inquiry.findMany({
      where,
      select: { id: true, reference: true, company: true, lastActivityAt: true, assignee: { select: { name: true } } },
      orderBy: [{ lastActivityAt: "asc" }, { id: "asc" }],
      take: ESCALATION_LIST_LIMIT,
    }),
  ]);
  return { total, rows };
}

/** The page's read, once per request. */
export const staffOverviewFor = cache(loadStaffOverview);
