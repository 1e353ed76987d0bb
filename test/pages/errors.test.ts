import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';
import { sample, type Sample, everyRoute } from './sample.ts';

let app: FastifyInstance;
let s: Sample;

beforeAll(async () => {
  app = await buildTestApp();
  s = sample(app);
});
afterAll(() => app.close());

describe('not found', () => {
  const cases = () => [
    '/vraag/VID-99999',
    `/vraag/${s.nota}/VID-99999`,
    '/vraag/onbekende-nvi/VID-0318',
    '/bestaat-niet',
    '/documenten/onbekende-nvi',
    `/documenten/${s.nota}/onbekend-document`,
    `/documenten/${s.nota}/${s.document}/onbekende-paragraaf`,
    `/documenten/${s.nota}/${s.document}/${s.paragraph}?page=99`,
  ];

  it('is a friendly HTML page with a search box', async () => {
    for (const url of cases()) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expect(res.body, url).toContain('<h1>Niet gevonden</h1>');
      expect(res.body, url).toMatch(/<form[^>]*action="\/zoeken"[^>]*role="search"[^>]*>[\s\S]*name="q"/);
    }
  });
});

describe('bad parameters', () => {
  const long = 'a'.repeat(501);
  it.each([
    ['/zoeken?q=test&page=0', 'page'],
    ['/zoeken?q=test&page=abc', 'page'],
    [`/zoeken?q=${long}`, 'q'],
    ['/zoeken?q=a&q=b', 'q'],
    ['/zoeken?q=test&nota=onbekend', 'nota'],
    ['/zoeken?document=onbekend', 'document'],
    ['/zoeken?q=test&sector=onbekend', 'sector'],
    ['/zoeken?q=test&round=onbekend', 'round'],
    ['/zoeken?q=test&sort=onbekend', 'sort'],
    ['/zoeken?q=test&paragraph=a&paragraph=b', 'paragraph'],
    ['/zoeken/resultaten?q=test&page=0', 'page'],
    [`/vraag/VID-0318?q=${long}`, 'q'],
  ])('%s is a 400 page naming "%s"', async (url, parameter) => {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    // An unknown value is named on the page too.
    expect(res.body).toMatch(new RegExp(`De waarde (<code>[^<]+</code> )?van de parameter <code>${parameter}</code>`));
    if (url.includes('onbekend') && parameter !== 'sort') expect(res.body).toContain('De waarde <code>onbekend</code>');
    expect(res.body).toMatch(/role="search"/);
  });

  it('page=0 on a paragraph page names the parameter', async () => {
    const res = await app.inject(`/documenten/${s.nota}/${s.document}/${s.paragraph}?page=0`);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<code>page</code>');
  });

  it('the API answers in JSON with the parameter', async () => {
    const res = await app.inject('/api/search?q=test&limit=1000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ statusCode: 400, parameter: 'limit' });
  });
});

describe('a query parameter given twice', () => {
  // Every route, API and pages: ?q=a&q=b once reached a handler as an array and answered 500.
  const routes = () => everyRoute(s);

  // Facets with several values (nota, round, sector, publisher, document) take a repeated key on
  // the routes that search (see test/api/facets.test.ts); elsewhere they are refused like any other.
  const searching = () => ['/zoeken', '/zoeken/resultaten', '/api/search', '/export.csv', '/export.json', '/export.jsonl', `/vraag/${s.paragraphVids[0]}`, `/vraag/${s.nota}/${s.paragraphVids[0]}`];

  it('a repeated facet on a route that searches is checked value by value', async () => {
    for (const route of searching()) {
      const res = await app.inject(`${route}?nota=${s.nota}&nota=onbekend`);
      expect(res.statusCode, route).toBe(400);
      if (String(res.headers['content-type']).startsWith('application/json')) {
        expect(res.json(), route).toMatchObject({ statusCode: 400, parameter: 'nota', message: 'unknown NvI "onbekend"; see /api/notas' });
      } else {
        expect(res.body, route).toContain('De waarde <code>onbekend</code> van de parameter <code>nota</code>');
      }
      expect((await app.inject(`${route}?nota=${s.nota}&nota=${s.nota}`)).statusCode, route).not.toBe(400);
    }
  });

  it.each(['q', 'page', 'nota', 'paragraph', 'sort', 'onbekend'])('is a 400 naming "%s" on every route', async (name) => {
    for (const route of routes()) {
      if (name === 'nota' && searching().includes(route)) continue;
      const res = await app.inject(`${route}?${name}=a&${name}=b`);
      expect(res.statusCode, route).toBe(400);
      if (String(res.headers['content-type']).startsWith('application/json')) {
        expect(res.json(), route).toMatchObject({ statusCode: 400, parameter: name, message: `parameter "${name}" must be given once, as text` });
      } else {
        expect(res.body, route).toContain(`De waarde van de parameter <code>${name}</code>`);
      }
    }
  });
});
