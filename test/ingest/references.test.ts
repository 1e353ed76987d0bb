import { describe, expect, it } from 'vitest';
import type { NvIRecord } from '../../core/model.ts';
import { findReferences, isRectification, linkReferences } from '../../ingest/references.ts';

const ids = (text: string, current: number | null = null) => findReferences(text, current).map((r) => [r.id, r.sequence]);

describe('references in answer text', () => {
  it.each([
    ['Zie het antwoord op vraag 12 in de eerste Nota van Inlichtingen.', [['12', 1]]],
    ['Zie vraag 4.', [['4', null]]],
    ['Zie antwoord 1.2-3.', [['1.2-3', null]]],
    ['Wij verwijzen naar het antwoord op vraag 7 uit de tweede nota van inlichtingen.', [['7', 2]]],
    ['Zie de antwoorden op de vragen 3, 4 en 7 (NvI 1).', [['3', 1], ['4', 1], ['7', 1]]],
    ['Zie vragen 3 t/m 5 van Nota van Inlichtingen 1.', [['3', 1], ['4', 1], ['5', 1]]],
    ['Dit is beantwoord bij vraag 21 in de 1e NvI.', [['21', 1]]],
    ['Zie vraag 8 in de derde Nota van Inlichtingen en vraag 9 in deze nota.', [['8', 3], ['9', null]]],
    ['Zie vraag 2 in NvI-1.', [['2', 1]]],
    ['Zie vraag 2 in Nota van Inlichtingen II.', [['2', 2]]],
    ['In de eerste Nota van Inlichtingen is bij vraag 14 aangegeven dat dit kan.', [['14', 1]]],
    ['Zie VID-0318 en VID 0412.', [['VID-0318', null], ['VID-0412', null]]],
    ['Zie het antwoord op vraagnummer 33.', [['33', null]]],
    ['Zie vraag nr. 6 in de eerste nota.', [['6', 1]]],
    ['Zoals in de eerste Nota van Inlichtingen staat. Zie ook vraag 5.', [['5', null]]],
    ['Het tarief is 12 euro per uur; zie artikel 4.2 van de overeenkomst.', []],
    ['U kunt tot 15 juni 2020 vragen stellen.', []],
    ['Er zijn 4 vragen gesteld over dit onderwerp.', []],
  ] as const)('"%s"', (text, want) => {
    expect(ids(text)).toEqual(want);
  });

  it('reads a reference to the NvI it is in as one to the same NvI', () => {
    expect(ids('Zie vraag 3 in Nota van Inlichtingen 2.', 2)).toEqual([['3', null]]);
    expect(ids('Zie vraag 3 in de tweede Nota van Inlichtingen.', 2)).toEqual([['3', null]]);
  });

  it('resolves "de vorige nota" from the NvI it is in, and leaves it out when that is unknown', () => {
    expect(ids('Zie vraag 3 in de vorige Nota van Inlichtingen.', 3)).toEqual([['3', 2]]);
    expect(ids('Zie vraag 3 in de vorige Nota van Inlichtingen.', null)).toEqual([]);
  });

  it('keeps the words that made the reference', () => {
    expect(findReferences('Voor de planning, zie het antwoord op vraag 12 in de eerste Nota van Inlichtingen.')).toEqual([
      { id: '12', sequence: 1, text: 'zie het antwoord op vraag 12 in de eerste Nota van Inlichtingen' },
    ]);
    expect(findReferences('Zie vraag 4 (NvI 1) hierover.')[0]!.text).toBe('vraag 4 (NvI 1)');
  });

  it('names each record once', () => {
    expect(ids('Zie vraag 4. Zoals bij vraag 4 gezegd, geldt dit ook hier.')).toEqual([['4', null]]);
  });
});

describe('rectifications', () => {
  it.each(['Rectificatie', '4 Rectificaties', 'Correctie', 'Erratum', '3.1 Rectificatie antwoord vraag 7'])('"%s" is a rectification heading', (t) => {
    expect(isRectification(t)).toBe(true);
  });
  it.each(['Rectificatietermijn', 'Vragen over de planning', ''])('"%s" is none', (t) => {
    expect(isRectification(t)).toBe(false);
  });

  const record = (vid: string, paragraph: string, question: string, answer: string): NvIRecord => ({
    vid,
    document: '',
    paragraph,
    question,
    answer,
    pageStart: 1,
    pageEnd: 1,
    seq: 1,
    documentKey: '',
    paragraphKey: '',
  });

  it('links a record under a rectification heading to the answer it changes, and other references as references', () => {
    const records = [
      record('1', '1 Planning', 'Wanneer?', 'Zie vraag 7 in de eerste Nota van Inlichtingen.'),
      record('2', '1 Planning', 'Hoe?', 'Zie vraag 1.'),
      record('3-1', '3 Rectificatie', 'Het antwoord op vraag 7 in de eerste Nota van Inlichtingen wordt als volgt gewijzigd:', 'De termijn is zes weken. Zie ook vraag 2.'),
    ];
    expect(linkReferences(records, 2)).toEqual([]);
    expect(records[0]!.references).toEqual([{ id: '7', sequence: 1, text: 'vraag 7 in de eerste Nota van Inlichtingen' }]);
    expect(records[1]!.references).toEqual([{ id: '1', sequence: null, text: 'vraag 1' }]);
    expect(records[2]!.rectifies).toEqual({ id: '7', sequence: 1, text: 'Het antwoord op vraag 7 in de eerste Nota van Inlichtingen' });
    expect(records[2]!.references).toEqual([{ id: '2', sequence: null, text: 'vraag 2' }]);
  });

  it('warns about a reference into the same NvI that names no record', () => {
    const records = [record('1', '', 'Wanneer?', 'Zie vraag 9.'), record('VID-0004', '', 'Hoe?', 'Zie vraag 4 en vraag 1.')];
    const warnings = linkReferences(records, null);
    expect(warnings.map((w) => [w.kind, w.vid])).toEqual([['unresolved-reference', '1']]);
  });
});

describe('a rectification in a table', () => {
  it('is a row whose question says it rectifies, whatever heading it is under', () => {
    const row: NvIRecord = {
      vid: '58',
      document: 'Leidraad',
      paragraph: '2.1',
      question: 'Rectificatie antwoord vraag 12 (NvI 1)',
      answer: 'Het antwoord op vraag 12 luidt: de termijn is zes weken.',
      pageStart: 9,
      pageEnd: 9,
      seq: 58,
      documentKey: 'leidraad',
      paragraphKey: '2.1',
    };
    expect(linkReferences([row], 2)).toEqual([]);
    expect(row.rectifies).toEqual({ id: '12', sequence: 1, text: 'vraag 12 (NvI 1)' });
  });
});
