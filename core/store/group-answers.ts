import { fold } from '../text/fold.ts';
/**
 * "Same answer" groups: answers that are identical or nearly so (a typo fixed, a word added,
 * punctuation changed). Word 3-gram sets are compared by Jaccard similarity; MinHash with
 * banding finds the candidate pairs, so the cost stays linear in the number of answers.
 */

/** Answers shorter than this are generic ("Ja.", "Dit is niet mogelijk.") and never grouped. */
export const MIN_WORDS = 8;
/** Jaccard similarity of word 3-gram sets above which two answers count as the same answer. */
export const SIMILARITY = 0.8;

const HASHES = 48;
const BANDS = 16;
const ROWS = HASHES / BANDS;

function normaliseWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** What two answers share when they are the same text but for case, accents, spacing and punctuation. */
export function answerTextKey(text: string): string {
  return normaliseWords(text).join(' ');
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A cheap 32-bit mixer (murmur3 finaliser) seeded per hash function. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

function shingles(words: string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  return out;
}

function jaccard(a: Set<number>, b: Set<number>): number {
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

/**
 * Returns, per input index, the index of the first member of its group, or null when the answer
 * stands alone. Groups are transitive (union-find): A≈B and B≈C puts A, B and C together.
 */
export function groupAnswers(answers: readonly string[]): Array<number | null> {
  const parent = answers.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };

  // Identical answers (after normalising) are one group outright; only one of them goes on.
  const firstWithText = new Map<string, number>();
  const sets: Array<Set<number> | null> = answers.map((a, i) => {
    const words = normaliseWords(a);
    if (words.length < MIN_WORDS) return null;
    const key = words.join(' ');
    const first = firstWithText.get(key);
    if (first !== undefined) {
      union(first, i);
      return null;
    }
    firstWithText.set(key, i);
    return shingles(words);
  });
  const buckets = new Map<string, number[]>();
  sets.forEach((set, i) => {
    if (!set || set.size === 0) return;
    const sig = new Array<number>(HASHES).fill(0xffffffff);
    for (const h of set) {
      for (let k = 0; k < HASHES; k++) {
        const v = mix(h, k + 1);
        if (v < sig[k]!) sig[k] = v;
      }
    }
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${sig.slice(b * ROWS, (b + 1) * ROWS).join(',')}`;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  // Each member of a bucket is compared with the bucket's first member only, not with every
  // other member: linear in the corpus however large a bucket gets (a standard answer repeated
  // thousands of times), and the other bands and transitivity find what a star misses.
  for (const members of buckets.values()) {
    const head = members[0]!;
    for (let x = 1; x < members.length; x++) {
      const other = members[x]!;
      if (find(head) !== find(other) && jaccard(sets[head]!, sets[other]!) >= SIMILARITY) union(head, other);
    }
  }
  const sizes = new Map<number, number>();
  for (let i = 0; i < answers.length; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  return answers.map((_, i) => ((sizes.get(find(i)) ?? 0) > 1 ? find(i) : null));
}
