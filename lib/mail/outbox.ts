// Sending the outbox. E-mails are written with what they announce, in one transaction
// (enqueue), and delivered afterwards by any app instance (deliverDue): a sender leases due
// rows with FOR UPDATE SKIP LOCKED, so two instances never take the same row, sends without
// holding a transaction open, then marks the row sent or schedules a retry with backoff.
// Delivery is at-least-once: a crash between the SMTP "250 OK" and the update can repeat one.
import type { Db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Email } from "./templates";

/** Give up after this many attempts (about a day and a half of retries). */
export const MAX_ATTEMPTS = 8;
/** A claimed row is not offered to other senders for this long. */
const LEASE_SECONDS = 300;

export type SendMail = (message: { to: string; subject: string; text: string }) => Promise<void>;

type Tx = Prisma.TransactionClient | Db;

export async function enqueueEmail(tx: Tx, email: Email & { kind: string; to: string; inquiryId?: string }): Promise<void> {
  await tx.outboxEmail.create({ data: { kind: email.kind, to: email.to, subject: email.subject, text: email.text, inquiryId: email.inquiryId } });
}

/** Seconds to wait before attempt n+1: 1, 2, 4 ... minutes, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(6 * 3600, 60 * 2 ** Math.max(0, attempts - 1));
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
}

/** Sends what is due, at most `batch` e-mails; returns how many were sent and failed. */
export async function deliverDue(db: Db, send: SendMail, batch = 20): Promise<{ sent: number; failed: number }> {
  // The lease: claimed rows move out of everyone's "due" window before anything is sent.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail" SET "sendAfter" = now() + make_interval(secs => ${LEASE_SECONDS}), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "sendAfter" <= now() AND "attempts" < ${MAX_ATTEMPTS}
      ORDER BY "createdAt" LIMIT ${batch}
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "attempts"`;
  let sent = 0, failed = 0;
  for (const mail of claimed) {
    try {
      await send({ to: mail.to, subject: mail.subject, text: mail.text });
      await db.outboxEmail.update({ where: { id: mail.id }, data: { sentAt: new Date(), lastError: null } });
      sent++;
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      await db.$executeRaw`
        UPDATE "OutboxEmail" SET "lastError" = ${message.slice(0, 500)},
          "sendAfter" = now() + make_interval(secs => ${retryDelaySeconds(mail.attempts)})
        WHERE "id" = ${mail.id}`;
    }
  }
  return { sent, failed };
}
