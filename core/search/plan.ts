/**
 * Turns query words into index terms. A known word matches itself (and, while typed last, its
 * completions); an unknown one is tried as a compound of known words, then as a typo.
 */
import { partTerm } from './analyzer.ts';
import { numberWord, otherNumberForm } from './numbers.ts';
import { EXPANSIONS, FUZZY, JOINS, NUMBERS, PARTS, PREFIX, SYNONYMS, WORD_FORMS } from './options.ts';
import type { QueryWord } from './query.ts';
import type { SearchIndex } from './search-index.ts';
import { SYNONYM_MARKER } from './synonyms.ts';

export interface Alternative {
  termId: number;
  weight: number;
  /** Overrides the term's own idf: completions of one prefix share the idf of all of them. */
  idf?: number;
}

export interface PlannedWord {
  term: string;
  /** Empty when nothing in the index resembles the word: then no record can contain every word. */
  alternatives: Alternative[];
  /** How informative the word is (idf over all its alternatives), for the partial-match threshold. */
  weight: number;
  /** The index has no such word: its alternatives are the likeliest typo corrections, closest first. */
  typo?: true;
}

/** Each word takes one bit of a 32-bit mask while scoring. */
export const MAX_PLANNED_WORDS = 31;

export function planWords(words: readonly QueryWord[], index: SearchIndex): PlannedWord[] {
  const planned: PlannedWord[] = [];
  const add = (term: string, alternatives: Alternative[], typo = false) => {
    if (planned.length < MAX_PLANNED_WORDS && !planned.some((p) => p.term === term)) {
      const unique = strongest(alternatives);
      planned.push({ term, alternatives: unique, weight: wordWeight(unique, index), ...(typo && unique.length > 0 ? { typo: true as const } : {}) });
    }
  };
  const joins = joinedPairs(words, index);
  const synonyms = synonymAlternatives(words, index);
  for (const [w, word] of words.entries()) {
    const exact = index.termId(word.term);
    const forms = formAlternatives(word, index);
    const related = [...(joins[w] ?? []), ...(synonyms[w] ?? []), ...numberAlternatives(word, index)];
    // Completions only while the typed text is no word yet: a finished word already matches the
    // compounds it is part of, and rare completions would outrank the word itself.
    const alternatives = exact === undefined ? (word.prefix ? completions(word, index) : []) : withParts([{ termId: exact, weight: 1 }], index);
    if (alternatives.length > 0 || related.length > 0) {
      add(word.term, [...alternatives, ...forms, ...related]);
      continue;
    }
    const parts = index.analyzer.queryParts(word.normalized);
    const partIds = parts.map((part) => index.termId(part));
    if (parts.length > 1 && partIds.every((id) => id !== undefined)) {
      parts.forEach((part, i) => add(part, withParts([{ termId: partIds[i] ?? 0, weight: 1 }], index)));
      continue;
    }
    // Another form of a known word is likelier than a typo ("afgewezen" where the text has "afwijzing").
    if (forms.length > 0) add(word.term, forms);
    else add(word.term, withParts(typoMatches(word.term, index), index), true);
  }
  return planned;
}

/**
 * Other forms of the same verb or noun (wordforms.ts) that the index has, as whole words and as
 * compound parts ("gewisseld" → wissel, ~wissel of "bestuurderswissel"), at a lower weight.
 */
function formAlternatives(word: QueryWord, index: SearchIndex): Alternative[] {
  let cache = formCaches.get(index);
  if (!cache) formCaches.set(index, (cache = new Map()));
  const cached = cache.get(word.normalized);
  if (cached) return cached;
  const found = new Map<number, number>();
  const useful = (termId: number | undefined): termId is number => termId !== undefined && affordable(termId, index);
  for (const term of index.analyzer.formTerms(word.normalized)) {
    const whole = index.termId(term);
    if (useful(whole)) found.set(whole, WORD_FORMS.weight);
    const part = index.termId(partTerm(term));
    if (useful(part) && !found.has(part)) found.set(part, WORD_FORMS.weight * PARTS.weight);
  }
  const alternatives = [...found].map(([termId, weight]) => ({ termId, weight }));
  if (cache.size >= FORM_CACHE_LIMIT) cache.clear();
  cache.set(word.normalized, alternatives);
  return alternatives;
}

