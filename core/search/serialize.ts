/**
 * The index as one JSON string: strings and small tables as JSON, numeric columns and postings as
 * base64 varint streams. Loading rebuilds the typed arrays without re-analysing any text.
 */
import type { AnalyzerOptions } from './analyzer.ts';
import { decodeAscending, decodeValues, encodeAscending, encodeValues, VarintReader, VarintWriter } from './codec.ts';
import { INDEX_FORMAT } from './options.ts';
import { refEntries, refTableFrom } from './ref-table.ts';
import type { IndexData } from './search-index.ts';

interface SerializedIndex {
  format: string;
  analyzer: AnalyzerOptions;
  ids: number[];
  notaIds: number[];
  documentKeys: string[];
  documentKeyOf: string;
  paragraphKeys: string[];
  paragraphKeyOf: string;
  fieldLengths: string;
  terms: string[];
  postingCount: number;
  /** Per term: its posting count, then per posting the gap to the previous record and the tfs. */
  postings: string;
  refs: Record<string, string>;
  words: string[];
}

export function serializeIndex(data: IndexData): string {
  const postings = new VarintWriter();
  for (let t = 0; t < data.terms.length; t++) {
    const start = data.offsets[t] ?? 0;
    const end = data.offsets[t + 1] ?? start;
    postings.write(end - start);
    let previous = 0;
    for (let i = start; i < end; i++) {
      const doc = data.docs[i] ?? 0;
      postings.write(doc - previous);
      postings.write(data.tfs[i] ?? 0);
      previous = doc;
    }
  }
  const serialized: SerializedIndex = {
    format: INDEX_FORMAT,
    analyzer: data.analyzer,
    ids: Array.from(data.ids),
    notaIds: Array.from(data.notaIds),
    documentKeys: data.documentKeys,
    documentKeyOf: encodeValues(data.documentKeyOf),
    paragraphKeys: data.paragraphKeys,
    paragraphKeyOf: encodeValues(data.paragraphKeyOf),
    fieldLengths: encodeValues(data.fieldLengths),
    terms: data.terms,
    postingCount: data.docs.length,
    postings: postings.toBase64(),
    refs: Object.fromEntries([...refEntries(data.refs)].map(([term, list]) => [term, encodeAscending(list)])),
    words: data.words,
  };
  return JSON.stringify(serialized);
}

/** Throws when the string is not an index of this format (the caller rebuilds from the database). */
export function deserializeIndex(json: string): IndexData {
  const s = JSON.parse(json) as SerializedIndex;
  if (s.format !== INDEX_FORMAT) {
    throw new Error(`search index: format ${String(s.format)} is not ${INDEX_FORMAT}; rebuild the index`);
  }
  const reader = new VarintReader(s.postings);
  const offsets = new Uint32Array(s.terms.length + 1);
  const docs = new Uint32Array(s.postingCount);
  const tfs = new Uint16Array(s.postingCount);
  let at = 0;
  for (let t = 0; t < s.terms.length; t++) {
    const count = reader.read();
    let doc = 0;
    for (let i = 0; i < count; i++, at++) {
      doc += reader.read();
      docs[at] = doc;
      tfs[at] = reader.read();
    }
    offsets[t + 1] = at;
  }
  return {
    analyzer: s.analyzer,
    ids: Float64Array.from(s.ids),
    notaIds: Float64Array.from(s.notaIds),
    documentKeys: s.documentKeys,
    documentKeyOf: decodeValues(s.documentKeyOf),
    paragraphKeys: s.paragraphKeys,
    paragraphKeyOf: decodeValues(s.paragraphKeyOf),
    fieldLengths: decodeValues(s.fieldLengths),
    terms: s.terms,
    offsets,
    docs,
    tfs,
    refs: refTableFrom(Object.entries(s.refs).map(([term, list]) => [term, decodeAscending(list)])),
    words: s.words,
  };
}
