/**
 * The search engine: Dutch-aware full-text search over Q&A records with direct VID and paragraph
 * lookups, phrases, exclusions and safe highlighting. See docs/relevance.md for how it is judged.
 */
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions } from './analyzer.ts';
import { buildIndexData } from './build-index.ts';
import { createHighlighter } from './highlight.ts';
import { Hits, Ordering } from './hits.ts';
import { EXCLUSION_FIELDS, FIELDS, MAX_TF, PARTIAL_MATCH, PROXIMITY, RELATED, TF_BITS } from './options.ts';
import { planWords, type PlannedWord } from './plan.ts';
import { bestRecords, Proximity } from './proximity.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { Ranking, Tier } from './rank.ts';
import { refPositions } from './ref-table.ts';
import { refLookups } from './refs.ts';
import { recordsWithTerms, ScoreBuffers, type Scores } from './score.ts';
import { SearchIndex, type IndexData, type IndexTables } from './search-index.ts';
import { deserializeIndex, serializeIndex } from './serialize.ts';
import { normalizeToken, tokenize } from './text.ts';
import type {
  Correction,
  Highlighter,
  IndexRecord,
  MatchKind,
  SearchEngine,
  SearchFilter,
  SearchHit,
  SearchOutcome,
  TextSource,
} from './types.ts';

export interface EngineOptions {
  /** Switch parts of the text analysis off, to measure what they are worth (test/relevance). */
  analyzer?: Partial<AnalyzerOptions>;
}

export function buildSearchEngine(records: Iterable<IndexRecord>, texts: TextSource, options: EngineOptions = {}): SearchEngine {
  const data = buildIndexData([...records], { ...DEFAULT_ANALYZER_OPTIONS, ...options.analyzer });
  return new Engine(new SearchIndex(data), texts);
}

/** Throws when `serialized` is not an index of the current format; rebuild in that case. */
export function loadSearchEngine(serialized: string, texts: TextSource): SearchEngine {
  return new Engine(new SearchIndex(deserializeIndex(serialized)), texts);
}

/** An engine over index data built or deserialized elsewhere (the server does it in a worker thread). */
export function engineFromIndexData(data: IndexData, texts: TextSource, norms?: Float32Array, tables?: IndexTables): SearchEngine {
  return new Engine(new SearchIndex(data, norms, tables), texts);
}

const EXCLUSION_MASK = EXCLUSION_FIELDS.reduce((mask, field) => mask | (MAX_TF << (FIELDS.indexOf(field) * TF_BITS)), 0);

class Engine implements SearchEngine {
  readonly size: number;
  private readonly buffers: ScoreBuffers;

  constructor(
    private readonly index: SearchIndex,
    private readonly texts: TextSource,
  ) {
    this.size = index.size;
    this.buffers = new ScoreBuffers(index.size);
  }

  search(query: string, filter?: SearchFilter, countFilter?: SearchFilter): SearchOutcome {
    const text = typeof query === 'string' ? query : '';
    const parsed = parseQuery(text, this.index.analyzer);
    const allowed = this.filterFor(filter);
    const refTiers = this.resolveRefs(parsed, allowed);
    // The count filter resolves references on its own: "12" may name a question only outside the filter.
    const countParsed = countFilter ? parseQuery(text, this.index.analyzer) : null;
    const counting = countFilter ? this.filterFor(countFilter) : null;
    const countTiers = countParsed ? this.resolveRefs(countParsed, counting) : null;
    const words = planWords(parsed.words, this.index);
    const highlighter = this.highlighterFor(words, parsed);
    const { hits, scores } = this.rank(parsed, words, refTiers, allowed);
    let counted: Hits | null = null;
    if (countParsed && countTiers) {
      // Which records match does not depend on the filter's proximity bonus: with the same words,
      // the scores already computed tell; otherwise the count filter's words are scored apart.
      counted = sameWords(parsed, countParsed)
        ? this.collect(parsed, words, scores, countTiers, counting, null)
        : this.rank(countParsed, planWords(countParsed.words, this.index), countTiers, counting).hits;
    }
    const match = hits.length === 0 ? 'none' : hits.countMatchedAll() > 0 ? 'all' : 'some';
    return outcome(match, hits, counted, highlighter, this.corrections(query, words, hits));
  }

