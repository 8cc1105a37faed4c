// The SMTP connection, from MAIL_SMTP_URL (nodemailer: the standard Node mail client, which
// handles STARTTLS, SMTPS, auth and pooling). Without the setting, mail stays in the outbox.
import nodemailer from "nodemailer";
import type { SendMail } from "./outbox";

export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async ({ to, subject, text }) => {
    await transport.sendMail({ from, to, subject, text });
  };
}
