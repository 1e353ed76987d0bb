import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';

interface Result {
  nota: string;
  vid: string;
  document: string;
  documentKey: string;
  paragraph: string;
  question: string;
  answer: string;
  pageStart: number;
  score: number | null;
  highlights: { question: string; answer: string };
  url: string;
}

interface SearchBody {
  query: string;
  match: string;
  total: number;
  page: number;
  limit: number;
  results: Result[];
  facets: { document: Array<{ key: string; label: string; count: number }>; paragraph: Array<{ key: string; label: string; count: number }> };
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app.close();
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as Record<string, unknown>, headers: res.headers, raw: res.body };
}

async function search(qs: string): Promise<SearchBody> {
  const res = await get(`/api/search?${qs}`);
  expect(res.status).toBe(200);
  return res.body as unknown as SearchBody;
}

describe('GET /api/search', () => {
  it('returns the documented shape', async () => {
    const body = await search('q=kwaliteitsbudget');
    expect(body).toMatchObject({ apiVersion: 3, query: 'kwaliteitsbudget', match: 'all', page: 1, limit: 20 });
    expect(body.total).toBeGreaterThan(20);
    expect(body.results).toHaveLength(20);
    const r = body.results[0]!;
    expect(Object.keys(r).sort()).toEqual(
      [
        'chapter', 'document', 'documentKey', 'highlights', 'idKind', 'matchedAll', 'nota', 'pageEnd', 'pageStart', 'paragraph', 'paragraphKey',
        'question', 'score', 'subparagraph', 'titleOnly', 'url', 'vid',
      ].sort(),
    );
    expect(r.nota).toBe('nvi-2021-2023');
    // The bundled NvI prints its ids and has no chapters or sub-paragraphs.
    expect(r).toMatchObject({ idKind: 'printed', chapter: '', subparagraph: '' });
    expect(r.url).toBe(`/vraag/${r.vid}`);
    expect(typeof r.score).toBe('number');
    expect(`${r.highlights.question} ${r.highlights.answer}`).toMatch(/<mark>kwaliteitsbudget<\/mark>/i);
    // Facet counts cover the whole result set, not one page.
    expect(body.facets.document.reduce((n, f) => n + f.count, 0)).toBe(body.total);
    expect(body.facets.paragraph.reduce((n, f) => n + f.count, 0)).toBe(body.total);
    expect(body.facets.document[0]).toEqual({ key: 'inkoopkader-langdurige-zorg', label: 'Inkoopkader langdurige zorg 2021-2023', count: expect.any(Number), selected: false });
  });

  it('sends the answer as a snippet, and the whole answer only with fields=full', async () => {
    const snippet = await get('/api/search?q=zorg');
    const full = await get('/api/search?q=zorg&fields=full');
    const short = snippet.body as unknown as SearchBody;
    const long = full.body as unknown as SearchBody;
    expect(short.results.map((r) => r.vid)).toEqual(long.results.map((r) => r.vid));
    for (const [i, r] of long.results.entries()) {
      expect(short.results[i]).not.toHaveProperty('answer');
      expect(r.answer.length).toBeGreaterThan(0);
      // The snippet shows at most 320 characters of the answer, marks and escapes aside.
      const visible = short.results[i]!.highlights.answer.replace(/<\/?mark>/g, '').replace(/&(?:amp|lt|gt|quot|#39);/g, '_');
      expect(visible.length).toBeLessThanOrEqual(320);
    }
    expect(snippet.raw.length).toBeLessThan(full.raw.length);
    expect((await get('/api/search?q=zorg&fields=alles')).status).toBe(400);
  });

  it('pages through every hit exactly once', async () => {
    const first = await search('q=tarief&limit=100');
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 10); page++) {
      const body = await search(`q=tarief&limit=10&page=${page}`);
      seen.push(...body.results.map((r) => r.vid));
    }
    expect(seen).toHaveLength(first.total);
    expect(new Set(seen).size).toBe(first.total);
    expect(seen.slice(0, 100)).toEqual(first.results.map((r) => r.vid));
  });

  it('puts a VID lookup first, in any of its written forms', async () => {
    for (const q of ['VID-0318', 'vid 318', '318', 'vid-0318']) {
      const body = await search(`q=${encodeURIComponent(q)}`);
      expect(body.results[0]?.vid, q).toBe('VID-0318');
    }
  });

  it('filters by document and paragraph, and lists in table order without a query (browse mode)', async () => {
    const doc = 'bijlage-4-addendum-kwaliteitsbudget';
    const filtered = await search(`q=kwaliteitsbudget&document=${doc}`);
    expect(filtered.total).toBeGreaterThan(0);
    expect(filtered.results.every((r) => r.documentKey === doc)).toBe(true);

    const browse = await search(`nota=nvi-2021-2023&document=${doc}&limit=100`);
    expect(browse.total).toBe(14);
    expect(browse.results.every((r) => r.score === null)).toBe(true);
    const pages = browse.results.map((r) => r.pageStart);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));

    const paragraph = browse.results[0]!;
    const byParagraph = await search(`document=${doc}&paragraph=${encodeURIComponent((await search(`document=${doc}&limit=1`)).facets.paragraph[0]!.key)}`);
    expect(byParagraph.results.every((r) => r.documentKey === paragraph.documentKey)).toBe(true);
  });

  it('says which words were searched as a typo correction', async () => {
    const body = (await search('q=tarief%20kwaliteitsbugdet')) as unknown as Record<string, unknown>;
    expect(body).toMatchObject({ corrected: 'tarief kwaliteitsbudget', corrections: [{ word: 'kwaliteitsbugdet', correction: 'kwaliteitsbudget' }] });
    expect(await search('q=kwaliteitsbudget')).toMatchObject({ corrected: null, corrections: [] });
    expect(await search('q=tarieven')).toMatchObject({ corrected: null, corrections: [] });
    expect(await search('document=inkoopkader-langdurige-zorg')).toMatchObject({ mode: 'browse', corrected: null, corrections: [] });
  });

  it('says when only part of the query matches', async () => {
    const some = await search('q=kwaliteitsbudget%20xyzzyplugh');
    expect(some.match).toBe('some');
    expect(some.total).toBeGreaterThan(0);
    const none = await search('q=xyzzyplugh');
    expect(none).toMatchObject({ match: 'none', total: 0, results: [] });
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['limit=abc', 'limit'],
    ['page=0', 'page'],
    ['page=-1', 'page'],
    [`q=${'a'.repeat(501)}`, 'q'],
    ['q=a&q=b', 'q'],
    ['nota=onbekend', 'nota'],
    ['nota=..%2F..', 'nota'],
    ['document=onbekend-document', 'document'],
    ['paragraph=99-onbekend', 'paragraph'],
  ])('answers %s with a 400 that names the parameter', async (qs, parameter) => {
    const res = await get(`/api/search?${qs}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', parameter });
    expect(String(res.body.message)).toContain(parameter);
  });

  it('keeps highlights HTML-safe for hostile queries and never fails on odd input', async () => {
    for (const q of ['<b>', 'amp', '&amp;', '(.*)+', '"', "'", '\\', '*', '-', '"unclosed', '<script>alert(1)</script>', '%', '\u0000', '🙂 zorg', 'ï̈']) {
      const res = await get(`/api/search?q=${encodeURIComponent(q)}`);
      expect(res.status, q).toBe(200);
      for (const r of (res.body as unknown as SearchBody).results) {
        const html = r.highlights.question + r.highlights.answer;
        expect(html.replace(/<\/?mark>/g, ''), q).not.toMatch(/<|>/);
        expect(html, q).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
      }
    }
  });
});

describe('GET /api/questions and /api/notas', () => {
  it('returns a question with its neighbours, same-answer group, related questions and citation', async () => {
    const res = await get('/api/questions/VID-0318');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'question', record: { vid: 'VID-0318' }, nota: { slug: 'nvi-2021-2023' } });
    expect(String(res.body.citation)).toMatch(/^NvI Landelijk Inkoopkader Wlz 2021-2023, VID-0318, .*p\. \d+/);
    expect((res.body.links as { pdf: string }).pdf).toMatch(/^\/bron\/nvi-2021-2023\.pdf#page=\d+$/);
    const same = await get('/api/notas/nvi-2021-2023/questions/VID-0318');
    expect(same.body).toEqual(res.body);
  });

  it('answers unknown VIDs and notas with 404', async () => {
    expect((await get('/api/questions/VID-9999')).status).toBe(404);
    expect((await get('/api/notas/onbekend/questions/VID-0318')).status).toBe(404);
    expect((await get('/api/notas/onbekend/documents')).status).toBe(404);
  });

  it('lists the notas and their documents with paragraph counts in source order', async () => {
    const notas = await get('/api/notas');
    expect(notas.body).toMatchObject({ total: 512, notas: [{ slug: 'nvi-2021-2023', records: 512, pages: 117, published: '2020-07-01' }] });
    const docs = await get('/api/notas/nvi-2021-2023/documents');
    const documents = docs.body.documents as Array<{ key: string; count: number; paragraphs: Array<{ count: number }> }>;
    expect(documents.map((d) => d.key)[0]).toBe('inkoopkader-langdurige-zorg');
    expect(documents).toHaveLength(6);
    for (const d of documents) expect(d.paragraphs.reduce((n, p) => n + p.count, 0)).toBe(d.count);
    expect(documents.reduce((n, d) => n + d.count, 0)).toBe(512);
  });
});