  related(id: number, limit: number, filter?: SearchFilter): SearchHit[] {
    const self = this.index.position(id);
    const text = this.texts(id);
    const count = Math.floor(limit);
    if (self === undefined || !text || !(count > 0)) return [];
    const words = this.distinctiveTerms(`${text.question}\n${text.answer}`);
    const scores = this.buffers.score(this.index, words);
    const allowed = this.filterFor(filter);
    const full = 2 ** words.length - 1;
    const ranking = new Ranking(this.index.size, scores.count, maxScore(scores));
    for (let i = 0; i < scores.count; i++) {
      const doc = scores.records[i] ?? 0;
      if (doc !== self && (allowed === null || allowed(doc))) ranking.add(doc, Tier.text, true, scores.scores[doc] ?? 0);
    }
    const { data } = this.index;
    // Items are index positions here: only the few best are read, so no columns are needed.
    return Array.from(ranking.ordering().top(count), (doc) => ({
      id: data.ids[doc] ?? 0,
      notaId: data.notaIds[doc] ?? 0,
      documentKey: data.documentKeys[data.documentKeyOf[doc] ?? 0] ?? '',
      paragraphKey: data.paragraphKeys[data.paragraphKeyOf[doc] ?? 0] ?? '',
      score: scores.scores[doc] ?? 0,
      matchedAll: scores.masks[doc] === full,
    }));
  }

  position(id: number): number | undefined {
    return this.index.position(id);
  }

  highlighter(query: string): Highlighter {
    const parsed = parseQuery(typeof query === 'string' ? query : '', this.index.analyzer);
    this.resolveRefs(parsed, null); // a reference that names nothing becomes words, as in search()
    return this.highlighterFor(planWords(parsed.words, this.index), parsed);
  }

  serialize(): string {
    return serializeIndex(this.index.data);
  }

  /**
   * The records references name, by tier. A reference that names nothing is searched as words
   * instead: "artikel 10" is cited in texts but is no paragraph label; "2021" is a year, not a VID.
   * Only records the filter lets through count: "12" in an NvI without a question 12 is text,
   * even when another NvI has one.
   */
  private resolveRefs(parsed: ParsedQuery, allowed: ((doc: number) => boolean) | null): Map<number, Tier> {
    const tiers = new Map<number, Tier>();
    const mark = (terms: readonly string[], tier: Tier) => {
      let found = false;
      for (const term of terms) {
        for (const doc of refPositions(this.index.data.refs, term)) {
          if (allowed !== null && !allowed(doc)) continue;
          found = true;
          tiers.set(doc, Math.min(tiers.get(doc) ?? tier, tier) as Tier);
        }
      }
      return found;
    };
    for (const { ref, words } of parsed.refs) {
      const { exact, within, record } = refLookups(ref);
      const foundExact = mark(exact, record ? Tier.vid : Tier.reference);
      const foundWithin = mark(within, Tier.withinReference);
      if (!foundExact && !foundWithin) {
        for (const word of words) if (!parsed.words.some((w) => w.term === word.term)) parsed.words.push(word);
      }
    }
    return tiers;
  }

  private rank(
    parsed: ParsedQuery,
    words: PlannedWord[],
    refTiers: Map<number, Tier>,
    allowed: ((doc: number) => boolean) | null,
  ): { hits: Hits; scores: Scores } {
    const scores = this.buffers.score(this.index, words);
    const { masks } = scores;
    const full = 2 ** words.length - 1;
    // Only records with every word: see proximity.ts.
    this.favourProximity(words, scores, (doc) => masks[doc] === full && (allowed === null || allowed(doc)));
    const ranking = new Ranking(this.index.size, scores.count + refTiers.size, maxScore(scores));
    return { hits: this.collect(parsed, words, scores, refTiers, allowed, ranking), scores };
  }

