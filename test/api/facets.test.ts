import { describe, expect, it } from 'vitest';
import { loadSearch, type SearchResponse } from '../../server/loaders/search.ts';
import { getJson } from '../helpers/inject.ts';
import { THREE, useThreeNotaApp } from '../helpers/three-notas.ts';

/**
 * Searching across NvIs: repeated keys for the facets on NvIs and documents (OR within a facet,
 * AND across facets), counts per facet value, sort orders, and the 400s, on three NvIs from two
 * rounds, three sectors and two publishers.
 */
const app = useThreeNotaApp();

type Body = SearchResponse & { apiVersion: number };

const search = (qs: string) => getJson<Body>(app(), `/api/search?${qs}`);

const count = (facet: Array<{ key: string; count: number }>, key: string) => facet.find((f) => f.key === key)?.count ?? 0;
const notasOf = (body: Body) => new Set(body.results.map((r) => r.nota));

describe('facets with several values', () => {
  it('takes a repeated key: values of one facet combine with OR', async () => {
    const ggz = await search('q=zorg&sector=GGZ');
    const gz = await search('q=zorg&sector=GZ');
    const both = await search('q=zorg&sector=GZ&sector=GGZ&limit=100');
    expect(ggz.total).toBeGreaterThan(0);
    expect(gz.total).toBeGreaterThan(0);
    expect(both.total).toBe(ggz.total + gz.total);
    expect(both.filters.sector).toEqual(['GGZ', 'GZ']);
    expect(notasOf(both)).toEqual(new Set([THREE.ggz.slug, THREE.gz.slug]));
    expect(notasOf(ggz)).toEqual(new Set([THREE.ggz.slug]));
  });

  it('combines facets with AND', async () => {
    const all = await search('q=zorg');
    const vvOrGgz = await search('q=zorg&sector=VV&sector=GGZ');
    const inRound = await search('q=zorg&sector=VV&sector=GGZ&round=2024-2026&limit=100');
    expect(inRound.total).toBe((await search('q=zorg&sector=GGZ')).total);
    expect(notasOf(inRound)).toEqual(new Set([THREE.ggz.slug]));
    expect(vvOrGgz.total).toBeGreaterThan(inRound.total);
    expect(all.total).toBeGreaterThan(vvOrGgz.total);
    // Values that exclude each other are an empty list, not an error.
    const none = await search('q=zorg&sector=VV&round=2024-2026');
    expect(none).toMatchObject({ total: 0, results: [] });
    // Publisher and NvI work alike.
    const zk = await search('q=zorg&publisher=Zilveren%20Kruis');
    expect(zk.total).toBe((await search(`q=zorg&nota=${THREE.ggz.slug}&nota=${THREE.gz.slug}`)).total);
  });

  it('filters several documents at once, and lists without a query in table order', async () => {
    const browse = await search('limit=1');
    const [a, b] = browse.facets.document.map((f) => f.key);
    const one = await search(`document=${a}`);
    const two = await search(`document=${a}&document=${b}&limit=100`);
    expect(two.total).toBe(one.total + count(browse.facets.document, b!));
    expect(two.results.every((r) => r.documentKey === a || r.documentKey === b)).toBe(true);
    expect(two.filters.document).toEqual([a, b].sort());
  });

  it('counts each facet as if its own values were not chosen, the others applied', async () => {
    const body = await search('q=zorg&sector=GGZ');
    // Sector: the count of each sector alone.
    for (const sector of ['VV', 'GZ', 'GGZ']) expect(count(body.facets.sector, sector), sector).toBe((await search(`q=zorg&sector=${sector}`)).total);
    expect(body.facets.sector.find((f) => f.key === 'GGZ')?.selected).toBe(true);
    expect(body.facets.sector.find((f) => f.key === 'GZ')?.selected).toBe(false);
    // Round, publisher and NvI apply the sector: only the GGZ NvI's values count.
    expect(body.facets.round).toEqual([{ key: '2024-2026', label: '2024-2026', count: body.total, selected: false }]);
    expect(body.facets.publisher).toEqual([{ key: 'Zilveren Kruis', label: 'Zilveren Kruis', count: body.total, selected: false }]);
    expect(body.facets.nota).toEqual([expect.objectContaining({ key: THREE.ggz.slug, count: body.total, description: expect.stringContaining('GGZ') })]);
    // Documents and paragraphs count the result set itself.
    expect(body.facets.document.reduce((n, f) => n + f.count, 0)).toBe(body.total);
    expect(body.facets.paragraph.reduce((n, f) => n + f.count, 0)).toBe(body.total);
  });

  it('counts over every record without a query, newest round first', async () => {
    const body = await search('round=2021-2023');
    const notas = (await app().inject('/api/notas')).json() as { notas: Array<{ slug: string; counts: { records: number } }> };
    const records = (slug: string) => notas.notas.find((n) => n.slug === slug)!.counts.records;
    expect(body.total).toBe(records(THREE.vv.slug));
    expect(body.facets.round.map((f) => [f.key, f.count, f.selected])).toEqual([
      ['2024-2026', records(THREE.ggz.slug) + records(THREE.gz.slug), false],
      ['2021-2023', records(THREE.vv.slug), true],
    ]);
    expect(count(body.facets.sector, 'VV')).toBe(records(THREE.vv.slug));
    expect(count(body.facets.sector, 'GGZ')).toBe(0);
  });

  it('keeps a chosen value in its facet even when the other filters leave it nothing', async () => {
    const body = await search('q=zorg&sector=VV&round=2024-2026');
    expect(body.facets.sector.find((f) => f.key === 'VV')).toMatchObject({ count: 0, selected: true });
    expect(body.facets.round.find((f) => f.key === '2024-2026')).toMatchObject({ count: 0, selected: true });
  });
});

