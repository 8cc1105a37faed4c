// The hold job (scheduled by lib/jobs/): holds past their expiry date, and any hold still
// active on a lost lead, end and give their parcels back (lib/land/hold-writes.ts endHolds:
// only parcels still in the held status), in one transaction per batch with the parcels' audit
// rows, a LAND_RELEASED event and an audit row per lead. A week before expiry the lead's
// assignee (or, unassigned, its park's officers) gets one e-mail per lead, in their language,
// queued on the outbox with the mark that it was sent (ParcelHold.expiryNoticeAt), so it goes
// once. Safe with several runners: holds are ended and notices marked by guarded updates, and
// only the run whose update took acts on them.
import { chinaDay } from "../calendar/china-time";
import { writeAudits } from "../audit/write";
import type { Db, DbClient } from "../db/client";
import type { HoldEndReason } from "../generated/prisma/enums";
import { leadUrl, oneLine, staffLocale, staffTranslator } from "../leads/staff-mail";
import { enqueueEmail } from "../mail/outbox";
import type { Email } from "../mail/templates";
import { NOTICE_DAYS_BEFORE } from "./holds";
import { endHolds, HOLD_TO_END, type LandWriter } from "./hold-writes";

export const HOLD_EXPIRY_EMAIL_KIND = "land-hold-expiring";
const BATCH = 200;
const DAY_MS = 86_400_000;

export interface HoldJobReport {
  /** holds ended, by reason */
  ended: { EXPIRED: number; LEAD_LOST: number };
  /** leads whose assignee or officers were told of an expiry */
  noticed: number;
}

export interface HoldExpiryEmailInput {
  locale: string;
  name: string;
  reference: string;
  company: string;
  parcels: { code: string; heldAs: string; expiresOn: Date }[];
  url: string;
}

export function holdExpiryEmail(m: HoldExpiryEmailInput): Email {
  const t = staffTranslator(m.locale);
  const first = m.parcels.reduce((a, p) => (p.expiresOn < a ? p.expiresOn : a), m.parcels[0]!.expiresOn);
  const date = (d: Date) => t("mail.date", { date: d });
  const heldAs = (s: string) => (s === "RESERVED" || s === "UNDER_NEGOTIATION" ? t(`staff.holds.heldAs.${s}`) : s);
  const lines = [
    t("staff.holds.mail.greeting", { name: oneLine(m.name) }),
    "",
    t("staff.holds.mail.body", { reference: m.reference, company: oneLine(m.company), date: date(first) }),
    ...m.parcels.map((p) => t("staff.holds.mail.parcel", { code: p.code, heldAs: heldAs(p.heldAs), date: date(p.expiresOn) })),
    "",
    t("staff.holds.mail.advice"),
    "",
    t("staff.holds.mail.link", { url: m.url }),
    "",
    t("staff.mail.signature"),
  ];
  return { subject: t("staff.holds.mail.subject", { reference: m.reference, date: date(first) }), text: lines.join("\n") };
}

/** Runs one pass at `now`: releases what is due, then sends the week-before notices. */
export async function runHoldExpiry(db: Db, options: { now?: Date } = {}): Promise<HoldJobReport> {
  const now = options.now ?? new Date();
  const today = chinaDay(now);
  const report: HoldJobReport = { ended: { EXPIRED: 0, LEAD_LOST: 0 }, noticed: 0 };
  const w: LandWriter = { actorId: null, requestId: null, now, mayOverride: false };

  for (const reason of ["LEAD_LOST", "EXPIRED"] as const satisfies readonly HoldEndReason[]) {
    const due = reason === "LEAD_LOST" ? { inquiry: { stage: "LOST" as const } } : { expiresOn: { lt: today } };
    for (;;) {
      const ended = await db.$transaction(
        async (tx) => {
          const holds = await tx.parcelHold.findMany({ where: { endedAt: null, ...due }, select: HOLD_TO_END, orderBy: { id: "asc" }, take: BATCH });
          if (holds.length === 0) return -1;
          const events = await endHolds(tx, w, holds, reason);
          for (const [inquiryId, event] of events) {
            await tx.inquiryEvent.create({ data: { inquiryId, actorId: null, type: event.type, data: { ...(event.data as object), by: "holdJob" }, createdAt: now } });
          }
          await writeAudits(tx, [...events.keys()].map((inquiryId) => ({
            actorId: null, action: "lead.holdsEnded", entity: "Inquiry", entityId: inquiryId, after: { reason, parcels: (events.get(inquiryId)!.data as { parcels: unknown }).parcels }, at: now,
          })));
          return holds.length;
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
      if (ended < 0) break;
      report.ended[reason] += ended;
      if (ended < BATCH) break;
    }
  }

  // Notices: active holds expiring within the week (today .. today + 7), not told yet, of
  // leads still open; one e-mail per lead.
  const window = new Date(today.getTime() + NOTICE_DAYS_BEFORE * DAY_MS);
  const dueNotices = await db.parcelHold.findMany({
    where: { endedAt: null, expiryNoticeAt: null, expiresOn: { gte: today, lte: window }, inquiry: { stage: { notIn: ["LOST", "SIGNED"] } } },
    select: { inquiryId: true },
    distinct: ["inquiryId"],
    take: 1000,
  });
  for (const { inquiryId } of dueNotices) {
    if (await noticeLead(db, inquiryId, today, window, now)) report.noticed += 1;
  }
  return report;
}

async function noticeLead(db: Db, inquiryId: string, today: Date, window: Date, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const where = { inquiryId, endedAt: null, expiryNoticeAt: null, expiresOn: { gte: today, lte: window } };
    // The guarded update is the claim: a parallel run that marked these first leaves none here.
    const holds = await tx.parcelHold.updateManyAndReturn({ where, data: { expiryNoticeAt: now }, select: { parcelId: true, heldAs: true, expiresOn: true } });
    if (holds.length === 0) return false;
    const lead = await tx.inquiry.findUniqueOrThrow({
      where: { id: inquiryId },
      select: { reference: true, company: true, parkId: true, assignee: { select: { email: true, name: true, locale: true, disabled: true } } },
    });
    const parcels = await tx.parcel.findMany({ where: { id: { in: holds.map((h) => h.parcelId) } }, select: { id: true, code: true } });
    const codeOf = new Map(parcels.map((p) => [p.id, p.code]));
    const recipients = await recipientsOf(tx, lead);
    const list = holds.map((h) => ({ code: codeOf.get(h.parcelId) ?? "?", heldAs: h.heldAs, expiresOn: h.expiresOn })).sort((a, b) => a.code.localeCompare(b.code));
    for (const r of recipients) {
      const locale = staffLocale(r.locale);
      const email = holdExpiryEmail({ locale, name: r.name, reference: lead.reference, company: lead.company, parcels: list, url: leadUrl(locale, inquiryId) });
      await enqueueEmail(tx, { ...email, kind: HOLD_EXPIRY_EMAIL_KIND, to: r.email, inquiryId });
    }
    return true;
  });
}

/** The assignee; unassigned (or assigned to someone since disabled): the park's active officers. */
async function recipientsOf(
  tx: DbClient,
  lead: { parkId: string | null; assignee: { email: string; name: string; locale: string; disabled: boolean } | null },
): Promise<{ email: string; name: string; locale: string }[]> {
  if (lead.assignee && !lead.assignee.disabled) return [lead.assignee];
  if (!lead.parkId) return [];
  return tx.user.findMany({
    where: { disabled: false, role: "OFFICER", parks: { some: { parkId: lead.parkId } } },
    select: { email: true, name: true, locale: true },
    orderBy: { email: "asc" },
    take: 50,
  });
}
