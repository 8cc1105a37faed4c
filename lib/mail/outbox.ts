// Sending the outbox. E-mails are written with what they announce, in one transaction
// (enqueue), and delivered afterwards by any app instance (deliverDue): a sender leases due
// rows with FOR UPDATE SKIP LOCKED, so two instances never take the same row, sends without
// holding a transaction open, then marks the row sent or schedules a retry with backoff.
// The lease outlasts the worst case of a batch (every send times out), and the closing update
// only applies while this sender still holds the row, so a slow server cannot cause a second
// send. Delivery is at-least-once only across a crash between the server's "250 OK" and the
// update. Times are compared in UTC, as Prisma stores them (timestamp without time zone).
import { alertMailHeaders } from "../alerts/headers";
import type { Db, DbClient } from "../db/client";
import { addressKey } from "./address";
import type { Email } from "./templates";

/** Give up after this many attempts: about a day and a half of retries (see retryDelaySeconds). */
export const MAX_ATTEMPTS = 14;
/** Longest one send may take: the transport's connect + greeting + socket timeouts, rounded up. */
export const SEND_TIMEOUT_SECONDS = 60;
/** Sent and abandoned e-mails hold personal data: kept this long for support, then deleted. */
export const KEEP_DAYS = 30;

export type SendMail = (message: { to: string; subject: string; text: string; headers?: Record<string, string> }) => Promise<void>;

/** E-mails queued for one address (however typed) since `since`: what per-address caps count. */
export async function countEmailsTo(tx: DbClient, to: string, since: Date): Promise<number> {
  return tx.outboxEmail.count({ where: { toKey: addressKey(to), createdAt: { gt: since } } });
}

export async function enqueueEmail(tx: DbClient, email: Email & { kind: string; to: string; inquiryId?: string; savedSearchId?: string }): Promise<void> {
  // Times set here, in UTC like every Prisma write, not by a database default that would follow
  // the session's time zone.
  const now = new Date();
  await tx.outboxEmail.create({
    data: { kind: email.kind, to: email.to, toKey: addressKey(email.to), subject: email.subject, text: email.text, inquiryId: email.inquiryId, savedSearchId: email.savedSearchId, createdAt: now, sendAfter: now },
  });
}

/** Seconds to wait before attempt n+1: 1, 2, 4 ... minutes, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(6 * 3600, 60 * 2 ** Math.max(0, attempts - 1));
}

/** How long an e-mail is retried before it is given up: the sum of the waits between attempts. */
export function retryWindowSeconds(maxAttempts = MAX_ATTEMPTS): number {
  let total = 0;
  for (let a = 1; a < maxAttempts; a++) total += retryDelaySeconds(a);
  return total;
}

interface Claimed {
  id: string;
  to: string;
  subject: string;
  text: string;
  attempts: number;
  kind: string;
  savedSearchId: string | null;
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** ids of e-mails whose last attempt just failed: nobody will try them again */
  abandoned: string[];
}

/** Sends what is due, at most `batch` e-mails. */
export async function deliverDue(db: Db, send: SendMail, batch = 10): Promise<DeliveryReport> {
  const lease = batch * SEND_TIMEOUT_SECONDS + 60;
  // The lease: claimed rows move out of everyone's "due" window before anything is sent.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "OutboxEmail"
    SET "sendAfter" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${lease}::int), "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL AND "sendAfter" <= (now() AT TIME ZONE 'UTC') AND "attempts" < ${MAX_ATTEMPTS}::int
      ORDER BY "createdAt" LIMIT ${batch}::int
      FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "attempts", "kind", "savedSearchId"`;
  const report: DeliveryReport = { sent: 0, failed: 0, abandoned: [] };
  for (const mail of claimed) {
    let error: unknown = null;
    try {
      // Saved-search alerts carry the one-click unsubscribe headers (lib/alerts/headers.ts).
      const headers = alertMailHeaders(mail.kind, mail.savedSearchId);
      await send({ to: mail.to, subject: mail.subject, text: mail.text, ...(headers ? { headers } : {}) });
    } catch (e) {
      error = e;
    }
    // Only while this sender still holds the row (same attempt, not sent by anyone else).
    if (error === null) {
      await db.$executeRaw`
        UPDATE "OutboxEmail" SET "sentAt" = (now() AT TIME ZONE 'UTC'), "lastError" = NULL
        WHERE "id" = ${mail.id} AND "attempts" = ${mail.attempts}::int AND "sentAt" IS NULL`;
      report.sent++;
      continue;
    }
    report.failed++;
    if (mail.attempts >= MAX_ATTEMPTS) report.abandoned.push(mail.id);
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await db.$executeRaw`
      UPDATE "OutboxEmail" SET "lastError" = ${message},
        "sendAfter" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${retryDelaySeconds(mail.attempts)}::int)
      WHERE "id" = ${mail.id} AND "attempts" = ${mail.attempts}::int AND "sentAt" IS NULL`;
  }
  return report;
}

/** Deletes sent and given-up e-mails older than KEEP_DAYS (they carry personal data). */
export async function purgeOldEmails(db: Db): Promise<number> {
  return db.$executeRaw`
    DELETE FROM "OutboxEmail"
    WHERE "createdAt" < (now() AT TIME ZONE 'UTC') - make_interval(days => ${KEEP_DAYS}::int)
      AND ("sentAt" IS NOT NULL OR "attempts" >= ${MAX_ATTEMPTS}::int)`;
}
