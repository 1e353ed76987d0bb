/**
 * Pages as readers meet them: at 1280 and 390 px, with and without JavaScript, by keyboard and in
 * print. Screenshots go to test-results/screenshots (see helpers/browser.ts).
 */
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPdfJs } from '../../ingest/pdfjs.ts';
import { DESKTOP, SCREENSHOTS, screenshot, tabUntil, useBrowserSuite } from '../helpers/browser.ts';
import { sample, type Sample } from '../pages/sample.ts';

const suite = useBrowserSuite();
let s: Sample;
/** The longest question, a short one with a one-page answer, and the search with a divider. */
let longVid: string;
let shortVid: string;
let bigParagraph: string;

/** A common phone: 390 CSS pixels wide, 844 high. */
const PHONE_390: BrowserContextOptions = { viewport: { width: 390, height: 844 }, locale: 'nl-NL', isMobile: true, hasTouch: true };
const DEVICES = [
  ['desktop', DESKTOP],
  ['phone', PHONE_390],
] as const;
const SCRIPT = [
  ['with JavaScript', true],
  ['without JavaScript', false],
] as const;

beforeAll(() => {
  s = sample(suite.served.app);
  const db = suite.served.app.db;
  longVid = db.prepare('SELECT vid FROM qa ORDER BY length(question) DESC LIMIT 1').pluck().get() as string;
  const big = db
    .prepare('SELECT document_key AS d, paragraph_key AS p FROM qa GROUP BY document_key, paragraph_key ORDER BY count(*) DESC LIMIT 1')
    .get() as { d: string; p: string };
  bigParagraph = `/documenten/${s.nota}/${big.d}/${big.p}`;
  shortVid = db
    .prepare("SELECT vid FROM qa WHERE length(question) < 200 AND length(answer) < 400 AND answer LIKE '%zorgkantoor %' ORDER BY seq LIMIT 1")
    .pluck()
    .get() as string;
});

async function open(path: string, options: BrowserContextOptions, javaScriptEnabled: boolean) {
  return suite.open(path, { ...options, javaScriptEnabled });
}

/** Where an element's top is, in CSS pixels from the top of the page. */
async function top(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not rendered`);
  return box.y + (await page.evaluate('window.scrollY') as number);
}

describe.each(SCRIPT)('question page %s', (_label, js) => {
  it.each(DEVICES)('a long question leaves the answer on the first screen (%s)', async (device, options) => {
    const { page, errors } = await open(`/vraag/${longVid}`, options, js);
    const height = options.viewport!.height;
    const answerTop = await top(page, '#antwoord-tekst');
    // The answer's first line is on screen without scrolling.
    expect(answerTop + 24, `${device}: answer at ${answerTop}px`).toBeLessThan(height);
    expect(await page.locator('h1').innerText()).not.toMatch(/^Vraag /);
    expect(await page.locator('.qa-label-date').innerText()).toMatch(/^· NvI \d{1,2} \w+ \d{4}$/);
    // "Lees de hele vraag" shows the whole question, and the answer moves down below it.
    const summary = page.getByText('Lees de hele vraag');
    expect(await summary.isVisible()).toBe(true);
    const previewHeight = (await page.locator('.question-preview').boundingBox())!.height;
    await summary.click();
    const full = page.locator('.question-full .prose');
    expect(await full.isVisible()).toBe(true);
    expect((await full.boundingBox())!.height).toBeGreaterThan(previewHeight);
    expect(await page.locator('.question-preview').isVisible()).toBe(false);
    await screenshot(page, `question-long-open-${device}${js ? '' : '-nojs'}`);
    expect(errors).toEqual([]);
  });

  it('copy buttons are there only with script', async () => {
    const { page } = await open(`/vraag/${shortVid}`, DESKTOP, js);
    expect(await page.getByRole('button', { name: 'Kopieer link' }).isVisible()).toBe(js);
    expect(await page.getByRole('button', { name: 'Kopieer antwoord' }).isVisible()).toBe(js);
  });
});

describe('copying', () => {
  it('"Kopieer link" copies the absolute permalink, "Kopieer antwoord" the answer with its citation', async () => {
    const context = await suite.browser.newContext({ ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${suite.served.base}/vraag/${shortVid}`);
    await page.getByRole('button', { name: 'Kopieer link' }).click();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(`${suite.served.base}/vraag/${shortVid}`);
    await page.getByRole('button', { name: 'Kopieer antwoord' }).click();
    const answer = (await page.locator('#antwoord-tekst').innerText()).trim();
    const citation = await page.locator('#citaat').inputValue();
    await expect.poll(() => page.evaluate('navigator.clipboard.readText()')).toBe(`${answer}\n\n${citation}`);
    await context.close();
  });
});

