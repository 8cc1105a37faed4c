// What the staff e-mails (assignment, escalation) share: the recipient's language, the link
// to the lead page, and one-line values. These go to staff addresses we manage, so they may
// name the investor's company; it is put on one line so it cannot shape the message.
import { env, publicBaseUrl } from "../env";
import { mailLocale, translatorFor } from "../mail/templates";

export const staffLocale = mailLocale;

export function staffTranslator(locale: string) {
  return translatorFor(locale);
}

/** The lead page in the staff member's language, on the portal's public address. */
export function leadUrl(locale: string, inquiryId: string): string {
  return `${publicBaseUrl(env())}/${staffLocale(locale)}/staff/leads/${encodeURIComponent(inquiryId)}`;
}

/** Collapses line breaks and runs of spaces: typed text stays one line of a header or body. */
export function oneLine(text: string, max = 120): string {
  const flat = text.replace(/[\s\u0000-\u001f\u007f]+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
