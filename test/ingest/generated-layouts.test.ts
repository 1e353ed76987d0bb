import { beforeAll, describe, expect, it } from 'vitest';
import { wordKey } from '../../ingest/join-lines.ts';
import { parsePdfBytes } from '../../ingest/parse.ts';
import type { NvIRecord, ParsedNota } from '../../ingest/types.ts';
import { collapse } from '../helpers/gold.ts';
import { makeNviPdf, type ColumnSpec, type GeneratedNvi, type GeneratedRecord, type NviPdfOptions } from '../helpers/nvi-pdf.ts';

/**
 * NvIs generated in layouts other than the two real fixtures: the parser must recover every
 * record exactly, whatever the page size, font, column set, labels, borders and furniture.
 */

const FIELDS = ['document', 'paragraph', 'question', 'answer'] as const;

const WITH_PAGE_COLUMN: ColumnSpec[] = [
  { kind: 'vid', label: 'Vraag ID', width: 0.1 },
  { kind: 'document', label: 'Document', width: 0.14 },
  { kind: 'page', label: 'Pagina', width: 0.07 },
  { kind: 'paragraph', label: 'Paragraaf', width: 0.14 },
  { kind: 'question', label: 'Vraag', width: 0.25 },
  { kind: 'answer', label: 'Antwoord', width: 0.3 },
];

const NARROW: ColumnSpec[] = [
  { kind: 'vid', label: 'VraagID', width: 0.1 },
  { kind: 'document', label: 'Document', width: 0.13 },
  { kind: 'paragraph', label: 'Paragraaf', width: 0.13 },
  { kind: 'page', label: 'Pagina', width: 0.08 },
  { kind: 'question', label: 'Vraag', width: 0.26 },
  { kind: 'answer', label: 'Antwoord', width: 0.3 },
];

const NUMBERED: ColumnSpec[] = [
  { kind: 'vid', label: 'Nr.', width: 0.07 },
  { kind: 'paragraph', label: 'Hoofdstuk', width: 0.2 },
  { kind: 'question', label: 'Vraag', width: 0.33 },
  { kind: 'answer', label: 'Antwoord', width: 0.4 },
];

const TWO_LINE_LABEL: ColumnSpec[] = [
  { kind: 'vid', label: 'Vraag-\nnummer', width: 0.1 },
  { kind: 'document', label: 'Document', width: 0.15 },
  { kind: 'paragraph', label: 'Onderdeel', width: 0.15 },
  { kind: 'question', label: 'Vraag', width: 0.28 },
  { kind: 'answer', label: 'Antwoord', width: 0.32 },
];

const SPELLED_OUT: ColumnSpec[] = [
  { kind: 'vid', label: 'Vraagnummer', width: 0.12 },
  { kind: 'document', label: 'Document', width: 0.14 },
  { kind: 'paragraph', label: 'Onderdeel', width: 0.16 },
  { kind: 'question', label: 'Vraag', width: 0.27 },
  { kind: 'answer', label: 'Antwoord', width: 0.31 },
];

const VARIANTS: Array<[string, NviPdfOptions]> = [
  [
    'A4 landscape, Times 10pt, no borders, header on the first page only',
    { seed: 2, landscape: true, font: 'Times-Roman', fontSize: 10, borders: false, headerOnEveryPage: false, longRows: 2 },
  ],
  [
    'Letter, Courier 8pt, borders, centred header labels, an extra Pagina column',
    { seed: 3, size: 'LETTER', font: 'Courier', fontSize: 8, headerAlign: 'center', columns: WITH_PAGE_COLUMN, pageNumbers: 'slash' },
  ],
  [
    'narrow columns at 11pt: many wrapped lines, rows over several pages',
    { seed: 4, fontSize: 11, columns: NARROW, longRows: 3, rows: 18, pageNumbers: 'slash', footerText: '1 juli 2025' },
  ],
  [
    '"Nr." / "Hoofdstuk" labels, plain-number VIDs, no Document column',
    { seed: 5, columns: NUMBERED, vidFormat: 'number', pageNumbers: 'plain', footerText: null, font: 'Times-Roman' },
  ],
  [
    'a label over two lines ("Vraag-" / "nummer"), "Onderdeel", year-style VIDs, intro above the table',
    { seed: 6, columns: TWO_LINE_LABEL, vidFormat: 'year', cover: false, intro: 'above-table', fontSize: 10 },
  ],
  [
    'VID and label cells centred vertically, no borders, header on the first page only, "Vraag 12" VIDs',
    { seed: 7, shortCellAlign: 'middle', borders: false, headerOnEveryPage: false, longRows: 2, size: 'LETTER', columns: SPELLED_OUT, vidFormat: 'vraag' },
  ],
  [
    'centred cells with borders, Courier 9pt landscape, words too long for their column',
    { seed: 8, shortCellAlign: 'middle', font: 'Courier', fontSize: 9, landscape: true, longWords: true, rows: 30, pageNumbers: 'plain' },
  ],
  [
    'a spreadsheet export: every cell bottom-aligned, rows kept whole, borders',
    { seed: 103, rows: 30, shortCellAlign: 'bottom', longCellAlign: 'bottom', keepRowsTogether: true, longRows: 0 },
  ],
  [
    'VIDs at the bottom of their rows, text at the top, no borders, Times 10pt',
    { seed: 12, shortCellAlign: 'bottom', keepRowsTogether: true, longRows: 0, borders: false, font: 'Times-Roman', fontSize: 10, columns: NUMBERED, vidFormat: 'number' },
  ],
  [
    'two pages only, no cover, the header row on the first page only, running header on both',
    { seed: 10, rows: 5, cover: false, intro: null, headerOnEveryPage: false, longRows: 1 },
  ],
  [
    'Helvetica 8pt, 40 rows, no running header',
    { seed: 9, fontSize: 8, runningHeader: null, footerText: 'www.zorgkantoren.nl', pageNumbers: null, rows: 40, lists: true },
  ],
];