/**
 * Each index's word forms that it has, by word: looking up a few dozen candidate terms for every
 * word of every query costs more than scoring a short query on a small index. An index never
 * changes, so its entries stay valid; the cache is bounded like the analyzer's.
 */
const formCaches = new WeakMap<SearchIndex, Map<string, Alternative[]>>();
const FORM_CACHE_LIMIT = 50_000;

/**
 * Whether an expansion of a query word (another word form, number form or synonym) is worth its
 * postings: one that many records have adds little score but a long postings list to every query
 * (EXPANSIONS).
 */
function affordable(termId: number, index: SearchIndex): boolean {
  return index.documentFrequency(termId) <= Math.max(EXPANSIONS.minDocuments, EXPANSIONS.maxDocumentShare * index.size);
}

/** The idf of a word as typed, when the index has it ({} otherwise: the alternative's own). */
function ownIdf(word: QueryWord, index: SearchIndex): { idf?: number } {
  const termId = index.termId(word.term);
  return termId === undefined ? {} : { idf: index.idf(termId) };
}

/** One alternative per term, the strongest: a term listed twice would be scored twice. */
function strongest(alternatives: readonly Alternative[]): Alternative[] {
  const byTerm = new Map<number, Alternative>();
  for (const a of alternatives) {
    const seen = byTerm.get(a.termId);
    if (!seen || a.weight > seen.weight) byTerm.set(a.termId, a);
  }
  return [...byTerm.values()];
}

/** A number written the other way ("vier" → 4, "40" → veertig), when the index has it. */
function numberAlternatives(word: QueryWord, index: SearchIndex): Alternative[] {
  const other = otherNumberForm(word.normalized);
  const term = other === null ? null : index.analyzer.term(other);
  const termId = term === null ? undefined : index.termId(term);
  return termId === undefined || !affordable(termId, index) ? [] : [{ termId, weight: NUMBERS.weight }];
}

/**
 * Words that are, or are part of, a domain synonym's form (synonyms.ts): each also matches the
 * group's other single-word forms and its group term, so "volledig pakket thuis" matches a record
 * that says "VPT" in every one of its words. Forms are found in the query's words as typed,
 * repeats included: in "volledig pakket thuis en modulair pakket thuis" the second form shares
 * its words with the first.
 */
function synonymAlternatives(words: readonly QueryWord[], index: SearchIndex): Alternative[][] {
  const out: Alternative[][] = words.map(() => []);
  const typed = words
    .flatMap((word, w) => [word.position, ...word.repeats].map((position) => ({ position, w })))
    .sort((a, b) => a.position - b.position);
  for (const match of index.analyzer.synonyms.matches(typed.map(({ w }) => words[w]?.term ?? ''))) {
    const terms = match.phrases ? [...match.words, match.term] : match.words;
    const termIds = terms.flatMap((term) => index.termId(term) ?? []).filter((termId) => affordable(termId, index));
    // A form of several words stands for one: its words share the weight, so it counts once.
    const weight = SYNONYMS.weight / (match.end - match.start);
    for (let k = match.start; k < match.end; k++) out[typed[k]?.w ?? -1]?.push(...termIds.map((termId) => ({ termId, weight })));
  }
  return out;
}

/**
 * Two words typed side by side that the text writes as one compound ("zorg atlas" → zorgatlas,
 * "hardheids clausule" → hardheidsclausule): the compound, when the index has it as a word or a
 * compound part, becomes an alternative of both words, so a record with the compound contains both.
 */
function joinedPairs(words: readonly QueryWord[], index: SearchIndex): Alternative[][] {
  const joins: Alternative[][] = words.map(() => []);
  words.forEach((left, i) => {
    const j = words.findIndex((w) => w.position === left.position + 1);
    const right = words[j];
    // A number before a word is written out, as in "1-jarige" → eenjarige (derived.ts indexes it so).
    const first = /^\d+$/u.test(left.normalized) ? (numberWord(Number(left.normalized)) ?? left.normalized) : left.normalized;
    if (!right || !/^\p{L}+$/u.test(first + right.normalized)) return;
    for (const linker of JOINS.linkers) {
      const term = index.analyzer.term(first + linker + right.normalized);
      if (term === null) continue;
      const whole = index.termId(term);
      const part = index.termId(partTerm(term));
      const found = whole ?? part;
      if (found === undefined) continue;
      // The compound counts as the two words it joins, each as informative as typed: a rare
      // compound must not outrank the records that have the words themselves.
      const weight = whole !== undefined ? JOINS.weight : JOINS.weight * PARTS.weight;
      joins[i]?.push({ termId: found, weight, ...ownIdf(left, index) });
      joins[j]?.push({ termId: found, weight, ...ownIdf(right, index) });
      return;
    }
  });
  return joins;
}

