/**
 * Term proximity: of the records with every query word, one where the words stand side by side
 * ("reële vergoeding") is likelier to answer the query than one that has them in different
 * sentences. Positions are not indexed: the few records at the top are tokenized per query, as
 * phrases are (PROXIMITY in options.ts). Records that lack some words get no bonus: lifting a
 * partial match because two of its words are neighbours put it above better answers to long
 * questions (measured on the tune halves, docs/relevance.md).
 */
import { PROXIMITY } from './options.ts';
import type { PlannedWord } from './plan.ts';
import type { Scores } from './score.ts';
import type { SearchIndex } from './search-index.ts';
import { normalizeToken, tokenize } from './text.ts';

export class Proximity {
  /** Per index term, the bits of the query words it is an alternative of. */
  private readonly bitsOf = new Map<string, number>();

  /** Per token as printed: the texts of the top records repeat their words, analysed once a query. */
  private readonly tokenBits = new Map<string, number>();

  constructor(
    private readonly index: SearchIndex,
    private readonly words: readonly PlannedWord[],
  ) {
    words.forEach((word, w) => {
      for (const { termId } of word.alternatives) {
        const term = index.term(termId);
        this.bitsOf.set(term, (this.bitsOf.get(term) ?? 0) | (1 << w));
      }
    });
  }

  /** Whether proximity can tell records apart: only between two or more words. */
  get applies(): boolean {
    return this.words.length > 1;
  }

  /** The score a text earns for its query words standing close together. */
  bonus(text: string): number {
    const count = this.words.length;
    const last = new Array<number>(count).fill(-Infinity);
    // Per pair of words (w * count + v, w < v), the closeness of their closest occurrences.
    const best = new Float64Array(count * count);
    let position = 0;
    for (const token of tokenize(text)) {
      position++;
      const bits = this.bitsOfToken(token.text);
      if (bits === 0) continue;
      for (let w = 0; w < count; w++) {
        if ((bits & (1 << w)) === 0) continue;
        for (let v = 0; v < count; v++) {
          if (v === w) continue;
          // One token for two words (a synonym or compound that stands for both) counts as adjacent.
          const distance = (bits & (1 << v)) !== 0 ? 1 : position - (last[v] ?? -Infinity);
          if (distance > PROXIMITY.window) continue;
          const pair = Math.min(w, v) * count + Math.max(w, v);
          const closeness = (PROXIMITY.window + 1 - distance) / PROXIMITY.window;
          if (closeness > (best[pair] ?? 0)) best[pair] = closeness;
        }
      }
      for (let w = 0; w < count; w++) if ((bits & (1 << w)) !== 0) last[w] = position;
    }
    let bonus = 0;
    for (let w = 0; w < count; w++) {
      for (let v = w + 1; v < count; v++) {
        const closeness = best[w * count + v] ?? 0;
        if (closeness > 0) bonus += closeness * Math.min(this.words[w]?.weight ?? 0, this.words[v]?.weight ?? 0);
      }
    }
    return PROXIMITY.weight * bonus;
  }

  private bitsOfToken(text: string): number {
    let bits = this.tokenBits.get(text);
    if (bits === undefined) {
      bits = 0;
      for (const term of this.index.analyzer.indexTerms(normalizeToken(text))) bits |= this.bitsOf.get(term) ?? 0;
      this.tokenBits.set(text, bits);
    }
    return bits;
  }
}

/**
 * The `count` best-scoring eligible records (unordered). One pass, keeping the current minimum, so
 * it stays cheap when most of 100,000 records match.
 */
export function bestRecords(scores: Scores, eligible: (doc: number) => boolean, count: number): number[] {
  const chosen: number[] = [];
  const keys: number[] = [];
  let min = 0;
  for (let i = 0; i < scores.count; i++) {
    const doc = scores.records[i] ?? 0;
    const key = scores.scores[doc] ?? 0;
    if (chosen.length === count && key <= (keys[min] ?? 0)) continue;
    if (!eligible(doc)) continue;
    if (chosen.length < count) {
      chosen.push(doc);
      keys.push(key);
    } else {
      chosen[min] = doc;
      keys[min] = key;
    }
    if (chosen.length === count) min = lowest(keys);
  }
  return chosen;
}

function lowest(keys: readonly number[]): number {
  let at = 0;
  for (let i = 1; i < keys.length; i++) if ((keys[i] ?? 0) < (keys[at] ?? 0)) at = i;
  return at;
}
