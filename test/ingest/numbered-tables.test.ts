import { beforeAll, describe, expect, it } from 'vitest';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { ParsedNota } from '../../ingest/types.ts';
import { collapse } from '../helpers/gold.ts';
import { makeNviPdf, type GeneratedNvi, type NviPdfOptions } from '../helpers/nvi-pdf.ts';
import { PARAGRAPH_AND_TOPIC, REFERENCE_CELL, REFERENCE_LABELLED, SPREADSHEET_PRINT, TOPICS } from '../helpers/nvi-pdf/numbered.ts';

/**
 * Shape B: tables numbered 1, 2, 3 … whose other columns say where a question is about in other
 * words than VraagID tables: a reference cell, a page column, a topic.
 */
const VARIANTS: Array<[string, NviPdfOptions]> = [
  ['"Nr. | Onderwerp | Uw vraag | Antwoord" with reference cells, borders', { seed: 61, columns: REFERENCE_CELL, vidFormat: 'number', rows: 20 }],
  [
    'reference cells under a "Document / pagina / paragraaf" label, Letter, Times 10pt, no borders, header once',
    { seed: 62, columns: REFERENCE_LABELLED, vidFormat: 'number', size: 'LETTER', font: 'Times-Roman', fontSize: 10, borders: false, headerOnEveryPage: false, rows: 18 },
  ],
  ['a spreadsheet print "Nr | Blz. | Paragraaf | Vraag | Antwoord", A4 landscape', { seed: 63, ...SPREADSHEET_PRINT, rows: 30 }],
  [
    'a spreadsheet print, Letter landscape, Courier 8pt, header once, no running header',
    { seed: 64, ...SPREADSHEET_PRINT, size: 'LETTER', font: 'Courier', fontSize: 8, headerOnEveryPage: false, runningHeader: null, rows: 26 },
  ],
  ['a spreadsheet print without gridlines, centred labels', { seed: 65, ...SPREADSHEET_PRINT, borders: false, headerAlign: 'center', rows: 24 }],
  ['"Nr. | Onderwerp | Vraag | Antwoord" with topics', { seed: 66, columns: TOPICS, vidFormat: 'number', rows: 16 }],
  ['"Nr. | Paragraaf | Thema | Vraag | Antwoord": a topic below the paragraph, Times, no borders', { seed: 69, columns: PARAGRAPH_AND_TOPIC, vidFormat: 'number', rows: 16, font: 'Times-Roman', borders: false }],
  [
    'a second NvI whose answers refer to this one and the first, in reference-cell rows',
    { seed: 67, columns: REFERENCE_CELL, vidFormat: 'number', rows: 20, sequence: 2, referenceEvery: 3 },
  ],
  ['a spreadsheet print of a second NvI with references', { seed: 68, ...SPREADSHEET_PRINT, rows: 24, sequence: 2, referenceEvery: 4 }],
];

describe.each(VARIANTS)('a numbered NvI table: %s', (_name, options) => {
  let gen: GeneratedNvi;
  let parsed: ParsedNota;

  beforeAll(async () => {
    gen = await makeNviPdf(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
  });

  it('reads every row as a record with its printed number, without warnings', () => {
    expect(parsed.records.map((r) => r.vid)).toEqual(gen.records.map((_, i) => String(i + 1)));
    expect(parsed.records.every((r) => (r.idKind ?? 'printed') === 'printed')).toBe(true);
    expect(parsed.warnings).toEqual([]);
  });

  it('reads question, answer, document, paragraph, pages, reference and references exactly', () => {
    if (options.referenceEvery) expect(gen.records.filter((g) => g.references).length).toBeGreaterThan(3);
    const got = parsed.records.map((r) => ({
      vid: r.vid,
      question: collapse(r.question),
      answer: collapse(r.answer),
      document: r.document,
      paragraph: r.paragraph,
      pages: [r.pageStart, r.pageEnd],
      reference: r.reference,
      referencePage: r.referencePage,
      references: r.references,
      subparagraph: r.subparagraph,
    }));
    const want = gen.records.map((g) => ({
      vid: g.vid,
      question: collapse(g.question),
      answer: collapse(g.answer),
      document: g.document,
      paragraph: g.paragraph,
      pages: [g.pageStart, g.pageEnd],
      reference: g.reference,
      referencePage: g.referencePage,
      references: g.references,
      subparagraph: g.subparagraph,
    }));
    expect(got).toEqual(want);
  });
});

describe('the numbered-table generator', () => {
  it('prints reference cells in several forms and spreadsheet rows whole', async () => {
    const refs = await makeNviPdf({ seed: 61, columns: REFERENCE_CELL, vidFormat: 'number', rows: 6 });
    expect(new Set(refs.records.map((r) => r.reference!.replace(/[^–;,]/g, ''))).size).toBe(3);
    const sheet = await makeNviPdf({ seed: 63, ...SPREADSHEET_PRINT, rows: 30 });
    expect(sheet.pageCount).toBeGreaterThan(1);
    expect(sheet.records.every((r) => r.pageStart === r.pageEnd)).toBe(true);
  });
});
