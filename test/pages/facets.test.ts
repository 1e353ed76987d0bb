import { describe, expect, it } from 'vitest';
import { THREE, useThreeNotaApp } from '../helpers/three-notas.ts';
import { hrefs } from './sample.ts';

/** The search page and the home page with three NvIs: checkbox facets, chips, sort, links that keep it all. */
const app = useThreeNotaApp();

async function page(url: string) {
  const res = await app().inject(url);
  expect(res.statusCode, url).toBe(200);
  return { html: res.body, links: hrefs(res.body) };
}

const checkbox = (name: string, value: string, checked: boolean) =>
  `<input type="checkbox" form="form-zoeken" name="${name}" value="${value}"${checked ? ' checked' : ''}>`;

describe('the search page across NvIs', () => {
  it('shows round, sector, publisher, NvI and document as checkbox groups with counts, the chosen ones ticked', async () => {
    const { html } = await page('/zoeken?q=zorg&sector=GZ&sector=GGZ');
    for (const legend of ['Ronde', 'Sector', 'Uitgever', 'NvI', 'Document']) expect(html).toContain(`<legend class="facet-title">${legend}</legend>`);
    expect(html).toContain(checkbox('sector', 'GGZ', true));
    expect(html).toContain(checkbox('sector', 'GZ', true));
    expect(html).toContain(checkbox('sector', 'VV', false));
    expect(html).toContain(checkbox('round', '2024-2026', false));
    // A count beside each value; the checkboxes belong to the search form, whose id they name.
    expect(html).toMatch(/value="VV">\s*<span class="facet-label">VV<\/span>\s*<span class="facet-count">\d+/);
    expect(html).toContain('<form id="form-zoeken"');
    // Without JavaScript the panel's button sends them.
    expect(html).toContain('<button type="submit" form="form-zoeken" data-apply-filters>Filters toepassen</button>');
    // A ticked value is no hidden field too: unticking must remove it.
    expect(html).not.toContain('<input type="hidden" name="sector"');
  });

  it('puts the results before the facets in the page (and so in keyboard order)', async () => {
    const { html } = await page('/zoeken?q=zorg&sector=GGZ');
    expect(html.indexOf('class="result-list"')).toBeGreaterThan(0);
    expect(html.indexOf('class="result-list"')).toBeLessThan(html.indexOf('name="sector"'));
  });

  it('offers a chip per chosen value that removes only that value', async () => {
    const { html, links } = await page('/zoeken?q=zorg&sector=GZ&sector=GGZ&round=2024-2026');
    expect(html).toMatch(/class="chip"[^>]*>GGZ /);
    expect(html).toMatch(/class="chip"[^>]*>Ronde 2024-2026 /);
    expect(links).toContain('/zoeken?q=zorg&round=2024-2026&sector=GZ');
    expect(links).toContain('/zoeken?q=zorg&round=2024-2026&sector=GGZ');
    expect(links).toContain('/zoeken?q=zorg&sector=GGZ&sector=GZ');
  });

  it('keeps every parameter, repeated ones included, in result, page and export links', async () => {
    const { links } = await page('/zoeken?q=zorg&sector=GZ&sector=GGZ&sort=newest');
    const params = 'q=zorg&sector=GGZ&sector=GZ&sort=newest';
    expect(links.some((l) => l.startsWith('/vraag/') && l.endsWith(`?${params}`))).toBe(true);
    expect(links).toContain(`/zoeken?${params}&page=2`);
    expect(links).toContain(`/export.csv?${params}`);
    expect(links).toContain(`/export.json?${params}`);
    // The question page leads back to exactly that search.
    const question = links.find((l) => l.startsWith('/vraag/') && l.endsWith(`?${params}`))!;
    const back = await page(question);
    expect(back.links).toContain(`/zoeken?${params}`);
  });

  it('has a sort select in the search form with the chosen order selected', async () => {
    const { html } = await page('/zoeken?q=zorg&sort=newest');
    expect(html).toMatch(/<select id="sort-zoeken" name="sort" form="form-zoeken">/);
    // After the results, with the filters: the first result stays a Tab away from the search field.
    expect(html.indexOf("id=\"sort-zoeken\"")).toBeGreaterThan(html.indexOf("class=\"result-list\""));
    expect(html).toContain('<option value="newest" selected>Nieuwste ronde eerst</option>');
    // The first option is the default, sent as an empty value by a form without JavaScript.
    const plain = await page('/zoeken?q=zorg&sort=');
    expect(plain.html).toContain('<option value="" selected>');
  });

  it('answers the form as a browser without JavaScript sends it', async () => {
    // Query, empty sort, two ticked sectors, a paragraph kept as a hidden field.
    const { html } = await page('/zoeken?q=zorg&sort=&sector=GGZ&sector=GZ');
    expect(html).toMatch(/\d+ vragen voor “zorg”/);
    expect(html).toContain(checkbox('sector', 'GZ', true));
  });

  it('keeps a paragraph as a hidden field and lists nothing when the chosen documents leave it out', async () => {
    const list = (await app().inject(`/api/search?nota=${THREE.vv.slug}&limit=1`)).json() as { facets: { paragraph: Array<{ key: string; documentKey: string; label: string }> } };
    const p = list.facets.paragraph[0]!;
    // A document that has no such paragraph in any NvI.
    const { documents, paragraphs } = app().snapshots.current;
    const other = documents.find((d) => !paragraphs.some((x) => x.documentKey === d.key && x.key === p.key))!.key;
    const { html } = await page(`/zoeken?document=${p.documentKey}&paragraph=${encodeURIComponent(p.key)}`);
    expect(html).toContain(`<input type="hidden" name="paragraph" value="${p.key}">`);
    const elsewhere = await page(`/zoeken?document=${other}&paragraph=${encodeURIComponent(p.key)}`);
    expect(/<h2 id="results-summary"[^>]*>[^<]*/.exec(elsewhere.html)?.[0]).toMatch(/>0 vragen in /);
    // Its chip names the paragraph by its label, and removes only it.
    expect(elsewhere.html).toMatch(new RegExp(`class="chip" href="/zoeken\\?document&#x3D;${other}">[^<]*${p.label.slice(0, 10).replace(/[.?*+()]/g, '\\$&')}`));
  });
});

describe('the home page', () => {
  it('groups the NvIs by round, newest round first, each with publisher, sector, date and count', async () => {
    const { html, links } = await page('/');
    const newer = html.indexOf('Inkoopronde 2024-2026');
    const older = html.indexOf('Inkoopronde 2021-2023');
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    // Within a round the later publication first.
    expect(html.indexOf('Nota van Inlichtingen GZ test')).toBeGreaterThan(newer);
    expect(html.indexOf('Nota van Inlichtingen GZ test')).toBeLessThan(html.indexOf('Nota van Inlichtingen GGZ test'));
    expect(html).toContain('<span class="nota-sector">GGZ</span>');
    expect(html).toContain('<span class="nota-publisher">Zilveren Kruis</span>');
    expect(html).toContain('1 juli 2023');
    expect(links).toContain('/zoeken?round=2024-2026');
    expect(links).toContain(`/zoeken?nota=${THREE.gz.slug}`);
  });
});
