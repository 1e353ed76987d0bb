/**
 * Generates NvIs of shape A with pdfkit: no VraagIDs, numbered chapter and paragraph headings,
 * each paragraph with a two-column "Vraag | Antwoord" table (or a line saying it drew no
 * questions), sub-heading and placeholder rows over the full table width, rows that run over page
 * breaks, the header row repeated on every page or not, and borders as thin filled rectangles (as
 * Word draws them), as stroked lines, or none at all.
 *
 * Like nvi-pdf.ts it breaks lines itself and draws each line at a known place, so it knows every
 * record the parser must find: chapter, paragraph, sub-paragraph, question, answer and pages.
 * Content comes from the 2021-2023 gold set, picked with a seeded PRNG (same options, same PDF).
 */
import PDFDocument from 'pdfkit';
import type { RecordContent } from '../../core/model.ts';
import { readGold, type GoldRecord } from './gold.ts';
import { drawTexts, measurer, pdfBytes, type TextOp } from './nvi-pdf/draw.ts';
import { BOLD, PAGE_SIZES } from './nvi-pdf/options.ts';
import { wrapText, type PrintedLine } from './nvi-pdf/wrap.ts';
import { prng } from './prng.ts';

export interface ShapeAOptions {
  seed?: number;
  size?: 'A4' | 'LETTER';
  font?: 'Helvetica' | 'Times-Roman';
  fontSize?: number;
  borders?: 'filled' | 'lines' | 'none';
  headerOnEveryPage?: boolean;
  chapters?: number;
  /** A Leeswijzer table of general questions before chapter 1. */
  leeswijzer?: boolean;
  /** Sub-heading rows ("Subparagraaf 1.2.1") inside some tables. */
  subheadings?: boolean;
  /** Placeholder rows, and paragraphs with only a placeholder line instead of a table. */
  placeholders?: boolean;
  /** Rows whose answer is longer than a page. */
  longRows?: number;
  /** Title page: publisher, subject and sequence as printed. */
  publisher?: string;
  subject?: string;
  sequence?: 'number' | 'ordinal' | null;
}

export type ShapeARecord = RecordContent;

export interface GeneratedShapeA {
  pdf: Buffer;
  records: ShapeARecord[];
  title: string;
  pageCount: number;
}

const PAD = 5;
const MARGIN_X = 60;
const TOP = 60;
const PLACEHOLDER_ROWS = ['Er zijn over deze paragraaf geen vragen gesteld.', 'Er zijn geen vragen gesteld over deze paragraaf.'];

const CHAPTER_TITLES = [
  'Samen werken we toe naar een toekomstbestendige langdurige zorg, zodat cliënten kunnen blijven rekenen op passende zorg',
  'Meerjarige tarieven en tariefdifferentiatie',
  'Ruimte voor de regio',
  'Voor een overeenkomst geldt een vaste inkoopprocedure',
];
const PARAGRAPH_TITLES = [
  'De toegankelijkheid van zorg staat onder druk en dat heeft gevolgen voor de kwaliteit en betaalbaarheid',
  'Duidelijkheid voor meerdere jaren over tariefpercentages',
  'We werken aan de regio van de toekomst',
  'Innovatie en arbeidsbesparing',
  'Zorgaanbieders waarvoor de tariefpercentages niet kostendekkend zijn kunnen een beroep doen op de hardheidsclausule',
  'Beoordeling van nieuwe zorgaanbieders',
];

interface Page {
  texts: TextOp[];
  /** Horizontal and vertical border pieces: [x0, y0, x1, y1]. */
  rules: Array<[number, number, number, number]>;
}

