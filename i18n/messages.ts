// Every UI string, per locale: the public site's messages/<locale>.json plus the staff side's,
// one file per area (messages/staff/<area>.<locale>.json, under `staff.<area>`), so the areas
// are edited independently. Used by next-intl's request config and by the e-mail templates.
import en from "../messages/en.json";
import zh from "../messages/zh.json";
import authEn from "../messages/staff/auth.en.json";
import authZh from "../messages/staff/auth.zh.json";
import cadastreEn from "../messages/staff/cadastre.en.json";
import cadastreZh from "../messages/staff/cadastre.zh.json";
import calendarEn from "../messages/staff/calendar.en.json";
import calendarZh from "../messages/staff/calendar.zh.json";
import inboxEn from "../messages/staff/inbox.en.json";
import inboxZh from "../messages/staff/inbox.zh.json";
import leadEn from "../messages/staff/lead.en.json";
import leadZh from "../messages/staff/lead.zh.json";
import mailEn from "../messages/staff/mail.en.json";
import mailZh from "../messages/staff/mail.zh.json";
import overviewEn from "../messages/staff/overview.en.json";
import overviewZh from "../messages/staff/overview.zh.json";
import usersEn from "../messages/staff/users.en.json";
import usersZh from "../messages/staff/users.zh.json";

export const MESSAGES = {
  zh: {
    ...zh,
    staff: { auth: authZh, cadastre: cadastreZh, calendar: calendarZh, inbox: inboxZh, lead: leadZh, mail: mailZh, overview: overviewZh, users: usersZh },
  },
  en: {
    ...en,
    staff: { auth: authEn, cadastre: cadastreEn, calendar: calendarEn, inbox: inboxEn, lead: leadEn, mail: mailEn, overview: overviewEn, users: usersEn },
  },
};

export type MessageLocale = keyof typeof MESSAGES;
