/** A run of text on a page, in top-down page coordinates (points). */
export interface TextItem {
  str: string;
  /** Left edge. */
  x: number;
  /** Top of the glyph box (baseline minus font size), measured from the top of the page. */
  y: number;
  w: number;
  /** Font size, used as the line height unit. */
  size: number;
}

export interface PageItems {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

export interface ExtractedPdf {
  pageCount: number;
  pages: PageItems[];
  /** Document information dictionary title, when set. */
  metaTitle: string | null;
}

export type ColumnRole = 'vid' | 'document' | 'paragraph' | 'question' | 'answer' | 'other';

export interface Column {
  role: ColumnRole;
  /** The header label as printed. */
  label: string;
  /** Left bound (inclusive) of the column. */
  left: number;
  /** Right bound (exclusive) of the column; the next column's left bound. */
  right: number;
}

/** The table header as found on one page. */
export interface HeaderRow {
  page: number;
  columns: Column[];
  /** Bottom of the header row: table body starts below this. */
  bottom: number;
  top: number;
}

export interface NvIRecord {
  vid: string;
  document: string;
  paragraph: string;
  question: string;
  answer: string;
  pageStart: number;
  pageEnd: number;
  /** 1-based position of the row in the table. */
  seq: number;
  documentKey: string;
  paragraphKey: string;
}

export type WarningKind = 'duplicate-vid' | 'missing-vid' | 'empty-question' | 'empty-answer' | 'skipped-text';

export interface ParseWarning {
  kind: WarningKind;
  page: number;
  message: string;
  vid?: string;
}

export interface ParsedNota {
  /** Title printed on the cover, else the document metadata title, else null. */
  title: string | null;
  /** ISO date printed on the cover ("Datum: 1 juli 2020"), when found. */
  published: string | null;
  pageCount: number;
  records: NvIRecord[];
  warnings: ParseWarning[];
  /** Columns of the first header row, for diagnostics. */
  columns: Column[];
}
