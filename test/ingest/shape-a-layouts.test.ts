import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../ingest/errors.ts';
import { parsePdfBytes } from '../../ingest/parse.ts';
import { collapse } from '../helpers/gold.ts';
import { makeShapeAPdf, type ShapeAOptions } from '../helpers/nvi-pdf-shape-a.ts';

const TIMEOUT = 120_000;

/**
 * Generated shape-A NvIs: headings, two-column tables without ids. Every record the generator
 * printed must come back, exactly, with its chapter, paragraph, sub-paragraph and pages.
 */
const LAYOUTS: Array<[string, ShapeAOptions]> = [
  ['Word-like borders (thin filled rectangles), header once', { seed: 1 }],
  ['stroked borders, header on every page, Letter', { seed: 2, borders: 'lines', headerOnEveryPage: true, size: 'LETTER' }],
  ['no borders at all', { seed: 3, borders: 'none' }],
  ['no borders, header on every page, two long rows', { seed: 4, borders: 'none', headerOnEveryPage: true, longRows: 2 }],
  ['Times 11 pt, three chapters', { seed: 7, font: 'Times-Roman', fontSize: 11, chapters: 3 }],
  ['Helvetica 9 pt, Letter, stroked borders, no Leeswijzer', { seed: 11, fontSize: 9, size: 'LETTER', borders: 'lines', leeswijzer: false }],
  ['without sub-headings or placeholders', { seed: 13, subheadings: false, placeholders: false, chapters: 3 }],
  ['Times 9 pt, borderless, Letter', { seed: 17, font: 'Times-Roman', fontSize: 9, borders: 'none', size: 'LETTER' }],
];

describe.each(LAYOUTS)('a generated shape-A NvI: %s', (_name, options) => {
  it(
    'yields exactly the printed records',
    async () => {
      const generated = await makeShapeAPdf(options);
      const parsed = await parsePdfBytes(new Uint8Array(generated.pdf), { file: 'nvi.pdf' });
      const got = parsed.records.map((r) => ({
        chapter: r.chapter,
        paragraph: r.paragraph,
        subparagraph: r.subparagraph,
        question: collapse(r.question),
        answer: collapse(r.answer),
        pageStart: r.pageStart,
        pageEnd: r.pageEnd,
      }));
      expect(got).toEqual(generated.records);
      expect(parsed.records.every((r) => r.idKind === 'derived')).toBe(true);
      expect(new Set(parsed.records.map((r) => r.vid)).size).toBe(parsed.records.length);
    },
    TIMEOUT,
  );
});

describe('the generator itself', () => {
  it(
    'prints what the tests above rely on: rows over page breaks, sub-headings, tables under chapters',
    async () => {
      const all = await Promise.all(LAYOUTS.slice(0, 4).map(([, o]) => makeShapeAPdf(o)));
      const records = all.flatMap((g) => g.records);
      expect(records.filter((r) => r.pageEnd > r.pageStart).length).toBeGreaterThanOrEqual(4);
      expect(records.filter((r) => r.subparagraph !== '').length).toBeGreaterThan(0);
      expect(records.filter((r) => r.paragraph === r.chapter && r.chapter !== '').length).toBeGreaterThan(0);
      expect(records.filter((r) => r.paragraph === 'Leeswijzer').length).toBeGreaterThan(0);
      const again = await makeShapeAPdf(LAYOUTS[0]![1]);
      expect(again.records).toEqual(all[0]!.records);
    },
    TIMEOUT,
  );
});

describe('what the title page says', () => {
  it(
    'describes a numbered NvI of a care office: publisher, sector, round, subject, sequence',
    async () => {
      const generated = await makeShapeAPdf({ seed: 5, chapters: 1, publisher: 'CZ', subject: 'Inkoopbeleid Wlz Gehandicaptenzorg 2025-2027', sequence: 'number' });
      const parsed = await parsePdfBytes(new Uint8Array(generated.pdf), { file: 'nvi.pdf' });
      expect(parsed.description).toEqual({ publisher: 'CZ', sector: 'GZ', round: '2025-2027', subject: 'Inkoopbeleid Wlz Gehandicaptenzorg 2025-2027', sequence: 2 });
      expect(new Set(parsed.records.map((r) => r.document))).toEqual(new Set(['Inkoopbeleid Wlz Gehandicaptenzorg 2025-2027']));
    },
    TIMEOUT,
  );

  it(
    'reads "Tweede Nota van Inlichtingen" as the second of a series',
    async () => {
      const generated = await makeShapeAPdf({ seed: 6, chapters: 1, sequence: 'ordinal' });
      const parsed = await parsePdfBytes(new Uint8Array(generated.pdf), { file: 'nvi.pdf' });
      expect(parsed.description).toMatchObject({ publisher: 'Menzis', sector: 'VV', sequence: 2 });
    },
    TIMEOUT,
  );
});

/** A letter with headings and prose: text, but no Q&A in any shape. */
function proseLetter(): Promise<Buffer> {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 60 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.addPage({ size: 'A4' });
  doc.font('Helvetica-Bold').fontSize(16).text('1 Inkoopbeleid Wlz 2025-2027');
  for (const p of ['1.1 Aanleiding', '1.2 Vragen en antwoorden']) {
    doc.moveDown().font('Helvetica-Bold').fontSize(10).text(p);
    doc.font('Helvetica').text(
      'Zorgaanbieders konden tot 15 juni vragen stellen over het inkoopbeleid. Vraag en antwoord worden in de nota van inlichtingen gepubliceerd; deze brief beschrijft alleen de procedure.',
    );
  }
  doc.end();
  return done;
}

describe('a PDF with text but no Q&A', () => {
  it(
    'gets one clear error naming what was looked for in each shape',
    async () => {
      const err = await parsePdfBytes(new Uint8Array(await proseLetter()), { file: 'brief.pdf' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect((err as IngestError).code).toBe('no-table');
      expect((err as IngestError).message).toMatch(/^brief\.pdf: no NvI table found/);
      expect((err as IngestError).message).toMatch(/VraagID\/Vraag\/Antwoord header/);
      expect((err as IngestError).message).toMatch(/two-column Vraag \| Antwoord table under headings/);
    },
    TIMEOUT,
  );
});
