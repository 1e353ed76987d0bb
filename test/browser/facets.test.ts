import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, tabUntil, useBrowserSuite } from '../helpers/browser.ts';
import { addThreeNotas, THREE } from '../helpers/three-notas.ts';

/** Ticking two sectors, with and without JavaScript, across three NvIs (test/helpers/three-notas.ts). */
const suite = useBrowserSuite({ prepare: addThreeNotas });

/** The count the summary starts with ("1.234 vragen …": Dutch thousands). */
const total = async (page: Page) => Number((await page.locator('.results-summary').innerText()).match(/^([\d.]+)/)?.[1]?.replace(/\./g, ''));
const sectors = (page: Page) => page.getByRole('group', { name: 'Sector' });
const notasShown = async (page: Page) =>
  new Set(
    (await page.locator('.result-question a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map((href) => href.split('/')[2]),
  );

async function apiTotal(qs: string): Promise<number> {
  const res = await fetch(`${suite.served.base}/api/search?${qs}`);
  return ((await res.json()) as { total: number }).total;
}

describe('sector checkboxes', () => {
  it('without JavaScript: two ticks and the button give both sectors, as repeated keys', async () => {
    const { page, errors } = await suite.open('/zoeken?q=zorg', { ...DESKTOP, javaScriptEnabled: false });
    await sectors(page).getByRole('checkbox', { name: /^GGZ/ }).check();
    await sectors(page).getByRole('checkbox', { name: /^GZ/ }).check();
    await page.getByRole('button', { name: 'Filters toepassen' }).click();
    await page.waitForURL(/sector=/);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('sector').sort()).toEqual(['GGZ', 'GZ']);
    expect(url.searchParams.get('q')).toBe('zorg');
    expect(await total(page)).toBe(await apiTotal('q=zorg&sector=GGZ&sector=GZ'));
    expect(await notasShown(page)).toEqual(new Set([THREE.ggz.slug, THREE.gz.slug]));
    expect(await sectors(page).getByRole('checkbox', { name: /^GGZ/ }).isChecked()).toBe(true);
    expect(await sectors(page).getByRole('checkbox', { name: /^VV/ }).isChecked()).toBe(false);
    // A chip removes one of them.
    await page.locator('.chip', { hasText: 'GGZ' }).click();
    await page.waitForURL((u) => u.searchParams.getAll('sector').join() === 'GZ');
    expect(await notasShown(page)).toEqual(new Set([THREE.gz.slug]));
    expect(errors).toEqual([]);
  });

  it('with JavaScript: each tick updates the results and the URL without a reload, and the focus stays', async () => {
    const { page, errors } = await suite.open('/zoeken?q=zorg');
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'document') requests.push(r.url());
    });
    const all = await total(page);
    await sectors(page).getByRole('checkbox', { name: /^GGZ/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector')).toEqual(['GGZ']);
    await expect.poll(() => total(page)).toBe(await apiTotal('q=zorg&sector=GGZ'));
    await sectors(page).getByRole('checkbox', { name: /^GZ/ }).check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector').sort()).toEqual(['GGZ', 'GZ']);
    const both = await apiTotal('q=zorg&sector=GGZ&sector=GZ');
    await expect.poll(() => total(page)).toBe(both);
    expect(both).toBeLessThan(all);
    expect(await notasShown(page)).toEqual(new Set([THREE.ggz.slug, THREE.gz.slug]));
    // The box just ticked still has the focus after the results region was replaced.
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('value')")).toBe('GZ');
    // The sort applies at once too, and the URL keeps both sectors.
    await page.locator('#sort-zoeken').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    expect(new URL(page.url()).searchParams.getAll('sector').sort()).toEqual(['GGZ', 'GZ']);
    await expect.poll(() => page.locator('.result-question a').first().getAttribute('href')).toContain(`/${THREE.gz.slug}/`);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('with the keyboard: Tab reaches the first result before any box, then the boxes; Space ticks', async () => {
    const { page, errors } = await suite.open('/zoeken?q=zorg');
    await page.locator('#q-zoeken').focus();
    const active = () =>
      page.evaluate(
        "(() => { const el = document.activeElement; if (!el) return ''; if (el.matches('.result-question a')) return 'result'; if (el.matches('input[type=checkbox]')) return el.name + '=' + el.value; return el.tagName; })()",
      ) as Promise<string>;
    const stops: string[] = [];
    const reachedGz = async () => {
      stops.push(await active());
      return stops.includes('sector=GZ');
    };
    await tabUntil(page, reachedGz, 200);
    expect(stops.indexOf('result')).toBeGreaterThanOrEqual(0);
    expect(stops.indexOf('result')).toBeLessThan(stops.findIndex((s) => s.includes('=')));
    expect(stops).toContain('sector=GZ');
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.getAll('sector')).toEqual(['GZ']);
    await expect.poll(() => active()).toBe('sector=GZ');
    expect(errors).toEqual([]);
  });
});
