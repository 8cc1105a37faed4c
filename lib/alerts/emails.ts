// The saved search's e-mails, in the language the search was saved in, plain text like every
// portal e-mail. They go to an address that typed itself into a form: they carry nothing typed
// there (only our own words, land as our data names it, and links), so the form cannot be used
// to send anyone a message of a stranger's choosing.
import { env, publicBaseUrl } from "../env";
import { formatArea } from "../i18n/format";
import { mailLocale, translatorFor, type Email } from "../mail/templates";
import { resultHref } from "../search/links";
import type { LandSearchQuery } from "../search/schemas";

export const CONFIRM_EMAIL_KIND = "saved-search-confirm";
export const ALERT_EMAIL_KIND = "saved-search-alert";
/** Blocks listed in one alert; the rest are counted and one click away (the search link). */
export const MAX_LISTED_BLOCKS = 20;

const base = () => publicBaseUrl(env());
export const confirmUrl = (locale: string, token: string) => `${base()}/${mailLocale(locale)}/alerts/confirm/${token}`;
export const unsubscribeUrl = (locale: string, token: string) => `${base()}/${mailLocale(locale)}/alerts/unsubscribe/${token}`;
export const searchUrl = (locale: string, query: string) => `${base()}/${mailLocale(locale)}/search${query ? `?${query}` : ""}`;

export function confirmationEmail(m: { locale: string; url: string; expiresAt: Date; searchUrl: string }): Email {
  const t = translatorFor(m.locale);
  const lines = [
    t("investor.alerts.mail.confirm.greeting"),
    "",
    t("investor.alerts.mail.confirm.body"),
    m.searchUrl,
    "",
    t("investor.alerts.mail.confirm.link", { date: t("mail.date", { date: m.expiresAt }) }),
    m.url,
    "",
    t("investor.alerts.mail.confirm.notYou"),
    "",
    t("investor.alerts.mail.privacy"),
    "",
    t("mail.signature"),
  ];
  return { subject: t("investor.alerts.mail.confirm.subject"), text: lines.join("\n") };
}

export interface AlertBlock {
  key: string;
  areaM2: number;
  parkName: string;
  /** larger than the search's maximum: said so, as the search page marks it */
  partial?: boolean;
}

export function alertEmail(m: { locale: string; query: LandSearchQuery; rawQuery: string; blocks: AlertBlock[]; unsubscribeUrl: string }): Email {
  const locale = mailLocale(m.locale);
  const t = translatorFor(locale);
  const listed = m.blocks.slice(0, MAX_LISTED_BLOCKS);
  const lines = [
    t("investor.alerts.mail.alert.greeting"),
    "",
    t("investor.alerts.mail.alert.body", { count: m.blocks.length }),
    "",
    ...listed.flatMap((b, i) => [
      t(b.partial ? "investor.alerts.mail.alert.blockPartial" : "investor.alerts.mail.alert.block", { n: i + 1, area: formatArea(locale, b.areaM2), park: b.parkName }),
      `   ${base()}${resultHref(locale, m.query, b.key)}`,
    ]),
    ...(m.blocks.length > listed.length ? ["", t("investor.alerts.mail.alert.more", { count: m.blocks.length - listed.length })] : []),
    "",
    t("investor.alerts.mail.alert.search"),
    searchUrl(locale, m.rawQuery),
    "",
    t("investor.alerts.mail.alert.daily"),
    "",
    t("investor.alerts.mail.alert.unsubscribe"),
    m.unsubscribeUrl,
    "",
    t("mail.signature"),
  ];
  return { subject: t("investor.alerts.mail.alert.subject", { count: m.blocks.length }), text: lines.join("\n") };
}