  /**
   * The scored records (and those references name) that the filter and the query's conditions
   * let through, as columns in index position order, each added to `ranking` when given.
   */
  private collect(
    parsed: ParsedQuery,
    words: readonly PlannedWord[],
    scores: Scores,
    refTiers: ReadonlyMap<number, Tier>,
    allowed: ((doc: number) => boolean) | null,
    ranking: Ranking | null,
  ): Hits {
    const { masks, weights } = scores;
    const excluded = this.excludedRecords(parsed);
    const phraseMask = phraseWordMask(parsed, words);
    const checkPhrases = parsed.phrases.length > 0 || parsed.excludedPhrases.length > 0;
    const full = 2 ** words.length - 1;
    const minWeight = PARTIAL_MATCH.minWeightShare * words.reduce((sum, w) => sum + w.weight, 0);
    const candidates = this.buffers.candidates(scores, refTiers.keys());
    const positions = new Uint32Array(candidates.length);
    const hitScores = new Float64Array(candidates.length);
    const flags = new Uint8Array(candidates.length);
    const withRefs = refTiers.size > 0;
    let n = 0;
    for (let i = 0; i < candidates.length; i++) {
      const doc = candidates[i]!;
      if (allowed !== null && !allowed(doc)) continue;
      const mask = masks[doc]!;
      const tier = withRefs ? (refTiers.get(doc) ?? Tier.text) : Tier.text;
      if (tier === Tier.text && mask !== full && weights[doc]! < minWeight) continue;
      if (excluded !== null && excluded[doc] === 1) continue;
      if ((mask & phraseMask) !== phraseMask) continue;
      if (checkPhrases && !this.passesPhrases(doc, parsed)) continue;
      positions[n] = doc;
      hitScores[n] = scores.scores[doc]!;
      flags[n] = Hits.flags(mask === full, tier === Tier.vid);
      ranking?.add(n, tier, mask === full, scores.scores[doc]!);
      n++;
    }
    return new Hits(this.index, positions.subarray(0, n), hitScores.subarray(0, n), flags.subarray(0, n), ranking ? ranking.ordering() : Ordering.identity(n));
  }

  /** Adds the proximity bonus (proximity.ts) to the best eligible records, before they are ranked. */
  private favourProximity(words: readonly PlannedWord[], scores: Scores, eligible: (doc: number) => boolean): void {
    const proximity = new Proximity(this.index, words);
    if (!proximity.applies) return;
    for (const doc of bestRecords(scores, eligible, PROXIMITY.candidates)) {
      const text = this.texts(this.index.data.ids[doc] ?? 0);
      if (text) scores.scores[doc] = (scores.scores[doc] ?? 0) + proximity.bonus(`${text.question}\n${text.answer}`);
    }
  }

  /**
   * The words searched as a typo correction, each with the correction as the best hits write it:
   * the closest alternative that one of them contains. A correction no hit contains found nothing,
   * so it is not reported.
   */
  private corrections(query: string, words: readonly PlannedWord[], hits: Hits): Correction[] {
    const typos = words.filter((w) => w.typo);
    if (typos.length === 0 || hits.length === 0) return [];
    const { analyzer } = this.index;
    const typed = new Map<string, string>();
    for (const token of tokenize(query)) {
      const term = analyzer.termOf(token.text);
      if (term !== null && !typed.has(term)) typed.set(term, token.text);
    }
    const written = new Map<string, string>();
    for (const j of hits.relevance.top(CORRECTION_HITS)) {
      const text = this.texts(hits.id(j));
      for (const token of text ? tokenize(`${text.question}\n${text.answer}`) : []) {
        const term = analyzer.termOf(token.text);
        if (term !== null && !written.has(term)) written.set(term, token.text);
      }
    }
    return typos.flatMap((w) => {
      const word = typed.get(w.term);
      const best = w.alternatives.map((a) => this.index.term(a.termId)).find((term) => written.has(term));
      const correction = best === undefined ? undefined : asWord(written.get(best) ?? '');
      if (word === undefined || correction === undefined || normalizeToken(correction) === normalizeToken(word)) return [];
      return [{ word, correction }];
    });
  }

  /**
   * A record filter, or null when the filter lets every record through. Called for every match:
   * NvIs and documents are looked up by their number in the index, not hashed.
   */
  private filterFor(filter?: SearchFilter): ((doc: number) => boolean) | null {
    const { data } = this.index;
    const table = this.index.notaTable();
    const notas = filter?.notaIds ? new Set(filter.notaIds) : null;
    const notaAllowed = notas && !table.notaIds.every((id) => notas.has(id)) ? Uint8Array.from(table.notaIds, (id) => (notas.has(id) ? 1 : 0)) : null;
    const documentKey = filter?.documentKey !== undefined ? data.documentKeys.indexOf(filter.documentKey) : null;
    let documents: Uint8Array | null = null;
    if (filter?.documentKeys) {
      documents = new Uint8Array(data.documentKeys.length);
      for (const key of filter.documentKeys) {
        const at = data.documentKeys.indexOf(key);
        if (at >= 0) documents[at] = 1;
      }
    }
    const paragraphKey = filter?.paragraphKey !== undefined ? data.paragraphKeys.indexOf(filter.paragraphKey) : null;
    if (notaAllowed === null && documentKey === null && documents === null && paragraphKey === null) return null;
    const { of } = table;
    return (doc) =>
      (notaAllowed === null || notaAllowed[of[doc]!] === 1) &&
      (documentKey === null || data.documentKeyOf[doc] === documentKey) &&
      (documents === null || documents[data.documentKeyOf[doc]!] === 1) &&
      (paragraphKey === null || data.paragraphKeyOf[doc] === paragraphKey);
  }

