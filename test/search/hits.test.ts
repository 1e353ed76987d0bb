import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchEngine } from '../../core/search/engine.ts';
import { Ordering } from '../../core/search/hits.ts';
import type { SearchEngine } from '../../core/search/types.ts';
import { prng } from '../helpers/prng.ts';
import { goldEngine, textSource } from './gold-engine.ts';

/** Unique keys ending in their item's number, as the engine packs them. */
function randomKeys(n: number, seed: number): { keys: Float64Array; unit: number } {
  const random = prng(seed);
  const unit = 2 ** Ordering.bits(n);
  // Few distinct prefixes: many ties, broken by the item number.
  return { keys: Float64Array.from({ length: n }, (_, i) => Math.floor(random() * 7) * unit + i), unit };
}

describe('Ordering', () => {
  it('gives the first k of the whole order, whether selected or sorted', () => {
    for (const n of [0, 1, 5, 100, 1000]) {
      const { keys, unit } = randomKeys(n, n + 1);
      const whole = Array.from(Ordering.byKeys(keys, unit).all());
      expect(whole.map((i) => keys[i]!)).toEqual([...keys].sort((a, b) => a - b));
      for (const k of [0, 1, 3, 20, 99, n, n + 5]) {
        expect(Array.from(Ordering.byKeys(keys, unit).top(k)), `n=${n} k=${k}`).toEqual(whole.slice(0, k));
      }
    }
  });

  it('orders a subset as the whole list orders it', () => {
    const { keys, unit } = randomKeys(500, 9);
    const order = Ordering.byKeys(keys, unit);
    const even = (i: number) => i % 2 === 0;
    const expected = Array.from(order.all()).filter(even);
    expect(Array.from(order.subset(even).top(30))).toEqual(expected.slice(0, 30));
    expect(Array.from(Ordering.identity(10).subset(even).all())).toEqual([0, 2, 4, 6, 8]);
    expect(Array.from(Ordering.of(Uint32Array.from([3, 1, 2, 0])).subset((i) => i !== 1).all())).toEqual([3, 2, 0]);
  });
});

describe('search results as columns', () => {
  const gold = goldEngine();
  let split: SearchEngine;
  beforeAll(() => {
    const records = gold.records.map((r, i) => ({ ...r, notaId: 1 + (i % 3) }));
    split = buildSearchEngine(records, textSource(records));
  });

  it('reads the same hits from the columns as the list of hits, best first', () => {
    for (const q of ['zorg', 'kwaliteitsbudget voorschot', '"extra personeel"', 'VID-1879', 'personeel -extra']) {
      const outcome = gold.engine.search(q);
      const { ranked } = outcome;
      expect(ranked.length, q).toBe(outcome.hits.length);
      expect(Array.from(ranked.relevance.top(10), (j) => ranked.hit(j)), q).toEqual(outcome.hits.slice(0, 10));
      expect(ranked.countMatchedAll()).toBe(outcome.hits.filter((h) => h.matchedAll).length);
    }
  });

  it('counts per paragraph cell what the hits hold', () => {
    const { ranked, hits } = split.search('tarief');
    const expected = new Map<string, number>();
    for (const h of hits) expected.set(`${h.notaId}/${h.documentKey}/${h.paragraphKey}`, (expected.get(`${h.notaId}/${h.documentKey}/${h.paragraphKey}`) ?? 0) + 1);
    const cells = ranked.cells();
    expect(new Map(cells.map((c) => [`${c.notaId}/${c.documentKey}/${c.paragraphKey}`, c.count]))).toEqual(expected);
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(hits.length);
  });

  it('with a count filter, counts the matches a search with that filter finds, and ranks as without it', () => {
    const filter = { notaIds: [2] };
    const wider = { notaIds: [1, 2, 3] };
    // "12" and "vraag 3" may name a question in one NvI and be text in another.
    for (const q of ['zorg', 'kwaliteitsbudget voorschot', '12', 'vraag 3', '"extra personeel"', 'personeel -extra', 'tarief 2021']) {
      const both = split.search(q, filter, wider);
      const alone = split.search(q, filter);
      expect(both.hits, q).toEqual(alone.hits);
      expect(both.match, q).toBe(alone.match);
      const counted = both.counted!;
      const ids = Array.from({ length: counted.length }, (_, j) => counted.id(j)).sort((a, b) => a - b);
      expect(ids, q).toEqual(split.search(q, wider).hits.map((h) => h.id).sort((a, b) => a - b));
    }
    expect(split.search('zorg', filter).counted).toBeNull();
  });
});
