// The escalation job (scheduled by lib/jobs/): leads that are not signed or lost and that no
// officer has acted on for 3, 5 and 7 working days (the calendar of lib/calendar/) reach levels
// 1, 2 and 3 (lib/leads/escalation-rule.ts). Level 1 reminds the assignee; level 2 shows the
// lead to admins; level 3 lists it on the admins' overview. The assignee is e-mailed at each.
//
// Safe with several runners at once: each lead is handled in its own transaction holding the
// lead's row lock, and each level is an INSERT ... ON CONFLICT DO NOTHING on InquiryEscalation
// (primary key inquiryId + level); only the run whose insert took writes the ESCALATED event,
// raises Inquiry.escalationLevel and queues the e-mail.
import { workingDaysBetween, type WorkCalendar } from "../calendar/working-days";
import { loadWorkCalendar } from "../calendar/queries";
import type { Db, DbClient } from "../db/client";
import { enqueueEmail } from "../mail/outbox";
import type { Email } from "../mail/templates";
import { ESCALATION_DAYS, MAX_ESCALATION_LEVEL, escalationLevelsDue } from "./escalation-rule";
import { leadUrl, oneLine, staffLocale, staffTranslator } from "./staff-mail";

export const ESCALATION_EMAIL_KIND = "lead-escalated";
const CLOSED = ["SIGNED", "LOST"] as const;
const PAGE = 500;
const DAY_MS = 86_400_000;

export interface EscalationEmailInput {
  locale: string;
  level: number;
  days: number;
  assigneeName: string;
  reference: string;
  company: string;
  since: Date;
  url: string;
}

export function escalationEmail(m: EscalationEmailInput): Email {
  const t = staffTranslator(m.locale);
  const level = (Math.min(Math.max(m.level, 1), MAX_ESCALATION_LEVEL) as 1 | 2 | 3);
  const values = { reference: m.reference, days: m.days };
  const subject = level === 1 ? t("staff.mail.escalated.subject1", values) : level === 2 ? t("staff.mail.escalated.subject2", values) : t("staff.mail.escalated.subject3", values);
  const advice = level === 1 ? t("staff.mail.escalated.level1") : level === 2 ? t("staff.mail.escalated.level2") : t("staff.mail.escalated.level3");
  const lines = [
    t("staff.mail.escalated.greeting", { name: oneLine(m.assigneeName) }),
    "",
    t("staff.mail.escalated.body", { ...values, company: oneLine(m.company), since: t("staff.mail.dateTime", { date: m.since }) }),
    "",
    advice,
    "",
    t("staff.mail.escalated.link", { url: m.url }),
    "",
    t("staff.mail.signature"),
  ];
  return { subject, text: lines.join("\n") };
}

export interface EscalationReport {
  /** leads looked at (untouched for at least the first level's days in calendar days) */
  checked: number;
  /** levels this run recorded */
  escalated: { inquiryId: string; level: number }[];
}

/** Runs one escalation pass at `now`. */
export async function runEscalation(db: Db, options: { now?: Date; calendar?: WorkCalendar } = {}): Promise<EscalationReport> {
  const now = options.now ?? new Date();
  const calendar = options.calendar ?? (await loadWorkCalendar(db));
  // A working day is at least a calendar day: older than 3 days is the cheap first cut.
  const cutoff = new Date(now.getTime() - ESCALATION_DAYS[0] * DAY_MS);
  const report: EscalationReport = { checked: 0, escalated: [] };
  let cursor: string | undefined;
  for (;;) {
    const page = await db.inquiry.findMany({
      where: { stage: { notIn: [...CLOSED] }, escalationLevel: { lt: MAX_ESCALATION_LEVEL }, lastActivityAt: { lte: cutoff } },
      select: { id: true, lastActivityAt: true, escalationLevel: true },
      orderBy: { id: "asc" },
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    if (page.length === 0) break;
    cursor = page[page.length - 1]!.id;
    report.checked += page.length;
    for (const lead of page) {
      if (escalationLevelsDue(workingDaysBetween(lead.lastActivityAt, now, calendar), lead.escalationLevel).length === 0) continue;
      const levels = await escalateLead(db, lead.id, now, calendar);
      for (const level of levels) report.escalated.push({ inquiryId: lead.id, level });
    }
    if (page.length < PAGE) break;
  }
  return report;
}

/** One lead, in one transaction under its row lock: returns the levels this call recorded. */
async function escalateLead(db: Db, inquiryId: string, now: Date, calendar: WorkCalendar): Promise<number[]> {
  return db.$transaction(async (tx) => {
    // The row lock orders this against an officer's action on the lead and another runner;
    // what is decided below is decided on the row as it is now.
    await tx.$queryRaw`SELECT 1 FROM "Inquiry" WHERE "id" = ${inquiryId} FOR UPDATE`;
    const lead = await tx.inquiry.findUnique({
      where: { id: inquiryId },
      select: {
        reference: true,
        company: true,
        stage: true,
        lastActivityAt: true,
        escalationLevel: true,
        assignee: { select: { id: true, email: true, name: true, locale: true, disabled: true } },
      },
    });
    if (!lead || (CLOSED as readonly string[]).includes(lead.stage)) return [];
    const days = workingDaysBetween(lead.lastActivityAt, now, calendar);
    const recorded: number[] = [];
    for (const level of escalationLevelsDue(days, lead.escalationLevel)) {
      // INSERT ... ON CONFLICT DO NOTHING: count 0 means another run recorded this level.
      const { count } = await tx.inquiryEscalation.createMany({ data: [{ inquiryId, level, createdAt: now }], skipDuplicates: true });
      if (count === 0) continue;
      recorded.push(level);
      await tx.inquiryEvent.create({ data: { inquiryId, type: "ESCALATED", actorId: null, data: { by: "escalation", level, workingDaysUntouched: days } } });
      await queueEscalationEmail(tx, { inquiryId, level, days, lead });
    }
    if (recorded.length > 0) {
      await tx.inquiry.update({ where: { id: inquiryId }, data: { escalationLevel: Math.max(lead.escalationLevel, ...recorded) } });
    }
    return recorded;
  });
}

async function queueEscalationEmail(
  tx: DbClient,
  m: {
    inquiryId: string;
    level: number;
    days: number;
    lead: { reference: string; company: string; lastActivityAt: Date; assignee: { email: string; name: string; locale: string; disabled: boolean } | null };
  },
): Promise<void> {
  const assignee = m.lead.assignee;
  // Unassigned (or assigned to someone since disabled): nobody to remind; admins see it on the overview.
  if (!assignee || assignee.disabled) return;
  const locale = staffLocale(assignee.locale);
  const email = escalationEmail({
    locale,
    level: m.level,
    days: m.days,
    assigneeName: assignee.name,
    reference: m.lead.reference,
    company: m.lead.company,
    since: m.lead.lastActivityAt,
    url: leadUrl(locale, m.inquiryId),
  });
  await enqueueEmail(tx, { ...email, kind: ESCALATION_EMAIL_KIND, to: assignee.email, inquiryId: m.inquiryId });
}
