import { parse } from 'csv-parse/sync';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../server/export/format.ts';
import { questionHeading } from '../../server/loaders/question-text.ts';
import { dutchDate } from '../../server/plugins/view-helpers.ts';
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

const html = async (url: string) => (await getOk(app, url)).body;

interface ApiResult {
  vid: string;
  question: string;
  matchedAll: boolean;
  titleOnly: boolean;
}

async function api(qs: string): Promise<{ total: number; allWords: number; results: ApiResult[] }> {
  return (await app.inject(`/api/search?${qs}`)).json();
}

const text = (page: string) => decode(page.replace(/<[^>]+>/g, ''));
const meta = (page: string, attr: string, name: string) => decode(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(page)?.[1] ?? '');

/** The longest question in the test data, and one short one. */
function questions() {
  const long = app.db.prepare('SELECT vid, question, answer FROM qa ORDER BY length(question) DESC LIMIT 1').get() as { vid: string; question: string };
  const short = app.db.prepare('SELECT vid, question FROM qa WHERE length(question) BETWEEN 40 AND 200 ORDER BY seq LIMIT 1').get() as { vid: string; question: string };
  const published = app.db.prepare('SELECT published FROM nota WHERE slug = ?').pluck().get(s.nota) as string;
  return { long, short, published };
}

