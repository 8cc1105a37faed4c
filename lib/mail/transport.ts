// The SMTP connection, from MAIL_SMTP_URL (nodemailer: the standard Node mail client, which
// handles STARTTLS, SMTPS, auth and pooling). Without the setting, mail stays in the outbox.
import nodemailer from "nodemailer";
import type { SendMail } from "./outbox";

/** Short timeouts: nodemailer's defaults (2 min connect, 10 min idle) would outlast a lease. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpSender(url: string, from: string, replyTo?: string): SendMail {
  // nodemailer reads options from the URL's query string; a value set there wins over ours.
  const withTimeouts = new URL(url);
  for (const [key, value] of Object.entries(TIMEOUTS)) if (!withTimeouts.searchParams.has(key)) withTimeouts.searchParams.set(key, String(value));
  const transport = nodemailer.createTransport(withTimeouts.toString());
  return async ({ to, subject, text, headers }) => {
    await transport.sendMail({ from, replyTo, to, subject, text, ...(headers ? { headers } : {}) });
  };
}
