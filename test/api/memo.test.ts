import { describe, expect, it } from 'vitest';
import { approximateBytes, Lru, loaderCache, memo } from '../../server/loaders/lru.ts';
import type { Snapshot } from '../../server/snapshot/snapshot.ts';

const snapshot = () => ({}) as Snapshot;

describe('Lru', () => {
  // Sizes given explicitly: each entry costs its value's bytes plus its key and bookkeeping.
  const entry = (key: string, bytes: number) => bytes + 16 + 2 * key.length + 64;

  it('evicts the least recently used entries once the bytes exceed its budget', () => {
    const lru = new Lru<number>(entry('a', 1000) * 2);
    lru.set('a', 1, 1000);
    lru.set('b', 2, 1000);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3, 1000);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
    expect(lru.bytes).toBe(entry('a', 1000) * 2);
  });

  it('is bounded by bytes, not entries: one large value evicts many small ones', () => {
    const lru = new Lru<string>(10_000);
    for (let i = 0; i < 50; i++) lru.set(`k${i}`, 'x'.repeat(10));
    expect(lru.size).toBe(50);
    lru.set('big', 'y'.repeat(4000));
    expect(lru.get('big')).toBe('y'.repeat(4000));
    expect(lru.size).toBeLessThan(50);
    expect(lru.bytes).toBeLessThanOrEqual(10_000);
  });

  it('does not keep a value larger than the whole budget, nor count it', () => {
    const lru = new Lru<string>(1000);
    lru.set('a', 'small');
    lru.set('huge', 'z'.repeat(1000));
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('small');
    expect(lru.bytes).toBeLessThanOrEqual(1000);
  });

  it('replacing a key counts its bytes once', () => {
    const lru = new Lru<string>(100_000);
    lru.set('a', 'x'.repeat(100));
    const once = lru.bytes;
    lru.set('a', 'x'.repeat(100));
    expect(lru.bytes).toBe(once);
    expect(approximateBytes('x'.repeat(100))).toBeGreaterThanOrEqual(200);
    expect(approximateBytes({ list: ['x'.repeat(100), 'y'.repeat(100)] })).toBeGreaterThan(2 * approximateBytes('x'.repeat(100)));
  });
});

describe('memo', () => {
  it('caches a key from its second request on, per snapshot, and freezes what it shares', () => {
    const s1 = snapshot();
    let calls = 0;
    const compute = () => ({ calls: ++calls, list: [{ n: 1 }] });
    // Asked once: computed, not kept (most searches are never repeated).
    expect(memo(s1, 'x', ['q', 1], compute).calls).toBe(1);
    expect(loaderCache(s1).size).toBe(0);
    // Asked again: computed and kept; from then on served from the cache.
    const a = memo(s1, 'x', ['q', 1], compute);
    const b = memo(s1, 'x', ['q', 1], compute);
    expect(a.calls).toBe(2);
    expect(b).toBe(a);
    expect(calls).toBe(2);
    expect(() => {
      (a.list[0] as { n: number }).n = 2;
    }).toThrow(TypeError);
    expect(memo(s1, 'x', ['q', 2], compute).calls).toBe(3);
    // A new snapshot (new data) never sees the old snapshot's results.
    expect(memo(snapshot(), 'x', ['q', 1], compute).calls).toBe(4);
    expect(loaderCache(s1).hits).toBe(1);
  });

  it('does not cache errors', () => {
    const s = snapshot();
    let calls = 0;
    const failing = () => {
      calls++;
      throw new Error('not found');
    };
    expect(() => memo(s, 'y', ['k'], failing)).toThrow('not found');
    expect(() => memo(s, 'y', ['k'], failing)).toThrow('not found');
    expect(calls).toBe(2);
  });
});
