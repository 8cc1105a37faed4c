// "A lead is yours": the e-mail to the assignee, queued on the caller's transaction (routing
// at creation, or a manual reassignment), so it is sent only if the assignment commits.
import type { DbClient } from "../db/client";
import { pick } from "../i18n/localized";
import { enqueueEmail } from "../mail/outbox";
import type { Email } from "../mail/templates";
import { leadUrl, oneLine, staffLocale, staffTranslator } from "./staff-mail";

export const ASSIGNMENT_EMAIL_KIND = "lead-assigned";

export interface AssignmentEmailInput {
  locale: string;
  assigneeName: string;
  reference: string;
  company: string;
  parkName: string | null;
  /** the officers' first-contact deadline (or, before it exists, the answer promised to the investor) */
  dueAt: Date | null;
  url: string;
  /** who assigned it by hand; absent for routing */
  byName?: string;
}

export function assignmentEmail(m: AssignmentEmailInput): Email {
  const t = staffTranslator(m.locale);
  const company = oneLine(m.company);
  const lines = [
    t("staff.mail.assigned.greeting", { name: oneLine(m.assigneeName) }),
    "",
    m.byName ? t("staff.mail.assigned.byPerson", { by: oneLine(m.byName) }) : t("staff.mail.assigned.byRouting"),
    "",
    t("staff.mail.assigned.reference", { reference: m.reference }),
    t("staff.mail.assigned.company", { company }),
    t("staff.mail.assigned.park", { park: m.parkName ?? t("staff.mail.noPark") }),
    t("staff.mail.assigned.due", { date: m.dueAt ? t("staff.mail.dateTime", { date: m.dueAt }) : t("staff.mail.noDue") }),
    "",
    t("staff.mail.assigned.link", { url: m.url }),
    "",
    t("staff.mail.signature"),
  ];
  return { subject: t("staff.mail.assigned.subject", { reference: m.reference, company: oneLine(company, 60) }), text: lines.join("\n") };
}

/**
 * Queues the assignment e-mail to `assigneeId` in their language (User.locale). Other streams
 * call this on a manual reassignment, with the assigning person's name as `byName`. Nothing is
 * queued for a user that does not exist or is disabled.
 */
export async function enqueueAssignmentEmail(
  tx: DbClient,
  { inquiryId, assigneeId, byName }: { inquiryId: string; assigneeId: string; byName?: string },
): Promise<boolean> {
  const [inquiry, assignee] = await Promise.all([
    tx.inquiry.findUnique({
      where: { id: inquiryId },
      select: { reference: true, company: true, firstContactDueAt: true, firstResponseDueAt: true, park: { select: { nameZh: true, nameEn: true } } },
    }),
    tx.user.findUnique({ where: { id: assigneeId }, select: { email: true, name: true, locale: true, disabled: true } }),
  ]);
  if (!inquiry || !assignee || assignee.disabled) return false;
  const locale = staffLocale(assignee.locale);
  const email = assignmentEmail({
    locale,
    assigneeName: assignee.name,
    reference: inquiry.reference,
    company: inquiry.company,
    parkName: inquiry.park ? pick(locale, inquiry.park.nameZh, inquiry.park.nameEn) : null,
    dueAt: inquiry.firstContactDueAt ?? inquiry.firstResponseDueAt,
    url: leadUrl(locale, inquiryId),
    byName,
  });
  await enqueueEmail(tx, { ...email, kind: ASSIGNMENT_EMAIL_KIND, to: assignee.email, inquiryId });
  return true;
}