export async function makeShapeAPdf(options: ShapeAOptions = {}): Promise<GeneratedShapeA> {
  const o = {
    seed: 1,
    size: 'A4' as const,
    font: 'Helvetica' as const,
    fontSize: 10,
    borders: 'filled' as const,
    headerOnEveryPage: false,
    chapters: 2,
    leeswijzer: true,
    subheadings: true,
    placeholders: true,
    longRows: 1,
    publisher: 'Menzis',
    subject: 'Inkoopbeleid Wlz Verpleging en Verzorging 2025-2027',
    sequence: null,
    ...options,
  };
  const rand = prng(o.seed);
  // Without blank lines: in a borderless table a blank line in both cells at once looks exactly
  // like the padding between two rows, which no reader can tell apart. Without URLs: one wrapped
  // at a space after a slash prints like one cut at the line end (nvi-pdf.ts tests those cuts).
  const pool = readGold()
    .filter((g) => g.question.length < 600 && g.answer.length < 900 && !/https?:|www\./.test(g.question + g.answer))
    .map((g) => ({ ...g, question: g.question.replace(/\n\s*\n/g, '\n'), answer: g.answer.replace(/\n\s*\n/g, '\n') }));
  const pickRecord = (): GoldRecord => pool[Math.floor(rand() * pool.length)]!;
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0 });
  const [width, height] = PAGE_SIZES[o.size];
  const measureWith = measurer(doc);
  const size = o.fontSize;
  const pitch = size * 1.25;
  const bottom = height - 70;
  const body = measureWith(o.font, size);
  const tableW = width - 2 * MARGIN_X;
  const split = MARGIN_X + Math.round(tableW * (0.45 + rand() * 0.1));
  const cellW = [split - MARGIN_X - 2 * PAD, MARGIN_X + tableW - split - 2 * PAD];

  const pages: Page[] = [];
  let y = TOP;
  const page = () => pages[pages.length - 1]!;
  const newPage = () => {
    pages.push({ texts: [], rules: [] });
    y = TOP;
  };
  const text = (str: string, x: number, at: number, b = false, s = size) => page().texts.push({ str, x, y: at, size: s, bold: b });
  const hRule = (at: number) => page().rules.push([MARGIN_X, at, MARGIN_X + tableW, at]);
  const vRules = (from: number, to: number, full: boolean) => {
    for (const x of full ? [MARGIN_X, MARGIN_X + tableW] : [MARGIN_X, split, MARGIN_X + tableW]) page().rules.push([x, from, x, to]);
  };

  // Title page.
  newPage();
  const seqWord = o.sequence === 'number' ? 'Nota van Inlichtingen 2' : o.sequence === 'ordinal' ? 'Tweede Nota van Inlichtingen' : 'Nota van Inlichtingen';
  const title = `${seqWord} bij het ${o.subject}`;
  let ty = 120;
  for (const l of wrapText(title, tableW, measureWith(BOLD[o.font], 20))) {
    text(l.text, MARGIN_X, ty, true, 20);
    ty += 26;
  }
  text(`Zorgkantoor ${o.publisher}`, MARGIN_X, ty + 20);
  text('Datum: 7 juli 2025', MARGIN_X, ty + 20 + pitch);

  const records: ShapeARecord[] = [];
  let chapter = '';
  let paragraph = '';
  let subparagraph = '';

  const heading = (label: string, number: string | null, s: number, isBold: boolean) => {
    const numberW = number ? measureWith(o.font, s)(`${number}  `) + 8 : 0;
    const lines = wrapText(label, tableW - numberW, isBold ? measureWith(BOLD[o.font], s) : measureWith(o.font, s), false);
    if (y + lines.length * s * 1.3 + pitch * 4 > bottom) newPage();
    y += s * 0.8;
    if (number) text(number, MARGIN_X - 0, y, false, s);
    for (const l of lines) {
      text(l.text, MARGIN_X + numberW, y, isBold, s);
      y += s * 1.3;
    }
    y += s * 0.8;
  };

  const header = () => {
    const top = y;
    text('Vraag', MARGIN_X + PAD, y + PAD, true);
    text('Antwoord', split + PAD, y + PAD, true);
    y += pitch + 2 * PAD;
    if (o.borders !== 'none') {
      hRule(top);
      hRule(y);
      vRules(top, y, false);
    }
  };

  /** A full-width row: a sub-heading (centred) or a placeholder (left). */
  const wideRow = (str: string, centred: boolean) => {
    if (y + pitch + 2 * PAD > bottom) {
      newPage();
      if (o.headerOnEveryPage) header();
    }
    const top = y;
    const w = body(str);
    text(str, centred ? MARGIN_X + (tableW - w) / 2 : MARGIN_X + PAD, y + PAD);
    y += pitch + 2 * PAD;
    if (o.borders !== 'none') {
      hRule(y);
      vRules(top, y, true);
    }
  };

  const qaRow = (question: string, answer: string) => {
    const cells: PrintedLine[][] = [wrapText(question, cellW[0]!, body, false), wrapText(answer, cellW[1]!, body)];
    const rows = Math.max(cells[0]!.length, cells[1]!.length);
    // A row whose first line does not fit starts on the next page.
    if (y + pitch + 2 * PAD > bottom) {
      newPage();
      if (o.headerOnEveryPage) header();
    }
    const pageStart = pages.length;
    let top = y;
    y += PAD;
    for (let i = 0; i < rows; i++) {
      if (y + pitch + PAD > bottom) {
        // Break the row: close its borders here, reopen them on the next page.
        if (o.borders !== 'none') {
          hRule(y + PAD);
          vRules(top, y + PAD, false);
        }
        newPage();
        if (o.headerOnEveryPage) header();
        top = y;
        if (o.borders !== 'none') hRule(y);
        y += PAD;
      }
      for (const [c, lines] of cells.entries()) {
        const l = lines[i];
        if (l && l.text !== '') text(l.text, (c === 0 ? MARGIN_X : split) + PAD + l.indent, y);
      }
      y += pitch;
    }
    y += PAD;
    if (o.borders !== 'none') {
      hRule(y);
      vRules(top, y, false);
    }
    records.push({ chapter, paragraph, subparagraph, question: clean(question), answer: clean(answer), pageStart, pageEnd: pages.length });
  };

  const table = (n: number, number: string) => {
    if (y + pitch * 3 + 4 * PAD > bottom) newPage();
    header();
    let sub = 1;
    let long = o.longRows;
    for (let i = 0; i < n; i++) {
      if (o.subheadings && /^\d/.test(number) && i > 0 && rand() < 0.3) {
        subparagraph = `Subparagraaf ${number}.${sub++}`;
        wideRow(subparagraph, true);
        if (o.placeholders && rand() < 0.3) {
          wideRow(PLACEHOLDER_ROWS[Math.floor(rand() * PLACEHOLDER_ROWS.length)]!, false);
          continue;
        }
      }
      const g = pickRecord();
      let answer = g.answer;
      if (long > 0 && rand() < 0.4) {
        long--;
        while (wrapText(answer, cellW[1]!, body).length * pitch < (bottom - TOP) * 1.2) answer += `\n${pickRecord().answer}`;
      }
      qaRow(g.question, answer);
    }
  };

  const chapterSize = size + 6;
  if (o.leeswijzer) {
    newPage();
    heading('Leeswijzer', null, chapterSize, false);
    chapter = '';
    paragraph = 'Leeswijzer';
    subparagraph = '';
    table(2 + Math.floor(rand() * 2), 'leeswijzer');
  }
  for (let c = 1; c <= o.chapters; c++) {
    newPage();
    const ct = CHAPTER_TITLES[(c - 1) % CHAPTER_TITLES.length]!;
    heading(ct, String(c), chapterSize, false);
    chapter = `${c} ${ct}`;
    paragraph = chapter;
    subparagraph = '';
    // Sometimes a table straight under the chapter heading.
    if (rand() < 0.4) table(2, String(c));
    const paragraphs = 2 + Math.floor(rand() * 2);
    for (let p = 1; p <= paragraphs; p++) {
      const pt = PARAGRAPH_TITLES[Math.floor(rand() * PARAGRAPH_TITLES.length)]!;
      heading(pt, `${c}.${p}`, size, true);
      paragraph = `${c}.${p} ${pt}`;
      subparagraph = '';
      if (o.placeholders && rand() < 0.25) {
        text(PLACEHOLDER_ROWS[0]!, MARGIN_X, y);
        y += pitch * 2;
        continue;
      }
      table(2 + Math.floor(rand() * 5), `${c}.${p}`);
      y += pitch;
    }
  }

  const pdf = await render(doc, o, pages, width, height, title);
  return { pdf, records, title, pageCount: pages.length };
}

