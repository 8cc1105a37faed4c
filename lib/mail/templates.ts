// The portal's e-mails, in the recipient's language, as plain text (no HTML to sanitise, read
// well in every client, including the ones many investors use on their phones).
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import zh from "../../messages/zh.json";

const MESSAGES = { en, zh } as const;
export type MailLocale = keyof typeof MESSAGES;

export interface InquiryReceived {
  locale: string;
  reference: string;
  contactName: string;
  company: string;
  /** what the inquiry is about, already in the recipient's language */
  about: string;
  landNeededMu: number | null;
  /** the day the first answer is due (China time) */
  answerBy: Date;
}

export interface Email {
  subject: string;
  text: string;
}

export const mailLocale = (locale: string): MailLocale => (locale === "en" ? "en" : "zh");

export function translatorFor(locale: string) {
  const l = mailLocale(locale);
  return createTranslator({ locale: l, messages: MESSAGES[l], timeZone: "Asia/Shanghai" });
}

export function inquiryReceivedEmail(m: InquiryReceived): Email {
  const t = translatorFor(m.locale);
  const date = t("mail.date", { date: m.answerBy });
  const lines = [
    t("mail.inquiryReceived.greeting", { name: m.contactName }),
    "",
    t("mail.inquiryReceived.body", { reference: m.reference }),
    "",
    t("mail.inquiryReceived.summary"),
    `- ${t("mail.inquiryReceived.company", { company: m.company })}`,
    `- ${t("mail.inquiryReceived.about", { about: m.about })}`,
    ...(m.landNeededMu === null ? [] : [`- ${t("mail.inquiryReceived.land", { mu: m.landNeededMu })}`]),
    "",
    t("mail.inquiryReceived.next", { date }),
    "",
    t("inquiry.privacy"),
    "",
    t("mail.signature"),
  ];
  return { subject: t("mail.inquiryReceived.subject", { reference: m.reference }), text: lines.join("\n") };
}
