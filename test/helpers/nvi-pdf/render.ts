/** Draws the laid-out pages with pdfkit. */
import type { Geometry, PageLayout } from './layout.ts';
import { drawFurniture, drawTexts, pdfBytes } from './draw.ts';
import type { NviPdfOptions } from './options.ts';

function pageNumber(style: NviPdfOptions['pageNumbers'], n: number, count: number): string | null {
  if (style === 'pagina-van') return `Pagina ${n} van ${count}`;
  if (style === 'slash') return `${n}/${count}`;
  if (style === 'plain') return String(n);
  return null;
}

export function render(doc: PDFKit.PDFDocument, o: Required<NviPdfOptions>, g: Geometry, pages: PageLayout[], title: string): Promise<Buffer> {
  const done = pdfBytes(doc, title);
  for (const [i, page] of pages.entries()) {
    doc.addPage({ size: [g.width, g.height], margin: 0 });
    doc.lineWidth(o.lineWidth);
    for (const r of page.rects) {
      if (r.fill) doc.rect(r.x, r.y, r.w, r.h).fillAndStroke('#e6e6e6', '#000000');
      else doc.rect(r.x, r.y, r.w, r.h).stroke('#000000');
    }
    doc.fillColor('#000000');
    drawTexts(doc, page.texts, o.font, o.fontSize);
    if (page.kind === 'cover') continue;
    drawFurniture(doc, {
      font: o.font,
      size: Math.max(7, o.fontSize - 1),
      width: g.width,
      height: g.height,
      runningHeader: o.runningHeader,
      footerText: o.footerText,
      pageNumber: pageNumber(o.pageNumbers, i + 1, pages.length),
      pageNumberAt: o.footerText ? 'right' : 'centre',
    });
  }
  doc.end();
  return done;
}
