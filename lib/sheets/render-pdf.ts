// Lays a SheetModel out on A4 with pdfkit (vector map, label/value rows, QR code back to the
// live page). pdfkit embeds the font through fontkit as a subset of the glyphs used, so a sheet
// weighs tens of kB, not the font's 10 MB.
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import { sheetFont } from "./font";
import type { SheetMap } from "./map-model";
import type { SheetModel, SheetSection } from "./sheet";

const MARGIN = 42;
const A4 = { width: 595.28, height: 841.89 };
const CONTENT = A4.width - 2 * MARGIN;
const LABEL_W = 170;
const BRAND = "#1d4ed8";
const GREY = "#57534e";

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > A4.height - MARGIN - 20) doc.addPage();
}

function drawMap(doc: Doc, map: SheetMap, north: string, x: number, y: number, w: number, h: number): void {
  const scale = Math.min(w / map.widthM, h / map.heightM);
  const ox = x + (w - map.widthM * scale) / 2;
  const oy = y + (h + map.heightM * scale) / 2; // PDF y grows downwards; north is up
  const pt = ([mx, my]: [number, number]): [number, number] => [ox + mx * scale, oy - my * scale];
  doc.save();
  doc.rect(x, y, w, h).fillAndStroke("#f5f5f4", "#d6d3d1");
  doc.rect(x, y, w, h).clip();
  // Neighbours first, the subject on top.
  for (const highlight of [false, true]) {
    for (const s of map.shapes.filter((sh) => sh.highlight === highlight)) {
      for (const ring of s.rings) {
        if (ring.length < 3) continue;
        const [first, ...rest] = ring.map(pt);
        doc.moveTo(first![0], first![1]);
        for (const p of rest) doc.lineTo(p[0], p[1]);
        doc.closePath();
      }
      doc.lineWidth(highlight ? 1.2 : 0.5).fillAndStroke(highlight ? "#93c5fd" : "#d6d3d1", highlight ? BRAND : "#a8a29e");
    }
  }
  doc.restore();
  // Scale bar, bottom left.
  const barW = map.scaleBarM * scale;
  const bx = x + 10, by = y + h - 14;
  doc.save().lineWidth(1.5).strokeColor("#1c1917").moveTo(bx, by).lineTo(bx + barW, by).stroke();
  doc.moveTo(bx, by - 3).lineTo(bx, by + 3).moveTo(bx + barW, by - 3).lineTo(bx + barW, by + 3).stroke().restore();
  doc.fontSize(7).fillColor("#1c1917").text(map.scaleBarLabel, bx, by - 12, { lineBreak: false });
  // North arrow, top right.
  const nx = x + w - 16, ny = y + 10;
  doc.save().polygon([nx, ny], [nx - 5, ny + 14], [nx, ny + 10], [nx + 5, ny + 14]).fill("#1c1917").restore();
  doc.fontSize(7).fillColor("#1c1917").text(north, nx - 10, ny + 16, { width: 20, align: "center", lineBreak: false });
}

function drawSection(doc: Doc, s: SheetSection): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.6).fontSize(11).fillColor(BRAND).text(s.heading, MARGIN, doc.y, { width: CONTENT });
  doc.moveDown(0.2);
  for (const row of s.rows) {
    doc.fontSize(9);
    const h = Math.max(doc.heightOfString(row.label, { width: LABEL_W - 8 }), doc.heightOfString(row.value, { width: CONTENT - LABEL_W }));
    ensureSpace(doc, h + 3);
    const y = doc.y;
    doc.fillColor(GREY).text(row.label, MARGIN, y, { width: LABEL_W - 8 });
    doc.fillColor("#1c1917").text(row.value, MARGIN + LABEL_W, y, { width: CONTENT - LABEL_W });
    doc.y = y + h + 3;
  }
  for (const line of s.lines ?? []) {
    doc.fontSize(9);
    ensureSpace(doc, doc.heightOfString(line, { width: CONTENT - 10 }) + 3);
    doc.fillColor("#1c1917").text(`• ${line}`, MARGIN, doc.y, { width: CONTENT });
    doc.moveDown(0.15);
  }
  if (s.note) {
    doc.fontSize(7.5);
    ensureSpace(doc, doc.heightOfString(s.note, { width: CONTENT }) + 2);
    doc.fillColor(GREY).text(s.note, MARGIN, doc.y, { width: CONTENT });
  }
}

function drawQr(doc: Doc, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  doc.save().fillColor("#000000");
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.data[r * modules.size + c]) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fill().restore();
}

/** The sheet as PDF bytes. `north` is the north arrow's letter in the sheet's language. */
export async function renderSheetPdf(model: SheetModel, opts: { north: string; now: Date }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    lang: model.locale === "zh" ? "zh-CN" : "en",
    info: { Title: model.title, Subject: model.kind, Author: model.subtitle, CreationDate: opts.now },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  doc.registerFont("sheet", sheetFont());
  doc.font("sheet");

  doc.fontSize(8).fillColor(GREY).text(model.subtitle, MARGIN, MARGIN, { width: CONTENT });
  doc.moveDown(0.2).fontSize(16).fillColor("#1c1917").text(model.title, { width: CONTENT });
  if (model.map) {
    const top = doc.y + 8;
    drawMap(doc, model.map, opts.north, MARGIN, top, CONTENT, 230);
    doc.fontSize(7.5).fillColor(GREY).text(model.footer, MARGIN, top + 234, { width: CONTENT });
  }
  for (const s of model.sections) drawSection(doc, s);

  // Back to the live page: the link (clickable) and a QR code for a printed sheet.
  ensureSpace(doc, 96);
  doc.moveDown(0.8);
  const y = doc.y;
  drawQr(doc, model.url, MARGIN, y, 84);
  doc.fontSize(9).fillColor("#1c1917").text(model.linkNote, MARGIN + 96, y + 8, { width: CONTENT - 96 });
  doc.fillColor(BRAND).text(model.url, MARGIN + 96, doc.y + 2, { width: CONTENT - 96, link: model.url, underline: true });

  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Text in the bottom margin would otherwise make pdfkit open a new page.
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor(GREY).text(`${model.subtitle} · ${i + 1}/${range.count}`, MARGIN, A4.height - MARGIN + 10, { width: CONTENT, align: "right", lineBreak: false });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
