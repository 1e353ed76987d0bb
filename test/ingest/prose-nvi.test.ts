import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { ParsedNota } from '../../ingest/types.ts';
import { makeProseNvi, type GeneratedProseNvi, type ProseNviOptions } from '../helpers/nvi-pdf/prose.ts';
import { asProse, expected } from '../helpers/prose-records.ts';

/**
 * Shape C: questions and answers as running text under numbered headings, no table. Every record
 * must come out exactly: id (printed or derived), heading context, question, answer, pages.
 */
const VARIANTS: Array<[string, ProseNviOptions]> = [
  ['"Vraag 12" and "Antwoord" on lines of their own, A4, Helvetica 10pt', { seed: 71 }],
  ['"Vraag 12: …" and "Antwoord: …" inline, Letter, Times 11pt', { seed: 72, size: 'LETTER', font: 'Times-Roman', fontSize: 11, questionLabel: 'number-inline', answerLabel: 'colon' }],
  ['"Vraag: …" without numbers (derived ids), unlabelled answers', { seed: 73, questionLabel: 'colon', answerLabel: 'none', chapters: 3 }],
  ['"Vraag 12" with unlabelled answers, landscape, Courier 9pt, no cover', { seed: 74, landscape: true, font: 'Courier', fontSize: 9, answerLabel: 'none', cover: false }],
  [
    'every label style mixed, Helvetica 8pt, no running header or page numbers',
    { seed: 75, fontSize: 8, questionLabel: ['number-line', 'number-inline', 'colon'], answerLabel: ['line', 'colon', 'none'], runningHeader: null, pageNumbers: false, questionsPerParagraph: 4 },
  ],
];

describe.each(VARIANTS)('a prose NvI: %s', (_name, options) => {
  let gen: GeneratedProseNvi;
  let parsed: ParsedNota;

  beforeAll(async () => {
    gen = await makeProseNvi(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
  });

  it('reads every question as a record, in order, without warnings', () => {
    expect(parsed.records.map((r) => r.vid)).toEqual(gen.records.map((r) => r.vid));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.pageCount).toBe(gen.pageCount);
  });

  it('reads id kind, headings, question, answer and pages exactly', () => {
    expect(parsed.records.map(asProse)).toEqual(gen.records.map(expected));
  });
});

describe('the prose generator', () => {
  it('runs questions and answers over page breaks and derives ids where none are printed', async () => {
    const gen = await makeProseNvi({ seed: 75, fontSize: 8, questionLabel: ['number-line', 'number-inline', 'colon'], answerLabel: ['line', 'colon', 'none'], questionsPerParagraph: 4 });
    expect(gen.records.some((r) => r.pageEnd > r.pageStart)).toBe(true);
    expect(new Set(gen.records.map((r) => r.idKind))).toEqual(new Set(['printed', 'derived']));
  });
});

describe.each([101, 102, 103, 104])('a prose NvI with every label style mixed, seed %i', (seed) => {
  it('reads every record exactly, without warnings', async () => {
    const gen = await makeProseNvi({
      seed,
      fontSize: 9 + (seed % 3),
      font: (['Helvetica', 'Times-Roman', 'Courier'] as const)[seed % 3],
      size: seed % 2 ? 'A4' : 'LETTER',
      questionLabel: ['number-line', 'number-inline', 'colon'],
      answerLabel: ['line', 'colon', 'none'],
      questionsPerParagraph: 3,
      chapters: 3,
    });
    const parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
    expect(parsed.records.map(asProse)).toEqual(gen.records.map(expected));
    expect(parsed.warnings).toEqual([]);
  });
});
