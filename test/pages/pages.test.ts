import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../helpers/app.ts';
import { getOk } from '../helpers/inject.ts';
import { decode, hrefs, sample, type Sample } from './sample.ts';

let app: FastifyInstance;
let s: Sample;

beforeAll(async () => {
  app = await buildTestApp();
  s = sample(app);
});
afterAll(() => app.close());

async function page(url: string) {
  const res = await getOk(app, url);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  return { html: res.body, links: hrefs(res.body) };
}

/** Every list page offers the three downloads of exactly its records. */
function expectExports(links: string[], params: string) {
  const qs = params ? `?${params}` : '';
  expect(links).toContain(`/export.csv${qs}`);
  expect(links).toContain(`/export.csv${qs ? `${qs}&` : '?'}delimiter=comma`);
  expect(links).toContain(`/export.json${qs}`);
}

describe('layout', () => {
  it('has lang, landmarks, skip link, stylesheet and script from /static', async () => {
    const { html } = await page('/documenten');
    expect(html).toContain('<html lang="nl">');
    expect(html).toMatch(/<a class="skip-link" href="#inhoud">/);
    expect(html).toMatch(/<header[^>]*>/);
    expect(html).toMatch(/<main id="inhoud"/);
    expect(html).toMatch(/<footer[^>]*>/);
    expect(html).toContain('<link rel="stylesheet" href="/static/site.css">');
    expect(html).toContain('<script src="/static/site.js" defer></script>');
    // The header search box is on every page but home and search, which have their own.
    expect(html).toContain('id="q-kop"');
    expect(html).not.toMatch(/<script>|style="/);
  });

  it('serves the static assets with a cache lifetime', async () => {
    for (const file of ['site.css', 'site.js', 'favicon.svg']) {
      const res = await app.inject(`/static/${file}`);
      expect(res.statusCode, file).toBe(200);
      expect(res.headers['cache-control']).toMatch(/max-age=86400/);
      expect(res.headers.etag).toBeTruthy();
    }
  });
});

describe('home', () => {
  it('has the search box and the loaded NvIs with their documents', async () => {
    const { html, links } = await page('/');
    expect(html).toMatch(/<form[^>]*action="\/zoeken"[^>]*role="search"/);
    expect(html).not.toContain('id="q-kop"');
    expect(links).toContain(`/documenten/${s.nota}`);
    expect(links).toContain(`/documenten/${s.nota}/${s.document}`);
    expect(html).toMatch(/512 vragen/);
    expect(links).toContain(`/bron/${s.nota}.pdf`);
  });
});

describe('search', () => {
  it('explains how to search when nothing is asked', async () => {
    const { html, links } = await page('/zoeken');
    expect(html).toContain('Zo zoekt u');
    expect(links).toContain(`/documenten/${s.nota}/${s.document}`);
    expect(html).not.toContain('class="result"');
  });

  it('shows highlighted results with VID, place, question link carrying q, facets and exports', async () => {
    const { html, links } = await page('/zoeken?q=kwaliteitsbudget');
    // One word: every result has all the words, so the count needs no qualification.
    expect(html).toMatch(/\d+ vragen voor “kwaliteitsbudget”/);
    expect(html).toContain('<mark>');
    expect(html).toMatch(/class="vid">VID-\d+</);
    expect(links.some((l) => /^\/vraag\/VID-\d+\?q=kwaliteitsbudget$/.test(l))).toBe(true);
    // Documents are checkboxes of the search form (several at once); paragraphs are links.
    expect(html).toContain('Document</legend>');
    expect(html).toMatch(/<input type="checkbox" form="form-zoeken" name="document" value="[^"]+">/);
    expect(html).toContain('Paragraaf</h2>');
    expect(links.some((l) => /^\/zoeken\?q=kwaliteitsbudget&document=[^&]+&paragraph=[^&]+$/.test(l))).toBe(true);
    expectExports(links, 'q=kwaliteitsbudget');
    expect(html).toContain('<title>kwaliteitsbudget – zoeken – NvI Kennisbank</title>');
  });

  it('filters by a facet, marks it active and links back to the unfiltered search', async () => {
    const first = await page('/zoeken?q=zorgkantoor');
    // What ticking a document's box and submitting the form asks for.
    const document = /name="document" value="([^"]+)"/.exec(first.html)![1]!;
    const facet = `/zoeken?q=zorgkantoor&document=${document}`;
    const filtered = await page(facet);
    expect(filtered.html).toContain(`<input type="checkbox" form="form-zoeken" name="document" value="${document}" checked>`);
    expect(filtered.html).toMatch(/class="facet facet-check facet--active"/);
    // The chip removes it; the checked box keeps it with the next query (no hidden copy to get stuck).
    expect(filtered.links).toContain('/zoeken?q=zorgkantoor');
    expect(filtered.html).not.toContain(`<input type="hidden" name="document"`);
    const total = (html: string) => Number(/(\d+) vragen (?:voor|met alle woorden)/.exec(html)?.[1]);
    expect(total(filtered.html)).toBeLessThan(total(first.html));
    expectExports(filtered.links, `q=zorgkantoor&document=${document}`);
  });

  it('paginates with aria-current and keeps the query in page links', async () => {
    const { html, links } = await page('/zoeken?q=zorgkantoor&page=2');
    expect(html).toMatch(/<a href="[^"]*page&#x3D;2"[^>]*aria-current="page">/);
    expect(links).toContain('/zoeken?q=zorgkantoor');
    expect(links).toContain('/zoeken?q=zorgkantoor&page=3');
    expect(html).toMatch(/21–40 van/);
  });

  it('says what it searched for after correcting a typo, linking to that search', async () => {
    const { html, links } = await page('/zoeken?q=tarief+kwaliteitsbugdet');
    expect(html).toContain('<p class="corrected">Gezocht op: <a href="/zoeken?q&#x3D;tarief+kwaliteitsbudget">tarief kwaliteitsbudget</a></p>');
    expect(links).toContain('/zoeken?q=tarief+kwaliteitsbudget');
    const fragment = await app.inject('/zoeken/resultaten?q=kwaliteitsbugdet');
    expect(fragment.body).toContain('Gezocht op: <a href="/zoeken?q&#x3D;kwaliteitsbudget">kwaliteitsbudget</a>');
    expect((await page('/zoeken?q=tarieven')).html).not.toContain('Gezocht op');
  });

  it('marks a quoted phrase as one span and quotes it once', async () => {
    const { html } = await page('/zoeken?q=%22extra+personeel%22');
    expect(html).toMatch(/\d+ vragen voor “extra personeel”</);
    expect(html).not.toMatch(/“&quot;|&quot;”/);
    const marks = [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]!.toLowerCase().replace(/\s+/g, ' '));
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark).toMatch(/^extra personee?le?$/);
    // Unquoted, the words are marked one by one.
    expect((await page('/zoeken?q=extra+personeel')).html).toContain('<mark>extra</mark> <mark>personeel</mark>');
    const none = await page('/zoeken?q=%22extra+qqxqzzv%22&document=inkoopkader-langdurige-zorg');
    expect(decode(none.html)).toContain('Geen resultaten voor “extra qqxqzzv”');
    expect(decode(none.html)).toContain('naar “extra qqxqzzv”.');
  });

  it('says when nothing matches, with tips', async () => {
    const { html } = await page('/zoeken?q=qqxqzzv');
    expect(html).toContain('Geen resultaten voor “qqxqzzv”');
    expect(html).toContain('Controleer de spelling');
  });

  it('says when only some words match', async () => {
    const { html } = await page('/zoeken?q=kwaliteitsbudget+qqxqzzv');
    expect(decode(html)).toMatch(/Geen vragen met alle woorden van “kwaliteitsbudget qqxqzzv”: \d+ met een deel ervan/);
    expect(html).toContain('class="result"');
  });

  it('a page past the last one says so and links to the first', async () => {
    const { html, links } = await page('/zoeken?q=kwaliteitsbudget&page=50');
    expect(html).toMatch(/Pagina 50 bestaat niet: er zijn \d+ resultaten/);
    expect(links).toContain('/zoeken?q=kwaliteitsbudget');
  });

  it('lists filtered records in table order without a query', async () => {
    const { html } = await page(`/zoeken?document=${s.document}&paragraph=${s.paragraph}`);
    const vids = [...html.matchAll(/class="vid">(VID-[^<]+)</g)].map((m) => m[1]);
    expect(vids).toEqual(s.paragraphVids);
  });

  it('serves the results region alone for search as you type', async () => {
    const res = await app.inject('/zoeken/resultaten?q=kwaliteitsbudget');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body.trimStart()).toMatch(/^<div class="search-results" data-summary="\d+ vragen voor/);
    expect(res.body).not.toMatch(/<html|<header|<main|<footer/);
    expect(res.body).toContain('class="result"');
  });
});

