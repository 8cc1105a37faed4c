// Text and page sizes of a PDF, read offline with pdf.js (legacy build: runs on Node 20).
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfPages {
  /** [width, height] of each page, in points */
  sizes: [number, number][];
  /** each page's text, its items joined by a space (items are lines or runs of a line) */
  text: string[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPages> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const sizes: [number, number][] = [];
  const text: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    sizes.push([x1 - x0, y1 - y0]);
    const content = await page.getTextContent();
    text.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  await doc.destroy();
  return { sizes, text };
}
