/**
 * The record model: what a parser produces and the store keeps. Ingest builds these; the store,
 * the search index and the server read them. Nothing here knows about PDFs or HTTP.
 */

/** A column of the source table as found, for diagnostics. */
export interface ColumnInfo {
  role: string;
  label: string;
}

/**
 * How a record's id came about. "printed": the NvI prints it (VraagID "VID-0318", "12", "B-4").
 * "derived": the NvI prints none, so ingest derives a short, stable one from the structure
 * (paragraph number and position, "1.2-3"; see core/text/ids.ts), the same on every ingest.
 */
export type IdKind = 'printed' | 'derived';

/** A pointer from an answer to another record ("zie het antwoord op vraag 12 in de eerste NvI"). */
export interface RecordRef {
  /** The id as the text gives it ("12", "VID-0318", "1.2-3"). */
  id: string;
  /** Which NvI of the same series it points to (1 = the first NvI), or null for the same NvI. */
  sequence: number | null;
  /** The words that made the reference, as printed, for display. */
  text: string;
}

export interface NvIRecord {
  /** The record's id within its NvI: printed where the NvI has one, else derived (see idKind). */
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
  /** Default "printed". */
  idKind?: IdKind;
  /** Chapter heading above the paragraph ("1 Samen werken we toe naar …"), when the NvI has chapters. */
  chapter?: string;
  /** Sub-heading inside the paragraph (a full-width row in the table, or a lower heading level). */
  subparagraph?: string;
  /** The reference cell as printed, when the NvI packs document/page/paragraph into one cell. */
  reference?: string;
  /** Page in the referred document, when a reference or page column gives one. */
  referencePage?: number;
  /** Other records this answer refers to. */
  references?: RecordRef[];
  /** The record whose answer this one changes (a "Rectificatie"). */
  rectifies?: RecordRef;
}

/** A record as stored: its row id (qa.id), its NvI's row id, and the fields every reader of it uses. */
export interface StoredRecord extends Pick<NvIRecord, 'vid' | 'seq' | 'document' | 'documentKey' | 'paragraph' | 'paragraphKey' | 'question' | 'answer'> {
  id: number;
  notaId: number;
}

/**
 * What a reader sees of a record, with chapter and sub-paragraph as text ("" where the NvI has
 * none): the fields exports write and hand-checked gold files and generated NvIs compare.
 */
export type RecordContent = Pick<NvIRecord, 'paragraph' | 'question' | 'answer' | 'pageStart' | 'pageEnd'> &
  Required<Pick<NvIRecord, 'chapter' | 'subparagraph'>>;

/** What an NvI is about and who published it, read from the cover or title, or set by CLI flags. */
export interface NotaDescription {
  /** Care office ("Zilveren Kruis"), or "ZN" for a national NvI. */
  publisher: string | null;
  /** Sector as commonly abbreviated ("GGZ", "GZ", "VV"). */
  sector: string | null;
  /** Purchasing round in years ("2024-2026"). */
  round: string | null;
  /** The document the NvI is about ("Inkoopbeleid Wlz Geestelijke Gezondheidszorg 2024-2026"). */
  subject: string | null;
  /** Number in a series of NvIs on one tender ("Nota van Inlichtingen 2" → 2); null when not numbered. */
  sequence: number | null;
}

export type WarningKind =
  | 'duplicate-vid'
  | 'missing-vid'
  | 'empty-question'
  | 'empty-answer'
  | 'skipped-text'
  | 'unresolved-reference';

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
  /** Publisher, sector, round, subject and sequence as far as the PDF says; null fields when not. */
  description?: NotaDescription;
}
