/**
 * Orders candidates by tier, then score, then index position, with one native sort over packed
 * float keys: sorting 100,000 hits with a comparator function costs several times more.
 */
import { Ordering } from './hits.ts';

/** Tiers, best first. Each has an "every word" half and a "some words" half. */
export const Tier = { vid: 0, reference: 1, withinReference: 2, text: 3 } as const;
export type Tier = (typeof Tier)[keyof typeof Tier];

const TIER_BITS = 3;
const SAFE_BITS = 53;

export class Ranking {
  private readonly keys: Float64Array;
  private count = 0;
  private readonly positionUnit: number;
  private readonly scoreLevels: number;

  /**
   * @param size records in the index (positions are below it)
   * @param capacity the most candidates that will be added
   */
  constructor(size: number, capacity: number, private readonly maxScore: number) {
    const positionBits = Math.max(1, Math.ceil(Math.log2(size + 1)));
    this.positionUnit = 2 ** positionBits;
    this.scoreLevels = 2 ** (SAFE_BITS - TIER_BITS - positionBits) - 1;
    this.keys = new Float64Array(capacity);
  }

  /**
   * `item` numbers the candidate in the order of its index position (item order breaks ties as
   * position order did), below the index size; the Ordering hands items back.
   */
  add(item: number, tier: Tier, matchedAll: boolean, score: number): void {
    const group = tier * 2 + (matchedAll ? 0 : 1);
    // Higher scores sort first: store the distance from the top score level.
    const level = this.maxScore > 0 ? Math.floor((Math.min(score, this.maxScore) / this.maxScore) * this.scoreLevels) : 0;
    this.keys[this.count++] = (group * (this.scoreLevels + 1) + (this.scoreLevels - level)) * this.positionUnit + item;
  }

  /** Items, best first (equal tier and score: the earlier item first). */
  ordering(): Ordering {
    return Ordering.byKeys(this.keys.subarray(0, this.count), this.positionUnit);
  }
}
