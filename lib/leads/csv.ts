// CSV as Excel and every spreadsheet read it (RFC 4180): comma-separated, CRLF line ends, a
// field quoted when it holds a comma, a quote or a line break, quotes doubled inside. The file
// starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 as the local code page
// and Chinese turns to mojibake. Pure: the export route and the unit tests use it alike.

export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

export type CsvValue = string | number | null | undefined;

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `-2+3`, `@SUM`),
 * or that starts with a tab or carriage return (which some spreadsheets strip before looking
 * for one), gets a leading apostrophe: shown as text, never evaluated (OWASP CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record, with its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(",") + CSV_EOL;
}

/** A whole (small) document: BOM, header, rows. The export streams the same pieces. */
export function csvDocument(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + csvRow(header) + rows.map(csvRow).join("");
}
