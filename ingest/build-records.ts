import type { AssembledTable, CellRole } from './assemble-rows.ts';
import { joinCellLines, wholeWords, wordKey } from './join-lines.ts';
import { documentKey, paragraphKey } from '../core/text/keys.ts';
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
    const document = cell('document').replace(/\s+/g, ' ');
    const paragraph = cell('paragraph').replace(/\s+/g, ' ');
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
    });
  }
  return { records, warnings };
}