  private excludedRecords(parsed: ParsedQuery): Uint8Array | null {
    const termIds = parsed.excludedTerms.flatMap((term) => this.index.termId(term) ?? []);
    return recordsWithTerms(this.index, termIds, EXCLUSION_MASK);
  }

  /** Phrases are checked on the record text, token by token, with the same stemming as the index. */
  private passesPhrases(doc: number, parsed: ParsedQuery): boolean {
    const text = this.texts(this.index.data.ids[doc] ?? 0);
    if (!text) return parsed.phrases.length === 0;
    const stems = tokenize(`${text.question}\n${text.answer}`).map((t) => this.index.analyzer.stem(normalizeToken(t.text)));
    return (
      parsed.phrases.every((phrase) => containsSequence(stems, phrase)) &&
      !parsed.excludedPhrases.some((phrase) => containsSequence(stems, phrase))
    );
  }

  /** The terms of a text with the highest tf·idf that other records share, as one-term words. */
  private distinctiveTerms(text: string): PlannedWord[] {
    const counts = new Map<number, number>();
    for (const token of tokenize(text)) {
      for (const term of this.index.analyzer.indexTerms(normalizeToken(token.text))) {
        const termId = this.index.termId(term);
        if (termId !== undefined) counts.set(termId, (counts.get(termId) ?? 0) + 1);
      }
    }
    return [...counts]
      .filter(([termId]) => this.index.documentFrequency(termId) >= RELATED.minDocumentFrequency)
      .map(([termId, n]) => ({ termId, weight: n * this.index.idf(termId) }))
      .sort((a, b) => b.weight - a.weight || a.termId - b.termId)
      .slice(0, RELATED.terms)
      .map(({ termId }) => ({ term: this.index.term(termId), alternatives: [{ termId, weight: 1 }], weight: this.index.idf(termId) }));
  }

  /** Words typed only inside a phrase are marked as the phrase, not wherever they occur alone. */
  private highlighterFor(words: readonly PlannedWord[], parsed: ParsedQuery): Highlighter {
    const wordTerms = words.filter((w) => !parsed.phraseOnly.has(w.term));
    const terms = new Set(wordTerms.flatMap((w) => w.alternatives.map((a) => this.index.term(a.termId))));
    return createHighlighter(this.index.analyzer, terms, parsed.phrases);
  }
}

/** The hits whose text is searched for how they write a corrected word. */
const CORRECTION_HITS = 10;

/** A word as written mid-sentence: a capital that only starts it (a sentence) is dropped. */
function asWord(written: string): string {
  const rest = written.slice(1);
  return rest === rest.toLowerCase() ? written.toLowerCase() : written;
}

/** The bits of the words that phrases consist of: a record lacking one cannot contain the phrase. */
function phraseWordMask(parsed: ParsedQuery, words: readonly PlannedWord[]): number {
  const phraseStems = new Set(parsed.phrases.flat());
  return words.reduce((mask, word, w) => (phraseStems.has(word.term) ? mask | (1 << w) : mask), 0) >>> 0;
}

function containsSequence(stems: readonly string[], phrase: readonly string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= stems.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (stems[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Whether both parses search the same words (references resolved alike). */
function sameWords(a: ParsedQuery, b: ParsedQuery): boolean {
  return a.words.length === b.words.length && JSON.stringify(a.words) === JSON.stringify(b.words);
}

function outcome(match: MatchKind, ranked: Hits, counted: Hits | null, highlighter: Highlighter, corrections: Correction[]): SearchOutcome {
  let list: SearchHit[] | undefined;
  return {
    match,
    ranked,
    counted,
    highlighter,
    corrections,
    get hits() {
      return (list ??= Array.from(ranked.relevance.all(), (j) => ranked.hit(j)));
    },
  };
}

function maxScore({ scores, records, count }: Scores): number {
  let max = 0;
  for (let i = 0; i < count; i++) max = Math.max(max, scores[records[i] ?? 0] ?? 0);
  return max;
}
