/** Options of the NvI generator, what it returns, and the page constants it lays out with. */
import type { RecordRef } from '../../../core/model.ts';

export type FontName = 'Helvetica' | 'Times-Roman' | 'Courier';
export type PageSize = 'A4' | 'LETTER';
/**
 * "reference": one cell with document, page and paragraph ("Leidraad, pagina 3, paragraaf 1.3");
 * "subject": a topic per question (the paragraph's title without its number).
 */
export type ColumnKind = 'vid' | 'document' | 'paragraph' | 'question' | 'answer' | 'page' | 'reference' | 'subject';

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
  /** Whether a heading row moves to the next page with the row under it (off: it may end a page). */
  headingsKeepWithNext?: boolean;
  /** A closing text after the table: under its last row, or on a page of its own. */
  closing?: 'under-table' | 'page' | null;
  /** Allow tokens longer than a narrow column (URLs), which get cut mid-word. */
  longWords?: boolean;
  /** Extra space between rows, on top of the cell padding. */
  rowGap?: number;
  /** Width of cell borders in points (a spreadsheet's thin gridlines: 0.25). */
  lineWidth?: number;
  /** Number of the NvI in its series, in the title ("Nota van Inlichtingen 2"); null: none. */
  sequence?: number | null;
  /** Every n-th answer ends with a reference to an earlier question, of this NvI or the first; 0: none. */
  referenceEvery?: number;
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
  /** The reference cell as printed, when the table has one. */
  reference?: string;
  /** The page a reference cell or page column gives. */
  referencePage?: number;
  /** A topic printed beside a paragraph column: the level below the paragraph. */
  subparagraph?: string;
  /** References the answer makes (see NviPdfOptions.referenceEvery). */
  references?: RecordRef[];
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

export const BOLD: Record<FontName, string> = { Helvetica: 'Helvetica-Bold', 'Times-Roman': 'Times-Bold', Courier: 'Courier-Bold' };
export const PAGE_SIZES: Record<PageSize, [number, number]> = { A4: [595.28, 841.89], LETTER: [612, 792] };
export const PAD_X = 4;
export const PAD_Y = 3;
export const MARGIN_X = 42;
export const MARGIN_TOP = 60;
export const MARGIN_BOTTOM = 64;

export const DEFAULTS: Required<NviPdfOptions> = {
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
  headingsKeepWithNext: true,
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
  lineWidth: 0.5,
  sequence: null,
  referenceEvery: 0,
  userPassword: null,
  ownerPassword: null,
};
