/** Where every printed line and cell border goes, page by page. */
import { MARGIN_BOTTOM, MARGIN_TOP, MARGIN_X, PAD_X, PAD_Y, PAGE_SIZES, type ColumnKind, type NviPdfOptions } from './options.ts';
import { wrapText, type Measure, type PrintedLine } from './wrap.ts';
import type { TextOp } from './draw.ts';

interface RectOp {
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: boolean;
}

export interface PageLayout {
  kind: 'cover' | 'intro' | 'table' | 'closing';
  texts: TextOp[];
  rects: RectOp[];
}

export interface Geometry {
  width: number;
  height: number;
  pitch: number;
  colX: number[];
  colW: number[];
  bottom: number;
}

/**
 * Page and column geometry. A column is made at least as wide as the longest word of its label
 * (taken from the widest column), as an author would: Word would otherwise cut the label.
 */
export function geometry(o: Required<NviPdfOptions>, measureBold: Measure): Geometry {
  const [w0, h0] = PAGE_SIZES[o.size];
  const [width, height] = o.landscape ? [h0, w0] : [w0, h0];
  const total = o.columns.reduce((s, c) => s + c.width, 0);
  const tableW = width - 2 * MARGIN_X;
  const colW = o.columns.map((c) => (c.width / total) * tableW);
  for (const [i, c] of o.columns.entries()) {
    const need = Math.max(...c.label.split(/\s+/).map(measureBold)) + 2 * PAD_X + 1;
    if (colW[i]! >= need) continue;
    const widest = colW.indexOf(Math.max(...colW));
    colW[widest]! -= need - colW[i]!;
    colW[i] = need;
  }
  const colX: number[] = [];
  let x = MARGIN_X;
  for (const w of colW) {
    colX.push(x);
    x += w;
  }
  return { width, height, pitch: o.fontSize * 1.2, colX, colW, bottom: height - MARGIN_BOTTOM };
}

export class Layout {
  readonly pages: PageLayout[] = [];
  y = 0;
  private rowsOnPage = 0;
  constructor(
    private readonly o: Required<NviPdfOptions>,
    private readonly g: Geometry,
    private readonly measureBold: Measure,
  ) {}

  get page(): PageLayout {
    return this.pages[this.pages.length - 1]!;
  }

  newPage(kind: PageLayout['kind']): void {
    this.pages.push({ kind, texts: [], rects: [] });
    this.y = MARGIN_TOP;
    this.rowsOnPage = 0;
  }

  /** The header row: bold labels, wrapped to the column, left-aligned or centred. */
  header(): void {
    const { o, g } = this;
    const labels = o.columns.map((c, i) =>
      c.label.split('\n').flatMap((part) => wrapText(part, g.colW[i]! - 2 * PAD_X, this.measureBold).map((l) => l.text)),
    );
    const h = Math.max(...labels.map((l) => l.length)) * g.pitch + 2 * PAD_Y;
    for (const [i, lines] of labels.entries()) {
      if (o.borders) this.page.rects.push({ x: g.colX[i]!, y: this.y, w: g.colW[i]!, h, fill: true });
      for (const [k, text] of lines.entries()) {
        const free = g.colW[i]! - 2 * PAD_X - this.measureBold(text);
        const x = g.colX[i]! + PAD_X + (o.headerAlign === 'center' ? free / 2 : 0);
        this.page.texts.push({ str: text, x, y: this.y + PAD_Y + k * g.pitch, bold: true });
      }
    }
    this.y += h;
  }

  /**
   * One table row, split over pages when it does not fit: each cell continues on the next page
   * where it stopped, as a word processor breaks a row across pages. Returns the pages on which
   * the row printed text.
   */
  row(cells: PrintedLine[][]): { pageStart: number; pageEnd: number } {
    const { o, g } = this;
    const total = Math.max(...cells.map((c) => c.length));
    let done = 0;
    let pageStart = 0;
    let pageEnd = 0;
    while (done < total) {
      const fit = Math.floor((g.bottom - this.y - 2 * PAD_Y) / g.pitch);
      const rest = total - done;
      // Less than two lines left: the row starts on the next page, as Word would do.
      if (fit < Math.min(2, rest) || (o.keepRowsTogether && done === 0 && fit < rest && this.rowsOnPage > 0)) {
        this.tablePage();
        continue;
      }
      const n = Math.min(fit, rest);
      const h = n * g.pitch + 2 * PAD_Y;
      let printed = false;
      for (const [i, lines] of cells.entries()) {
        const part = lines.slice(done, done + n);
        const offset = this.cellOffset(i, lines.length, n, done === 0, done === 0 && n === total);
        for (const [k, line] of part.entries()) {
          if (line.text === '') continue;
          printed = true;
          this.page.texts.push({ str: line.text, x: g.colX[i]! + PAD_X + line.indent, y: this.y + PAD_Y + offset + k * g.pitch });
        }
        if (o.borders) this.page.rects.push({ x: g.colX[i]!, y: this.y, w: g.colW[i]!, h });
      }
      if (printed) {
        pageStart ||= this.pages.length;
        pageEnd = this.pages.length;
      }
      done += n;
      this.y += h;
      this.rowsOnPage++;
      if (done < total) this.tablePage();
    }
    this.y += o.rowGap;
    return { pageStart, pageEnd };
  }

  /** Where a cell's text starts below the top of its row, by its vertical alignment. */
  private cellOffset(column: number, lineCount: number, rowLines: number, firstPart: boolean, wholeRow: boolean): number {
    const { o, g } = this;
    const short = isShortKind(o.columns[column]!.kind);
    const align = short ? o.shortCellAlign : o.longCellAlign;
    const free = (rowLines - lineCount) * g.pitch;
    // Centred only in the row's first part; bottom-aligned only in a row printed in one piece.
    if (align === 'middle' && firstPart && lineCount <= rowLines) return free / 2;
    if (align === 'bottom' && wholeRow) return free;
    return 0;
  }

  /** A row of one cell over the whole table width, holding a heading. */
  banner(text: string): void {
    const { o, g } = this;
    if (g.bottom - this.y - 2 * PAD_Y < g.pitch * (o.headingsKeepWithNext ? 3 : 1)) this.tablePage();
    const h = g.pitch + 2 * PAD_Y;
    const width = g.colX[g.colX.length - 1]! + g.colW[g.colW.length - 1]! - g.colX[0]!;
    if (o.borders) this.page.rects.push({ x: g.colX[0]!, y: this.y, w: width, h });
    this.page.texts.push({ str: text, x: g.colX[0]! + PAD_X, y: this.y + PAD_Y, bold: true });
    this.y += h;
  }

  tablePage(): void {
    this.newPage('table');
    if (this.o.headerOnEveryPage) this.header();
  }

  /** Running text across the page width (cover and introduction). */
  prose(paragraphs: readonly string[], measure: Measure): void {
    for (const p of paragraphs) {
      for (const line of wrapText(p, this.g.width - 2 * MARGIN_X, measure)) {
        this.page.texts.push({ str: line.text, x: MARGIN_X, y: this.y });
        this.y += this.g.pitch;
      }
      this.y += this.g.pitch * 0.6;
    }
  }
}

function isShortKind(kind: ColumnKind): boolean {
  return kind === 'vid' || kind === 'document' || kind === 'paragraph' || kind === 'page' || kind === 'reference' || kind === 'subject';
}
