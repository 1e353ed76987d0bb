/**
 * Builds the index in two passes: the first collects the corpus vocabulary that compounds are split
 * against, the second indexes every token under its stem and its compound parts.
 */
import { Analyzer, isPartWord, isVocabularyTerm, type AnalyzerOptions } from './analyzer.ts';
import { GrowableUint32 } from './codec.ts';
import { derivedTerms } from './derived.ts';
import { FIELDS, MAX_TF, TF_BITS } from './options.ts';
import { refTableFrom } from './ref-table.ts';
import { paragraphRefs, recordRefs } from './refs.ts';
import type { IndexData } from './search-index.ts';
import { normalizeToken, tokenize } from './text.ts';
import type { IndexRecord } from './types.ts';

const FIELD_COUNT = FIELDS.length;

export function buildIndexData(records: readonly IndexRecord[], options: AnalyzerOptions): IndexData {
  const vocabulary = collectVocabulary(records, options);
  const analyzer = new Analyzer(vocabulary, options);
  const postings = new PostingsBuilder();
  const fieldLengths = new Uint32Array(records.length * FIELD_COUNT);
  const refs = new Map<string, number[]>();
  const addRef = (term: string, position: number) => {
    const list = refs.get(term) ?? [];
    list.push(position);
    refs.set(term, list);
  };

  records.forEach((record, position) => {
    const frequencies = new Map<number, number>();
    FIELDS.forEach((field, f) => {
      const shift = f * TF_BITS;
      let length = 0;
      const count = (term: string) => {
        const termId = postings.termId(term);
        const packed = frequencies.get(termId) ?? 0;
        if (((packed >> shift) & MAX_TF) < MAX_TF) frequencies.set(termId, packed + (1 << shift));
      };
      const text = record[field];
      const tokens = tokenize(text);
      for (const token of tokens) {
        const terms = analyzer.indexTerms(normalizeToken(token.text));
        if (terms.length > 0) length++;
        for (const term of terms) count(term);
      }
      // Derived terms add no length: the text is as long as its own words.
      for (const term of derivedTerms(text, tokens, analyzer)) count(term);
      fieldLengths[position * FIELD_COUNT + f] = length;
    });
    postings.addRecord(frequencies);
    for (const term of recordRefs(record)) addRef(term, position);
    for (const term of paragraphRefs(record.paragraph)) addRef(term, position);
  });

  const keys = (pick: (r: IndexRecord) => string) => internStrings(records.map(pick));
  const documentKeys = keys((r) => r.documentKey);
  const paragraphKeys = keys((r) => r.paragraphKey);
  return {
    analyzer: options,
    ids: Float64Array.from(records, (r) => r.id),
    notaIds: Float64Array.from(records, (r) => r.notaId),
    documentKeys: documentKeys.table,
    documentKeyOf: documentKeys.indexes,
    paragraphKeys: paragraphKeys.table,
    paragraphKeyOf: paragraphKeys.indexes,
    fieldLengths,
    ...postings.finish(),
    refs: refTableFrom(refs),
    words: [...vocabulary.words],
  };
}

/** Pass one: which exact words and which stems the corpus has on their own. */
function collectVocabulary(records: readonly IndexRecord[], options: AnalyzerOptions) {
  const plain = new Analyzer({ words: new Set(), isKnownStem: () => false }, { ...options, compounds: false });
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const record of records) {
    for (const field of FIELDS) {
      for (const token of tokenize(record[field])) {
        const normalized = normalizeToken(token.text);
        const term = plain.term(normalized);
        if (term !== null && isVocabularyTerm(term)) stems.add(term);
        if (isPartWord(normalized)) words.add(normalized);
      }
    }
  }
  return { words, isKnownStem: (stem: string) => stems.has(stem) };
}

function internStrings(values: string[]): { table: string[]; indexes: Uint32Array } {
  const table: string[] = [];
  const seen = new Map<string, number>();
  const indexes = Uint32Array.from(values, (value) => {
    let index = seen.get(value);
    if (index === undefined) {
      index = table.push(value) - 1;
      seen.set(value, index);
    }
    return index;
  });
  return { table, indexes };
}

/** Collects (term, record, frequencies) in record order and lays them out per term at the end. */
class PostingsBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly recordTerms = new GrowableUint32(1 << 16);
  private readonly recordTfs = new GrowableUint32(1 << 16);
  private readonly recordEnds: number[] = [];

  termId(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }

  addRecord(frequencies: Map<number, number>): void {
    for (const [termId, packed] of frequencies) {
      this.recordTerms.push(termId);
      this.recordTfs.push(packed);
    }
    this.recordEnds.push(this.recordTerms.length);
  }

  finish(): Pick<IndexData, 'terms' | 'offsets' | 'docs' | 'tfs'> {
    const termCount = this.terms.length;
    const counts = new Uint32Array(termCount);
    for (let i = 0; i < this.recordTerms.length; i++) counts[this.recordTerms.get(i)]! += 1;
    const offsets = new Uint32Array(termCount + 1);
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t]! + counts[t]!;
    const fill = offsets.slice(0, termCount);
    const docs = new Uint32Array(this.recordTerms.length);
    const tfs = new Uint16Array(this.recordTerms.length);
    let start = 0;
    for (let record = 0; record < this.recordEnds.length; record++) {
      const end = this.recordEnds[record] ?? start;
      for (let i = start; i < end; i++) {
        const termId = this.recordTerms.get(i);
        const at = fill[termId]!;
        fill[termId] = at + 1;
        docs[at] = record;
        tfs[at] = this.recordTfs.get(i);
      }
      start = end;
    }
    return { terms: this.terms, offsets, docs, tfs };
  }
}
