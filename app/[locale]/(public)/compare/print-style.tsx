// The compare page on paper: no site header, navigation or footer, no buttons, and the table
// across an A4 landscape page (three columns and their labels fit at 9 pt).
const PRINT_CSS = `@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body > header, header, nav, footer, .print\\:hidden { display: none !important; }
  [data-testid="compare-table-wrap"] { overflow: visible !important; border: 0 !important; }
  body { min-height: 0 !important; background: #fff !important; }
  main > div { padding: 0 !important; max-width: none !important; }
  [data-testid="compare-table"] { width: 100% !important; min-width: 0 !important; table-layout: fixed; font-size: 9pt; }
  [data-testid="compare-table"] th, [data-testid="compare-table"] td { padding: 2pt 5pt !important; position: static !important; width: auto !important; min-width: 0 !important; }
  [data-testid="compare-table"] tr { break-inside: avoid; }
  [data-testid="compare-table"] tr[data-differs] { background: #fef3c7 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

export function ComparePrintStyle() {
  return <style data-testid="compare-print-style">{PRINT_CSS}</style>;
}
