import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, useBrowserSuite } from '../helpers/browser.ts';
import { sample, type Sample } from '../pages/sample.ts';

const suite = useBrowserSuite();
let s: Sample;

beforeAll(() => {
  s = sample(suite.served.app);
});

describe('reading', () => {
  it('browses from the home page to a paragraph and shows its questions in table order', async () => {
    const { page, errors } = await suite.open();
    await page.goto(suite.served.base + '/');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Documenten' }).click();
    await page.waitForURL(/\/documenten$/);
    await page.locator(`a[href="/documenten/${s.nota}"]`).first().click();
    await page.waitForURL(new RegExp(`/documenten/${s.nota}$`));
    await page.locator(`a[href="/documenten/${s.nota}/${s.document}"]`).first().click();
    await page.waitForURL(new RegExp(`/documenten/${s.nota}/${s.document}$`));
    await page.locator(`a[href="/documenten/${s.nota}/${s.document}/${s.paragraph}"]`).click();
    await page.waitForURL(new RegExp(`/${s.paragraph}$`));
    expect(await page.locator('.qa-title a').allInnerTexts()).toEqual(s.paragraphVids);
    // Question and answer text keep their structure and are readable, not empty.
    expect((await page.locator('.qa-body dd').first().innerText()).length).toBeGreaterThan(10);
    await page.locator('.qa-title a').first().click();
    await page.waitForURL(new RegExp(`/vraag/${s.paragraphVids[0]}$`));
    expect(errors).toEqual([]);
  });

  it('opens a permalink, follows "same answer" and links the source PDF page', async () => {
    const { page, errors } = await suite.open();
    await page.goto(`${suite.served.base}/vraag/${s.grouped.vid}`);
    const same = page.locator('section.linked', { has: page.getByRole('heading', { name: /Dit antwoord is ook gegeven op/ }) });
    expect(await same.getByRole('heading').innerText()).toBe(`Dit antwoord is ook gegeven op ${s.grouped.others.length} andere vragen`);
    const answer = await page.locator('.qa-block--answer .prose').innerText();

    const pdf = page.getByRole('link', { name: /in de bron-PDF/ });
    const href = (await pdf.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^/bron/${s.nota}\\.pdf#page=\\d+$`));
    expect(await pdf.getAttribute('target')).toBe('_blank');
    const res = await page.request.get(suite.served.base + href.split('#')[0]);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

    await same.locator('a').first().click();
    await page.waitForURL(new RegExp(`/vraag/${s.grouped.others[0]}$`));
    expect(await page.locator('.qa-block--answer .prose').innerText()).toBe(answer);
    expect(await page.locator(`section.linked a[href="/vraag/${s.grouped.vid}"]`).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('copies the citation with the copy button', async () => {
    const context = await suite.browser.newContext({ ...DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${suite.served.base}/vraag/${s.paragraphVids[0]}`);
    const citation = await page.locator('#citaat').inputValue();
    expect(citation).toContain(s.paragraphVids[0]);
    await page.getByRole('button', { name: 'Kopieer citaat' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Gekopieerd' }).count()).toBe(1);
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(citation);
  });
});
