/**
 * Dutch compounds ("kwaliteitsbudget", "basistariefpercentage", "verpleeghuiszorg") split against
 * the corpus's own vocabulary: a part counts when the corpus also uses it as a word of its own.
 * No dictionary is shipped or fetched; a bigger corpus simply knows more parts.
 */

/** Shorter parts are too often accidental ("aan", "ver", "zo"). */
export const MIN_PART_LENGTH = 4;
/** Linking sounds between parts: kwaliteit-s-budget, gehandicapt-en-zorg (e and n alone split too much). */
const LINKERS = ['s', 'en'] as const;
const ALPHABETIC = /^\p{L}+$/u;

export interface Span {
  start: number;
  end: number;
}

export interface PartTests {
  /** A leading part must be a word the corpus uses on its own, exactly as written ("kwaliteit"). */
  isWord(part: string): boolean;
  /** The last part (the head) may be an inflected form of such a word ("aanbieders"). */
  isHead(part: string): boolean;
}

/**
 * The smallest known parts of `word` (folded, alphabetic), in order; empty when the word is not a
 * compound of known words. At each level the split with the fewest parts wins and each part is then
 * split again: "basistariefpercentage" → basistarief|percentage → basis|tarief|percentage. Preferring
 * few parts first keeps short words that happen to fit ("best|uurs|verklaring") from winning.
 */
export function splitCompound(word: string, tests: PartTests): Span[] {
  if (word.length < 2 * MIN_PART_LENGTH || !ALPHABETIC.test(word)) return [];
  const leaves = splitSegment(word, 0, word.length, tests);
  return leaves.length > 1 ? leaves : [];
}

function splitSegment(word: string, start: number, end: number, tests: PartTests): Span[] {
  const parts = end - start >= 2 * MIN_PART_LENGTH ? fewestParts(word, start, end, tests) : null;
  if (!parts) return [{ start, end }];
  return parts.flatMap((p) => splitSegment(word, p.start, p.end, tests));
}

/** The split of word[start..end) into the fewest (at least two) known parts, or null. */
function fewestParts(word: string, start: number, end: number, tests: PartTests): Span[] | null {
  const memo = new Map<number, Span[] | null>();
  // The fewest parts covering word[from..end) that end in a head; on a tie the longest head.
  const best = (from: number): Span[] | null => {
    const cached = memo.get(from);
    if (cached !== undefined) return cached;
    let result: Span[] | null = from > start && tests.isHead(word.slice(from, end)) ? [{ start: from, end }] : null;
    if (!result) {
      for (let cut = from + MIN_PART_LENGTH; cut <= end - MIN_PART_LENGTH; cut++) {
        if (!tests.isWord(word.slice(from, cut))) continue;
        for (const next of nextStarts(word, cut, end)) {
          const rest = best(next);
          if (rest && (!result || rest.length + 1 < result.length)) result = [{ start: from, end: cut }, ...rest];
        }
      }
    }
    memo.set(from, result);
    return result;
  };
  return best(start);
}

/** Where the next part may start after a part ending at `cut`: right there, or after a linker. */
function nextStarts(word: string, cut: number, end: number): number[] {
  const starts = [cut];
  for (const linker of LINKERS) {
    if (word.startsWith(linker, cut)) starts.push(cut + linker.length);
  }
  return starts.filter((s) => s < end && end - s >= MIN_PART_LENGTH);
}

/**
 * Every run of adjacent parts that is not the whole word, as text: for basis|tarief|percentage
 * that is basis, tarief, percentage, basistarief and tariefpercentage, so a search for
 * "basistarief" also finds "basistariefpercentage". Linkers stay inside runs of two or more parts.
 */
export function partRuns(word: string, parts: readonly Span[]): string[] {
  const runs: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i; j < parts.length; j++) {
      if (i === 0 && j === parts.length - 1) continue;
      const first = parts[i];
      const last = parts[j];
      if (first && last) runs.push(word.slice(first.start, last.end));
    }
  }
  return runs;
}
