/**
 * Generates NvI-shaped PDFs with pdfkit, so parser tests are not tuned to one producer's layout.
 *
 * The generator does its own line breaking (greedy, on pdfkit's font metrics) and draws every
 * printed line as a separate text run at a known position. It therefore knows, for each record,
 * the text the parser should recover and the pages the row was printed on. Content is taken from
 * the gold set of the real NvI (realistic Dutch Wlz questions and answers), picked with a seeded
 * PRNG: the same options always give the same PDF.
 */
import PDFDocument from 'pdfkit';
import { readGold, type GoldRecord } from './gold.ts';

export type FontName = 'Helvetica' | 'Times-Roman' | 'Courier';
export type PageSize = 'A4' | 'LETTER';
export type ColumnKind = 'vid' | 'document' | 'paragraph' | 'question' | 'answer' | 'page';

export interface ColumnSpec {
  kind: ColumnKind;
  /** Header label as printed; a "\n" forces a line break inside the header cell. */
  label: string;
  /** Relative width: the table is as wide as the page between the margins. */
  width: number;
}

export interface NviPdfOptions {
  seed?: number;
  size?: PageSize;
  landscape?: boolean;
  font?: FontName;
  /** 8–11 points. */
  fontSize?: number;
  columns?: ColumnSpec[];
  /** Number of table rows. */
  rows?: number;
  /** How VIDs read: "VID-0123", "12", "2025-012" or "Vraag 12". */
  vidFormat?: 'vid' | 'number' | 'year' | 'vraag';
  headerOnEveryPage?: boolean;
  borders?: boolean;
  headerAlign?: 'left' | 'center';
  /** Vertical alignment of the short cells (VID, document, paragraph, page). */
  shortCellAlign?: 'top' | 'middle' | 'bottom';
  /** Vertical alignment of the question and answer cells ("bottom": as a spreadsheet prints them). */
  longCellAlign?: 'top' | 'bottom';
  /** Move a row that does not fit to the next page whole, as a spreadsheet does, unless it is taller than a page. */
  keepRowsTogether?: boolean;
  cover?: boolean;
  /** An introduction on a page of its own, or printed above the table on its first page. */
  intro?: 'page' | 'above-table' | null;
  runningHeader?: string | null;
  /** Text at the left of the footer line (a URL, a date). */
  footerText?: string | null;
  pageNumbers?: 'pagina-van' | 'slash' | 'plain' | null;
  /** Rows whose answer is made longer than a page, so that they run over a page break. */
  longRows?: number;
  /** Append list items ("- …", "1. …") to some answers. */
  lists?: boolean;
  /** A heading row over the whole table width wherever the document changes ("Vragen over …"). */
  sectionHeadings?: boolean;
  /** A closing text after the table: under its last row, or on a page of its own. */
  closing?: 'under-table' | 'page' | null;
  /** Allow tokens longer than a narrow column (URLs), which get cut mid-word. */
  longWords?: boolean;
  /** Extra space between rows, on top of the cell padding. */
  rowGap?: number;
  /** Encrypt the PDF: a user password locks it, an owner password alone only restricts it. */
  userPassword?: string | null;
  ownerPassword?: string | null;
}

export interface GeneratedRecord {
  vid: string;
  document: string;
  paragraph: string;
  question: string;
  answer: string;
  pageStart: number;
  pageEnd: number;
  /** Words cut mid-word at a line end because they did not fit: the printed head and tail. */
  cuts: Array<{ head: string; tail: string }>;
}

export interface GeneratedNvi {
  pdf: Buffer;
  records: GeneratedRecord[];
  pageCount: number;
  firstTablePage: number;
  /** Title on the cover (and in the document info). */
  title: string;
  /** ISO date printed on the cover, null without a cover. */
  published: string | null;
  /** Running header/footer texts printed on the pages, without page numbers. */
  furniture: string[];
  /** Sentences printed on the cover and introduction, which must not end up in a record. */
  frontMatter: string[];
  /** The heading rows printed (see NviPdfOptions.sectionHeadings), with their pages. */
  headings: Array<{ page: number; text: string }>;
  /** The closing text after the table and the page it starts on (see NviPdfOptions.closing). */
  closing: { page: number; sentences: string[] } | null;
}

