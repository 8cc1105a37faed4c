// The officer's reply to an investor: plain text in the investor's language (Inquiry.locale),
// the officer's own words, then a signature with the officer's name, the office and the
// reference. Replies reach the office mailbox: the transport sets MAIL_REPLY_TO on every
// e-mail (lib/mail/transport.ts). The From header stays the portal's one sender (MAIL_FROM):
// an outbox row has no per-message sender, and adding one is a schema change for a display name.
import type { Email } from "../mail/templates";
import { translatorFor } from "../mail/templates";

export const REPLY_KIND = "lead-reply";

/** The subject the form starts with, in the investor's language. */
export function defaultReplySubject(locale: string, reference: string): string {
  return translatorFor(locale)("staff.lead.replyMail.subject", { reference });
}

export function leadReplyEmail(m: { locale: string; reference: string; officerName: string; subject: string; body: string }): Email {
  const t = translatorFor(m.locale);
  // The reference always travels in the subject, so the investor's answer can be matched to
  // the lead whatever the officer typed there.
  const subject = m.subject.includes(m.reference) ? m.subject : `${m.subject} (${m.reference})`;
  const text = [m.body, "", "--", t("staff.lead.replyMail.signature", { name: m.officerName, reference: m.reference })].join("\n");
  return { subject, text };
}
