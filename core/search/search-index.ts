/**
 * The index in memory: per-record stored fields, field lengths, and for every term a postings list
 * (record positions in ascending order with their packed per-field term frequencies), all in typed
 * arrays laid end to end (CSR), so scoring is a tight loop over numbers.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { Analyzer, isVocabularyTerm, type AnalyzerOptions } from './analyzer.ts';
import { BM25, FIELDS, FIELD_WEIGHTS } from './options.ts';
import type { RefTable } from './ref-table.ts';

export interface IndexData {
  analyzer: AnalyzerOptions;
  /** Per record, by position (VIDs are in `refs`). */
  ids: Float64Array;
  notaIds: Float64Array;
  documentKeys: string[];
  documentKeyOf: Uint32Array;
  paragraphKeys: string[];
  paragraphKeyOf: Uint32Array;
  /** Terms counted per record and field: [record * FIELDS.length + field]. */
  fieldLengths: Uint32Array;
  terms: string[];
  /** Postings of term t are positions offsets[t] .. offsets[t + 1] of docs and tfs. */
  offsets: Uint32Array;
  docs: Uint32Array;
  /** Per posting, each field's term frequency in TF_BITS bits, in FIELDS order. */
  tfs: Uint16Array;
  refs: RefTable;
  /** Folded words the corpus uses on their own: the leading parts compounds may split into. */
  words: string[];
}

const FIELD_COUNT = FIELDS.length;

export class SearchIndex {
  readonly size: number;
  readonly analyzer: Analyzer;
  /** Per record and field: the field weight over its BM25 length normalisation. */
  readonly norms: Float32Array;
  /** All terms as a radix tree, for prefix and fuzzy lookups. */
  readonly tree: SearchableMap<number>;
  private readonly termIds = new Map<string, number>();
  /** Only when ids are not ascending (they are as built): otherwise a binary search over `ids`. */
  private readonly positions: Map<number, number> | null;

