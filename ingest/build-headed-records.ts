/**
 * Records from two-column tables under headings: each question row becomes a record that knows
 * its chapter, its paragraph (the numbered heading that governs it; the chapter heading for a
 * table directly under a chapter; an unnumbered section's title, such as "Leeswijzer") and the
 * sub-heading row above it. These NvIs print no ids, so each record gets a derived one
 * (core/text/ids.ts): the paragraph's number and the record's position in it.
 */
import { derivedId } from '../core/text/ids.ts';
import { documentKey, paragraphKey } from '../core/text/keys.ts';
import type { Heading } from './find-headings.ts';
import { joinCellLines, typicalPitch, wholeWords, wordKey, type CellLine } from './join-lines.ts';
import type { QaRow, TwoColumnTable } from './read-two-column-tables.ts';
import type { NvIRecord, ParseWarning } from './types.ts';

type Event = { page: number; y: number } & ({ heading: Heading } | { row: TwoColumnTable['rows'][number] });

interface Section {
  chapter: string;
  paragraph: string;
  /** Number or title the derived ids are made from. */
  idSection: string;
  subparagraph: string;
}

function metricsFor(rows: readonly QaRow[], cell: 'question' | 'answer') {
  const lines = rows.flatMap((r) => r[cell]);
  let width = 0;
  let edge = 0;
  for (const l of lines) {
    width = Math.max(width, l.right - l.x);
    edge = Math.max(edge, l.right);
  }
  return { width, edge };
}

export function buildHeadedRecords(
  tables: readonly TwoColumnTable[],
  headings: readonly Heading[],
  document: string,
): { records: NvIRecord[]; warnings: ParseWarning[] } {
  const events: Event[] = [
    ...headings.map((h) => ({ page: h.page, y: h.y, heading: h })),
    ...tables.flatMap((t) => t.rows.map((row) => ({ page: row.page, y: row.y, row }))),
  ].sort((a, b) => a.page - b.page || a.y - b.y);
  const qaRows = tables.flatMap((t) => t.rows.filter((r): r is QaRow => r.kind === 'qa'));
  const byPageY = (a: CellLine, b: CellLine) => a.page - b.page || a.y - b.y;
  const pitch = typicalPitch(qaRows.flatMap((r) => [...r.question, ...r.answer]).sort(byPageY));
  const vocabulary = wholeWords(qaRows.flatMap((r) => [...r.question, ...r.answer]));
  const isWord = (token: string) => vocabulary.has(wordKey(token));
  const metrics = { question: metricsFor(qaRows, 'question'), answer: metricsFor(qaRows, 'answer') };

  const records: NvIRecord[] = [];
  const warnings: ParseWarning[] = [];
  const positions = new Map<string, number>();
  let section: Section = { chapter: '', paragraph: '', idSection: '', subparagraph: '' };
  for (const e of events) {
    if ('heading' in e) {
      const h = e.heading;
      if (h.level === 'chapter') {
        const chapter = h.number !== null ? h.text : '';
        section = { chapter, paragraph: h.text, idSection: h.number ?? h.title, subparagraph: '' };
      } else if (h.level === 'paragraph') {
        section = { ...section, paragraph: h.text, idSection: h.number ?? h.title, subparagraph: '' };
      } else {
        section = { ...section, subparagraph: h.text };
      }
      continue;
    }
    const row = e.row;
    if (row.kind === 'subheading') {
      section = { ...section, subparagraph: row.text };
      continue;
    }
    const join = (cell: 'question' | 'answer') => joinCellLines(row[cell], { pitch, ...metrics[cell], isWord });
    const question = join('question');
    const answer = join('answer');
    const idSection = section.idSection || 'zonder-paragraaf';
    const position = (positions.get(idSection) ?? 0) + 1;
    positions.set(idSection, position);
    const vid = derivedId(idSection, position);
    if (question === '') warnings.push({ kind: 'empty-question', page: row.pageStart, vid, message: `${vid} has no question (page ${row.pageStart})` });
    if (answer === '') warnings.push({ kind: 'empty-answer', page: row.pageStart, vid, message: `${vid} has no answer (page ${row.pageStart})` });
    records.push({
      vid,
      idKind: 'derived',
      document,
      paragraph: section.paragraph,
      question,
      answer,
      pageStart: row.pageStart,
      pageEnd: row.pageEnd,
      seq: records.length + 1,
      documentKey: documentKey(document),
      paragraphKey: paragraphKey(section.paragraph),
      chapter: section.chapter,
      subparagraph: section.subparagraph,
    });
  }
  return { records, warnings };
}
