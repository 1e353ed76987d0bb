import { describe, expect, it } from 'vitest';
import { Lru, loaderCache, memo } from '../../server/loaders/lru.ts';
import type { Snapshot } from '../../server/snapshot/snapshot.ts';

const snapshot = () => ({}) as Snapshot;

describe('Lru', () => {
  it('evicts the least recently used entry', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
  });
});

describe('memo', () => {
  it('caches a key from its second request on, per snapshot, and freezes what it shares', () => {
    const s1 = snapshot();
    let calls = 0;
    const compute = () => ({ calls: ++calls, list: [{ n: 1 }] });
    // Asked once: computed, not kept (most searches are never repeated).
    expect(memo(s1, 'x', ['q', 1], compute).calls).toBe(1);
    expect(loaderCache(s1, 'x').size).toBe(0);
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
    expect(loaderCache(s1, 'x').hits).toBe(1);
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
