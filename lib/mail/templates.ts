// The portal's e-mails, in the recipient's language, as plain text (no HTML to sanitise, read
// well in every client, including the ones many investors use on their phones).
import { createTranslator } from "next-intl";
import { MESSAGES, type MessageLocale } from "../../i18n/messages";
import { CHINA_TIME_ZONE } from "../calendar/china-time";

export type MailLocale = MessageLocale;

/**
 * The confirmation goes to an address nobody has verified, from the portal's own sender: it
 * carries nothing the visitor typed as free text (no name, company or message, which could
 * turn it into a phishing mail to anyone), only the reference, land as our data names it and
 * the office's own words.
 */
export interface InquiryReceived {
  locale: string;
  reference: string;
  /** what the inquiry is about, built from our own data, already in the recipient's language */
  about: string;
  /** the day the first answer is due (China time) */
  answerBy: Date;
  /** the private status page (lib/inquiry/status-token.ts) and when its link stops working */
  status?: { url: string; expiresAt: Date };
}

export interface Email {
  subject: string;
  text: string;
}

export const mailLocale = (locale: string): MailLocale => (locale === "en" ? "en" : "zh");

export function translatorFor(locale: string) {
  const l = mailLocale(locale);
  return createTranslator({ locale: l, messages: MESSAGES[l], timeZone: CHINA_TIME_ZONE });
}

export function inquiryReceivedEmail(m: InquiryReceived): Email {
  const t = translatorFor(m.locale);
  const date = t("mail.date", { date: m.answerBy });
  const lines = [
    t("mail.inquiryReceived.greeting"),
    "",
    t("mail.inquiryReceived.body", { reference: m.reference }),
    "",
    t("mail.inquiryReceived.about", { about: m.about }),
    "",
    t("mail.inquiryReceived.next", { date }),
    "",
    ...(m.status ? [t("investor.alerts.mail.statusLink", { date: t("mail.date", { date: m.status.expiresAt }) }), m.status.url, ""] : []),
    t("mail.inquiryReceived.notYou"),
    "",
    t("inquiry.privacy"),
    "",
    t("mail.signature"),
  ];
  return { subject: t("mail.inquiryReceived.subject", { reference: m.reference }), text: lines.join("\n") };
}
