// This app instance's mail sender: right after an inquiry commits (the action schedules it
// with next/server `after`) and every minute for retries (instrumentation.ts). Without
// MAIL_SMTP_URL nothing is sent and e-mails wait in the outbox, said once in the log.
import "server-only";
import { db } from "../db";
import { env } from "../env";
import { deliverDue, type SendMail } from "./outbox";
import { smtpSender } from "./transport";

let sender: SendMail | undefined;
let told = false;

export async function deliverOutbox(): Promise<void> {
  const { MAIL_SMTP_URL, MAIL_FROM } = env();
  if (!MAIL_SMTP_URL) {
    if (!told) console.info("mail: MAIL_SMTP_URL is not set; e-mails wait in the outbox until it is");
    told = true;
    return;
  }
  sender ??= smtpSender(MAIL_SMTP_URL, MAIL_FROM);
  const { failed } = await deliverDue(db(), sender);
  if (failed) console.warn(`mail: ${failed} e-mail(s) failed, retried later (see OutboxEmail.lastError)`);
}

/** Runs deliverOutbox, logging instead of throwing (it runs after the response). */
export function deliverOutboxSoon(): Promise<void> {
  return deliverOutbox().catch((error: unknown) => console.error("mail: delivery failed", error));
}