export const DEFAULT_COLUMNS: ColumnSpec[] = [
  { kind: 'vid', label: 'VraagID', width: 0.11 },
  { kind: 'document', label: 'Document', width: 0.15 },
  { kind: 'paragraph', label: 'Paragraaf', width: 0.16 },
  { kind: 'question', label: 'Vraag', width: 0.27 },
  { kind: 'answer', label: 'Antwoord', width: 0.31 },
];

const BOLD: Record<FontName, string> = { Helvetica: 'Helvetica-Bold', 'Times-Roman': 'Times-Bold', Courier: 'Courier-Bold' };
const PAGE_SIZES: Record<PageSize, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792] };
const PAD_X = 4;
const PAD_Y = 3;
const MARGIN_X = 42;
const MARGIN_TOP = 60;
const MARGIN_BOTTOM = 64;

/** mulberry32: small, fast and good enough to pick test content reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------------------------------------
// Line breaking

/** One printed line of a cell: its text and its indent from the cell's text edge. */
export interface PrintedLine {
  text: string;
  indent: number;
  /** The line ends in the middle of a word that was too long for the line. */
  cut?: boolean;
}

type Measure = (s: string) => number;

const LIST_ITEM = /^(?:[-•]|\d{1,2}\.|[a-z]\))\s/;
/** Words after which a line-final hyphen is read as an elision ("wet-" / "en regelgeving"). */
const ELISION_NEXT = /^(en|of|tot|t\/m|noch|dan|als|en\/of)\b/i;

/**
 * Greedy line breaking as a word processor does it: words go on a line while they fit; a compound
 * with a hyphen ("Wlz-indicatie") may break after its hyphen; a word longer than the whole line is
 * cut where the line is full. A "\n" starts a new line, an empty line between paragraphs is kept
 * as an empty printed line, list items get a hanging indent.
 */
export function wrapText(text: string, width: number, measure: Measure, lists = true): PrintedLine[] {
  const out: PrintedLine[] = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push({ text: '', indent: 0 });
      continue;
    }
    const marker = lists ? LIST_ITEM.exec(para) : null;
    const hang = marker ? measure(marker[0]) : 0;
    let line = '';
    let indent = 0;
    const push = (s: string, cut = false) => {
      out.push(cut ? { text: s, indent, cut } : { text: s, indent });
      line = '';
      indent = hang;
    };
    for (let word of para.trim().split(/ +/)) {
      for (;;) {
        const room = width - indent;
        const candidate = line === '' ? word : `${line} ${word}`;
        if (measure(candidate) <= room) {
          line = candidate;
          break;
        }
        const head = hyphenHead(word, line, room, measure);
        if (head) {
          push(line === '' ? head : `${line} ${head}`);
          word = word.slice(head.length);
          continue;
        }
        if (line !== '') {
          push(line);
          continue;
        }
        // A word wider than the line: cut it where the line is full.
        let n = 1;
        while (n < word.length && measure(word.slice(0, n + 1)) <= room) n++;
        push(word.slice(0, n), true);
        word = word.slice(n);
        if (word === '') break;
      }
    }
    if (line !== '') out.push({ text: line, indent });
  }
  // A trailing "\n" would leave an empty last line; the cell ends where its text ends.
  while (out.length > 0 && out[out.length - 1]!.text === '') out.pop();
  return out;
}

/**
 * The longest head of a hyphenated compound, up to and including a hyphen, that still fits on the
 * line. Not after a hyphen that is followed by a conjunction: "x-" / "en…" would print exactly as
 * the elision "x- en", and the parser rightly reads it as one.
 */
