/**
 * Numbered and large-type headings of a document: "1 Samen werken we …" (a chapter), "1.2 Inkoopdoel
 * 1: …" (a paragraph), "1.2.3 …" (a sub-paragraph), "Leeswijzer" (an unnumbered section). Used by
 * the two-column table reader to tell which heading governs a table, and meant for any reader that
 * needs the document's outline (a prose Q&A reader, for one).
 *
 * A line is a heading when it starts with a section number and is set larger than the body text or
 * in bold (a number in the regular face followed by a bold title counts: Word sets numbering in the
 * paragraph's own font), or when it has no number but is set clearly larger than the body text.
 * A heading wraps over lines of the same size and weight that follow at a line's pitch and start
 * where the title starts (a hanging indent) or at the number; those are joined.
 */
import { groupLines, median, type Line } from './lines.ts';
import { BOLD_SHARE, HEADING_LINE_PITCH, HEADING_SIZE_RATIO } from './tolerances.ts';
import type { PageItems, TextItem } from './types.ts';

export type HeadingLevel = 'chapter' | 'paragraph' | 'subparagraph';

export interface Heading {
  page: number;
  /** Top of the first line. */
  y: number;
  /** Bottom of the last line. */
  bottom: number;
  /** Dotted section number without a trailing dot ("1.2"), or null for an unnumbered heading. */
  number: string | null;
  /** The title without its number. */
  title: string;
  /** Number and title as one label ("1.2 Inkoopdoel 1: …"), wrapped lines joined with a space. */
  text: string;
  level: HeadingLevel;
  size: number;
  bold: boolean;
}

export interface FindHeadingsOptions {
  /** Items that cannot be part of a heading (table cells, page furniture). */
  skip?: (page: number, item: TextItem) => boolean;
}

/** "1", "1.2", "1.2.3", "6." followed by a title; one or two digits a level (no years, no amounts). */
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$/u;

/** Splits "1.2 Title" into number and title; null when the text does not start with a section number. */
export function splitSectionNumber(text: string): { number: string; title: string } | null {
  const m = NUMBERED.exec(text.trim());
  if (!m) return null;
  const title = m[2]!.trim();
  // A title starts like one: not with a small letter ("1 januari"), a unit or an operator.
  if (!/^[\p{Lu}\p{N}"'‘“(]/u.test(title)) return null;
  return { number: m[1]!, title };
}

/** Depth of a dotted number: "1" → 1, "1.2" → 2. */
export function numberDepth(number: string): number {
  return number.split('.').length;
}

/** The body text size: the size most characters are set in. */
export function bodyTextSize(pages: readonly PageItems[]): number {
  const chars = new Map<number, number>();
  for (const p of pages) for (const it of p.items) chars.set(Math.round(it.size * 2) / 2, (chars.get(Math.round(it.size * 2) / 2) ?? 0) + it.str.length);
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of chars) if (count > bestCount) [best, bestCount] = [size, count];
  return best || 10;
}

interface Candidate {
  line: Line;
  page: number;
  number: string | null;
  title: string;
  bold: boolean;
  /** Where the title text starts (after the number). */
  titleX: number;
}

function isBoldLine(items: readonly TextItem[]): boolean {
  let bold = 0;
  let all = 0;
  for (const it of items) {
    const n = it.str.trim().length;
    all += n;
    if (it.bold) bold += n;
  }
  return all > 0 && bold >= all * BOLD_SHARE;
}

/** The heading candidate a line starts, or null. */
function candidate(line: Line, page: number, body: number): Candidate | null {
  const split = splitSectionNumber(line.text);
  const large = line.size >= body * HEADING_SIZE_RATIO;
  if (split) {
    // The number may be set in the regular face ahead of a bold title.
    const titleItems = line.items.filter((it) => !/^\s*\d{1,2}(\.\d{1,2})*\.?\s*$/.test(it.str));
    const bold = isBoldLine(titleItems);
    if (!large && !bold) return null;
    const first = titleItems[0];
    return { line, page, number: split.number, title: split.title, bold, titleX: first?.x ?? line.x };
  }
  if (!large || line.text.length < 3 || !/\p{L}/u.test(line.text)) return null;
  return { line, page, number: null, title: line.text, bold: isBoldLine(line.items), titleX: line.x };
}

/** Whether a line continues the heading above it: same size and weight, close below, aligned. */
function continues(c: Candidate, prev: Line, line: Line): boolean {
  if (Math.abs(line.size - c.line.size) > 0.5) return false;
  if (line.y - prev.y > line.size * HEADING_LINE_PITCH) return false;
  if (isBoldLine(line.items) !== c.bold) return false;
  const tol = line.size * 0.5;
  return Math.abs(line.x - c.titleX) <= tol || Math.abs(line.x - c.line.x) <= tol;
}

/**
 * The headings of the document in reading order. Chapter and paragraph levels come from the
 * numbering depth; an unnumbered heading is a chapter-level section when it is set as large as the
 * numbered chapters (or larger than any numbered heading), else a paragraph.
 */
export function findHeadings(pages: readonly PageItems[], options: FindHeadingsOptions = {}): Heading[] {
  const body = bodyTextSize(pages);
  const found: Array<Candidate & { lines: Line[] }> = [];
  for (const p of pages) {
    const items = options.skip ? p.items.filter((it) => !options.skip!(p.page, it)) : p.items;
    const lines = groupLines(items);
    for (let i = 0; i < lines.length; i++) {
      const c = candidate(lines[i]!, p.page, body);
      if (!c) continue;
      const taken = [lines[i]!];
      while (i + 1 < lines.length && continues(c, taken[taken.length - 1]!, lines[i + 1]!) && !splitSectionNumber(lines[i + 1]!.text)) {
        taken.push(lines[++i]!);
      }
      found.push({ ...c, lines: taken });
    }
  }
  const chapterSizes = found.filter((c) => c.number !== null && numberDepth(c.number) === 1).map((c) => c.line.size);
  const numberedSizes = found.filter((c) => c.number !== null).map((c) => c.line.size);
  const chapterSize = chapterSizes.length > 0 ? median(chapterSizes) : Math.max(body * HEADING_SIZE_RATIO, ...numberedSizes);
  return found.map((c) => {
    const rest = c.lines.slice(1).map((l) => l.text);
    const title = [c.title, ...rest].join(' ').replace(/\s+/g, ' ').trim();
    const last = c.lines[c.lines.length - 1]!;
    let level: HeadingLevel;
    if (c.number !== null) {
      const depth = numberDepth(c.number);
      level = depth === 1 ? 'chapter' : depth === 2 ? 'paragraph' : 'subparagraph';
    } else {
      level = c.line.size >= chapterSize - 0.5 ? 'chapter' : 'paragraph';
    }
    return {
      page: c.page,
      y: c.line.y,
      bottom: last.y + last.size,
      number: c.number,
      title,
      text: c.number !== null ? `${c.number} ${title}` : title,
      level,
      size: c.line.size,
      bold: c.bold,
    };
  });
}
