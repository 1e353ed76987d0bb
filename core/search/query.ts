/**
 * Query syntax: words, "quoted phrases", -excluded words, -"excluded phrases", and references
 * (see refs.ts). Anything else is text: no character of the query has a special meaning beyond these,
 * and nothing from it ever becomes a regular expression.
 */
import type { Analyzer } from './analyzer.ts';
import { PREFIX, QUERY_LIMITS } from './options.ts';
import { extractRefs, type QueryRef } from './refs.ts';
import { normalizeToken, tokenize } from './text.ts';

export interface QueryWord {
  /** The search term (stem). */
  term: string;
  /** The word as typed, folded: what a prefix search completes (a stem may be shorter). */
  normalized: string;
  /** The last word while typing: also matches longer terms. */
  prefix: boolean;
  /** Token position in the query (stopwords count): words one apart were typed side by side. */
  position: number;
  /** Positions where the same term was typed again: a repeat is no new word, but it may be part of a phrase-like synonym form. */
  repeats: number[];
}

export interface ParsedRef {
  ref: QueryRef;
  /** The reference as plain words, searched when it names no record ("artikel 10" in a text). */
  words: QueryWord[];
}

export interface ParsedQuery {
  refs: ParsedRef[];
  /** Every record in the "all words" group contains each of these. */
  words: QueryWord[];
  /** Stems (stopwords included) that must occur in this order. */
  phrases: string[][];
  excludedTerms: string[];
  excludedPhrases: string[][];
  /** Terms typed only inside phrases: highlighted as part of the phrase, never on their own. */
  phraseOnly: Set<string>;
}

/** Typographic quotes as typed in Word or on a phone count as plain double quotes. */
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/gu;
/** A phrase (maybe unterminated: the user is still typing), or a run of non-space characters. */
const CLAUSE = /(-?)"([^"]*)"?|(\S+)/gu;

export function parseQuery(query: string, analyzer: Analyzer): ParsedQuery {
  const { refs, rest } = extractRefs(query.slice(0, QUERY_LIMITS.maxLength).replace(QUOTES, '"'));
  const parsed: ParsedQuery = {
    refs: refs.map((ref) => ({ ref, words: wordsOf(ref.text, analyzer) })),
    words: [],
    phrases: [],
    excludedTerms: [],
    excludedPhrases: [],
    phraseOnly: new Set(),
  };
  const plainTerms = new Set<string>();
  let last: QueryWord | null = null;
  let position = 0;
  for (const [, minus, phrase, plain] of rest.matchAll(CLAUSE)) {
    last = null;
    if (phrase !== undefined) {
      const stems = phraseStems(phrase, analyzer);
      if (minus) addExclusion(parsed, stems, phrase, analyzer);
      else {
        for (const token of tokenize(phrase)) {
          const normalized = normalizeToken(token.text);
          addWord(parsed.words, normalized, analyzer, position++);
          const term = analyzer.term(normalized);
          if (term !== null) (stems.length > 1 ? parsed.phraseOnly : plainTerms).add(term);
        }
        if (stems.length > 1) parsed.phrases.push(stems);
      }
      position++;
    } else if (plain?.startsWith('-')) {
      const text = plain.replace(/^-+/, '');
      addExclusion(parsed, phraseStems(text, analyzer), text, analyzer);
      position++;
    } else if (plain !== undefined) {
      for (const token of tokenize(plain)) {
        const normalized = normalizeToken(token.text);
        last = addWord(parsed.words, normalized, analyzer, position++) ?? last;
        const term = analyzer.term(normalized);
        if (term !== null) plainTerms.add(term);
      }
    }
  }
  for (const term of plainTerms) parsed.phraseOnly.delete(term);
  // Search as you type: only while the last word is still being typed (no space after it).
  if (last && !/\s$/u.test(rest) && last.normalized.length >= PREFIX.minLength) last.prefix = true;
  return parsed;
}

/** Reference words come after the query's own words: never side by side with them. */
const REF_POSITIONS = QUERY_LIMITS.maxLength + 1;

function wordsOf(text: string, analyzer: Analyzer): QueryWord[] {
  const words: QueryWord[] = [];
  let position = REF_POSITIONS;
  for (const token of tokenize(text)) addWord(words, normalizeToken(token.text), analyzer, position++);
  return words;
}

function phraseStems(text: string, analyzer: Analyzer): string[] {
  return tokenize(text).map((t) => analyzer.stem(normalizeToken(t.text)));
}

function addExclusion(parsed: ParsedQuery, stems: string[], text: string, analyzer: Analyzer): void {
  if (stems.length > 1) {
    parsed.excludedPhrases.push(stems);
    return;
  }
  const token = tokenize(text)[0];
  const term = token ? analyzer.termOf(token.text) : null;
  if (term !== null) parsed.excludedTerms.push(term);
}

/** Adds a word unless it is a stopword, a repeat (noted on the word) or one too many; returns the word added. */
function addWord(words: QueryWord[], normalized: string, analyzer: Analyzer, position: number): QueryWord | null {
  const term = analyzer.term(normalized);
  if (term === null) return null;
  const seen = words.find((w) => w.term === term);
  if (seen) seen.repeats.push(position);
  if (seen || words.length >= QUERY_LIMITS.maxWords) return null;
  const word = { term, normalized, prefix: false, position, repeats: [] };
  words.push(word);
  return word;
}
