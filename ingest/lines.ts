import type { TextItem } from './types.ts';

/** Items that share a baseline band, left to right. */
export interface Line {
  items: TextItem[];
  /** Top of the line (smallest item top). */
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
}

/**
 * Groups items into lines: an item joins the current line when its top lies within half a font
 * size of the line's first item. Sorting by top first keeps this linear.
 */
export function groupLines(items: readonly TextItem[]): Line[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextItem[][] = [];
  let current: TextItem[] = [];
  let anchor = Number.NEGATIVE_INFINITY;
  let anchorSize = 0;
  for (const item of sorted) {
    if (current.length > 0 && item.y - anchor <= Math.max(anchorSize, item.size) * 0.5) {
      current.push(item);
      continue;
    }
    if (current.length > 0) groups.push(current);
    current = [item];
    anchor = item.y;
    anchorSize = item.size;
  }
  if (current.length > 0) groups.push(current);
  return groups.map(makeLine);
}

export function makeLine(items: TextItem[]): Line {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  let y = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let size = 0;
  for (const it of sorted) {
    y = Math.min(y, it.y);
    right = Math.max(right, it.x + it.w);
    size = Math.max(size, it.size);
  }
  return { items: sorted, y, x: sorted[0]?.x ?? 0, right, size, text: joinItems(sorted) };
}

/**
 * Concatenates the items of one line. A space goes in where the producer left a visible gap; items
 * that abut (kerning splits, font changes mid-word) are glued.
 */
export function joinItems(items: readonly TextItem[]): string {
  let out = '';
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    if (out !== '') {
      const gap = it.x - prevEnd;
      const needsSpace = gap > it.size * 0.15 && !out.endsWith(' ') && !it.str.startsWith(' ');
      if (needsSpace) out += ' ';
    }
    out += it.str;
    prevEnd = Math.max(prevEnd, it.x + it.w);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Splits an item at word boundaries into word items, estimating positions from its width. */
export function splitWords(item: TextItem): TextItem[] {
  const str = item.str;
  if (!/\s/.test(str.trim())) return [{ ...item, str: str.trim() }];
  const charW = str.length > 0 ? item.w / str.length : 0;
  const words: TextItem[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(str)) !== null) {
    words.push({ str: m[0], x: item.x + m.index * charW, y: item.y, w: m[0].length * charW, size: item.size });
  }
  return words;
}

/**
 * Cuts an item at a vertical boundary, at the space nearest to where the boundary falls. Used when
 * a producer wrote several cells of a row as one text run.
 */
export function splitAt(item: TextItem, boundary: number): [TextItem, TextItem] | null {
  const str = item.str;
  if (str.length < 2 || item.w <= 0) return null;
  const charW = item.w / str.length;
  const target = (boundary - item.x) / charW;
  let best = -1;
  for (let i = 0; i < str.length; i++) {
    if (str[i] === ' ' && (best < 0 || Math.abs(i - target) < Math.abs(best - target))) best = i;
  }
  if (best <= 0 || best >= str.length - 1) return null;
  const leftStr = str.slice(0, best);
  const rightStr = str.slice(best + 1);
  const left: TextItem = { ...item, str: leftStr, w: leftStr.length * charW };
  const right: TextItem = { ...item, str: rightStr, x: item.x + (best + 1) * charW, w: rightStr.length * charW };
  return [left, right];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}
