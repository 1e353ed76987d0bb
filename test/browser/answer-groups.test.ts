import { describe, expect, it } from 'vitest';
import { axeContext, screenshot, seriousAxeViolations, tabUntil, useBrowserSuite } from '../helpers/browser.ts';
import { publishNota } from '../helpers/records.ts';

/** Three sibling NvIs that gave one answer to four questions: the search shows it once, expandable. */
const WORD = 'zwaluwstaartverbinding';
const ANSWER =
  'Het zorgkantoor beoordeelt elke aanvraag afzonderlijk en neemt daarbij de regionale situatie, de beschikbare ' +
  'contracteerruimte en de kwaliteit van de geleverde zorg mee; een vooraf vastgesteld maximum is er niet.';
const suite = useBrowserSuite({
  prepare: (db) => {
    const description = (sector: string) => ({ description: { publisher: 'Zorgkantoor Test', sector, round: '2024-2026', sequence: 1 } });
    publishNota(db, 'nvi-a-ggz', [
      { vid: 'G-1', question: `Hoe beoordeelt u een aanvraag voor ${WORD}?`, answer: ANSWER },
      { vid: 'G-2', question: `Is er een maximum aan ${WORD}?`, answer: ANSWER },
    ], description('GGZ'));
    publishNota(db, 'nvi-b-gz', [{ vid: 'Z-1', question: `Hoe lang duurt de beoordeling van ${WORD}?`, answer: ANSWER }], description('GZ'));
    publishNota(db, 'nvi-c-vv', [{ vid: 'V-1', question: `Welke criteria gelden voor ${WORD}?`, answer: ANSWER }], description('VV'));
  },
});

/** Tab stops before giving up: the results come right after the search form. */
const MAX_TABS = 60;

describe('same answer, shown once, in a browser', () => {
  it('opens an answer group with the keyboard, its questions are links, and axe stays clean with it open', async () => {
    const context = await axeContext(suite.browser);
    const page = await context.newPage();
    await page.goto(`${suite.served.base}/zoeken?q=${WORD}`);
    expect(await page.locator('li.result').count()).toBe(1);
    const group = page.locator('details.answer-group');
    expect(await group.getAttribute('open')).toBeNull();
    expect(await group.locator('summary').textContent()).toBe('Zelfde antwoord op 4 vragen, ook in GZ, VV');
    expect(await group.locator('a').first().isVisible()).toBe(false);

    const focused = () => page.evaluate(`document.activeElement?.matches('details.answer-group > summary') ?? false`) as Promise<boolean>;
    expect(await tabUntil(page, focused, MAX_TABS), 'the group is reachable with Tab').toBeLessThanOrEqual(MAX_TABS);
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await group.getAttribute('open')).not.toBeNull();
    const links = group.locator('a');
    expect(await links.count()).toBe(3);
    expect(await links.first().isVisible()).toBe(true);
    // The next Tab goes into the list, to the first other question.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(`document.activeElement?.closest('details.answer-group') !== null && document.activeElement?.tagName === 'A'`)).toBe(true);
    // The other three questions: the result itself heads the list unlinked.
    const self = (await page.locator('li.result h3 a').getAttribute('href'))!.replace(/\?.*$/, '');
    const all = ['/vraag/nvi-a-ggz/G-1', '/vraag/nvi-a-ggz/G-2', '/vraag/nvi-b-gz/Z-1', '/vraag/nvi-c-vv/V-1'];
    expect(all).toContain(self);
    expect((await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).sort()).toEqual(all.filter((h) => h !== self));

    await screenshot(page, 'search-answer-group-desktop');
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Closed again with the keyboard, from its summary.
    await group.locator('summary').focus();
    await page.keyboard.press('Space');
    expect(await group.getAttribute('open')).toBeNull();
    await context.close();
  });
});
