/**
 * A search's matches as columns, not one object per match: a one-word query can match nearly every
 * record, and building, sorting and collecting an object for each cost more than scoring them. The
 * columns are in index position order; an Ordering ranks them, and only as far as a caller reads.
 */
import type { SearchIndex } from './search-index.ts';
import type { SearchHit } from './types.ts';

const MATCHED_ALL = 1;
const ID_LOOKUP = 2;

/** Records of one paragraph of one NvI that matched: the unit facets count in. */
export interface HitCell {
  notaId: number;
  documentKey: string;
  paragraphKey: string;
  count: number;
}

export class Hits {
  constructor(
    private readonly index: SearchIndex,
    /** Index positions, ascending: match j is the record at positions[j]. */
    private readonly positions: Uint32Array,
    private readonly scores: Float64Array,
    private readonly flags: Uint8Array,
    private readonly ranking: Ordering,
  ) {}

  get length(): number {
    return this.positions.length;
  }

  /** The matches best first (tier, then score, then index position). */
  get relevance(): Ordering {
    return this.ranking;
  }

  position(j: number): number {
    return this.positions[j]!;
  }

  id(j: number): number {
    return this.index.data.ids[this.positions[j]!]!;
  }

  notaId(j: number): number {
    return this.index.data.notaIds[this.positions[j]!]!;
  }

  score(j: number): number {
    return this.scores[j]!;
  }

  /** Whether match j contains every (non-excluded) query word. */
  matchedAll(j: number): boolean {
    return (this.flags[j]! & MATCHED_ALL) !== 0;
  }

  /** Whether the query named match j by its id (a VID lookup). */
  idLookup(j: number): boolean {
    return (this.flags[j]! & ID_LOOKUP) !== 0;
  }

  /** How many matches contain every query word. */
  countMatchedAll(): number {
    let n = 0;
    for (let j = 0; j < this.flags.length; j++) n += this.flags[j]! & MATCHED_ALL;
    return n;
  }

  /** The rank of each match's record id among all ids of the index (see SearchIndex.idRank). */
  idRank(j: number): number {
    return this.index.idRank(this.positions[j]!);
  }

  hit(j: number): SearchHit {
    const { data } = this.index;
    const doc = this.positions[j]!;
    const hit: SearchHit = {
      id: data.ids[doc]!,
      notaId: data.notaIds[doc]!,
      documentKey: data.documentKeys[data.documentKeyOf[doc]!] ?? '',
      paragraphKey: data.paragraphKeys[data.paragraphKeyOf[doc]!] ?? '',
      score: this.scores[j]!,
      matchedAll: this.matchedAll(j),
    };
    if (this.idLookup(j)) hit.idLookup = true;
    return hit;
  }

  /** Matches per paragraph of each NvI, in index order of the paragraphs; no order of the matches needed. */
  cells(): HitCell[] {
    const { of, cells } = this.index.cells();
    const counts = new Uint32Array(cells.length);
    for (let j = 0; j < this.positions.length; j++) counts[of[this.positions[j]!]!]!++;
    const out: HitCell[] = [];
    for (let c = 0; c < cells.length; c++) if (counts[c]! > 0) out.push({ ...cells[c]!, count: counts[c]! });
    return out;
  }

  static empty(index: SearchIndex): Hits {
    return new Hits(index, new Uint32Array(0), new Float64Array(0), new Uint8Array(0), Ordering.identity(0));
  }

  static flags(matchedAll: boolean, idLookup: boolean): number {
    return (matchedAll ? MATCHED_ALL : 0) | (idLookup ? ID_LOOKUP : 0);
  }
}

/**
 * An order of items by unique numeric keys, each key ending in the number of the item it stands
 * for (key % unit): one native sort of doubles, no comparator. A page needs only the first few, so
 * the first k are selected with a bounded heap and only they are sorted; the whole order is sorted
 * when asked for. The keys may stand for a subset of items (see subset).
 */
export class Ordering {
  private sorted: Uint32Array | null = null;
  private best: Uint32Array = new Uint32Array(0);

