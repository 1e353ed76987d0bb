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
  /** Set in a bold (or heavier) face, from the font's name or flags. */
  bold?: boolean;
  /** Set in an italic or oblique face. */
  italic?: boolean;
}

/** A horizontal ruling line (border, separator) in top-down page coordinates. */
export interface HRule {
  y: number;
  x0: number;
  x1: number;
}

/** A vertical ruling line in top-down page coordinates. */
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}

/** Rules of a page: stroked lines and thin filled rectangles alike, collinear pieces joined. */
export interface PageRules {
  horizontal: HRule[];
  vertical: VRule[];
}

export interface PageItems {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
  /** Ruling lines; absent when extraction did not read them (layouts built in tests). */
  rules?: PageRules;
}

export interface ExtractedPdf {
  pageCount: number;
  pages: PageItems[];
  /** Document information dictionary title, when set. */
  metaTitle: string | null;
}

/**
 * What a table column holds. "reference": one cell that packs document, page and paragraph
 * ("Aanbestedingsleidraad, pagina 3, paragraaf 1.3"); "page": the page in the referred document;
 * "subject": a topic the NvI gives each question ("Onderwerp").
 */
export type ColumnRole = 'vid' | 'document' | 'paragraph' | 'reference' | 'page' | 'subject' | 'question' | 'answer' | 'other';

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

export type { ColumnInfo, NvIRecord, ParsedNota, ParseWarning, WarningKind } from '../core/model.ts';
