/**
 * One token in, its index terms out: used identically when indexing, querying and highlighting, so
 * that a highlighted word is exactly a word the index matched.
 */
import { MIN_PART_LENGTH, partRuns, splitCompound, type PartTests } from './compounds.ts';
import { DEFAULT_STEM_OPTIONS, STOPWORDS, stem, type StemOptions } from './dutch.ts';
import { PARTS } from './options.ts';
import { SYNONYM_GROUPS, SynonymTable } from './synonyms.ts';
import { normalizeToken } from './text.ts';
import { wordForms } from './wordforms.ts';

export interface AnalyzerOptions extends StemOptions {
  /** Index compound parts besides the whole word (off only to measure what it is worth). */
  compounds: boolean;
}

export const DEFAULT_ANALYZER_OPTIONS: AnalyzerOptions = { ...DEFAULT_STEM_OPTIONS, compounds: true };

const ALPHABETIC = /^\p{L}+$/u;

/** Caches are bounded so that a long-running server fed random queries does not grow without end. */
const CACHE_LIMIT = 200_000;

/** Single letters carry nothing ("s" of "thema's", "a" of "I.A"); single digits do ("bijlage 6"). */
function tooShort(normalized: string): boolean {
  return normalized.length < 2 && !/\d/.test(normalized);
}

export function isVocabularyTerm(term: string): boolean {
  return ALPHABETIC.test(term);
}

/** Whether a normalized token may be a leading compound part elsewhere: see Vocabulary.words. */
export function isPartWord(normalized: string): boolean {
  return normalized.length >= MIN_PART_LENGTH && !STOPWORDS.has(normalized) && ALPHABETIC.test(normalized);
}

/** What the corpus knows about its own words, for splitting compounds. */
export interface Vocabulary {
  /** Folded words the corpus uses on their own (isPartWord). */
  words: ReadonlySet<string>;
  /** Whether a stem is the stem of such a word (an alphabetic index term). */
  isKnownStem(stem: string): boolean;
}

export class Analyzer {
  private readonly indexTermCache = new Map<string, readonly string[]>();

  private readonly formTermCache = new Map<string, readonly string[]>();

  private readonly partTests: PartTests;

  private synonymTable: SynonymTable | null = null;

  constructor(
    private readonly vocabulary: Vocabulary,
    readonly options: AnalyzerOptions = DEFAULT_ANALYZER_OPTIONS,
  ) {
    this.partTests = {
      isWord: (part) => vocabulary.words.has(part),
      isHead: (part) => vocabulary.words.has(part) || this.isInflectedWord(part),
    };
  }

  /**
   * Whether `part` inflects a corpus word: its stem is known and, apart from a devoiced last letter
   * (tarieven → tarief), the part starts with it. Snowball maps some non-words onto known stems.
   */
  private isInflectedWord(part: string): boolean {
    if (STOPWORDS.has(part)) return false;
    const stemmed = this.stem(part);
    return stemmed.length >= MIN_PART_LENGTH && part.startsWith(stemmed.slice(0, -1)) && this.vocabulary.isKnownStem(stemmed);
  }

  /** The domain synonyms (synonyms.json), analysed as this analyzer analyses text. */
  get synonyms(): SynonymTable {
    this.synonymTable ??= new SynonymTable(SYNONYM_GROUPS, (normalized) => this.term(normalized));
    return this.synonymTable;
  }

  /** The comparable form of a normalized token, stopwords included (for phrase comparison). */
  stem(normalized: string): string {
    return stem(normalized, this.options);
  }

  /** The search term of a normalized token, or null when it is a stopword or too short. */
  term(normalized: string): string | null {
    if (tooShort(normalized) || STOPWORDS.has(normalized)) return null;
    return this.stem(normalized);
  }

  /** The term of a raw token (as it appears in a text or query). */
  termOf(token: string): string | null {
    return this.term(normalizeToken(token));
  }

  /**
   * The terms a normalized token is indexed under: its stem, and for a compound the marked stems of
   * its known parts and runs of parts ("kwaliteitsbudget" → kwaliteitsbudget, ~kwaliteit, ~budget).
   */
  indexTerms(normalized: string): readonly string[] {
    const cached = this.indexTermCache.get(normalized);
    if (cached) return cached;
    const term = this.term(normalized);
    let terms: readonly string[] = [];
    if (term !== null) {
      const parts = this.options.compounds ? this.compoundParts(normalized) : [];
      terms = [...new Set([term, ...parts.map(partTerm)])];
    }
    remember(this.indexTermCache, normalized, terms);
    return terms;
  }

  /**
   * The terms of the other verb and noun forms of a normalized word (wordforms.ts), without the
   * word's own term: cached, as generating and stemming the candidates costs more than the lookup.
   */
  formTerms(normalized: string): readonly string[] {
    const cached = this.formTermCache.get(normalized);
    if (cached) return cached;
    const own = this.term(normalized);
    const terms = new Set<string>();
    for (const form of wordForms(normalized)) {
      const term = this.term(form);
      if (term !== null && term !== own) terms.add(term);
    }
    const result = [...terms];
    remember(this.formTermCache, normalized, result);
    return result;
  }

  /** The stems of the known parts and part runs of a compound; empty for any other word. */
  compoundParts(normalized: string): string[] {
    const parts = splitCompound(normalized, this.partTests);
    if (parts.length === 0) return [];
    return partRuns(normalized, parts)
      .map((run) => this.stem(run))
      .filter((s) => this.vocabulary.isKnownStem(s));
  }

  /** The single parts of a compound, as stems, for splitting an unknown query word. */
  queryParts(normalized: string): string[] {
    if (!this.options.compounds) return [];
    return splitCompound(normalized, this.partTests).map((p) => this.stem(normalized.slice(p.start, p.end)));
  }
}

/** The index term of a compound part: marked, so whole words and parts can be weighted apart. */
export function partTerm(stem: string): string {
  return `${PARTS.marker}${stem}`;
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}