  /**
   * `norms` may come precomputed (see fieldNorms): the server receives index data from a worker
   * and should only wrap it, not loop over every record on its own thread.
   */
  constructor(
    readonly data: IndexData,
    norms?: Float32Array,
    /** Precomputed by the index worker, or built here at the first search that needs them. */
    private readonly tables: IndexTables = {},
  ) {
    this.size = data.ids.length;
    data.terms.forEach((term, i) => this.termIds.set(term, i));
    this.positions = ascending(data.ids) ? null : new Map(Array.from(data.ids, (id, i) => [id, i]));
    this.norms = norms?.length === this.size * FIELD_COUNT ? norms : fieldNorms(data.fieldLengths, this.size);
    this.tree = SearchableMap.from(data.terms.map((t, i): [string, number] => [t, i]));
    this.analyzer = new Analyzer(
      { words: new Set(data.words), isKnownStem: (stem) => this.termIds.has(stem) && isVocabularyTerm(stem) },
      data.analyzer,
    );
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  term(termId: number): string {
    return this.data.terms[termId] ?? '';
  }

  documentFrequency(termId: number): number {
    return (this.data.offsets[termId + 1] ?? 0) - (this.data.offsets[termId] ?? 0);
  }

  idf(termId: number): number {
    return this.idfOf(this.documentFrequency(termId));
  }

  idfOf(documentFrequency: number): number {
    const df = Math.min(documentFrequency, this.size);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Whether record ids ascend with index positions (they do as built). */
  get idsAscending(): boolean {
    return this.positions === null;
  }

  /** The rank of the id of the record at `position` among all ids: its place in id order. */
  idRank(position: number): number {
    if (this.positions === null) return position;
    if (!this.#idRanks) {
      const order = Array.from(this.data.ids.keys()).sort((a, b) => this.data.ids[a]! - this.data.ids[b]!);
      this.#idRanks = new Uint32Array(this.size);
      order.forEach((at, rank) => (this.#idRanks![at] = rank));
    }
    return this.#idRanks[position]!;
  }

  #idRanks: Uint32Array | null = null;
  /** Each record's NvI by number (see notaTable). */
  notaTable(): NotaTable {
    return (this.tables.notas ??= notaTable(this.data));
  }

  /** Each record's paragraph cell (see cellTable). */
  cells(): CellTable {
    return (this.tables.cells ??= cellTable(this.data));
  }

  /** The position of the record with this id, if indexed. */
  position(id: number): number | undefined {
    if (this.positions) return this.positions.get(id);
    const ids = this.data.ids;
    let low = 0;
    let high = ids.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const probe = ids[middle] ?? 0;
      if (probe === id) return middle;
      if (probe < id) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  }
}

export interface NotaTable {
  /** By position: the record's NvI as a number into `notaIds`. */
  of: Uint32Array;
  notaIds: number[];
}

export interface CellTable {
  /** By position: the record's paragraph of its NvI as a number into `cells`. */
  of: Uint32Array;
  cells: Array<{ notaId: number; documentKey: string; paragraphKey: string }>;
}

/** Tables over every record, which the server receives from the index worker rather than builds. */
export interface IndexTables {
  notas?: NotaTable;
  cells?: CellTable;
}

/** Each record's NvI as a number, so that filters look NvIs up in an array. */
export function notaTable(data: IndexData): NotaTable {
  const size = data.ids.length;
  const of = new Uint32Array(size);
  const numbers = new Map<number, number>();
  const notaIds: number[] = [];
  for (let doc = 0; doc < size; doc++) {
    const id = data.notaIds[doc]!;
    let at = numbers.get(id);
    if (at === undefined) {
      numbers.set(id, (at = notaIds.length));
      notaIds.push(id);
    }
    of[doc] = at;
  }
  return { of, notaIds };
}

/** Each record's paragraph of its NvI as a number, in order of first appearance: what facets count matches in. */
export function cellTable(data: IndexData): CellTable {
  const size = data.ids.length;
  const { notaIds, documentKeyOf, paragraphKeyOf, documentKeys, paragraphKeys } = data;
  const of = new Uint32Array(size);
  const cells: CellTable['cells'] = [];
  const byNota = new Map<number, Map<number, number>>();
  const paragraphCount = paragraphKeys.length + 1;
  for (let doc = 0; doc < size; doc++) {
    const notaId = notaIds[doc]!;
    let inNota = byNota.get(notaId);
    if (!inNota) byNota.set(notaId, (inNota = new Map()));
    const key = documentKeyOf[doc]! * paragraphCount + paragraphKeyOf[doc]!;
    let cell = inNota.get(key);
    if (cell === undefined) {
      inNota.set(key, (cell = cells.length));
      cells.push({ notaId, documentKey: documentKeys[documentKeyOf[doc]!] ?? '', paragraphKey: paragraphKeys[paragraphKeyOf[doc]!] ?? '' });
    }
    of[doc] = cell;
  }
  return { of, cells };
}

function ascending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if ((values[i] ?? 0) <= (values[i - 1] ?? 0)) return false;
  return true;
}

/** Per record and field: the field weight over its BM25 length normalisation. */
export function fieldNorms(fieldLengths: Uint32Array, size: number): Float32Array {
  const averages = FIELDS.map((_, f) => {
    let total = 0;
    for (let r = 0; r < size; r++) total += fieldLengths[r * FIELD_COUNT + f] ?? 0;
    return size > 0 ? total / size : 0;
  });
  const norms = new Float32Array(size * FIELD_COUNT);
  FIELDS.forEach((field, f) => {
    const average = averages[f] || 1;
    for (let r = 0; r < size; r++) {
      const length = fieldLengths[r * FIELD_COUNT + f] ?? 0;
      norms[r * FIELD_COUNT + f] = FIELD_WEIGHTS[field] / (1 - BM25.b + (BM25.b * length) / average);
    }
  });
  return norms;
}
