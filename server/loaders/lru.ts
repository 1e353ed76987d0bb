import type { Snapshot } from '../snapshot/snapshot.ts';

/**
 * A least-recently-used cache bounded by the (approximate) bytes its values hold, not by their
 * number: one search of 100 results holds a hundred times what one question does, and a cache of
 * a thousand entries of either kind grew the server by a gigabyte. A Map keeps insertion order,
 * so the first key is the oldest.
 */
export class Lru<V> {
  readonly #entries = new Map<string, { value: V; bytes: number }>();
  #bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number = approximateBytes,
  ) {}

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  /** Stores the value, evicting the least recently used until it fits; one larger than the whole budget is not kept. */
  set(key: string, value: V, bytes = this.sizeOf(value)): void {
    this.#remove(key);
    const size = bytes + stringBytes(key) + ENTRY_OVERHEAD;
    if (size > this.maxBytes) return;
    this.#entries.set(key, { value, bytes: size });
    this.#bytes += size;
    while (this.#bytes > this.maxBytes) this.#remove(this.#entries.keys().next().value!);
  }

  #remove(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** What the entries hold, approximately, keys and bookkeeping included. */
  get bytes(): number {
    return this.#bytes;
  }
}

/**
 * Rough sizes in V8, erring high: a string costs two bytes a character (V8 stores Latin-1 in one,
 * which leaves room for the JSON the API keeps of a cached search), an object or array a header
 * and a slot per property. Exactness is not the point; a bound that tracks the real growth is.
 */
const OBJECT_OVERHEAD = 32;
const SLOT = 8;
/** The Map entry, its record and the key's hash slot. */
const ENTRY_OVERHEAD = 64;

function stringBytes(s: string): number {
  return 16 + 2 * s.length;
}

/** The approximate bytes a JSON-like value holds (shared or repeated parts counted each time). */
export function approximateBytes(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (value === null || typeof value !== 'object') return SLOT;
  let bytes = OBJECT_OVERHEAD;
  for (const v of Object.values(value)) bytes += SLOT + approximateBytes(v);
  return bytes;
}

/** Freezes what a result newly holds and measures it, in one walk. */
function freezeAndMeasure(value: unknown): number {
  if (typeof value === 'string') return stringBytes(value);
  if (value === null || typeof value !== 'object') return SLOT;
  // A frozen object met inside a new result belongs to the snapshot or to an earlier result: the
  // cache adds only the reference to it.
  if (Object.isFrozen(value)) return SLOT;
  Object.freeze(value);
  let bytes = OBJECT_OVERHEAD;
  for (const v of Object.values(value)) bytes += SLOT + freezeAndMeasure(v);
  return bytes;
}

/** The budget every loader cache shares, from CACHE_MAX_MB; the app sets it from its config at start. */
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
let maxBytes = DEFAULT_MAX_BYTES;

export function setLoaderCacheBudget(bytes: number): void {
  maxBytes = bytes;
}

const caches = new WeakMap<Snapshot, Lru<unknown>>();

/** Forgets every cached result of a snapshot (benchmarks measure uncached work with it). */
export function clearLoaderCaches(snapshot: Snapshot): void {
  caches.delete(snapshot);
}

/**
 * The cache of one snapshot, which all loaders share (for tests and the health check): one budget
 * for all, so the server's growth from caching is bounded by CACHE_MAX_MB whatever is asked. While
 * a reload swaps snapshots, the old one's cache lives until its last request ends.
 */
export function loaderCache(snapshot: Snapshot): Lru<unknown> {
  let cache = caches.get(snapshot);
  if (!cache) caches.set(snapshot, (cache = new Lru(maxBytes)));
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
  const cache = loaderCache(snapshot);
  const k = `${loader}:${JSON.stringify(key)}`;
  const cached = cache.get(k);
  if (cached !== undefined) return cached as T;
  const value = compute();
  // Admitted on the second request only: most searches are asked once (every keystroke of a new
  // question), and caching those would evict the repeated ones and keep the garbage collector busy
  // moving results nobody asks for again (measured: a third of an uncached search's CPU). A result
  // not kept is not shared, so it needs no freezing either.
  if (seenBefore(snapshot, k)) cache.set(k, value, freezeAndMeasure(value));
  return value;
}

/** Keys asked for once, per snapshot: a bounded set (by the bytes of its keys), oldest forgotten first. */
const seen = new WeakMap<Snapshot, Lru<true>>();
const SEEN_MAX_BYTES = 4 * 1024 * 1024;

function seenBefore(snapshot: Snapshot, key: string): boolean {
  let keys = seen.get(snapshot);
  if (!keys) seen.set(snapshot, (keys = new Lru<true>(SEEN_MAX_BYTES, () => 0)));
  if (keys.get(key)) return true;
  keys.set(key, true);
  return false;
}
