/**
 * A word-level comparison of two texts (two NvIs' answers to the same question): the longest
 * common subsequence of their words, shown as kept, removed and added runs. Pure, so pages and
 * tests use the same rule.
 */

export type DiffOp = 'same' | 'removed' | 'added';

/** A run of consecutive words with one fate; `text` is the words joined by single spaces. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Bound on the LCS table (words of one text × words of the other, after the common start and
 * end are set aside): 250 000 cells is two answers of 500 differing words, a few milliseconds and
 * about a megabyte. Past it the middle is shown as removed-then-added whole, which is still true,
 * only less fine-grained.
 */
export const MAX_DIFF_CELLS = 250_000;

function words(text: string): string[] {
  return text.split(/\s+/u).filter((w) => w !== '');
}

/** Appends words to the parts, merging with the last run when it has the same op. */
function push(parts: DiffPart[], op: DiffOp, ws: readonly string[]): void {
  if (ws.length === 0) return;
  const last = parts[parts.length - 1];
  if (last && last.op === op) last.text += ' ' + ws.join(' ');
  else parts.push({ op, text: ws.join(' ') });
}

/** Words of `before` and `after` compared as they are written (case and punctuation count). */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, 'same', a.slice(0, start));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_DIFF_CELLS) {
    push(parts, 'removed', midA);
    push(parts, 'added', midB);
  } else {
    lcsParts(parts, midA, midB);
  }
  push(parts, 'same', a.slice(endA));
  return parts;
}

/** Classic LCS table (suffix lengths), then one walk from the start: removals before additions. */
function lcsParts(parts: DiffPart[], a: readonly string[], b: readonly string[]): void {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(parts, 'same', [a[i]!]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) {
      push(parts, 'removed', [a[i]!]);
      i++;
    } else {
      push(parts, 'added', [b[j]!]);
      j++;
    }
  }
  push(parts, 'removed', a.slice(i));
  push(parts, 'added', b.slice(j));
}

/** Whether the two texts differ in any word (the diff has a removed or added part). */
export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((p) => p.op !== 'same');
}
