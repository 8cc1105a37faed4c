// The export's columns and cells in the staff member's language (their User.locale), built on
// the pure CSV rules of ./csv.ts. Dates and times are China time, as the inbox shows them.
import { createTranslator } from "next-intl";
import { MESSAGES, type MessageLocale } from "../../i18n/messages";
import { chinaDate } from "../calendar/china-time";
import { csvRow, type CsvValue } from "./csv";
import type { ExportRow } from "./inbox";

const OFFSET_MS = 8 * 3_600_000;

/** "2026-12-01 09:30", China time. */
export function chinaDateTime(at: Date | null): string {
  return at ? new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace("T", " ") : "";
}

export function exportLocale(locale: string | null | undefined): MessageLocale {
  return locale === "en" ? "en" : "zh";
}

function translators(locale: MessageLocale) {
  return {
    t: createTranslator({ locale, messages: MESSAGES[locale], namespace: "staff.inbox" }),
    root: createTranslator({ locale, messages: MESSAGES[locale] }),
  };
}

const COLUMNS = ["reference", "received", "company", "contact", "email", "phone", "country", "park", "industry", "land", "stage", "assignee", "due", "responded", "overdue", "escalation"] as const;

/** A function turning export rows into CSV lines, and the header line, in one language. */
export function csvFormatter(locale: MessageLocale) {
  const { t, root } = translators(locale);
  const header = csvRow(COLUMNS.map((c) => t(`csv.${c}`)));
  const cells = (r: ExportRow): CsvValue[] => [
    r.reference,
    chinaDateTime(r.receivedAt),
    r.company,
    r.contactName,
    r.email,
    r.phone,
    r.country,
    locale === "en" ? (r.parkNameEn || r.parkNameZh) : r.parkNameZh,
    r.industry ? root(`industry.${r.industry}` as "industry.PAPER") : "",
    r.landNeededMu,
    t(`stage.${r.stage}`),
    r.assigneeName,
    chinaDateTime(r.dueAt),
    chinaDateTime(r.firstRespondedAt),
    r.overdue ? t("csv.yes") : t("csv.no"),
    r.escalationLevel,
  ];
  return { header, rows: (rows: ExportRow[]) => rows.map((r) => csvRow(cells(r))).join("") };
}

/** `leads-2026-12-01.csv` / `线索-2026-12-01.csv`: the Content-Disposition for a download today (China date). */
export function exportDisposition(locale: MessageLocale, now: Date): string {
  const date = chinaDate(now);
  const name = `${translators(locale).t("csv.filename")}-${date}.csv`;
  // filename= for old clients (ASCII), filename*= (RFC 6266/5987) for the localized name
  return `attachment; filename="leads-${date}.csv"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
