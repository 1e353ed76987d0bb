/** One printed line of a cell, with where it was printed. */
export interface CellLine {
  text: string;
  page: number;
  y: number;
  x: number;
  right: number;
  size: number;
}

/** What a cell's lines are measured against: the table's line pitch and the column's text width. */
export interface CellMetrics {
  pitch?: number;
  /** Widest line seen in the column: a line is wrapped when the next word would not have fit. */
  width?: number;
  /** Whether a token is printed as a whole word elsewhere in the table (mid-line). */
  isWord?: (token: string) => boolean;
}

/** "- item", "• item", "1. item", "a) item", "(2) item": the start of a list item. */
const LIST_MARKER = /^(?:[-–—•·▪■◦●○*>]|o(?=\s)|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+\S/u;

/**
 * A line-final hyphen after a letter or digit is a word broken across lines ("Wlz-" "indicatie"),
 * unless the next line starts with a conjunction: then it is a Dutch elision ("wet-" "en
 * regelgeving", "in-" "of uitstroom") and the space stays.
 */
const ELISION_NEXT = /^(en|of|tot|t\/m|noch|dan|als|en\/of)\b/i;

export function isListItem(text: string): boolean {
  return LIST_MARKER.test(text);
}

/**
 * Joins the printed lines of one cell into clean text. Wrapped lines become one line; a list item
 * or a new paragraph (a blank line's worth of extra space) starts on a new line.
 */
export function joinCellLines(lines: readonly CellLine[], metrics: CellMetrics = {}): string {
  if (lines.length === 0) return '';
  const pitch = metrics.pitch ?? typicalPitch(lines);
  const width = metrics.width ?? 0;
  const isWord = metrics.isWord ?? (() => false);
  let out = lines[0]!.text;
  let prevIsListBlock = isListItem(lines[0]!.text);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    const text = cur.text;
    const sameFlow = cur.page === prev.page;
    const gap = cur.y - prev.y;
    const newParagraph = sameFlow && pitch > 0 && gap > pitch * 1.6;
    const listStart = isListItem(text) && (prevIsListBlock || /[:;.!?]$/.test(out) || newParagraph);
    const forced = !listStart && !newParagraph && hardBreak(prev, cur, width);
    if (listStart || newParagraph || forced) {
      // A line ended early after a full sentence, followed by a capital, is the end of a paragraph.
      const paragraphEnd = newParagraph || (forced && /[.!?:]$/.test(out) && /^[\p{Lu}\d"'‘“(]/u.test(text));
      out = out.trimEnd() + (paragraphEnd ? '\n\n' : '\n') + text;
      prevIsListBlock = listStart || (prevIsListBlock && !newParagraph && isListItem(text));
      continue;
    }
    out = brokenWord(prev, cur, width, isWord) ? out + text : joinWrapped(out, text);
  }
  return out
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function charWidth(line: CellLine): number {
  return line.text.length > 0 ? (line.right - line.x) / line.text.length : line.size * 0.5;
}

function firstWord(text: string): string {
  return /^\S*/.exec(text)?.[0] ?? '';
}

/**
 * The author ended the line: the next line's first word would have fit after it, so wrapping
 * did not put it there. Lines that end in a hyphen are broken words, never hard breaks.
 */
function hardBreak(prev: CellLine, cur: CellLine, width: number): boolean {
  if (width <= 0 || /-$/.test(prev.text)) return false;
  const cw = charWidth(cur);
  const needed = prev.right - prev.x + cw + firstWord(cur.text).length * cw;
  return needed < width - 2 * cw;
}

/**
 * A word longer than the column gets a line of its own and is cut where that line is full
 * ("ZORGAANBIEDERGE" / "BONDEN", long URLs). Such a piece fills the column to within a fraction
 * of a character, because it was cut at a character, not at a space; a whole word that happens
 * to fill a line ("Ouderengeneeskunde" / "in") usually leaves more room, and is printed as a
 * whole word elsewhere in the table, which a piece never is; nor does a piece end in punctuation
 * that closes a word.
 */
function brokenWord(prev: CellLine, cur: CellLine, width: number, isWord: (token: string) => boolean): boolean {
  if (width <= 0) return false;
  const piece = prev.text.trim();
  if (piece === '' || /\s/.test(piece) || /[.,;:!?)\]]$/.test(piece) || firstWord(cur.text) === '') return false;
  if (isWord(piece)) return false;
  return width - (prev.right - prev.x) < 0.45 * charWidth(prev);
}

export function joinWrapped(left: string, right: string): string {
  if (left.endsWith('\u00ad')) return left.slice(0, -1) + right;
  if (/[\p{L}\p{N}]-$/u.test(left) && !ELISION_NEXT.test(right)) return left + right;
  return `${left} ${right}`;
}

/** The usual distance between consecutive lines, to tell wrapping from paragraphs. */
export function typicalPitch(lines: readonly CellLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page === b.page && b.y > a.y) gaps.push(b.y - a.y);
  }
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  // The smallest common gap is the line pitch; paragraph gaps are the outliers above it.
  return gaps[Math.floor(gaps.length * 0.25)] ?? 0;
}

/** Tokens printed inside lines (not at either end, where pieces of broken words sit). */
export function interiorWords(lines: Iterable<CellLine>): Set<string> {
  const words = new Set<string>();
  for (const line of lines) {
    const tokens = line.text.split(/\s+/);
    for (let i = 1; i < tokens.length - 1; i++) words.add(tokens[i]!.toLowerCase());
  }
  return words;
}