describe('browse', () => {
  it('/documenten lists every NvI, document and paragraph with counts, and the export of all', async () => {
    const { html, links } = await page('/documenten');
    expect(links).toContain(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(html).toMatch(/class="count">\d+ vragen</);
    expectExports(links, '');
  });

  it('an NvI page lists its documents and paragraphs', async () => {
    const { html, links } = await page(`/documenten/${s.nota}`);
    expect(links).toContain(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(html).toContain(`<input type="hidden" name="nota" value="${s.nota}">`);
    expectExports(links, `nota=${s.nota}`);
  });

  it('a document page lists its paragraphs', async () => {
    const { links } = await page(`/documenten/${s.nota}/${s.document}`);
    expect(links).toContain(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expectExports(links, `nota=${s.nota}&document=${s.document}`);
  });

  it('a paragraph page has all its questions and answers in table order, each linking to its permalink', async () => {
    const { html, links } = await page(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    const vids = [...html.matchAll(/<h2 class="qa-title"><a href="\/vraag\/([^"]+)">/g)].map((m) => m[1]);
    expect(vids).toEqual(s.paragraphVids);
    expect(html).toContain('<dt>Vraag</dt>');
    expect(html).toContain('<dt>Antwoord</dt>');
    expect(html).toMatch(/class="prose qa-question"><p>/);
    expect(html).toMatch(/class="prose qa-answer"><p>/);
    expect(html).toContain('rel="next"');
    expect(links.some((l) => new RegExp(`^/bron/${s.nota}\\.pdf#page=\\d+$`).test(l))).toBe(true);
    expectExports(links, `nota=${s.nota}&document=${s.document}&paragraph=${s.paragraph}`);
  });
});

describe('question', () => {
  it('shows question, answer, place, PDF page, neighbours and citation', async () => {
    const vid = s.paragraphVids[1]!;
    const { html, links } = await page(`/vraag/${vid}`);
    expect(html).not.toContain(`<h1>Vraag ${vid}</h1>`);
    expect(html).toMatch(/<h1>[^<]{10,}<\/h1>/);
    expect(links).toContain(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(links).toContain(`/documenten/${s.nota}/${s.document}`);
    expect(links.some((l) => new RegExp(`^/bron/${s.nota}\\.pdf#page=\\d+$`).test(l))).toBe(true);
    expect(html).toMatch(/in de bron-PDF/);
    expect(html).toMatch(/target="_blank" rel="noopener"/);
    expect(links).toContain(`/vraag/${s.paragraphVids[0]}`);
    expect(links).toContain(`/vraag/${s.paragraphVids[2]}`);
    expect(html).toMatch(new RegExp(`<textarea id="citaat"[^>]*>[^<]*${vid}[^<]*</textarea>`));
    // Copy buttons need script: hidden until it runs.
    expect(html).toMatch(/<p class="citation-actions" data-copy-actions hidden>/);
  });

  it('lists the other questions with the same answer', async () => {
    const { html, links } = await page(`/vraag/${s.grouped.vid}`);
    const n = s.grouped.others.length;
    expect(html).toContain(`Dit antwoord is ook gegeven op ${n} andere vragen`);
    for (const vid of s.grouped.others) expect(links).toContain(`/vraag/${vid}`);
  });

  it('highlights the query it was reached from and links back to the results', async () => {
    const { html, links } = await page(`/vraag/${s.grouped.vid}?q=zorgkantoren`);
    expect(links).toContain('/zoeken?q=zorgkantoren');
    expect(decode(html)).toContain('Terug naar de resultaten voor “zorgkantoren”');
  });

  it('resolves the long form with the NvI', async () => {
    await page(`/vraag/${s.nota}/${s.paragraphVids[0]}`);
  });
});