/** The text as the parser should give it back: one space between words; line structure aside. */
function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function render(doc: PDFKit.PDFDocument, o: Required<Pick<ShapeAOptions, 'font' | 'borders' | 'fontSize'>>, pages: Page[], width: number, height: number, title: string): Promise<Buffer> {
  const done = pdfBytes(doc, title);
  for (const [i, p] of pages.entries()) {
    doc.addPage({ size: [width, height], margin: 0 });
    for (const [x0, y0, x1, y1] of p.rules) {
      if (o.borders === 'filled') {
        // As Word draws borders: a thin filled rectangle per cell edge.
        const t = 0.5;
        doc.rect(Math.min(x0, x1) - t / 2, Math.min(y0, y1) - t / 2, Math.abs(x1 - x0) + t, Math.abs(y1 - y0) + t).fill('#000000');
      } else {
        doc.lineWidth(0.75).moveTo(x0, y0).lineTo(x1, y1).stroke('#000000');
      }
    }
    doc.fillColor('#000000');
    drawTexts(doc, p.texts, o.font, o.fontSize);
    if (i > 0) {
      const num = `Pagina ${i + 1} van ${pages.length}`;
      doc.font(o.font).fontSize(8).text(num, width - MARGIN_X - doc.widthOfString(num), height - 40, { lineBreak: false });
    }
  }
  doc.end();
  return done;
}
