/** Draws the laid-out pages with pdfkit. */
import type { Geometry, PageLayout } from './layout.ts';
import { BOLD, MARGIN_X, type NviPdfOptions } from './options.ts';

function pageNumber(style: NviPdfOptions['pageNumbers'], n: number, count: number): string | null {
  if (style === 'pagina-van') return `Pagina ${n} van ${count}`;
  if (style === 'slash') return `${n}/${count}`;
  if (style === 'plain') return String(n);
  return null;
}

export function render(doc: PDFKit.PDFDocument, o: Required<NviPdfOptions>, g: Geometry, pages: PageLayout[], title: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.info.Title = title;
  const small = Math.max(7, o.fontSize - 1);
  for (const [i, page] of pages.entries()) {
    doc.addPage({ size: [g.width, g.height], margin: 0 });
    doc.lineWidth(o.lineWidth);
    for (const r of page.rects) {
      if (r.fill) doc.rect(r.x, r.y, r.w, r.h).fillAndStroke('#e6e6e6', '#000000');
      else doc.rect(r.x, r.y, r.w, r.h).stroke('#000000');
    }
    doc.fillColor('#000000');
    for (const t of page.texts) {
      doc
        .font(t.bold ? BOLD[o.font] : o.font)
        .fontSize(t.size ?? o.fontSize)
        .text(t.str, t.x, t.y, { lineBreak: false });
    }
    if (page.kind === 'cover') continue;
    doc.font(o.font).fontSize(small);
    if (o.runningHeader) doc.text(o.runningHeader, MARGIN_X, 26, { lineBreak: false });
    const footerY = g.height - 38;
    if (o.footerText) doc.text(o.footerText, MARGIN_X, footerY, { lineBreak: false });
    const num = pageNumber(o.pageNumbers, i + 1, pages.length);
    if (num) {
      const w = doc.widthOfString(num);
      const x = o.footerText ? g.width - MARGIN_X - w : (g.width - w) / 2;
      doc.text(num, x, footerY, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}
