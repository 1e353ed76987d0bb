/**
 * The design the issue started from, for the benchmark to compare against: stock MiniSearch
 * (its own index and scorer) over the same fields and weights, with the same Dutch folding,
 * stopwords and stemming (no compound splitting), prefix search on the last word and fuzzy
 * matching scaled to word length. Every match is ranked and returned, as for the other systems.
 */
import MiniSearch from 'minisearch';
import { STOPWORDS, stem } from '../../core/search/dutch.ts';
import { FIELD_WEIGHTS, FUZZY } from '../../core/search/options.ts';
import { normalizeToken, tokenize } from '../../core/search/text.ts';
import type { IndexRecord } from '../../core/search/types.ts';

const FIELDS = ['question', 'answer', 'paragraph', 'document'];

function processTerm(term: string): string | null {
  const normalized = normalizeToken(term);
  if (normalized.length < 2 || STOPWORDS.has(normalized)) return null;
  return stem(normalized);
}

const options = {
  fields: FIELDS,
  storeFields: [] as string[],
  tokenize: (text: string) => tokenize(text).map((t) => t.text),
  processTerm,
  searchOptions: {
    boost: FIELD_WEIGHTS,
    prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
    fuzzy: (term: string) => FUZZY.distance(term.length) || false,
    combineWith: 'OR' as const,
  },
};

export function buildStockMiniSearch(records: readonly IndexRecord[]): MiniSearch<IndexRecord> {
  const ms = new MiniSearch<IndexRecord>(options);
  ms.addAll(records as IndexRecord[]);
  return ms;
}

export function loadStockMiniSearch(json: string): MiniSearch<IndexRecord> {
  return MiniSearch.loadJSON<IndexRecord>(json, options);
}
