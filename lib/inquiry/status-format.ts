// How the status page writes a message's time: one formatter for the server's list and the
// browser's just-sent message, in China time whatever the visitor's clock says, and labelled so
// (an investor in Europe would otherwise read it as their own time).
import { CHINA_TIME_ZONE } from "../calendar/china-time";

export function messageTimeText(locale: string, at: Date): string {
  const text = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "zh-CN", { timeZone: CHINA_TIME_ZONE, dateStyle: "medium", timeStyle: "short" }).format(at);
  return locale === "en" ? `${text} (China time)` : `${text}（北京时间）`;
}
