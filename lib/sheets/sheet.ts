// The data sheet as plain lines in one language: what the PDF renderer lays out, and what the
// unit tests read (no PDF parsing needed to check a figure). Pure: no database, no PDF.
import { createTranslator } from "next-intl";
import { MESSAGES } from "../../i18n/messages";
import { CHINA_TIME_ZONE } from "../calendar/china-time";
import type { SheetMap } from "./map-model";

export type SheetLocale = "zh" | "en";
export const sheetLocale = (locale: string): SheetLocale => (locale === "en" ? "en" : "zh");

export interface SheetRow {
  label: string;
  value: string;
}

export interface SheetSection {
  heading: string;
  rows: SheetRow[];
  /** lines without a label (lists: sources, distances) */
  lines?: string[];
  note?: string;
}

export interface SheetModel {
  locale: SheetLocale;
  /** "Block data sheet" */
  kind: string;
  title: string;
  subtitle: string;
  map: SheetMap | null;
  sections: SheetSection[];
  /** the live page, absolute */
  url: string;
  linkNote: string;
  footer: string;
  fileName: { ascii: string; utf8: string };
}

export type SheetT = ReturnType<typeof sheetTranslator>;

/** Translator over every message (the sheet reuses the site's land-use, status and readiness words). */
export function sheetTranslator(locale: SheetLocale) {
  return createTranslator({ locale, messages: MESSAGES[locale], timeZone: CHINA_TIME_ZONE });
}

const intl = (locale: SheetLocale, max: number) => new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: max });

/** A number with digit grouping and at most `max` decimals. */
export function num(locale: SheetLocale, value: number, max = 0): string {
  return intl(locale, max).format(value);
}

/** Whole yuan, every digit (a sheet is read for exact figures, not 万/m abbreviations). */
export function yuan(t: SheetT, locale: SheetLocale, value: number): string {
  return t("investor.sheets.value.cny", { value: num(locale, Math.round(value)) });
}

/** File names: an ASCII fallback for old clients and the readable UTF-8 one (RFC 6266 filename*). */
export function sheetFileName(parts: string[], utf8Parts: string[]): { ascii: string; utf8: string } {
  const ascii = parts.join("-").replace(/[^A-Za-z0-9._-]+/g, "_").replace(/_+/g, "_").slice(0, 120);
  const utf8 = utf8Parts.join("-").replace(/[\u0000-\u001f"\\/:*?<>|]+/g, "_").slice(0, 120);
  return { ascii: `${ascii}.pdf`, utf8: `${utf8}.pdf` };
}