describe.each(VARIANTS)('a generated NvI: %s', (_name, options) => {
  let gen: GeneratedNvi;
  let parsed: ParsedNota;
  let byVid: Map<string, NvIRecord>;

  beforeAll(async () => {
    gen = await makeNviPdf(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
    byVid = new Map(parsed.records.map((r) => [r.vid, r]));
  });

  it('holds exactly the generated VIDs, in table order, without warnings', () => {
    expect(parsed.records.map((r) => r.vid)).toEqual(gen.records.map((r) => r.vid));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.pageCount).toBe(gen.pageCount);
  });

  it.each(FIELDS)('%s: equal to the generated text after collapsing whitespace', (field) => {
    const words = vocabulary(gen.records);
    const differs = gen.records
      .map((g) => ({ vid: g.vid, got: forgiveAmbiguousCuts(collapse(byVid.get(g.vid)?.[field] ?? '<missing>'), g, words), want: collapse(g[field]) }))
      .filter((d) => d.got !== d.want);
    expect(differs).toEqual([]);
  });

  it('records the pages each row was printed on, rows over page breaks included', () => {
    if ((options.longRows ?? 1) > 0) expect(gen.records.some((r) => r.pageEnd > r.pageStart)).toBe(true);
    expect(parsed.records.map((r) => [r.vid, r.pageStart, r.pageEnd])).toEqual(gen.records.map((g) => [g.vid, g.pageStart, g.pageEnd]));
  });

  it('keeps running headers, footers and page numbers out of the records', () => {
    for (const r of parsed.records) {
      const text = FIELDS.map((f) => r[f]).join('\n');
      for (const f of gen.furniture) expect(text).not.toContain(f);
      expect(text).not.toMatch(/Pagina \d+ van \d+/);
      expect(text).not.toMatch(new RegExp(`(^|\\s)\\d{1,3}/${gen.pageCount}(\\s|$)`));
    }
  });

  it('skips the cover and introduction, and reads the title from them', () => {
    expect(parsed.records[0]!.pageStart).toBe(gen.firstTablePage);
    const all = parsed.records.map((r) => FIELDS.map((f) => r[f]).join(' ')).join(' ');
    for (const sentence of gen.frontMatter) expect(all).not.toContain(sentence.slice(0, 40));
    expect(parsed.title).toBe(gen.title);
    expect(parsed.published).toBe(gen.published);
  });
});

