import type { AssembledTable, CellRole } from './assemble-rows.ts';
import { joinCellLines, wholeWords, wordKey } from './join-lines.ts';
import { documentKey, paragraphKey } from '../core/text/keys.ts';
import { pageNumber, splitReferenceCell } from './reference-cell.ts';
import type { NvIRecord, ParseWarning } from './types.ts';

/**
 * Turns printed rows into records: cell text joined, keys derived, and every oddity a person
 * should know about reported as a warning rather than silently fixed or dropped.
 */
export function buildRecords(table: AssembledTable): { records: NvIRecord[]; warnings: ParseWarning[] } {
  const warnings: ParseWarning[] = [];
  const records: NvIRecord[] = [];
  const seen = new Map<string, number>();
  const vocabulary = wholeWords(table.rows.flatMap((r) => Object.values(r.cells).flat()));
  const isWord = (token: string) => vocabulary.has(wordKey(token));
  const subjectIsReference = holdsReferences(table);
  for (const row of table.rows) {
    const seq = records.length + 1;
    let vid = row.vid.replace(/\s+/g, ' ').trim();
    const count = seen.get(vid) ?? 0;
    seen.set(vid, count + 1);
    if (count > 0) {
      // A VID printed twice: keep both rows, the later one under a suffixed id, and say so.
      const renamed = `${vid}-${count + 1}`;
      warnings.push({
        kind: 'duplicate-vid',
        page: row.pageStart,
        vid,
        message: `${vid} appears more than once (page ${row.pageStart}); stored as ${renamed}`,
      });
      vid = renamed;
    }
    const cell = (role: CellRole) =>
      joinCellLines(row.cells[role], { pitch: table.pitch, width: table.widths[role], edge: table.edges[role], monospaced: table.monospaced, isWord });
    // Labels are one line by nature: a wrapped label is never a list.
    const label = (role: CellRole) => cell(role).replace(/\s+/g, ' ');
    let document = label('document');
    let paragraph = label('paragraph');
    const page = label('page');
    let subject = label('subject');
    // One cell that says where: kept as printed, and split into the document, page and paragraph
    // the columns of other NvIs give.
    const reference = label('reference') || (subjectIsReference ? subject : '');
    if (subjectIsReference) subject = '';
    const parts = reference ? splitReferenceCell(reference) : null;
    document ||= parts?.document ?? '';
    paragraph ||= parts?.paragraph ?? '';
    const referencePage = (page ? pageNumber(page) : null) ?? parts?.page ?? null;
    // A topic is the grouping the NvI gives: the paragraph when there is none, else a level below it.
    if (subject && !paragraph) [paragraph, subject] = [subject, ''];
    const question = cell('question');
    const answer = cell('answer');
    if (question === '') warnings.push({ kind: 'empty-question', page: row.pageStart, vid, message: `${vid} has no question (page ${row.pageStart})` });
    if (answer === '') warnings.push({ kind: 'empty-answer', page: row.pageStart, vid, message: `${vid} has no answer (page ${row.pageStart})` });
    records.push({
      vid,
      document,
      paragraph,
      question,
      answer,
      pageStart: row.pageStart,
      pageEnd: row.pageEnd,
      seq,
      documentKey: documentKey(document),
      paragraphKey: paragraphKey(paragraph),
      ...(reference ? { reference } : {}),
      ...(referencePage !== null ? { referencePage } : {}),
      ...(subject ? { subparagraph: subject } : {}),
    });
  }
  return { records, warnings };
}

/**
 * Whether a subject column ("Onderwerp") holds reference cells ("Leidraad, pagina 3, paragraaf
 * 1.3") rather than topics: NvIs use the label for both. Decided for the whole column, so that a
 * row that says only "Algemeen" is read as the other rows are.
 */
function holdsReferences(table: AssembledTable): boolean {
  const cells = table.rows.map((r) => r.cells.subject.map((l) => l.text).join(' ').trim()).filter((t) => t !== '');
  if (cells.length === 0) return false;
  const located = cells.filter((t) => {
    const parts = splitReferenceCell(t);
    return parts.page !== null || parts.paragraph !== '';
  });
  return located.length * 2 >= cells.length;
}
