import type { QaRow } from '../../core/store/qa-repository.ts';

/** What pages and the API show of a record: database ids and answer groups stay internal. */
export type PublicRecord = Pick<
  QaRow,
  'vid' | 'document' | 'documentKey' | 'paragraph' | 'paragraphKey' | 'question' | 'answer' | 'pageStart' | 'pageEnd'
>;

export function publicRecord(row: QaRow): PublicRecord {
  return {
    vid: row.vid,
    document: row.document,
    documentKey: row.documentKey,
    paragraph: row.paragraph,
    paragraphKey: row.paragraphKey,
    question: row.question,
    answer: row.answer,
    pageStart: row.pageStart,
    pageEnd: row.pageEnd,
  };
}
