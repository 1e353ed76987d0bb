import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContextOptions } from 'playwright-core';
import { axeContext, DESKTOP, PHONE, screenshot, seriousAxeViolations, useBrowserSuite } from '../helpers/browser.ts';
import { sample, type Sample } from '../pages/sample.ts';

const suite = useBrowserSuite();
let s: Sample;

beforeAll(() => {
  s = sample(suite.served.app);
});

/** The main pages, by screenshot name (URLs need the sample, known once the server runs). */
const PAGES = {
  home: () => '/',
  search: () => '/zoeken?q=kwaliteitsbudget',
  'search-intro': () => '/zoeken',
  'search-filtered': () => `/zoeken?q=zorgkantoor&document=${s.document}`,
  documents: () => '/documenten',
  paragraph: () => `/documenten/${s.nota}/${s.document}/${s.paragraph}`,
  question: () => `/vraag/${s.grouped.vid}?q=zorgkantoren`,
  'question-long': () => `/vraag/${s.longVid}`,
  'search-partial': () => '/zoeken?q=tarief+ggz&page=2',
  'not-found': () => '/vraag/VID-99999',
  'bad-request': () => '/zoeken?q=zorg&page=0',
};
const NAMES = Object.keys(PAGES) as Array<keyof typeof PAGES>;

async function axe(url: string, options: BrowserContextOptions) {
  const context = await axeContext(suite.browser, options);
  const page = await context.newPage();
  await page.goto(suite.served.base + url);
  const serious = await seriousAxeViolations(page);
  await context.close();
  return serious;
}

describe.each(NAMES)('%s page', (name) => {
  it('has no serious or critical axe violations, on desktop and phone', async () => {
    const url = PAGES[name]();
    expect(await axe(url, DESKTOP), 'desktop').toEqual([]);
    expect(await axe(url, PHONE), 'phone').toEqual([]);
  });

  it('fits a 360px phone without horizontal scrolling (screenshots on desktop and phone)', async () => {
    for (const [device, options] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      const context = await suite.browser.newContext(options);
      const page = await context.newPage();
      await page.goto(suite.served.base + PAGES[name]());
      const widths = (await page.evaluate('({ content: document.documentElement.scrollWidth, viewport: window.innerWidth })')) as {
        content: number;
        viewport: number;
      };
      expect(widths.content, device).toBeLessThanOrEqual(widths.viewport);
      await screenshot(page, `${name}-${device}`);
      await context.close();
    }
  });
});

describe('keyboard', () => {
  it('the skip link is the first stop and moves focus to the main content', async () => {
    const page = await (await suite.browser.newContext(DESKTOP)).newPage();
    await page.goto(`${suite.served.base}/documenten`);
    await page.keyboard.press('Tab');
    expect(await page.locator(':focus').innerText()).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.locator(':focus').getAttribute('id')).toBe('inhoud');
  });

  it('shows a visible focus outline on links and buttons', async () => {
    const page = await (await suite.browser.newContext(DESKTOP)).newPage();
    await page.goto(`${suite.served.base}/zoeken?q=zorg`);
    await page.locator('.result-question a').first().focus();
    expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).toBe('solid');
  });
});