describe.each(SCRIPT)('search results %s', (_label, js) => {
  it.each(DEVICES)('count the records with all words and divide off the rest (%s)', async (device, options) => {
    const { page, errors } = await open('/zoeken?q=tarief+ggz', options, js);
    const summary = await page.locator('.results-summary').innerText();
    const [, all, some] = /^(\d+) vragen met alle woorden van “tarief ggz”, (\d+) met een deel ervan$/.exec(summary) ?? [];
    expect(Number(all)).toBeGreaterThan(0);
    expect(Number(some)).toBeGreaterThan(0);
    // The page with the last all-words record shows the divider, visibly, between the two kinds.
    const pageSize = 20;
    const withDivider = Math.floor(Number(all) / pageSize) + 1;
    await page.goto(`${suite.served.base}/zoeken?q=tarief+ggz${withDivider > 1 ? `&page=${withDivider}` : ''}`);
    const divider = page.locator('.result-divider');
    expect(await divider.isVisible()).toBe(true);
    expect(await divider.innerText()).toMatch(/^Met een deel van de woorden/);
    await divider.scrollIntoViewIfNeeded();
    await screenshot(page, `search-divider-${device}${js ? '' : '-nojs'}`);
    expect(errors).toEqual([]);
  });

  it.each(DEVICES)('lead back from a question to the same page with the same filters (%s)', async (_device, options) => {
    const search = `/zoeken?q=zorgkantoor&document=${s.document}&page=2`;
    const { page, errors } = await open(search, options, js);
    await page.locator('.result-question a').first().click();
    await page.waitForURL(/\/vraag\//);
    await page.getByRole('link', { name: /Terug naar de resultaten/ }).click();
    await page.waitForURL((url) => url.pathname === '/zoeken');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: 'zorgkantoor', document: s.document, page: '2' });
    expect(await page.locator('.range').innerText()).toMatch(/^21–/);
    expect(errors).toEqual([]);
  });
});

/** More Tab stops than any results page has (20 results, facets, pagination, exports). */
const MAX_TAB_STOPS = 300;

describe('keyboard', () => {
  it.each(DEVICES)('reaches the first result in a few Tab presses from the search field (%s)', async (_device, options) => {
    const { page } = await open('/zoeken?q=tarief+ggz', options, true);
    await page.locator('#q-zoeken').focus();
    const onFirst = () => page.evaluate("document.activeElement === document.querySelector('.result-question a')") as Promise<boolean>;
    const presses = await tabUntil(page, onFirst, 30);
    // The search button, on a phone the "Verfijnen" jump link, then the first result.
    expect(presses).toBeLessThanOrEqual(3);
  });

  it('on a wide screen the filter panel has no toggle to focus or collapse', async () => {
    const { page } = await open('/zoeken?q=tarief+ggz', DESKTOP, true);
    expect(await page.locator('.filters > summary').isVisible()).toBe(false);
    const stops: string[] = [];
    await page.locator('#q-zoeken').focus();
    // Never done: 80 presses, each stop noted.
    const note = async () => {
      stops.push((await page.evaluate("document.activeElement && document.activeElement.matches('.filters > summary') ? 'toggle' : 'other'")) as string);
      return false;
    };
    await tabUntil(page, note, 80);
    expect(stops).not.toContain('toggle');
    expect(await page.evaluate("document.querySelector('details.filters').open")).toBe(true);
    expect(await page.locator('a.facet').first().isVisible()).toBe(true);
  });

  it('Tab goes through the whole results page and out of it: no trap', async () => {
    const { page } = await open('/zoeken?q=tarief+ggz', DESKTOP, true);
    const seen = new Set<string>();
    let leftPage = false;
    // More presses than the page has stops: focus must leave the page (or come round again).
    await tabUntil(
      page,
      async () => {
        const id = (await page.evaluate(
          "(() => { const el = document.activeElement; if (!el || el === document.body) return 'body'; return [...document.querySelectorAll('*')].indexOf(el) + '|' + (el.getAttribute('href') || el.id); })()",
        )) as string;
        leftPage = id === 'body' || seen.has(id);
        if (!leftPage) seen.add(id);
        return leftPage;
      },
      MAX_TAB_STOPS,
    );
    expect(leftPage).toBe(true);
    // Every stop was visited before focus left: the footer's links are among them.
    expect([...seen].some((id) => id.includes('/api/notas'))).toBe(true);
  }, 180_000);
});

