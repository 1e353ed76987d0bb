/**
 * The search engine: Dutch-aware full-text search over Q&A records with direct VID and paragraph
 * lookups, phrases, exclusions and safe highlighting. See docs/relevance.md for how it is judged.
 */
import { DEFAULT_ANALYZER_OPTIONS, type AnalyzerOptions } from './analyzer.ts';
import { buildIndexData } from './build-index.ts';
import { createHighlighter } from './highlight.ts';
import { EXCLUSION_FIELDS, FIELDS, MAX_TF, PARTIAL_MATCH, PROXIMITY, RELATED, TF_BITS } from './options.ts';
import { planWords, type PlannedWord } from './plan.ts';
import { bestRecords, Proximity } from './proximity.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import { Ranking, Tier } from './rank.ts';
import { refPositions } from './ref-table.ts';
import { refLookups } from './refs.ts';
import { recordsWithTerms, ScoreBuffers, type Scores } from './score.ts';
import { SearchIndex, type IndexData } from './search-index.ts';
import { deserializeIndex, serializeIndex } from './serialize.ts';
import { normalizeToken, tokenize } from './text.ts';
import type {
  Correction,
  Highlighter,
  IndexRecord,
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
export function engineFromIndexData(data: IndexData, texts: TextSource, norms?: Float32Array): SearchEngine {
  return new Engine(new SearchIndex(data, norms), texts);
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

  search(query: string, filter?: SearchFilter): SearchOutcome {
    const parsed = parseQuery(typeof query === 'string' ? query : '', this.index.analyzer);
    const refTiers = this.resolveRefs(parsed, this.filterFor(filter));
    const words = planWords(parsed.words, this.index);
    const highlighter = this.highlighterFor(words, parsed);
    const hits = this.rank(parsed, words, refTiers, filter);
    const match = hits.length === 0 ? 'none' : hits.some((h) => h.matchedAll) ? 'all' : 'some';
    return { match, hits, highlighter, corrections: this.corrections(query, words, hits) };
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
    return this.hits(ranking.positions().subarray(0, count), scores, full);
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

  private rank(parsed: ParsedQuery, words: PlannedWord[], refTiers: Map<number, Tier>, filter?: SearchFilter): SearchHit[] {
    const scores = this.buffers.score(this.index, words);
    const { masks } = scores;
    const allowed = this.filterFor(filter);
    const excluded = this.excludedRecords(parsed);
    const phraseMask = phraseWordMask(parsed, words);
    const checkPhrases = parsed.phrases.length > 0 || parsed.excludedPhrases.length > 0;
    const full = 2 ** words.length - 1;
    const minWeight = PARTIAL_MATCH.minWeightShare * words.reduce((sum, w) => sum + w.weight, 0);
    // Only records with every word: see proximity.ts.
    this.favourProximity(words, scores, (doc) => masks[doc] === full && (allowed === null || allowed(doc)));
    const ranking = new Ranking(this.index.size, scores.count + refTiers.size, maxScore(scores));
    const add = (doc: number, tier: Tier) => {
      if (allowed !== null && !allowed(doc)) return;
      if (tier === Tier.text && masks[doc] !== full && (scores.weights[doc] ?? 0) < minWeight) return;
      if (excluded !== null && excluded[doc] === 1) return;
      if (((masks[doc] ?? 0) & phraseMask) !== phraseMask) return;
      if (checkPhrases && !this.passesPhrases(doc, parsed)) return;
      ranking.add(doc, tier, masks[doc] === full, scores.scores[doc] ?? 0);
    };
    for (let i = 0; i < scores.count; i++) {
      const doc = scores.records[i] ?? 0;
      add(doc, refTiers.size > 0 ? (refTiers.get(doc) ?? Tier.text) : Tier.text);
    }
    for (const [doc, tier] of refTiers) if (masks[doc] === 0) add(doc, tier);
    return this.hits(ranking.positions(), scores, full, refTiers);
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

  private hits(positions: Uint32Array, scores: Scores, full: number, refTiers?: ReadonlyMap<number, Tier>): SearchHit[] {
    const { data } = this.index;
    const hits = new Array<SearchHit>(positions.length);
    for (let i = 0; i < positions.length; i++) {
      const doc = positions[i] ?? 0;
      hits[i] = {
        id: data.ids[doc] ?? 0,
        notaId: data.notaIds[doc] ?? 0,
        documentKey: data.documentKeys[data.documentKeyOf[doc] ?? 0] ?? '',
        paragraphKey: data.paragraphKeys[data.paragraphKeyOf[doc] ?? 0] ?? '',
        score: scores.scores[doc] ?? 0,
        matchedAll: scores.masks[doc] === full,
      };
      if (refTiers?.get(doc) === Tier.vid) hits[i]!.idLookup = true;
    }
    return hits;
  }

  /**
   * The words searched as a typo correction, each with the correction as the best hits write it:
   * the closest alternative that one of them contains. A correction no hit contains found nothing,
   * so it is not reported.
   */
  private corrections(query: string, words: readonly PlannedWord[], hits: readonly SearchHit[]): Correction[] {
    const typos = words.filter((w) => w.typo);
    if (typos.length === 0 || hits.length === 0) return [];
    const { analyzer } = this.index;
    const typed = new Map<string, string>();
    for (const token of tokenize(query)) {
      const term = analyzer.termOf(token.text);
      if (term !== null && !typed.has(term)) typed.set(term, token.text);
    }
    const written = new Map<string, string>();
    for (const hit of hits.slice(0, CORRECTION_HITS)) {
      const text = this.texts(hit.id);
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

  /** A record filter, or null when the filter lets everything through. */
  private filterFor(filter?: SearchFilter): ((doc: number) => boolean) | null {
    const { data } = this.index;
    const notas = filter?.notaIds ? new Set(filter.notaIds) : null;
    const documentKey = filter?.documentKey !== undefined ? data.documentKeys.indexOf(filter.documentKey) : null;
    const documents = filter?.documentKeys ? new Set(filter.documentKeys.map((k) => data.documentKeys.indexOf(k))) : null;
    const paragraphKey = filter?.paragraphKey !== undefined ? data.paragraphKeys.indexOf(filter.paragraphKey) : null;
    if (notas === null && documentKey === null && documents === null && paragraphKey === null) return null;
    return (doc) =>
      (notas === null || notas.has(data.notaIds[doc] ?? Number.NaN)) &&
      (documentKey === null || data.documentKeyOf[doc] === documentKey) &&
      (documents === null || documents.has(data.documentKeyOf[doc] ?? -1)) &&
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

function maxScore({ scores, records, count }: Scores): number {
  let max = 0;
  for (let i = 0; i < count; i++) max = Math.max(max, scores[records[i] ?? 0] ?? 0);
  return max;
}
