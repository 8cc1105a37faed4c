// Every UI string, per locale: the public site's messages/<locale>.json plus the staff side's,
// one file per area (messages/staff/<area>.<locale>.json, under `staff.<area>`; the investor
// side's newer areas likewise under `investor.<area>`), so the areas
// are edited independently. Used by next-intl's request config and by the e-mail templates.
import en from "../messages/en.json";
import zh from "../messages/zh.json";
import authEn from "../messages/staff/auth.en.json";
import authZh from "../messages/staff/auth.zh.json";
import cadastreEn from "../messages/staff/cadastre.en.json";
import cadastreZh from "../messages/staff/cadastre.zh.json";
import calendarEn from "../messages/staff/calendar.en.json";
import calendarZh from "../messages/staff/calendar.zh.json";
import holdsEn from "../messages/staff/holds.en.json";
import holdsZh from "../messages/staff/holds.zh.json";
import inboxEn from "../messages/staff/inbox.en.json";
import inboxZh from "../messages/staff/inbox.zh.json";
import leadEn from "../messages/staff/lead.en.json";
import leadZh from "../messages/staff/lead.zh.json";
import mailEn from "../messages/staff/mail.en.json";
import mailZh from "../messages/staff/mail.zh.json";
import overviewEn from "../messages/staff/overview.en.json";
import overviewZh from "../messages/staff/overview.zh.json";
import parcelsEn from "../messages/staff/parcels.en.json";
import parcelsZh from "../messages/staff/parcels.zh.json";
import recordsEn from "../messages/staff/records.en.json";
import recordsZh from "../messages/staff/records.zh.json";
import auditEn from "../messages/staff/audit.en.json";
import auditZh from "../messages/staff/audit.zh.json";
import resetEn from "../messages/staff/reset.en.json";
import resetZh from "../messages/staff/reset.zh.json";
import usersEn from "../messages/staff/users.en.json";
import usersZh from "../messages/staff/users.zh.json";
import settingsEn from "../messages/staff/settings.en.json";
import settingsZh from "../messages/staff/settings.zh.json";
// The investor side's areas added with issue #11 (messages/investor/<area>.<locale>.json, under
// `investor.<area>`).
import alertsInvEn from "../messages/investor/alerts.en.json";
import alertsInvZh from "../messages/investor/alerts.zh.json";
import costsInvEn from "../messages/investor/costs.en.json";
import costsInvZh from "../messages/investor/costs.zh.json";
import finderInvEn from "../messages/investor/finder.en.json";
import finderInvZh from "../messages/investor/finder.zh.json";
import locationInvEn from "../messages/investor/location.en.json";
import locationInvZh from "../messages/investor/location.zh.json";
import sheetsInvEn from "../messages/investor/sheets.en.json";
import sheetsInvZh from "../messages/investor/sheets.zh.json";

// One area a line, so areas added side by side merge without touching each other.
export const MESSAGES = {
  zh: {
    ...zh,
    staff: {
      audit: auditZh,
      auth: authZh,
      cadastre: cadastreZh,
      calendar: calendarZh,
      holds: holdsZh,
      inbox: inboxZh,
      lead: leadZh,
      mail: mailZh,
      overview: overviewZh,
      parcels: parcelsZh,
      records: recordsZh,
      reset: resetZh,
      settings: settingsZh,
      users: usersZh,
    },
    investor: {
      alerts: alertsInvZh,
      costs: costsInvZh,
      finder: finderInvZh,
      location: locationInvZh,
      sheets: sheetsInvZh,
    },
  },
  en: {
    ...en,
    staff: {
      audit: auditEn,
      auth: authEn,
      cadastre: cadastreEn,
      calendar: calendarEn,
      holds: holdsEn,
      inbox: inboxEn,
      lead: leadEn,
      mail: mailEn,
      overview: overviewEn,
      parcels: parcelsEn,
      records: recordsEn,
      reset: resetEn,
      settings: settingsEn,
      users: usersEn,
    },
    investor: {
      alerts: alertsInvEn,
      costs: costsInvEn,
      finder: finderInvEn,
      location: locationInvEn,
      sheets: sheetsInvEn,
    },
  },
};

export type MessageLocale = keyof typeof MESSAGES;
