import { describe, expect, it } from 'vitest';
import { axeContext, screenshot, seriousAxeViolations, tabUntil, useBrowserSuite } from '../helpers/browser.ts';
import { publishNota } from '../helpers/records.ts';

/** Two sibling NvIs with one question copied and its answer edited: the page shows the comparison. */
const QUESTION = 'Wanneer wordt Bijlage 6 Voorschrift zorgtoewijzing gepubliceerd?';
const suite = useBrowserSuite({
  prepare: (db) => {
    const description = (sector: string) => ({ description: { publisher: 'Zilveren Kruis', sector, round: '2024-2026', sequence: 1 } });
    publishNota(db, 'nvi-ggz-1', [{ vid: 'G-2', question: QUESTION, answer: 'Het voorschrift wordt in december gepubliceerd op de website van het zorgkantoor.' }], description('GGZ'));
    publishNota(db, 'nvi-gz-1', [{ vid: 'Z-2', question: QUESTION, answer: 'Het voorschrift wordt in maart gepubliceerd op de website van de NZa.' }], description('GZ'));
  },
});

/** Tab stops before giving up: the page's links and buttons come well before this. */
const MAX_TABS = 60;

describe('the same question elsewhere, in a browser', () => {
  it('opens the answer comparison with the keyboard, and axe stays clean with it open', async () => {
    const context = await axeContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.served.base}/vraag/nvi-ggz-1/G-2`);
    const diff = page.locator('details.answer-diff');
    expect(await diff.getAttribute('open')).toBeNull();
    expect(await diff.locator('ins').first().isVisible()).toBe(false);

    const onSummary = async () => (await page.evaluate('document.activeElement?.tagName')) === 'SUMMARY';
    expect(await tabUntil(page, onSummary, MAX_TABS), 'the comparison is reachable with Tab').toBeLessThanOrEqual(MAX_TABS);
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect(await diff.getAttribute('open')).not.toBeNull();
    expect(await diff.locator('ins').first().isVisible()).toBe(true);
    // What a screen reader (and a copy) gets: each change says what it is.
    expect(await diff.locator('del').allTextContents()).toEqual(['[verwijderd: december]', '[verwijderd: het zorgkantoor.]']);
    expect(await diff.locator('ins').allTextContents()).toEqual(['[toegevoegd: maart]', '[toegevoegd: de NZa.]']);
    // Without colour: struck through and underlined.
    const decoration = (tag: string) => page.evaluate(`getComputedStyle(document.querySelector('details.answer-diff ${tag}')).textDecorationLine`);
    expect(await decoration('del')).toContain('line-through');
    expect(await decoration('ins')).toContain('underline');

    await screenshot(page, 'question-elsewhere-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
