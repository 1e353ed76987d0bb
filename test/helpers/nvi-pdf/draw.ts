/** Drawing shared by the generated NvIs: text runs at known places, page furniture, the bytes. */
import { BOLD, MARGIN_X, type FontName } from './options.ts';
import type { Measure } from './wrap.ts';

/** One printed line, drawn as a single text run. */
export interface TextOp {
  str: string;
  x: number;
  /** Top of the line box. */
  y: number;
  bold?: boolean;
  size?: number;
}

/** The width of a string in a font and size, on pdfkit's metrics. */
export function measurer(doc: PDFKit.PDFDocument): (font: string, size: number) => Measure {
  return (font, size) => (s) => doc.font(font).fontSize(size).widthOfString(s);
}

/**
 * The document's bytes once it ends. Call before drawing (pdfkit streams as it goes); sets the
 * title the parser reads from the PDF's info.
 */
export function pdfBytes(doc: PDFKit.PDFDocument, title: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.info.Title = title;
  return done;
}

/** Each text at its place, without pdfkit's own line breaking (the generators break lines themselves). */
export function drawTexts(doc: PDFKit.PDFDocument, texts: readonly TextOp[], font: FontName, size: number): void {
  for (const t of texts) {
    doc
      .font(t.bold ? BOLD[font] : font)
      .fontSize(t.size ?? size)
      .text(t.str, t.x, t.y, { lineBreak: false });
  }
}

export interface Furniture {
  font: FontName;
  size: number;
  width: number;
  height: number;
  runningHeader: string | null;
  footerText: string | null;
  pageNumber: string | null;
  /** Where the page number goes: after the left margin, or against the right one. */
  pageNumberAt: 'left' | 'centre' | 'right';
}

/** What repeats on a page around the content: a running header, a footer line, the page number. */
export function drawFurniture(doc: PDFKit.PDFDocument, f: Furniture): void {
  doc.font(f.font).fontSize(f.size);
  if (f.runningHeader) doc.text(f.runningHeader, MARGIN_X, 26, { lineBreak: false });
  const footerY = f.height - 38;
  if (f.footerText) doc.text(f.footerText, MARGIN_X, footerY, { lineBreak: false });
  if (f.pageNumber) {
    const w = doc.widthOfString(f.pageNumber);
    const x = f.pageNumberAt === 'left' ? MARGIN_X : f.pageNumberAt === 'right' ? f.width - MARGIN_X - w : (f.width - w) / 2;
    doc.text(f.pageNumber, x, footerY, { lineBreak: false });
  }
}
