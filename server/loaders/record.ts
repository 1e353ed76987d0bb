import type { QaRow } from '../../core/store/qa-repository.ts';

/**
 * What pages and the API show of a record: database ids and answer groups stay internal.
 * `chapter` and `subparagraph` are "" where the NvI has none; `idKind` says whether the NvI
 * printed the id or ingest derived it from the structure ("1.2-3").
 */
export type PublicRecord = Pick<
  QaRow,
  'vid' | 'idKind' | 'document' | 'documentKey' | 'chapter' | 'paragraph' | 'paragraphKey' | 'subparagraph' | 'question' | 'answer' | 'pageStart' | 'pageEnd'
>;

export function publicRecord(row: QaRow): PublicRecord {
  return {
    vid: row.vid,
    idKind: row.idKind,
    document: row.document,
    documentKey: row.documentKey,
    chapter: row.chapter,
    paragraph: row.paragraph,
    paragraphKey: row.paragraphKey,
    subparagraph: row.subparagraph,
    question: row.question,
    answer: row.answer,
    pageStart: row.pageStart,
    pageEnd: row.pageEnd,
  };
}