describe('sort', () => {
  const rank = { [THREE.gz.slug]: 0, [THREE.ggz.slug]: 1, [THREE.vv.slug]: 2 } as Record<string, number>;
  const nondecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);

  it('newest: the newest round first, then the later publication, relevance within an NvI', async () => {
    const relevance = await search('q=zorg&limit=100');
    const newest = await search('q=zorg&sort=newest&limit=100');
    expect(relevance.sort).toBe('relevance');
    expect(newest.sort).toBe('newest');
    expect(newest.total).toBe(relevance.total);
    const full = newest.results.filter((r) => r.matchedAll);
    expect(nondecreasing(full.map((r) => rank[r.nota]!))).toBe(true);
    expect(full[0]?.nota).toBe(THREE.gz.slug);
    // Within one NvI the relevance order stays.
    const scores = full.filter((r) => r.nota === THREE.gz.slug).map((r) => -r.score!);
    expect(nondecreasing(scores)).toBe(true);
  });

  it('table: NvI, then source order; the default without a query', async () => {
    const list = await search(`nota=${THREE.vv.slug}&nota=${THREE.gz.slug}&limit=100`);
    expect(list.sort).toBe('table');
    expect(list.results[0]?.nota).toBe(THREE.vv.slug);
    const newest = await search(`nota=${THREE.vv.slug}&nota=${THREE.gz.slug}&sort=newest&limit=5`);
    expect(newest.results[0]?.nota).toBe(THREE.gz.slug);
    const lastPage = await search(`nota=${THREE.vv.slug}&nota=${THREE.gz.slug}&sort=newest&limit=5&page=${newest.pages}`);
    expect(lastPage.results.at(-1)?.nota).toBe(THREE.vv.slug);
    const table = await search('q=zorg&sort=table&limit=100');
    const full = table.results.filter((r) => r.matchedAll);
    expect(nondecreasing(full.map((r) => -rank[r.nota]!))).toBe(true);
    const pages = full.filter((r) => r.nota === THREE.vv.slug).map((r) => r.pageStart);
    expect(nondecreasing(pages)).toBe(true);
  });
});

describe('bad values', () => {
  it.each([
    ['sector=GGZ&sector=XYZ', 'sector', 'unknown sector "XYZ"'],
    ['round=2099-2101', 'round', 'unknown round "2099-2101"'],
    ['publisher=Onbekend', 'publisher', 'unknown publisher "Onbekend"'],
    [`nota=${THREE.vv.slug}&nota=onbekend`, 'nota', 'unknown NvI "onbekend"'],
    ['document=onbekend-document', 'document', 'unknown document "onbekend-document"'],
    ['sort=oldest', 'sort', 'sort'],
    ['paragraph=a&paragraph=b', 'paragraph', 'parameter "paragraph" must be given once, as text'],
    ['q=a&q=b', 'q', 'parameter "q" must be given once, as text'],
    ['limit=5&limit=6', 'limit', 'parameter "limit" must be given once, as text'],
    ['sector=', 'sector', 'sector'],
  ])('%s is a 400 naming %s', async (qs, parameter, message) => {
    for (const route of ['/api/search', '/export.json']) {
      const res = await app().inject(`${route}?${qs}`);
      expect(res.statusCode, route).toBe(400);
      expect(res.json()).toMatchObject({ statusCode: 400, parameter });
      expect(String(res.json().message)).toContain(message);
    }
  });
});

describe('cache', () => {
  it('shares one entry between the same values in any order', () => {
    const ctx = { snapshot: app().snapshots.current, repo: app().repo };
    const a = loadSearch(ctx, { q: 'zorg', sector: ['GZ', 'GGZ'] });
    // Admitted on the second request (see memo): from then on the same object.
    const b = loadSearch(ctx, { q: 'zorg', sector: ['GGZ', 'GZ', 'GZ'] });
    const c = loadSearch(ctx, { q: 'zorg', sector: ['GGZ', 'GZ'] });
    expect(b).toBe(c);
    expect(a.total).toBe(c.total);
    // The default sort is the same entry as the sort named.
    expect(loadSearch(ctx, { q: 'zorg', sector: ['GZ', 'GGZ'], sort: 'relevance' })).toBe(c);
  });
});

describe('exports follow the filters and the sort', () => {
  it('holds the records of the search, in its order', async () => {
    const qs = 'q=zorg&sector=GZ&sector=VV&sort=newest';
    const api = await search(`${qs}&limit=100`);
    const res = await app().inject(`/export.json?${qs}`);
    expect(res.statusCode).toBe(200);
    const records = res.json() as Array<{ vid: string; nota: string; sector: string }>;
    expect(records).toHaveLength(api.allWords);
    expect(new Set(records.map((r) => r.sector))).toEqual(new Set(['GZ', 'VV']));
    const expected = api.results.filter((r) => r.matchedAll).map((r) => `${r.nota}/${r.vid}`);
    expect(records.slice(0, expected.length).map((r) => `${r.nota}/${r.vid}`)).toEqual(expected);
  });

  it('lists without a query, newest NvI first', async () => {
    const res = await app().inject(`/export.jsonl?round=2024-2026&sort=newest`);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { nota: string });
    const list = await search('round=2024-2026');
    expect(lines).toHaveLength(list.total);
    expect(lines[0]?.nota).toBe(THREE.gz.slug);
    expect(lines.at(-1)?.nota).toBe(THREE.ggz.slug);
  });
});
