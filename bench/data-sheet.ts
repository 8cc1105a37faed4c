// The data sheet's cost on the server: model + pdfkit layout + font subsetting per sheet, the
// first one (reads the 10 MB font) apart, and the process memory afterwards. No database: the
// unit tests' two-parcel block stands in (the loaders are a handful of indexed queries).
import { blockSheet } from "../lib/sheets/block-model";
import { renderSheetPdf } from "../lib/sheets/render-pdf";
import { blockInput } from "../tests/unit/sheet-fixture";

export async function benchDataSheet(runs: number): Promise<string[]> {
  const lines: string[] = [];
  const rssBefore = process.memoryUsage().rss;
  for (const locale of ["zh", "en"] as const) {
    const model = blockSheet(blockInput(locale));
    const t0 = performance.now();
    const first = await renderSheetPdf(model, { north: "N", now: new Date() });
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await renderSheetPdf(blockSheet(blockInput(locale)), { north: "N", now: new Date() });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    lines.push(`data sheet ${locale}: first ${firstMs.toFixed(0)} ms, then median ${times[Math.floor(runs / 2)]!.toFixed(0)} ms, p95 ${times[Math.floor(runs * 0.95)]!.toFixed(0)} ms over ${runs}; ${(first.length / 1024).toFixed(0)} kB`);
  }
  lines.push(`data sheet: process memory +${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB after ${2 * (runs + 1)} sheets`);
  return lines;
}