describe('question page', () => {
  it('heads the page with a short form of the question, and titles it so', async () => {
    const { short } = questions();
    const page = await html(`/vraag/${short.vid}`);
    const heading = questionHeading(short.question);
    expect(decode(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '')).toBe(heading);
    expect(decode(/<title>([^<]*)<\/title>/.exec(page)?.[1] ?? '').startsWith(`${heading} – ${short.vid}`)).toBe(true);
  });

  it('names NvI, document and paragraph once on screen (the breadcrumb), not three times', async () => {
    const page = await html(`/vraag/${s.paragraphVids[0]}`);
    expect(page).not.toContain('class="facts"');
    expect(page).not.toContain('class="eyebrow"');
    const paragraphLinks = hrefs(page).filter((l) => l === `/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(paragraphLinks).toHaveLength(1);
  });

  it('folds a long question behind "Lees de hele vraag" and puts the dated answer right after it', async () => {
    const { long, published } = questions();
    const page = await html(`/vraag/${long.vid}`);
    expect(page).toMatch(/<details class="question-full">\s*<summary>Lees de hele vraag<\/summary>/);
    const answerAt = page.indexOf('id="antwoord-titel"');
    expect(answerAt).toBeGreaterThan(page.indexOf('Lees de hele vraag'));
    expect(answerAt).toBeLessThan(page.indexOf('id="citeer-titel"'));
    expect(text(page)).toContain(`Antwoord van de zorgkantoren · NvI ${dutchDate(published)}`);
  });

  it('shows a one-sentence question once: the heading is the question', async () => {
    const row = app.db
      .prepare("SELECT vid, question FROM qa WHERE length(question) BETWEEN 30 AND 100 AND question LIKE '%?' AND question NOT LIKE '%. %' AND question NOT LIKE '%? %' AND instr(question, char(10)) = 0 LIMIT 1")
      .get() as { vid: string; question: string };
    const page = await html(`/vraag/${row.vid}`);
    expect(decode(/<h1>([^<]*)<\/h1>/.exec(page)?.[1] ?? '')).toBe(row.question.trim());
    expect(page).not.toContain('id="vraag-titel"');
  });

  it('does not fold a short question', async () => {
    expect(await html(`/vraag/${questions().short.vid}`)).not.toContain('Lees de hele vraag');
  });

  it('cites NvI, id, document, paragraph and pages in Dutch, with the absolute permalink', async () => {
    const row = app.db.prepare('SELECT vid, document, page_start AS a, page_end AS b FROM qa WHERE page_end > page_start LIMIT 1').get() as {
      vid: string;
      document: string;
      a: number;
      b: number;
    };
    const page = await html(`/vraag/${row.vid}`);
    const citation = decode(/<textarea id="citaat"[^>]*>([^<]*)<\/textarea>/.exec(page)?.[1] ?? '');
    expect(citation).toContain(row.vid);
    expect(citation).toContain(row.document);
    expect(citation).toContain(`p. ${row.a}-${row.b}`);
    expect(citation).not.toContain('pp.');
    expect(citation).toMatch(new RegExp(`http://localhost:80/vraag/${row.vid}$`));
    expect(page).toContain('>Kopieer link</button>');
    expect(page).toContain('>Kopieer antwoord</button>');
  });

  it('has its own description and Open Graph tags', async () => {
    const [a, b] = [await html(`/vraag/${s.paragraphVids[0]}`), await html(`/vraag/${s.paragraphVids[1]}`)];
    expect(meta(a, 'name', 'description')).not.toBe(meta(b, 'name', 'description'));
    expect(meta(a, 'property', 'og:title').startsWith(decode(/<h1>([^<]*)<\/h1>/.exec(a)?.[1] ?? '-'))).toBe(true);
    expect(meta(a, 'property', 'og:url')).toBe(`http://localhost:80/vraag/${s.paragraphVids[0]}`);
    expect(meta(a, 'property', 'og:type')).toBe('article');
  });

  it('links the search back with every parameter: query, filters and page', async () => {
    const back = `q=zorgkantoor&nota=${s.nota}&document=${s.document}&page=2&limit=10`;
    const page = await html(`/vraag/${s.paragraphVids[0]}?${back}`);
    expect(hrefs(page)).toContain(`/zoeken?${back}`);
  });

  it('search results link to questions with the whole search, so the way back is exact', async () => {
    const page = await html(`/zoeken?q=zorgkantoor&document=${s.document}&page=2`);
    const question = hrefs(page).find((l) => l.startsWith('/vraag/'))!;
    const params = new URL(question, 'http://x').searchParams;
    expect(Object.fromEntries(params)).toEqual({ q: 'zorgkantoor', document: s.document, page: '2' });
  });
});

describe('search counts', () => {
  it('counts the records with all words apart from those with some, and divides them on the page', async () => {
    const all = await api('q=tarief+ggz&limit=100');
    const withAll = (await Promise.all([1, 2, 3, 4].map((p) => api(`q=tarief+ggz&limit=100&page=${p}`))))
      .flatMap((r) => r.results)
      .filter((r) => r.matchedAll).length;
    expect(all.allWords).toBe(withAll);
    expect(all.allWords).toBeGreaterThan(0);
    expect(all.total).toBeGreaterThan(all.allWords);
    const page = text(await html(`/zoeken?q=tarief+ggz&limit=100`));
    expect(page).toContain(`${all.allWords} vragen met alle woorden van “tarief ggz”, ${all.total - all.allWords} met een deel ervan`);
    expect(page).toContain('Met een deel van de woorden');
    // The divider comes after the last record with all words.
    const divider = page.indexOf('Met een deel van de woorden');
    const lastAll = all.results.filter((r) => r.matchedAll).at(-1)!;
    const firstSome = all.results.find((r) => !r.matchedAll)!;
    expect(page.indexOf(lastAll.vid)).toBeLessThan(divider);
    expect(page.indexOf(firstSome.vid, divider)).toBeGreaterThan(divider);
  });

  it('says when a record matched only in its paragraph title', async () => {
    const pages = await Promise.all([1, 2, 3].map((p) => api(`q=tarief+ggz&limit=100&page=${p}`)));
    const titleOnly = pages.flatMap((r) => r.results).filter((r) => r.titleOnly);
    expect(titleOnly.length).toBeGreaterThan(0);
    for (const r of titleOnly) expect(r.question.toLowerCase()).not.toMatch(/ggz|tarie/);
    const page = pages.findIndex((p) => p.results.some((r) => r.titleOnly)) + 1;
    const body = await html(`/zoeken?q=tarief+ggz&limit=100&page=${page}`);
    expect(body).toContain('Gevonden in de paragraaftitel, niet in vraag of antwoord');
  });

  it('exports what the page counts: all words, and partial matches only when asked', async () => {
    const { total, allWords } = await api('q=tarief+ggz');
    const exported = (qs: string) => app.inject(`/export.json?${qs}`).then((r) => (r.json() as unknown[]).length);
    expect(await exported('q=tarief+ggz')).toBe(allWords);
    expect(await exported('q=tarief+ggz&match=some')).toBe(total);
    const page = hrefs(await html('/zoeken?q=tarief+ggz'));
    expect(page).toContain('/export.csv?q=tarief+ggz');
    expect(page).toContain('/export.csv?q=tarief+ggz&match=some');
  });

  it('exports the partial matches when the page shows nothing else', async () => {
    const links = hrefs(await html('/zoeken?q=kwaliteitsbudget+qqxqzzv'));
    expect(links).toContain('/export.csv?q=kwaliteitsbudget+qqxqzzv&match=some');
  });

  it('shows a phrase search in the heading with one pair of quotation marks', async () => {
    const page = text(await html('/zoeken?q=%22extra+personeel%22'));
    expect(page).toMatch(/\d+ vragen? voor “extra personeel”/);
    expect(page).not.toContain('“"');
  });
});

describe('CSV for Dutch Excel', () => {
  /**
   * What Dutch Excel converts when it opens a CSV by double-click: formulas, numbers with a
   * decimal comma or thousands dots, percentages, dates (d-m, d-m-y, d/m, 1.2 as 1 februari,
   * day and month name) and times.
   */
  const FORMULA = /^[=+\-@\t\r]/;
  const NUMBER = /^\s*[-+]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?\s*%?\s*$|^\s*[-+]?\d+(?:,\d+)?e[-+]?\d+\s*$/i;
  const DATE = /^\s*\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?\s*$|^\s*\d{1,2}[-/ ](?:jan|feb|mrt|maa|apr|mei|jun|jul|aug|sep|okt|nov|dec)[a-z]*(?:[-/ ]\d{2,4})?\s*$/i;
  const TIME = /^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$/;
  const converted = (cell: string) => FORMULA.test(cell) || NUMBER.test(cell) || DATE.test(cell) || TIME.test(cell);

  it('has the page range as two whole-number columns, and no other cell Excel would convert', async () => {
    const res = await app.inject(`/export.csv?nota=${s.nota}`);
    const rows = parse(res.rawPayload, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    const multiPage = rows.filter((r) => r['Pagina t/m'] !== r['Pagina van']);
    expect(multiPage.length).toBeGreaterThan(0);
    for (const row of rows) {
      for (const [column, cell] of Object.entries(row)) {
        if (column === 'Pagina van' || column === 'Pagina t/m') {
          // Page numbers are numbers: Excel reads them as the same whole number.
          expect(cell).toMatch(/^[1-9]\d*$/);
        } else {
          expect(converted(cell), `${column}: ${cell.slice(0, 60)}`).toBe(false);
        }
      }
      expect(Number(row['Pagina t/m'])).toBeGreaterThanOrEqual(Number(row['Pagina van']));
    }
  });
});

describe('smaller things', () => {
  it('every main page has a description of its own', async () => {
    const urls = [
      '/zoeken?q=zorgkantoor',
      '/documenten',
      `/documenten/${s.nota}`,
      `/documenten/${s.nota}/${s.document}`,
      `/documenten/${s.nota}/${s.document}/${s.paragraph}`,
      `/vraag/${s.paragraphVids[0]}`,
    ];
    const descriptions = await Promise.all(urls.map(async (url) => meta(await html(url), 'name', 'description')));
    expect(new Set(descriptions).size).toBe(urls.length);
    for (const d of descriptions) expect(d.length).toBeGreaterThan(20);
  });

  it('a search for an id opens that question, with a way back to the list', async () => {
    const vid = s.paragraphVids[0]!;
    const res = await app.inject(`/zoeken?q=${encodeURIComponent(vid)}`);
    expect(res.statusCode).toBe(303);
    const target = res.headers.location as string;
    expect(target).toBe(`/vraag/${encodeURIComponent(vid)}?q=${encodeURIComponent(vid)}&list=1`);
    const question = await html(target);
    expect(hrefs(question)).toContain(`/zoeken?q=${encodeURIComponent(vid)}&list=1`);
    const list = await app.inject(`/zoeken?q=${encodeURIComponent(vid)}&list=1`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`class="vid">${vid}<`);
  });

  it('a query with words besides the id stays a search', async () => {
    expect((await app.inject(`/zoeken?q=${encodeURIComponent(`${s.paragraphVids[0]} zorgkantoor`)}`)).statusCode).toBe(200);
  });

  it('the 400 page is Dutch and keeps the query', async () => {
    const res = await app.inject('/zoeken?q=wachtlijst&page=0');
    expect(res.statusCode).toBe(400);
    const body = text(res.body);
    expect(body).toContain('Het paginanummer is een heel getal van 1 tot 10.000.');
    expect(body).not.toMatch(/must be|Details:/);
    expect(res.body).toMatch(/<input id="q-fout" type="search" name="q" value="wachtlijst"/);
  });

  it('the home page focuses the search field and its examples are links', async () => {
    const page = await html('/');
    expect(page).toMatch(/<input id="q-home"[^>]* autofocus>/);
    const links = hrefs(page);
    expect(links).toContain('/zoeken?q=kwaliteitsbudget');
    expect(links).toContain('/zoeken?q=tarief+ggz');
  });

  it('a long paragraph has a search within it and a jump list; a short one neither', async () => {
    const big = app.db
      .prepare('SELECT document_key AS d, paragraph_key AS p, count(*) AS n FROM qa GROUP BY document_key, paragraph_key ORDER BY n DESC LIMIT 1')
      .get() as { d: string; p: string; n: number };
    const page = await html(`/documenten/${s.nota}/${big.d}/${big.p}`);
    expect(page).toContain('Zoek in deze paragraaf');
    expect(page).toContain(`<input type="hidden" name="paragraph" value="${big.p}">`);
    const jumps = [...page.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    const anchors = [...page.matchAll(/<li class="qa" id="([^"]+)">/g)].map((m) => m[1]);
    expect(jumps).toEqual(anchors);
    expect(anchors.length).toBeGreaterThan(1);
    const few = app.db
      .prepare('SELECT document_key AS d, paragraph_key AS p FROM qa GROUP BY document_key, paragraph_key HAVING count(*) BETWEEN 2 AND 5 LIMIT 1')
      .get() as { d: string; p: string };
    const small = await html(`/documenten/${s.nota}/${few.d}/${few.p}`);
    expect(small).not.toContain('Zoek in deze paragraaf');
  });

  it('prints absolute addresses on the paragraph page', async () => {
    const page = await html(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(page).toContain(`<span class="print-only-inline"> – http://localhost:80/vraag/${s.paragraphVids[0]}</span>`);
  });
});
