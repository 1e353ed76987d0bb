/**
 * Every index and search option in one place. A serialized index is only valid with the options it
 * was built with, so the format string below changes whenever an option that shapes the index does.
 *
 * The engine scores with its own typed-array postings (BM25F) and uses MiniSearch's radix tree only
 * as its term dictionary (exact, prefix and fuzzy lookup). MiniSearch's document-at-a-time scorer
 * answered in several times the 50 ms target at p95 on the 100,000-record benchmark corpus
 * (docs/benchmarks.md keeps it as a column).
 */

import { SYNONYMS_VERSION } from './synonyms.ts';

/**
 * Bump when anything that shapes the serialized index changes (fields, analysis, encoding). The
 * synonym list is part of the analysis: its hash is part of the format.
 */
export const INDEX_FORMAT = `nvi-search/3+synonyms-${SYNONYMS_VERSION}`;

/** Indexed fields, in the order their term frequencies are packed into one 16-bit word. */
export const FIELDS = ['question', 'answer', 'paragraph', 'document'] as const;
export type Field = (typeof FIELDS)[number];

/** Each field's term frequency takes 4 bits, so a posting's frequencies fit one Uint16. */
export const TF_BITS = 4;
export const MAX_TF = (1 << TF_BITS) - 1;

/**
 * Field weights (BM25F): the question says what a record is about; the answer adds detail;
 * paragraph and document labels give context every record of a group shares.
 */
export const FIELD_WEIGHTS: Readonly<Record<Field, number>> = {
  question: 1.5,
  answer: 1,
  paragraph: 0.7,
  document: 0.3,
};

export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** An excluded word (-word) removes records whose visible text has it; labels are filters instead. */
export const EXCLUSION_FIELDS: readonly Field[] = ['question', 'answer'];

/** Search as you type: the last word also matches longer terms once it has this many letters. */
export const PREFIX = {
  minLength: 3,
  /** The shortest completions win; more only adds postings to score. */
  maxExpansions: 40,
  /** A completion counts less than a word typed in full. */
  weight: 0.7,
} as const;

/**
 * Typos: words that are not in the index are matched within an edit distance that grows with the
 * term's length (none up to 3 letters, none for numbers). Known words are never fuzzed: that keeps
 * fuzzy cheap and stops "zorg" from also matching "zong".
 */
export const FUZZY = {
  maxExpansions: 12,
  weight: 0.8,
  distance(termLength: number): number {
    if (termLength <= 3) return 0;
    return termLength <= 7 ? 1 : 2;
  },
} as const;

/**
 * Compound parts are indexed as "~part", apart from whole words: a search for "budget" matches
 * "kwaliteitsbudget" too, but below records that have the word "budget" itself.
 */
export const PARTS = { marker: '~', weight: 0.7 } as const;

/**
 * Other forms of a query word's verb or noun (wordforms.ts: "afgewezen" / "afwijzing"): they
 * count less than the word as typed, which stays first where the text has it.
 */
export const WORD_FORMS = { weight: 0.7 } as const;

/**
 * Expansions of a query word into other terms (word forms, number forms, synonyms) that are in
 * more than maxDocumentShare of the records (and more than minDocuments: a small index costs
 * nothing) are left out: their low idf adds little, their postings cost every query time at
 * 100,000 records. The word as typed, its compound parts and its completions are never left out.
 */
export const EXPANSIONS = { maxDocumentShare: 0.02, minDocuments: 1000 } as const;

/** Another form of a number ("vier" / "4") and a domain synonym (synonyms.json) of a query word. */
export const NUMBERS = { weight: 0.9 } as const;
export const SYNONYMS = { weight: 0.8 } as const;

/**
 * Two adjacent query words joined into the compound the text has ("zorg atlas" → zorgatlas):
 * joined as typed, with a linking s, or with -en ("instemmings verklaring" already has its s).
 */
export const JOINS = { linkers: ['', 's', 'en'], weight: 0.9 } as const;

/**
 * Minimum should match: a record that lacks some query words is a hit only when the words it has
 * carry at least this share of the query's weight (idf). A record with just "kan" and "zorgkantoor"
 * from an eight-word question is noise; one with the rare "eenjarige" is not. Records with every
 * word, and records a VID or paragraph reference names, are always hits.
 */
export const PARTIAL_MATCH = { minWeightShare: 0.25 } as const;

/**
 * Term proximity: of the best `candidates` records with every word of a query of several words,
 * those where the words stand close together in the question or answer (at most `window` tokens
 * apart, stopwords included) rank higher: per pair of words, the less informative
 * word's weight (idf) times `weight`, scaled down linearly with the distance of their closest
 * occurrences. Only the top is re-ordered: the texts of `candidates` records are read per query.
 */
export const PROXIMITY = { candidates: 15, window: 8, weight: 0.5 } as const;

/** Bounds the work a single query can cause. */
export const QUERY_LIMITS = { maxLength: 500, maxWords: 16 } as const;

/** related(): a record's most distinctive terms (tf·idf), excluding terms only it has. */
export const RELATED = { terms: 12, minDocumentFrequency: 2 } as const;