  private constructor(
    private readonly keys: Float64Array | null,
    private readonly unit: number,
    readonly length: number,
  ) {}

  /** `keys[i] % unit` is the item key i stands for. */
  static byKeys(keys: Float64Array, unit: number): Ordering {
    return new Ordering(keys, unit, keys.length);
  }

  /** Items 0 … n - 1 in their own order. */
  static identity(n: number): Ordering {
    return new Ordering(null, 2 ** Ordering.bits(n), n);
  }

  /** An order already known, item by item. */
  static of(order: Uint32Array): Ordering {
    const ordering = new Ordering(null, 2 ** Ordering.bits(order.length), order.length);
    ordering.sorted = order;
    return ordering;
  }

  /** Item i's key (for the whole list, not a subset): a smaller key comes first. */
  key(i: number): number {
    if (this.keys !== null) return this.keys[i]!;
    if (this.sorted !== null && this.rankOf === null) {
      this.rankOf = new Uint32Array(this.length);
      for (let r = 0; r < this.length; r++) this.rankOf[this.sorted[r]!] = r;
    }
    return this.rankOf ? this.rankOf[i]! : i;
  }

  private rankOf: Uint32Array | null = null;

  /** The same order over only the items `take` accepts (an ordering of the whole list). */
  subset(take: (i: number) => boolean): Ordering {
    const keys = new Float64Array(this.length);
    let n = 0;
    // Own keys already end in their item; ranks get the item appended.
    for (let i = 0; i < this.length; i++) if (take(i)) keys[n++] = this.keys !== null ? this.keys[i]! : this.key(i) * this.unit + i;
    return Ordering.byKeys(keys.subarray(0, n), this.unit);
  }

  /** Bits that item numbers below n need: the unit of keys for n items is 2 ** bits. */
  static bits(n: number): number {
    return Math.max(1, Math.ceil(Math.log2(n + 1)));
  }

  /** The first k items (all when fewer), best first. */
  top(k: number): Uint32Array {
    const n = Math.min(Math.max(0, Math.floor(k)), this.length);
    if (this.sorted) return this.sorted.subarray(0, n);
    if (this.keys === null) return this.all().subarray(0, n);
    if (n <= this.best.length) return this.best.subarray(0, n);
    // A heap pays off while k is small against the number of items; past that, sort them all.
    if (n * 8 > this.length) return this.all().subarray(0, n);
    this.best = this.select(n);
    return this.best;
  }

  /** Every item, best first. */
  all(): Uint32Array {
    if (this.sorted) return this.sorted;
    const order = new Uint32Array(this.length);
    if (this.keys === null) {
      for (let i = 0; i < this.length; i++) order[i] = i;
    } else {
      const sorted = Float64Array.from(this.keys).sort();
      for (let i = 0; i < this.length; i++) order[i] = sorted[i]! % this.unit;
    }
    this.sorted = order;
    return order;
  }

  /** The k smallest keys through a max-heap of k, then sorted. */
  private select(k: number): Uint32Array {
    const keys = this.keys!;
    const heap = new Float64Array(k);
    let size = 0;
    for (let i = 0; i < this.length; i++) {
      const key = keys[i]!;
      if (size < k) {
        let at = size++;
        while (at > 0) {
          const parent = (at - 1) >> 1;
          if (heap[parent]! >= key) break;
          heap[at] = heap[parent]!;
          at = parent;
        }
        heap[at] = key;
      } else if (key < heap[0]!) {
        let at = 0;
        for (;;) {
          const left = 2 * at + 1;
          if (left >= k) break;
          const right = left + 1;
          const child = right < k && heap[right]! > heap[left]! ? right : left;
          if (heap[child]! <= key) break;
          heap[at] = heap[child]!;
          at = child;
        }
        heap[at] = key;
      }
    }
    heap.sort();
    const order = new Uint32Array(k);
    for (let i = 0; i < k; i++) order[i] = heap[i]! % this.unit;
    return order;
  }
}
