import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { ParsedNota } from '../../ingest/types.ts';
import { makeProseNvi, type GeneratedProseNvi, type ProseNviOptions } from '../helpers/nvi-pdf/prose.ts';
import { asProse, expected } from '../helpers/prose-records.ts';

/**
 * Shape D: a later round ("Nota van Inlichtingen 2") whose numbering goes on from the first NvI
 * or starts again, whose answers refer to answers of this NvI and of the first, and whose
 * "Rectificatie" section changes answers of the first.
 */
const VARIANTS: Array<[string, ProseNviOptions]> = [
  [
    'NvI 2 numbered on from 41, a numbered Rectificatie chapter',
    { seed: 81, sequence: 2, firstNumber: 41, references: true, rectifications: 3, questionsPerParagraph: 4 },
  ],
  [
    'NvI 2 numbered from 1 again, inline labels, an unnumbered Rectificatie heading, Letter, Times 10pt',
    { seed: 82, sequence: 2, references: true, rectifications: 2, numberedRectification: false, size: 'LETTER', font: 'Times-Roman', questionLabel: 'number-inline', answerLabel: 'colon' },
  ],
  [
    'NvI 3 without question numbers: references to derived ids, unlabelled answers, landscape',
    { seed: 83, sequence: 3, references: true, rectifications: 2, questionLabel: 'colon', answerLabel: 'none', landscape: true, cover: false },
  ],
];

describe.each(VARIANTS)('a follow-up NvI: %s', (_name, options) => {
  let gen: GeneratedProseNvi;
  let parsed: ParsedNota;

  beforeAll(async () => {
    gen = await makeProseNvi(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
  });

  it('reads every record exactly: ids, headings, text, pages, references and rectifications', () => {
    expect(parsed.records.map(asProse)).toEqual(gen.records.map(expected));
    expect(parsed.warnings).toEqual([]);
  });

  it('has references both into this NvI and into the first, and rectifications of the first', () => {
    const refs = parsed.records.flatMap((r) => r.references ?? []);
    expect(refs.some((r) => r.sequence === null)).toBe(true);
    expect(refs.some((r) => r.sequence === 1)).toBe(true);
    const rectified = parsed.records.filter((r) => r.rectifies);
    expect(rectified.length).toBe(options.rectifications);
    expect(rectified.every((r) => r.rectifies!.sequence === 1)).toBe(true);
  });
});

describe.each([201, 202, 203, 204])('a follow-up NvI, seed %i', (seed) => {
  it('reads every record exactly, references and rectifications included, without warnings', async () => {
    const gen = await makeProseNvi({
      seed,
      sequence: 2 + (seed % 2),
      firstNumber: seed % 2 ? 1 : 31,
      references: true,
      rectifications: 1 + (seed % 3),
      numberedRectification: seed % 2 === 0,
      questionLabel: ['number-line', 'number-inline'],
      answerLabel: ['line', 'colon', 'none'],
      fontSize: 9 + (seed % 3),
    });
    const parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
    expect(parsed.records.map(asProse)).toEqual(gen.records.map(expected));
    expect(parsed.warnings).toEqual([]);
  });
});
