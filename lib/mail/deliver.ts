// This app instance's mail sender: right after an inquiry commits (the action schedules it
// with next/server `after`) and every minute for retries (the pg-boss job "mail-deliver",
// lib/jobs/app-jobs.ts). Without
// MAIL_SMTP_URL nothing is sent and e-mails wait in the outbox, said once in the log.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { deliverDue, purgeOldEmails, type SendMail } from "./outbox";
import { smtpSender } from "./transport";

let sender: SendMail | undefined;
let told = false;
// One run at a time per instance: a slow mail server must not stack up overlapping runs.
let running: Promise<void> | undefined;

async function deliverOnce(): Promise<void> {
  const { MAIL_SMTP_URL, MAIL_FROM, MAIL_REPLY_TO } = env();
  if (!MAIL_SMTP_URL) {
    if (!told) console.info("mail: MAIL_SMTP_URL is not set; e-mails wait in the outbox until it is");
    told = true;
    return;
  }
  sender ??= smtpSender(MAIL_SMTP_URL, MAIL_FROM, MAIL_REPLY_TO);
  const report = await deliverDue(db(), sender);
  if (report.failed > report.abandoned.length) console.warn(`mail: ${report.failed - report.abandoned.length} e-mail(s) failed, retried later`);
  // Ids only: the rows hold the addresses, the log should not.
  for (const id of report.abandoned) console.error(`mail: gave up on OutboxEmail ${id} after its last attempt (see lastError)`);
  await purgeOldEmails(db());
}

export function deliverOutbox(): Promise<void> {
  running ??= deliverOnce().finally(() => (running = undefined));
  return running;
}

/** Runs deliverOutbox, logging instead of throwing (it runs after the response). */
export function deliverOutboxSoon(): Promise<void> {
  return deliverOutbox().catch((error: unknown) => console.error("mail: delivery failed", error));
}