describe('print', () => {
  async function pdfOf(path: string) {
    const { page, errors } = await open(path, DESKTOP, true);
    await page.emulateMedia({ media: 'print' });
    const bytes = await page.pdf({ format: 'A4', printBackground: true });
    const pdfjs = await loadPdfJs();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
    let text = '';
    for (let p = 1; p <= doc.numPages; p++) {
      const content = await (await doc.getPage(p)).getTextContent();
      text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
    }
    return { page, errors, pages: doc.numPages, text: text.replace(/\s+/g, ' ') };
  }

  it('a short question prints on one page, with absolute addresses, the print date and no highlights', async () => {
    const { page, errors, pages, text } = await pdfOf(`/vraag/${shortVid}?q=zorgkantoor`);
    expect(pages).toBe(1);
    const base = suite.served.base;
    expect(text).toContain(`${base}/vraag/${shortVid}`);
    expect(text).toMatch(new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/bron/[^ ]+\\.pdf#page=\\d+`));
    expect(text).toMatch(/Afgedrukt op \d{1,2} \w+ \d{4}/);
    // No relative address printed.
    expect(text).not.toMatch(/\(\/bron\//);
    const marks = (await page.evaluate(
      '[...document.querySelectorAll("mark")].map((el) => getComputedStyle(el).backgroundColor + " " + getComputedStyle(el).fontWeight)',
    )) as string[];
    const bodyWeight = await page.evaluate('getComputedStyle(document.querySelector("#antwoord-tekst")).fontWeight');
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) expect(m).toBe(`rgba(0, 0, 0, 0) ${bodyWeight}`);
    expect(errors).toEqual([]);
  });

  it('a long question prints whole, not folded', async () => {
    const { text } = await pdfOf(`/vraag/${longVid}`);
    const question = suite.served.app.db.prepare('SELECT question FROM qa WHERE vid = ?').pluck().get(longVid) as string;
    const lastWords = question.replace(/\s+/g, ' ').trim().split(' ').slice(-4).join(' ');
    expect(text).toContain(lastWords);
    expect(text).not.toContain('Lees de hele vraag');
  });

  it('a paragraph page prints its questions with absolute addresses', async () => {
    const { text } = await pdfOf(`/documenten/${s.nota}/${s.document}/${s.paragraph}`);
    expect(text).toContain(`${suite.served.base}/vraag/${s.paragraphVids[0]}`);
  });
});

describe('screenshots', () => {
  const PAGES = () => ({
    'question-long': `/vraag/${longVid}`,
    'question-short': `/vraag/${shortVid}`,
    'search-words': '/zoeken?q=tarief+ggz',
    'paragraph-long': bigParagraph,
  });

  const NAMES = ['question-long', 'question-short', 'search-words', 'paragraph-long'] as const;
  it.each(NAMES.flatMap((name) => DEVICES.map(([device, options]) => [name, device, options] as const)))(
    'of the %s page (%s)',
    async (name, device, options) => {
      const { page, errors } = await open(PAGES()[name], options, true);
      if (name === 'paragraph-long') {
        // Seventy questions make a page tens of thousands of pixels tall: its first screen shows
        // what this page adds (the search within and the jump list), the whole would time out.
        await page.locator('.paragraph-tools > summary').click();
        await page.screenshot({ path: path.join(SCREENSHOTS, `read-${name}-${device}.png`) });
      } else {
        await screenshot(page, `read-${name}-${device}`);
      }
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );
});
