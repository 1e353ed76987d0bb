import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotaEntry } from '../../server/loaders/browse.ts';
import type { QuestionPage } from '../../server/loaders/question.ts';
import type { SearchResponse } from '../../server/loaders/search.ts';
import type { ExportRecord } from '../../server/export/format.ts';
import { buildTestApp } from '../helpers/app.ts';
import { getJson, getOk } from '../helpers/inject.ts';
import { addNota, type RecordInput } from '../helpers/records.ts';
import { decode, hrefs } from './sample.ts';

/**
 * NvIs of every id scheme side by side with the bundled one (printed "VID-0318"): a first NvI
 * without printed ids (derived "1.2-3", "leeswijzer-1") in chapters and sub-paragraphs, a second
 * NvI of the same series with numbered rows ("12") that refers to and rectifies the first, and an
 * NvI of another sector that happens to share ids with the first. Pages, API, search and export
 * must treat every scheme alike.
 */
const DOCUMENT = 'Inkoopbeleid Wlz GGZ 2024-2026';
const GGZ = { publisher: 'Zilveren Kruis', sector: 'GGZ', round: '2024-2026', subject: DOCUMENT };

const FIRST: RecordInput[] = [
  { vid: 'leeswijzer-1', idKind: 'derived', document: DOCUMENT, paragraph: 'Leeswijzer', question: 'Waar staat de procedure voor de zorgbemiddeling beschreven?', answer: 'In de bijlage bij het inkoopbeleid.' },
  { vid: '1.2-1', idKind: 'derived', document: DOCUMENT, chapter: '1 Inleiding', paragraph: '1.2 Planning', subparagraph: 'Termijnen', question: 'Wanneer sluit de termijn voor het stellen van vragen?', answer: 'De termijn sluit op 1 maart.', pageStart: 5 },
  { vid: '1.2-2', idKind: 'derived', document: DOCUMENT, chapter: '1 Inleiding', paragraph: '1.2 Planning', subparagraph: 'Termijnen', question: 'Kan de termijn voor de offerte worden verlengd?', answer: 'Nee, verlengen is niet mogelijk: de termijn is 12 weken.', pageStart: 5 },
  { vid: '1.2-3', idKind: 'derived', document: DOCUMENT, chapter: '1 Inleiding', paragraph: '1.2 Planning', subparagraph: 'Gunning', question: 'Wanneer maakt het zorgkantoor de gunning bekend?', answer: 'De gunning wordt op 1 juli bekendgemaakt.', pageStart: 6, pageEnd: 7 },
  { vid: '2.1-1', idKind: 'derived', document: DOCUMENT, chapter: '2 Kwaliteit', paragraph: '2.1 Kwaliteitskader', question: 'Welk kwaliteitskader geldt voor de ambulante begeleiding?', answer: 'Het generieke kompas.' },
];

const TOPICS = ['cliëntondersteuning', 'logeeropvang', 'dagbesteding', 'vervoerskosten', 'personeelsinzet', 'huisvesting', 'wachtlijsten', 'onderaanneming', 'declaratie', 'productieafspraken', 'innovatie', 'zorgbemiddeling'];
const SECOND: RecordInput[] = TOPICS.map((topic, i) => ({
  vid: String(i + 1),
  document: DOCUMENT,
  chapter: '1 Inleiding',
  paragraph: '1.2 Planning',
  question: `Hoe gaat het zorgkantoor om met ${topic}?`,
  answer: `Het zorgkantoor maakt over ${topic} afspraken per aanbieder.`,
}));
SECOND[2] = {
  ...SECOND[2]!,
  question: 'Rectificatie: wanneer maakt het zorgkantoor de gunning bekend?',
  answer: 'De gunning wordt op 15 juli bekendgemaakt.',
  rectifies: { id: '1.2-3', sequence: 1, text: 'vraag 1.2-3 in de eerste NvI' },
};
SECOND[4] = {
  ...SECOND[4]!,
  references: [
    { id: '1.2-1', sequence: 1, text: 'vraag 1.2-1 in de eerste NvI' },
    { id: '12', sequence: null, text: 'vraag 12' },
    { id: '99', sequence: null, text: 'vraag 99' },
  ],
};

