// How the status page writes a message's time: one formatter for the server's list and the
// browser's just-sent message, in China time whatever the visitor's clock says.
import { CHINA_TIME_ZONE } from "../calendar/china-time";

export const messageTimeFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" });
