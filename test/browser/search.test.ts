import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, useBrowserSuite } from '../helpers/browser.ts';

const suite = useBrowserSuite();

const total = async (page: Page) => Number((await page.locator('.results-summary').innerText()).match(/^(\d+)/)?.[1]);

describe('search', () => {
  it('finds the intended question despite a typo', async () => {
    // VID-0008 is about the kwaliteitsbudget "Excel begroting" and the "Vektis-portaal".
    const { page, errors } = await suite.open('/');
    await page.getByRole('searchbox', { name: 'Zoekterm of VraagID' }).fill('Vektis portaal begrotting');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zoeken\?q=Vektis\+portaal\+begrotting$/);
    await expect.poll(() => page.locator('.result .vid').first().innerText()).toBe('VID-0008');
    await page.locator('.result-question a').first().click();
    await page.waitForURL(/\/vraag\/VID-0008\?q=/);
    // The heading is the question (in short), the id stands beside it.
    expect(await page.locator('h1').innerText()).not.toMatch(/^Vraag /);
    expect(await page.locator('.question-context .vid').innerText()).toBe('VID-0008');
    expect(await page.locator('.prose mark').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('marks a quoted phrase as one span, and says what a typo was searched as', async () => {
    const { page, errors } = await suite.open('/zoeken?q=%22extra+personeel%22');
    expect(await page.locator('.results-summary').innerText()).toMatch(/^\d+ vragen voor “extra personeel”$/);
    const marks = await page.locator('.result mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase().replace(/\s+/g, ' ')).toMatch(/^extra personee?le?$/);
    expect(await page.locator('.result mark').first().isVisible()).toBe(true);
    expect(await page.locator('.corrected').count()).toBe(0);

    const input = page.locator('#q-zoeken');
    await input.fill('tarief kwaliteitsbugdet');
    await input.press('Enter');
    const corrected = page.locator('.corrected');
    await expect.poll(() => corrected.innerText()).toBe('Gezocht op: tarief kwaliteitsbudget');
    expect(await corrected.isVisible()).toBe(true);
    expect((await page.locator('.result mark').allInnerTexts()).map((m) => m.toLowerCase())).toContain('kwaliteitsbudget');
    await corrected.getByRole('link').click();
    await page.waitForURL(/\/zoeken\?q=tarief\+kwaliteitsbudget$/);
    await expect.poll(() => page.locator('.results-summary').innerText()).toMatch(/“tarief kwaliteitsbudget”/);
    expect(await corrected.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('narrows with a document box, and unticking it removes the filter', async () => {
    const { page, errors } = await suite.open('/zoeken?q=zorgkantoor');
    const all = await total(page);
    const documents = page.getByRole('group', { name: 'Document' });
    const facet = documents.locator('label.facet').nth(1);
    const label = (await facet.locator('.facet-label').innerText()).trim();
    const count = Number((await facet.locator('.facet-count').innerText()).match(/\d+/)?.[0]);
    await facet.locator('input').check();
    await page.waitForURL(/document=/);
    await expect.poll(() => total(page)).toBe(count);
    expect(count).toBeLessThan(all);
    const active = page.locator('label.facet--active');
    expect(await active.locator('.facet-label').innerText()).toContain(label);
    expect(await page.locator('.chip').innerText()).toContain(label);
    // By its name: the region is replaced after the click, and the new box is no longer in an active label.
    await documents.getByRole('checkbox', { name: label }).uncheck();
    await page.waitForURL(/\/zoeken\?q=zorgkantoor$/);
    await expect.poll(() => total(page)).toBe(all);
    expect(await page.locator('label.facet--active').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('updates results while typing, without reloading, and keeps the URL in step', async () => {
    const { page, errors } = await suite.open('/zoeken');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') requests.push(r.url());
    });
    // Survives only if the page is never reloaded.
    await page.evaluate('window.stayed = true');
    const input = page.locator('#q-zoeken');
    await input.pressSequentially('kwaliteitsbudget', { delay: 60 });
    await page.locator('.search-results[data-summary*="“kwaliteitsbudget”"]').waitFor();
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
    await expect.poll(() => page.url()).toBe(`${suite.served.base}/zoeken?q=kwaliteitsbudget`);
    expect(await page.locator('#live-status').innerText()).toMatch(/^\d+ vragen voor “kwaliteitsbudget”$/);
    expect(await page.title()).toBe('kwaliteitsbudget – zoeken – NvI Kennisbank');

    const first = await page.locator('.result .vid').first().innerText();
    await input.fill('');
    await input.pressSequentially('declaratieprotocol', { delay: 60 });
    await page.locator('.search-results[data-summary*="“declaratieprotocol”"]').waitFor();
    expect(await page.locator('.result .vid').first().innerText()).not.toBe(first);
    await expect.poll(() => page.url()).toBe(`${suite.served.base}/zoeken?q=declaratieprotocol`);

    expect(await page.evaluate('window.stayed')).toBe(true);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('works without JavaScript: the form submits, facet boxes with it, pages are links', async () => {
    const { page } = await suite.open('/', { ...DESKTOP, javaScriptEnabled: false });
    await page.getByRole('searchbox', { name: 'Zoekterm of VraagID' }).fill('zorgkantoor');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.waitForURL(/\/zoeken\?q=zorgkantoor$/);
    const all = await total(page);
    expect(all).toBeGreaterThan(20);
    await page.getByRole('navigation', { name: 'Paginering' }).getByRole('link', { name: 'Pagina 2' }).click();
    await page.waitForURL(/page=2/);
    expect(await page.locator('.range').innerText()).toMatch(/^21–40 van/);
    await page.getByRole('group', { name: 'Document' }).locator('input').first().check();
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/document=/);
    expect(await total(page)).toBeLessThanOrEqual(all);
    // A new query keeps the filter: the ticked box belongs to the search form.
    await page.locator('#q-zoeken').fill('tarief');
    await page.locator('#q-zoeken').press('Enter');
    // (The sort select sends its default as an empty value.)
    await page.waitForURL(/q=tarief(&sort=)?&document=/);
    expect(await page.locator('.chip').count()).toBe(1);
    // A paragraph is a link, and keeps the document.
    await page.locator('a.facet').first().click();
    await page.waitForURL(/document=.*&paragraph=/);
    expect(await page.locator('.chip').count()).toBe(2);
  });
});