/** Another sector's NvI of the same round: shares the id "1.2-1" but is no part of the GGZ series. */
const OTHER: RecordInput[] = [
  { vid: '1.2-1', idKind: 'derived', document: 'Inkoopbeleid Wlz GZ 2024-2026', chapter: '1 Inleiding', paragraph: '1.2 Planning', question: 'Geldt de planning ook voor de gehandicaptenzorg?', answer: 'Ja, dezelfde planning.' },
  { vid: 'B-4', document: 'Bijlage B Tarieven', paragraph: 'Tarieven', question: 'Welke tarieven gelden voor het volledig pakket thuis?', answer: 'Die van de tarieventabel.' },
];

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp(
    { exportRateLimit: 1000 },
    {
      prepare: (db) => {
        addNota(db, 'nvi-ggz-1', FIRST, { title: 'Nota van Inlichtingen GGZ 1', published: '2023-05-01', description: { ...GGZ, sequence: 1 } });
        addNota(db, 'nvi-ggz-2', SECOND, { title: 'Nota van Inlichtingen GGZ 2', published: '2023-06-01', description: { ...GGZ, sequence: 2 } });
        addNota(db, 'nvi-gz-1', OTHER, { title: 'Nota van Inlichtingen GZ 1', description: { publisher: 'Zilveren Kruis', sector: 'GZ', round: '2024-2026', sequence: 1 } });
      },
    },
  );
});
afterAll(async () => {
  await app?.close();
});

const json = <T>(url: string) => getJson<T>(app, url);

const html = async (url: string) => (await getOk(app, url)).body;

