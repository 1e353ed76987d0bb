/**
 * The record model: what a parser produces and the store keeps. Ingest builds these; the store,
 * the search index and the server read them. Nothing here knows about PDFs or HTTP.
 */

/** A column of the source table as found, for diagnostics. */
export interface ColumnInfo {
  role: string;
  label: string;
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
  columns: readonly ColumnInfo[];
}