/**
 * How informative a word is: the idf of all its alternatives together, so a common word stays
 * common even when a rare compound part or completion also matches it. A word nothing matches
 * weighs nothing: it cannot tell partial matches apart (the match kind already says "some").
 */
function wordWeight(alternatives: readonly Alternative[], index: SearchIndex): number {
  if (alternatives.length === 0) return 0;
  return index.idfOf(alternatives.reduce((df, a) => df + index.documentFrequency(a.termId), 0));
}

/** Each term also matches where it is part of a compound, at a lower weight. */
function withParts(alternatives: Alternative[], index: SearchIndex): Alternative[] {
  const parts = alternatives.flatMap(({ termId, weight }) => {
    const part = index.termId(partTerm(index.term(termId)));
    return part === undefined ? [] : [{ termId: part, weight: weight * PARTS.weight }];
  });
  return [...alternatives, ...parts];
}

/**
 * The shortest terms that start with the word as typed or with its stem, as whole words and as
 * compound parts ("budg" → budget, budgetruimte, ~budget of kwaliteitsbudget).
 */
function completions(word: QueryWord, index: SearchIndex): Alternative[] {
  const found = new Map<string, number>();
  for (const prefix of new Set([word.normalized, word.term])) {
    for (const start of [prefix, partTerm(prefix)]) {
      for (const [term, termId] of index.tree.atPrefix(start)) found.set(term, termId);
    }
  }
  const chosen = [...found]
    .sort(([a, idA], [b, idB]) => a.length - b.length || index.documentFrequency(idB) - index.documentFrequency(idA))
    .slice(0, PREFIX.maxExpansions);
  // The prefix is scored as one term: a rare completion must not outrank the common one being typed.
  const idf = index.idfOf(chosen.reduce((df, [, termId]) => df + index.documentFrequency(termId), 0));
  return chosen.map(([term, termId]) => ({
    termId,
    weight: term.startsWith(PARTS.marker) ? PREFIX.weight * PARTS.weight : PREFIX.weight,
    idf,
  }));
}

/**
 * Terms within an edit distance that grows with the word's length, closest and commonest first.
 * Two swapped neighbouring letters ("zrog", "traief") are one slip of the fingers, so they count
 * as one edit, not the two of plain Levenshtein distance that the radix tree measures.
 */
function typoMatches(term: string, index: SearchIndex): Alternative[] {
  const distance = /\d/.test(term) ? 0 : FUZZY.distance(term.length);
  if (distance === 0) return [];
  const found = new Map<number, number>();
  for (const [match, [termId, d]] of index.tree.fuzzyGet(term, distance)) {
    if (isWordTerm(match)) found.set(termId, d); // withParts adds parts; group terms are no words
  }
  for (const swapped of transpositions(term)) {
    const termId = index.termId(swapped);
    if (termId !== undefined && !((found.get(termId) ?? Infinity) <= 1)) found.set(termId, 1);
  }
  return [...found]
    .map(([termId, d]) => ({ termId, d }))
    .sort((a, b) => a.d - b.d || index.documentFrequency(b.termId) - index.documentFrequency(a.termId))
    .slice(0, FUZZY.maxExpansions)
    .map(({ termId, d }) => ({ termId, weight: (FUZZY.weight * term.length) / (term.length + d) }));
}

function isWordTerm(term: string): boolean {
  return !term.startsWith(PARTS.marker) && !term.startsWith(SYNONYM_MARKER);
}

/** The word with each pair of neighbouring letters swapped. */
export function transpositions(term: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] !== term[i + 1]) out.push(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return out;
}