const search = (q: string, extra = '') => json<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`);
const question = (nota: string, vid: string) => json<QuestionPage>(`/api/notas/${nota}/questions/${encodeURIComponent(vid)}`);

describe('permalinks in every id scheme', () => {
  it.each([
    ['/vraag/nvi-ggz-1/1.2-3', 'Vraag 1.2-3'],
    ['/vraag/nvi-ggz-1/1.2%2D3', 'Vraag 1.2-3'],
    ['/vraag/1.2-3', 'Vraag 1.2-3'],
    ['/vraag/nvi-ggz-1/leeswijzer-1', 'Vraag leeswijzer-1'],
    ['/vraag/nvi-ggz-2/12', 'Vraag 12'],
    ['/vraag/12', 'Vraag 12'],
    ['/vraag/VID-0318', 'Vraag VID-0318'],
    ['/vraag/nvi-gz-1/B-4', 'Vraag B-4'],
    ['/vraag/b-4', 'Vraag B-4'],
    ['/vraag/nvi-2021-2023/VID-0318', 'Vraag VID-0318'],
  ])('%s is the question', async (url, heading) => {
    // The heading is the question itself; the id stands in the line under it.
    expect(await html(url)).toContain(`<span class="vid">${heading.replace('Vraag ', '')}</span>`);
  });

  it('an id two NvIs share is a choice, and the API says the same', async () => {
    const body = await html('/vraag/1.2-1');
    expect(decode(body)).toContain('NvI GGZ 1 · Zilveren Kruis · GGZ · 2024-2026 · NvI 1');
    expect(decode(body)).toContain('NvI GZ 1 · Zilveren Kruis · GZ · 2024-2026 · NvI 1');
    const links = hrefs(body);
    expect(links).toContain('/vraag/nvi-ggz-1/1.2-1');
    expect(links).toContain('/vraag/nvi-gz-1/1.2-1');
    expect((await json<{ kind: string }>('/api/questions/1.2-1')).kind).toBe('choice');
  });

  it('results link to the permalink of their scheme, and the link works', async () => {
    const { results } = await search('gunning', '&nota=nvi-ggz-1');
    expect(results[0]).toMatchObject({ vid: '1.2-3', idKind: 'derived', chapter: '1 Inleiding', subparagraph: 'Gunning', url: '/vraag/nvi-ggz-1/1.2-3' });
    expect((await app.inject(results[0]!.url)).statusCode).toBe(200);
  });
});

describe('search by id', () => {
  it('finds a derived id typed exactly', async () => {
    for (const q of ['1.2-3', 'vraag 1.2-3', 'leeswijzer-1']) {
      const { results, match } = await search(q);
      expect(match, q).toBe('all');
      expect(`${results[0]!.nota}/${results[0]!.vid}`, q).toBe(`nvi-ggz-1/${q.replace('vraag ', '')}`);
    }
  });

  it('finds a numbered question as "vraag 12" and "12", in every NvI that has question 12', async () => {
    for (const q of ['vraag 12', '12', 'vraag nr. 12']) {
      const { results } = await search(q);
      expect(results.slice(0, 2).map((r) => `${r.nota}/${r.vid}`).sort(), q).toEqual(['nvi-2021-2023/VID-0012', 'nvi-ggz-2/12']);
      expect((await search(q, '&nota=nvi-ggz-2')).results[0]!.vid, q).toBe('12');
    }
  });

  it('finds a printed id with letters typed as shown', async () => {
    for (const q of ['B-4', 'b-4', 'vraag B-4']) {
      const top = (await search(q)).results[0]!;
      expect(`${top.nota}/${top.vid}`, q).toBe('nvi-gz-1/B-4');
    }
  });

  it('keeps the printed VIDs as they were', async () => {
    for (const q of ['VID-0318', 'vid 318', '318']) expect((await search(q)).results[0]!.vid, q).toBe('VID-0318');
  });

  it('reads a year as a year, not as a question number', async () => {
    const { results } = await search('2021');
    expect(results.length).toBeGreaterThan(1);
    expect(`${results[0]!.question} ${results[0]!.answer}`).toContain('2021');
  });

  it('does not read a derived id as a question number', async () => {
    // "2" is question 2 of the numbered NvI; the derived "2.1-1" (whose text has no "2") is no question 2.
    const { results } = await search('2', '&nota=nvi-ggz-1');
    expect(results.map((r) => r.vid)).not.toContain('2.1-1');
  });

  it('reads a number as text in an NvI that has no question with that number', async () => {
    // Other NvIs have a question 12; this one has "12 weken" in an answer.
    const { results } = await search('12', '&nota=nvi-ggz-1');
    expect(results.map((r) => r.vid)).toEqual(['1.2-2']);
  });
});

describe('the question', () => {
  it('API: id kind, chapter, sub-paragraph, the NvI description and a citation that names the id', async () => {
    const page = await question('nvi-ggz-1', '1.2-3');
    expect(page.record).toMatchObject({ vid: '1.2-3', idKind: 'derived', chapter: '1 Inleiding', paragraph: '1.2 Planning', subparagraph: 'Gunning', references: [], rectifies: null });
    expect(page.nota).toMatchObject({ slug: 'nvi-ggz-1', ...GGZ, sequence: 1, descriptionLabel: 'Zilveren Kruis · GGZ · 2024-2026 · NvI 1' });
    expect(page.citation).toMatch(/^NvI GGZ 1, vraag 1\.2-3, .*, par\. 1\.2, p\. 6-7$/);
    expect((await question('nvi-ggz-2', '12')).citation).toMatch(/^NvI GGZ 2, vraag 12, .*, par\. 1\.2, p\. 1$/);
    expect((await json<QuestionPage>('/api/questions/VID-0318')).citation).toMatch(/^NvI .*, VID-0318, /);
  });

  it('links references to the record they name: in the series by NvI number, in the same NvI by id; the rest stays text', async () => {
    const page = await question('nvi-ggz-2', '5');
    expect(page.record.references).toEqual([
      { id: '1.2-1', sequence: 1, text: 'vraag 1.2-1 in de eerste NvI', nota: 'nvi-ggz-1', vid: '1.2-1', url: '/vraag/nvi-ggz-1/1.2-1' },
      { id: '12', sequence: null, text: 'vraag 12', nota: 'nvi-ggz-2', vid: '12', url: '/vraag/nvi-ggz-2/12' },
      { id: '99', sequence: null, text: 'vraag 99', nota: null, vid: null, url: null },
    ]);
    const body = await html('/vraag/nvi-ggz-2/5');
    expect(body).toContain('<a href="/vraag/nvi-ggz-1/1.2-1" class="reference-link">vraag 1.2-1 in de eerste NvI</a>');
    expect(body).toContain('<span class="reference-unresolved">vraag 99</span>');
  });

  it('shows a rectification on both records', async () => {
    const rectifying = await question('nvi-ggz-2', '3');
    expect(rectifying.record.rectifies).toMatchObject({ nota: 'nvi-ggz-1', vid: '1.2-3', url: '/vraag/nvi-ggz-1/1.2-3' });
    const changed = await question('nvi-ggz-1', '1.2-3');
    expect(changed.rectifiedBy.map((l) => l.url)).toEqual(['/vraag/nvi-ggz-2/3']);
    const body = decode(await html('/vraag/nvi-ggz-1/1.2-3'));
    expect(body).toMatch(/Gerectificeerd in <a href="\/vraag\/nvi-ggz-2\/3">vraag 3<\/a> \(nvi-ggz-2\)/);
    // The same id in another sector's NvI is not rectified by the GGZ series.
    expect((await question('nvi-gz-1', '1.2-1')).rectifiedBy).toEqual([]);
  });

  it('the page shows chapter, sub-paragraph and the NvI description', async () => {
    const body = await html('/vraag/nvi-ggz-1/1.2-3');
    expect(body).toContain('<span class="visually-hidden">Hoofdstuk: </span>1 Inleiding</span>');
    expect(body).toContain('<span class="visually-hidden">Subparagraaf: </span>Gunning</span>');
    expect(decode(body)).toContain('Zilveren Kruis · GGZ · 2024-2026 · NvI 1');
  });
});

describe('browsing the hierarchy', () => {
  it('/api/notas describes every NvI', async () => {
    const { notas } = await json<{ notas: NotaEntry[] }>('/api/notas');
    expect(notas.map((n) => n.slug).sort()).toEqual(['nvi-2021-2023', 'nvi-ggz-1', 'nvi-ggz-2', 'nvi-gz-1']);
    const first = notas.find((n) => n.slug === 'nvi-ggz-1')!;
    expect(first).toMatchObject({
      title: 'Nota van Inlichtingen GGZ 1',
      published: '2023-05-01',
      ...GGZ,
      sequence: 1,
      counts: { records: 5, documents: 1, chapters: 2, paragraphs: 3 },
    });
    expect(first.documents[0]!.chapters.map((c) => [c.label, c.paragraphs.map((p) => p.label)])).toEqual([
      ['', ['Leeswijzer']],
      ['1 Inleiding', ['1.2 Planning']],
      ['2 Kwaliteit', ['2.1 Kwaliteitskader']],
    ]);
    // The national NvI: its cover names ZN and the round, no sector.
    expect(notas.find((n) => n.slug === 'nvi-2021-2023')).toMatchObject({ publisher: 'ZN', sector: null, round: '2021-2023', sequence: null });
  });

  it('an NvI page lists paragraphs under their chapters, in source order', async () => {
    const body = await html('/documenten/nvi-ggz-1');
    const order = ['Leeswijzer', 'class="chapter-title">1 Inleiding<', '1.2 Planning', 'class="chapter-title">2 Kwaliteit<', '2.1 Kwaliteitskader'].map((s) => body.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('a paragraph page groups its records by sub-paragraph, in table order', async () => {
    const { notas } = await json<{ notas: NotaEntry[] }>('/api/notas');
    const planning = notas.find((n) => n.slug === 'nvi-ggz-1')!.documents[0]!.paragraphs.find((p) => p.label === '1.2 Planning')!;
    const body = await html(planning.url);
    const marks = ['<h2 class="subparagraph">Termijnen</h2>', '<h3 class="qa-title"><a href="/vraag/nvi-ggz-1/1.2-1">', '<h3 class="qa-title"><a href="/vraag/nvi-ggz-1/1.2-2">', '<h2 class="subparagraph">Gunning</h2>', '<h3 class="qa-title"><a href="/vraag/nvi-ggz-1/1.2-3">'];
    const at = marks.map((m) => body.indexOf(m));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(decode(body)).toContain('1 Inleiding');
  });

  it('a search result shows chapter, sub-paragraph and the NvI description', async () => {
    const body = decode(await html('/zoeken?q=gunning&nota=nvi-ggz-1'));
    expect(body).toMatch(/1 Inleiding <span aria-hidden="true">›<\/span><span class="visually-hidden">,<\/span> 1\.2 Planning <span aria-hidden="true">›<\/span><span class="visually-hidden">,<\/span> Gunning/);
    expect(body).toContain('<span class="result-nota">Zilveren Kruis · GGZ · 2024-2026 · NvI 1</span>');
  });
});

describe('export', () => {
  it('CSV has the NvI description and the hierarchy in their own columns', async () => {
    const res = await app.inject('/export.csv?nota=nvi-ggz-1');
    expect(res.statusCode).toBe(200);
    // Cells Excel would turn into dates or numbers ("1.2-3", "6-7") carry a leading apostrophe (docs/csv-export.md).
    const rows = (parse(res.rawPayload, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[]).map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.replace(/^'/, '')])),
    );
    expect(Object.keys(rows[0]!)).toEqual(expect.arrayContaining(['VraagID', 'NvI', 'Document', 'Paragraaf', 'Uitgever', 'Sector', 'Ronde', 'Hoofdstuk', 'Subparagraaf']));
    const row = rows.find((r) => r.VraagID === '1.2-3')!;
    expect(row).toMatchObject({ Uitgever: 'Zilveren Kruis', Sector: 'GGZ', Ronde: '2024-2026', Hoofdstuk: '1 Inleiding', Paragraaf: '1.2 Planning', Subparagraaf: 'Gunning', 'Pagina van': '6', 'Pagina t/m': '7' });
    expect(row.Link).toMatch(/\/vraag\/nvi-ggz-1\/1\.2-3$/);
  });

  it('JSON has the same fields, and a search by id exports the record it finds', async () => {
    const records = (await app.inject('/export.json?q=1.2-3')).json<ExportRecord[]>();
    expect(records[0]).toMatchObject({ vid: '1.2-3', nota: 'nvi-ggz-1', publisher: 'Zilveren Kruis', sector: 'GGZ', round: '2024-2026', chapter: '1 Inleiding', subparagraph: 'Gunning' });
  });
});