describe.each([
  ['under the last row, no borders', { seed: 31, closing: 'under-table', borders: false, rows: 14 }],
  ['under the last row, bottom-aligned VIDs', { seed: 34, closing: 'under-table', rows: 13, shortCellAlign: 'bottom', keepRowsTogether: true, longRows: 0 }],
  ['on a page of its own, header on the first page only', { seed: 32, closing: 'page', rows: 14, headerOnEveryPage: false }],
] satisfies Array<[string, NviPdfOptions]>)('a closing text after the table: %s', (_name, options) => {
  let gen: GeneratedNvi;
  let parsed: ParsedNota;

  beforeAll(async () => {
    gen = await makeNviPdf(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
  });

  it('ends the table: every record as generated, the closing text in none', () => {
    expect(gen.closing).not.toBeNull();
    if (options.closing === 'under-table') expect(gen.closing!.page).toBe(gen.records.at(-1)!.pageEnd);
    expect(parsed.records.map((r) => r.vid)).toEqual(gen.records.map((r) => r.vid));
    for (const field of FIELDS) {
      expect(parsed.records.map((r) => collapse(r[field]))).toEqual(gen.records.map((g) => collapse(g[field])));
    }
    expect(parsed.records.at(-1)!.pageEnd).toBe(gen.records.at(-1)!.pageEnd);
  });

  it('says which page it skipped text on', () => {
    expect(parsed.warnings.map((w) => [w.kind, w.page])).toEqual([['skipped-text', gen.closing!.page]]);
  });
});

describe.each([
  ['with borders', { seed: 41, sectionHeadings: true, rows: 30 }],
  ['without borders, centred VIDs', { seed: 42, sectionHeadings: true, rows: 30, borders: false, shortCellAlign: 'middle' }],
  ['one at the foot of a page, the header row on the first page only', { seed: 50, sectionHeadings: true, headingsKeepWithNext: false, headerOnEveryPage: false, rows: 30 }],
] satisfies Array<[string, NviPdfOptions]>)('heading rows over the whole table width, %s', (_name, options) => {
  let gen: GeneratedNvi;
  let parsed: ParsedNota;

  beforeAll(async () => {
    gen = await makeNviPdf(options);
    parsed = await parsePdfBytes(new Uint8Array(gen.pdf), { file: 'generated.pdf' });
  });

  it('keep them out of the records, which are as generated', () => {
    expect(gen.headings.length).toBeGreaterThan(2);
    expect(parsed.records.map((r) => r.vid)).toEqual(gen.records.map((r) => r.vid));
    for (const field of FIELDS) {
      expect(parsed.records.map((r) => collapse(r[field]))).toEqual(gen.records.map((g) => collapse(g[field])));
    }
  });

  it('do not end the table where one is the last line of a page', () => {
    const rowsAfter = (h: { text: string }) => gen.records.find((r) => h.text.endsWith(r.document))!;
    const atFoot = gen.headings.filter((h) => rowsAfter(h).pageStart > h.page);
    // Kept with the next row (the generator's default), no heading is the last line of a page;
    // otherwise at least one is, and the row after it still starts on the next page.
    if ((options as NviPdfOptions).headingsKeepWithNext === false) expect(atFoot.length).toBeGreaterThan(0);
    else expect(atFoot).toEqual([]);
    for (const h of atFoot) expect(parsed.records.find((r) => r.vid === rowsAfter(h).vid)?.pageStart).toBe(h.page + 1);
    // Every row after a heading is read, where it was printed: the table went on past each one.
    for (const h of gen.headings) expect(parsed.records.find((r) => r.vid === rowsAfter(h).vid)?.pageStart).toBe(rowsAfter(h).pageStart);
  });

  it('say where they skipped each heading', () => {
    expect(parsed.warnings.map((w) => [w.kind, w.page])).toEqual(gen.headings.map((h) => ['skipped-text', h.page]));
    for (const [i, w] of parsed.warnings.entries()) expect(w.message).toContain(gen.headings[i]!.text.slice(0, 40));
  });
});

describe('the generator itself', () => {
  it('prints rows over page breaks where asked, so the page tests above mean something', async () => {
    const gen = await makeNviPdf(VARIANTS[2]![1]);
    expect(gen.records.filter((r) => r.pageEnd > r.pageStart).length).toBeGreaterThanOrEqual(3);
    expect(gen.records.some((r) => r.pageEnd - r.pageStart >= 2)).toBe(true);
  });

  it('cuts some words that neither half of is a word, which the parser must rejoin', async () => {
    const gen = await makeNviPdf(VARIANTS[6]![1]);
    const words = vocabulary(gen.records);
    const strict = gen.records.flatMap((r) => r.cuts).filter((c) => !isAmbiguousCut(c, words));
    expect(strict.length).toBeGreaterThan(0);
  });

  it('is deterministic', async () => {
    const a = await makeNviPdf({ seed: 11, rows: 5 });
    const b = await makeNviPdf({ seed: 11, rows: 5 });
    expect(a.records).toEqual(b.records);
  });
});

/** Every word the generated document prints whole, as the parser's vocabulary would see it. */
function vocabulary(records: readonly GeneratedRecord[]): Set<string> {
  const words = new Set<string>();
  for (const r of records) for (const f of FIELDS) for (const t of r[f].split(/\s+/)) words.add(wordKey(t));
  return words;
}

/**
 * A word too long for its column is cut where the line is full ("Gehandicapten" / "zorg"). When
 * either half is a word of its own, the printed page reads exactly like two words wrapped at a
 * space, and no rule short of a dictionary can tell them apart; the parser joins only when the
 * whole word is printed elsewhere. Only there is "head tail" accepted for "headtail". Cuts where
 * neither half is a word ("inkoopsyste" / "matiek", URLs) must be rejoined exactly.
 */
function forgiveAmbiguousCuts(text: string, record: GeneratedRecord, words: Set<string>): string {
  let out = text;
  for (const cut of record.cuts) if (isAmbiguousCut(cut, words)) out = out.replace(`${cut.head} ${cut.tail}`, `${cut.head}${cut.tail}`);
  return out;
}

function isAmbiguousCut(cut: { head: string; tail: string }, words: Set<string>): boolean {
  return words.has(wordKey(cut.head)) || words.has(wordKey(cut.tail));
}