function hyphenHead(word: string, line: string, room: number, measure: Measure): string | null {
  let best: string | null = null;
  for (let i = 1; i < word.length - 1; i++) {
    if (word[i] !== '-') continue;
    const head = word.slice(0, i + 1);
    const rest = word.slice(i + 1);
    if (!/[\p{L}\p{N}]-$/u.test(head) || !/^[\p{L}\p{N}]/u.test(rest) || ELISION_NEXT.test(rest)) continue;
    if (measure(line === '' ? head : `${line} ${head}`) <= room) best = head;
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Content

const DOCUMENTS = [
  'Inkoopkader Wlz 2025-2027',
  'Bijlage 1 Overeenkomst Wlz 2025',
  'Voorschrift Zorgtoewijzing Wlz',
  'Declaratieprotocol Wlz 2025',
  'Regionaal inkoopbeleid zorgkantoor',
];

const LIST_INTROS = ['Daarbij gelden de volgende voorwaarden:', 'Dit betekent het volgende:', 'Wij hanteren hiervoor de volgende stappen:'];

const LIST_ITEMS = [
  'de zorgaanbieder beschikt over een geldige Wlz-toelating;',
  'de cliënt heeft een geldig indicatiebesluit van het CIZ;',
  'de zorg wordt geleverd conform de geldende wet- en regelgeving;',
  'de declaratie wordt binnen zeventien werkdagen na afloop van de periode ingediend;',
  'het kwaliteitskader verpleeghuiszorg is van toepassing op de geleverde zorg;',
  'de productieafspraken worden uiterlijk 15 november bij de NZa ingediend;',
  'wijzigingen in de zorgverlening meldt u via het berichtenverkeer aan het zorgkantoor;',
  'het zorgkantoor beoordeelt de aanvraag binnen vier weken.',
];

const COVER_TEXT = [
  'Zorgkantoren in Nederland, gezamenlijk namens de Wlz-uitvoerders.',
  'Deze nota is onderdeel van de inkoopdocumenten voor de contractperiode 2025-2027.',
];

const CLOSING_TEXT = [
  'Hiermee zijn alle vragen beantwoord die in de vragenronde zijn gesteld. De antwoorden in deze nota maken deel uit van de inkoopdocumenten en gaan voor op eerdere teksten.',
  'Zorgkantoren Wlz, maart 2025',
];

const INTRO_TEXT = [
  'In deze Nota van Inlichtingen vindt u de antwoorden op de vragen die zorgaanbieders hebben gesteld over de inkoopdocumenten voor de Wet langdurige zorg.',
  'De vragen zijn geanonimiseerd en waar nodig ingekort. In de kolom Vraag staat de vraag zoals die is gesteld, in de kolom Antwoord de reactie van de zorgkantoren.',
  'De antwoorden maken deel uit van de inkoopdocumenten en gaan voor op eerdere communicatie.',
];

function isShort(g: GoldRecord, longWords: boolean): boolean {
  const tokens = `${g.question} ${g.answer}`.split(/\s+/);
  return (longWords || tokens.every((t) => t.length <= 22)) && g.question.length < 700 && g.answer.length < 900;
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

function makeVids(n: number, format: NonNullable<NviPdfOptions['vidFormat']>, rand: () => number): string[] {
  if (format === 'number') return Array.from({ length: n }, (_, i) => String(i + 1));
  if (format === 'year') return Array.from({ length: n }, (_, i) => `2025-${String(i + 1).padStart(3, '0')}`);
  if (format === 'vraag') return Array.from({ length: n }, (_, i) => `Vraag ${i + 1}`);
  const used = new Set<number>();
  const out: string[] = [];
  while (out.length < n) {
    const v = 1 + Math.floor(rand() * 1999);
    if (used.has(v)) continue;
    used.add(v);
    out.push(`VID-${String(v).padStart(4, '0')}`);
  }
  return out;
}

interface Content {
  vid: string;
  document: string;
  paragraph: string;
  question: string;
  answer: string;
  page: string;
}

function makeContent(o: Required<NviPdfOptions>, rand: () => number, longAnswer: (pool: GoldRecord[]) => string): Content[] {
  const gold = readGold();
  const pool = gold.filter((g) => isShort(g, o.longWords));
  const vids = makeVids(o.rows, o.vidFormat, rand);
  const longAt = new Set<number>();
  while (longAt.size < Math.min(o.longRows, o.rows)) longAt.add(1 + Math.floor(rand() * (o.rows - 1)));
  const rows: Content[] = [];
  for (let i = 0; i < o.rows; i++) {
    const g = pick(rand, pool);
    let answer = longAt.has(i) ? longAnswer(pool) : g.answer;
    if (o.lists && !longAt.has(i) && rand() < 0.25) {
      const numbered = rand() < 0.5;
      const count = 2 + Math.floor(rand() * 3);
      const items = Array.from({ length: count }, (_, k) => `${numbered ? `${k + 1}.` : '-'} ${pick(rand, LIST_ITEMS)}`);
      answer = `${answer}\n${pick(rand, LIST_INTROS)}\n${items.join('\n')}`;
    }
    rows.push({
      vid: vids[i]!,
      document: DOCUMENTS[Math.min(DOCUMENTS.length - 1, Math.floor((i / o.rows) * DOCUMENTS.length))]!,
      paragraph: g.paragraph,
      question: g.question,
      answer,
      page: String(3 + Math.floor(i * 1.7)),
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Layout

interface TextOp {
  str: string;
  x: number;
  /** Top of the line box. */
  y: number;
  bold?: boolean;
  size?: number;
}

interface RectOp {
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: boolean;
}

interface PageLayout {
  kind: 'cover' | 'intro' | 'table' | 'closing';
  texts: TextOp[];
  rects: RectOp[];
}

interface Geometry {
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
function geometry(o: Required<NviPdfOptions>, measureBold: Measure): Geometry {
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

class Layout {
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
    if (g.bottom - this.y - 2 * PAD_Y < g.pitch * 3) this.tablePage();
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
  return kind === 'vid' || kind === 'document' || kind === 'paragraph' || kind === 'page';
}

// ---------------------------------------------------------------------------------------------
// Rendering

const DEFAULTS: Required<NviPdfOptions> = {
  seed: 1,
  size: 'A4',
  landscape: false,
  font: 'Helvetica',
  fontSize: 9,
  columns: DEFAULT_COLUMNS,
  rows: 24,
  vidFormat: 'vid',
  headerOnEveryPage: true,
  borders: true,
  headerAlign: 'left',
  shortCellAlign: 'top',
  longCellAlign: 'top',
  sectionHeadings: false,
  closing: null,
  keepRowsTogether: false,
  cover: true,
  intro: 'page',
  runningHeader: 'Nota van Inlichtingen Zorginkoop Wlz 2025-2027',
  footerText: 'www.zorgkantoren.nl/inkoop',
  pageNumbers: 'pagina-van',
  longRows: 1,
  lists: true,
  longWords: false,
  rowGap: 0,
  userPassword: null,
  ownerPassword: null,
};

export async function makeNviPdf(options: NviPdfOptions = {}): Promise<GeneratedNvi> {
  const o: Required<NviPdfOptions> = { ...DEFAULTS, ...options };
  if (o.fontSize < 8 || o.fontSize > 11) throw new Error(`font size ${o.fontSize} is outside 8–11`);
  const rand = prng(o.seed);
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    ...(o.userPassword ? { userPassword: o.userPassword } : {}),
    ...(o.ownerPassword ? { ownerPassword: o.ownerPassword } : {}),
  });
  const measureWith = (font: string, size: number): Measure => (s) => doc.font(font).fontSize(size).widthOfString(s);
  const measure = measureWith(o.font, o.fontSize);
  const measureBold = measureWith(BOLD[o.font], o.fontSize);
  const g = geometry(o, measureBold);
  const textWidth = (kind: ColumnKind) => {
    const i = o.columns.findIndex((c) => c.kind === kind);
    return i < 0 ? 0 : g.colW[i]! - 2 * PAD_X;
  };

  // A long answer: gold answers joined as paragraphs until the cell is taller than a page.
  const linesPerPage = Math.floor((g.bottom - MARGIN_TOP) / g.pitch);
  const longAnswer = (pool: GoldRecord[]) => {
    const parts: string[] = [];
    while (wrapText(parts.join('\n\n'), textWidth('answer'), measure).length < linesPerPage * 1.3) parts.push(pick(rand, pool).answer);
    return parts.join('\n\n');
  };
  const content = makeContent(o, rand, longAnswer);

  const title = 'Nota van Inlichtingen';
  const subtitle = 'Zorginkoop Wlz 2025-2027';
  const datum = 'Datum: 3 maart 2025';
  const frontMatter: string[] = [];
  const layout = new Layout(o, g, measureBold);
  if (o.cover) {
    layout.newPage('cover');
    layout.page.texts.push({ str: title, x: MARGIN_X, y: 120, bold: true, size: 22 });
    layout.page.texts.push({ str: subtitle, x: MARGIN_X, y: 152, bold: true, size: 15 });
    layout.page.texts.push({ str: datum, x: MARGIN_X, y: 190 });
    layout.y = 220;
    layout.prose(COVER_TEXT, measure);
    frontMatter.push(subtitle, ...COVER_TEXT);
  }
  if (o.intro === 'page') {
    layout.newPage('intro');
    layout.page.texts.push({ str: 'Inleiding', x: MARGIN_X, y: layout.y, bold: true, size: o.fontSize + 3 });
    layout.y += g.pitch * 2;
    layout.prose(INTRO_TEXT, measure);
    frontMatter.push(...INTRO_TEXT);
  }
  layout.newPage('table');
  if (o.intro === 'above-table') {
    layout.prose(INTRO_TEXT, measure);
    frontMatter.push(...INTRO_TEXT);
    layout.y += g.pitch;
  }
  const firstTablePage = layout.pages.length;
  layout.header();

  const records: GeneratedRecord[] = [];
  const headings: GeneratedNvi['headings'] = [];
  for (const c of content) {
    if (o.sectionHeadings && c.document !== records.at(-1)?.document) {
      layout.banner(`Vragen en antwoorden over ${c.document}`);
      headings.push({ page: layout.pages.length, text: `Vragen en antwoorden over ${c.document}` });
    }
    // Labels such as "2. Hoe maken we afspraken?" are no list items: no hanging indent there.
    const cells = o.columns.map((col, i) => wrapText(c[col.kind], g.colW[i]! - 2 * PAD_X, measure, col.kind === 'question' || col.kind === 'answer'));
    const pages = layout.row(cells);
    const cuts = cells.flatMap((lines) =>
      lines.flatMap((l, k) => (l.cut ? [{ head: l.text, tail: /^\S*/.exec(lines[k + 1]?.text ?? '')![0] }] : [])),
    );
    records.push({ vid: c.vid, document: c.document, paragraph: c.paragraph, question: c.question, answer: c.answer, ...pages, cuts });
  }
  let closing: GeneratedNvi['closing'] = null;
  if (o.closing) {
    const room = g.bottom - layout.y - g.pitch * 2;
    if (o.closing === 'page' || room < g.pitch * 6) layout.newPage('closing');
    else layout.y += g.pitch * 2;
    closing = { page: layout.pages.length, sentences: CLOSING_TEXT };
    layout.prose(CLOSING_TEXT, measure);
  }
  for (const col of ['document', 'paragraph'] as const) {
    // A table without such a column yields empty labels.
    if (!o.columns.some((c) => c.kind === col)) for (const r of records) r[col] = '';
  }

  const furniture = [o.runningHeader, o.footerText].filter((s): s is string => !!s);
  const fullTitle = `${title} ${subtitle}`;
  const pdf = await render(doc, o, g, layout.pages, fullTitle);
  const published = o.cover ? '2025-03-03' : null;
  return { pdf, records, pageCount: layout.pages.length, firstTablePage, title: fullTitle, published, furniture, frontMatter, headings, closing };
}

function pageNumber(style: NviPdfOptions['pageNumbers'], n: number, count: number): string | null {
  if (style === 'pagina-van') return `Pagina ${n} van ${count}`;
  if (style === 'slash') return `${n}/${count}`;
  if (style === 'plain') return String(n);
  return null;
}

function render(doc: PDFKit.PDFDocument, o: Required<NviPdfOptions>, g: Geometry, pages: PageLayout[], title: string): Promise<Buffer> {
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
    doc.lineWidth(0.5);
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
