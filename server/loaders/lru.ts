import type { Snapshot } from '../snapshot/snapshot.ts';

/** A small least-recently-used cache: a Map keeps insertion order, so the first key is the oldest. */
export class Lru<V> {
  readonly #entries = new Map<string, V>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.#entries.get(key);
    if (value === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    this.#entries.delete(key);
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  get size(): number {
    return this.#entries.size;
  }
}

const CAPACITY = 1000;
const caches = new WeakMap<Snapshot, Map<string, Lru<unknown>>>();

/** Forgets every cached result of a snapshot (benchmarks measure uncached work with it). */
export function clearLoaderCaches(snapshot: Snapshot): void {
  caches.delete(snapshot);
}

/** The cache of one loader for one snapshot (for tests and the health check). */
export function loaderCache(snapshot: Snapshot, loader: string): Lru<unknown> {
  let byLoader = caches.get(snapshot);
  if (!byLoader) caches.set(snapshot, (byLoader = new Map()));
  let cache = byLoader.get(loader);
  if (!cache) byLoader.set(loader, (cache = new Lru(CAPACITY)));
  return cache;
}

/**
 * Memoises a loader's result per snapshot. People repeat searches and open the same questions
 * (search as you type repeats the prefixes of a query), and a loader's result depends only on its
 * parameters and the snapshot: a new snapshot starts empty, so nothing stale is ever served.
 * Results are shared between requests, so they are frozen: a caller that tries to change one
 * fails loudly instead of corrupting the next response. Errors are not cached.
 */
export function memo<T>(snapshot: Snapshot, loader: string, key: readonly unknown[], compute: () => T): T {
  const cache = loaderCache(snapshot, loader);
  const k = JSON.stringify(key);
  const cached = cache.get(k);
  if (cached !== undefined) return cached as T;
  const value = deepFreeze(compute());
  // Admitted on the second request only: most searches are asked once (every keystroke of a new
  // question), and caching those would evict the repeated ones and keep the garbage collector busy
  // moving results nobody asks for again (measured: a third of an uncached search's CPU).
  if (seenOnce(snapshot, loader, k)) cache.set(k, value);
  return value;
}

/** Keys asked for once, per loader and snapshot: a bounded set, oldest forgotten first. */
const seen = new WeakMap<Snapshot, Map<string, Lru<true>>>();
const SEEN_CAPACITY = 10_000;

function seenOnce(snapshot: Snapshot, loader: string, key: string): boolean {
  let byLoader = seen.get(snapshot);
  if (!byLoader) seen.set(snapshot, (byLoader = new Map()));
  let keys = byLoader.get(loader);
  if (!keys) byLoader.set(loader, (keys = new Lru<true>(SEEN_CAPACITY)));
  if (keys.get(key)) return true;
  keys.set(key, true);
  return false;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
