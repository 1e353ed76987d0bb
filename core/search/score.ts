/**
 * BM25F over the postings: per record, each field's term frequency is weighted and length-normalised
 * (SearchIndex.norms), summed, then saturated once. A word's score in a record is its best
 * alternative's (a record with "plan" and "planning" is not counted twice for "plan").
 */
import { BM25, FIELDS, TF_BITS, MAX_TF } from './options.ts';
import type { PlannedWord } from './plan.ts';
import type { SearchIndex } from './search-index.ts';

const FIELD_COUNT = FIELDS.length;
if (FIELD_COUNT !== 4) throw new Error('score.ts unrolls exactly four fields; update it with FIELDS');

export interface Scores {
  /** Records with any word, in first-match order; only the first `count` entries are valid. */
  records: Uint32Array;
  count: number;
  scores: Float64Array;
  /** Bit w set: the record contains word w. */
  masks: Uint32Array;
  /** The summed weight of the words each record contains. */
  weights: Float64Array;
}

/**
 * Per-index scoring buffers, reused by every query: allocating record-sized arrays per query
 * (several MB at 100,000 records) made garbage collection the largest part of tail latency. Only
 * the entries the previous query touched are cleared.
 */
export class ScoreBuffers {
  private readonly current: Scores;
  private readonly best: Float64Array;
  private readonly bestRecords: Uint32Array;
  private readonly ordered: Uint32Array;

  constructor(size: number) {
    this.current = {
      records: new Uint32Array(size),
      count: 0,
      scores: new Float64Array(size),
      masks: new Uint32Array(size),
      weights: new Float64Array(size),
    };
    this.best = new Float64Array(size);
    this.bestRecords = new Uint32Array(size);
    this.ordered = new Uint32Array(size);
  }

  /**
   * The scored records and `extra` ones (no duplicates), in ascending position order: a match's
   * number in that order breaks ties as its position does. Valid until the next call. Many
   * matches: one pass over the records' masks; few: a sort of just them.
   */
  candidates(scores: Scores, extra: Iterable<number>): Uint32Array {
    const { ordered } = this;
    const { masks, records, count } = scores;
    let n = 0;
    if (count * 8 > ordered.length) {
      const more = new Set<number>();
      for (const doc of extra) if (masks[doc] === 0) more.add(doc);
      for (let doc = 0; doc < ordered.length; doc++) if (masks[doc] !== 0 || (more.size > 0 && more.has(doc))) ordered[n++] = doc;
      return ordered.subarray(0, n);
    }
    for (let i = 0; i < count; i++) ordered[n++] = records[i]!;
    for (const doc of extra) if (masks[doc] === 0 && n < ordered.length) ordered[n++] = doc;
    return ordered.subarray(0, n).sort();
  }

  /**
   * Scores the words. The result lives in these buffers: it is valid until the next call, so a
   * caller reads it completely before scoring again (the engine is synchronous, so none interleave).
   * Typed-array reads in the loops are in bounds by construction, hence the non-null assertions.
   */
  score(index: SearchIndex, words: readonly PlannedWord[]): Scores {
    const { records, scores, masks, weights } = this.current;
    for (let i = 0; i < this.current.count; i++) {
      const doc = records[i]!;
      scores[doc] = 0;
      masks[doc] = 0;
      weights[doc] = 0;
    }
    let count = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const touched = this.scoreWord(index, word);
      const bit = 1 << w;
      const { best, bestRecords } = this;
      for (let i = 0; i < touched; i++) {
        const doc = bestRecords[i]!;
        if (masks[doc] === 0) records[count++] = doc;
        scores[doc]! += best[doc]!;
        masks[doc]! |= bit;
        weights[doc]! += word.weight;
        best[doc] = 0;
      }
    }
    this.current.count = count;
    return this.current;
  }

  /** A word's best alternative score per record into `best`; returns how many records it touched. */
  private scoreWord(index: SearchIndex, word: PlannedWord): number {
    const { best, bestRecords } = this;
    const { docs, tfs, offsets } = index.data;
    const norms = index.norms;
    let touched = 0;
    for (const { termId, weight, idf } of word.alternatives) {
      const factor = weight * (idf ?? index.idf(termId)) * (BM25.k1 + 1);
      const end = offsets[termId + 1]!;
      for (let i = offsets[termId]!; i < end; i++) {
        const doc = docs[i]!;
        const packed = tfs[i]!;
        const base = doc * FIELD_COUNT;
        // FIELDS has four fields of TF_BITS each (options.ts): unrolled.
        const tf =
          (packed & MAX_TF) * norms[base]! +
          ((packed >> TF_BITS) & MAX_TF) * norms[base + 1]! +
          ((packed >> (2 * TF_BITS)) & MAX_TF) * norms[base + 2]! +
          ((packed >> (3 * TF_BITS)) & MAX_TF) * norms[base + 3]!;
        const score = (factor * tf) / (tf + BM25.k1);
        const previous = best[doc]!;
        if (previous === 0) bestRecords[touched++] = doc;
        if (score > previous) best[doc] = score;
      }
    }
    return touched;
  }
}

/** Records whose given fields contain any of the terms (null: none, without allocating). */
export function recordsWithTerms(index: SearchIndex, termIds: readonly number[], fieldMask: number): Uint8Array | null {
  if (termIds.length === 0) return null;
  const marked = new Uint8Array(index.size);
  const { docs, tfs, offsets } = index.data;
  for (const termId of termIds) {
    const end = offsets[termId + 1] ?? 0;
    for (let i = offsets[termId] ?? 0; i < end; i++) {
      if (((tfs[i] ?? 0) & fieldMask) !== 0) marked[docs[i] ?? 0] = 1;
    }
  }
  return marked;
}
