/**
 * Id and paragraph references (`vid:318`, `id:1.2-3`, `par:2.7`) to the record positions that carry
 * them, as three flat columns instead of a Map of small arrays: a corpus of 100,000 records has as
 * many references, and a Map of 100,000 typed arrays costs the server thread hundreds of
 * milliseconds to receive from the index worker, where these columns move without a copy.
 */
export interface RefTable {
  /** Sorted by code unit (the order of `<`), so a lookup is a binary search. */
  keys: string[];
  /** The positions of keys[k] are docs[offsets[k]] .. docs[offsets[k + 1]]. */
  offsets: Uint32Array;
  docs: Uint32Array;
}

export function refTableFrom(entries: Iterable<[string, ArrayLike<number>]>): RefTable {
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const offsets = new Uint32Array(sorted.length + 1);
  let total = 0;
  sorted.forEach(([, list], k) => {
    total += list.length;
    offsets[k + 1] = total;
  });
  const docs = new Uint32Array(total);
  sorted.forEach(([, list], k) => docs.set(Array.from(list), offsets[k] ?? 0));
  return { keys: sorted.map(([key]) => key), offsets, docs };
}

const NONE = new Uint32Array(0);

/** The positions that carry `key`, ascending; empty when none does. */
export function refPositions(table: RefTable, key: string): Uint32Array {
  let low = 0;
  let high = table.keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const probe = table.keys[middle] ?? '';
    if (probe === key) return table.docs.subarray(table.offsets[middle] ?? 0, table.offsets[middle + 1] ?? 0);
    if (probe < key) low = middle + 1;
    else high = middle - 1;
  }
  return NONE;
}

export function* refEntries(table: RefTable): Generator<[string, Uint32Array]> {
  for (const [k, key] of table.keys.entries()) yield [key, table.docs.subarray(table.offsets[k] ?? 0, table.offsets[k + 1] ?? 0)];
}
