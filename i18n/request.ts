import { hasLocale } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { CHINA_TIME_ZONE } from "../lib/calendar/china-time";
import { MESSAGES } from "./messages";
import { routing } from "./routing";

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(routing.locales, requested) ? requested : routing.defaultLocale;
  return {
    locale,
    // Every date the portal shows is a date in China (parks, deadlines, handover days).
    timeZone: CHINA_TIME_ZONE,
    messages: MESSAGES[locale],
  };
});
