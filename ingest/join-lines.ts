// The list-marker rule is core's: the pages render as a list exactly the items split off here.
import { isListItem } from '../core/text/list-markers.ts';
import { PARAGRAPH_GAP } from './tolerances.ts';

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
  /**
   * Furthest right the column's lines reach. Measuring the room left on a line from here, too,
   * keeps indented lines (the hanging indent of a list item) from looking short.
   */
  edge?: number;
  /** Set in a monospaced font: a cut then leaves less than one character of room, exactly. */
  monospaced?: boolean;
  /** Whether a token is printed as a whole word elsewhere in the table (see wholeWords). */
  isWord?: (token: string) => boolean;
}


/**
 * A line-final hyphen after a letter or digit is a word broken across lines ("Wlz-" "indicatie"),
 * unless the next line starts with a conjunction: then it is a Dutch elision ("wet-" "en
 * regelgeving", "in-" "of uitstroom") and the space stays.
 */
const ELISION_NEXT = /^(en|of|tot|t\/m|noch|dan|als|en\/of)\b/i;

/**
 * Joins the printed lines of one cell into clean text. Wrapped lines become one line; a list item
 * or a new paragraph (a blank line's worth of extra space) starts on a new line.
 */
export function joinCellLines(lines: readonly CellLine[], metrics: CellMetrics = {}): string {
  if (lines.length === 0) return '';
  const pitch = metrics.pitch ?? typicalPitch(lines);
  const width = metrics.width ?? 0;
  const edge = metrics.edge ?? 0;
  // Room left at the end of a line: the column's width minus the line's, or less when indented.
  const room = (l: CellLine) => (width <= 0 ? -1 : Math.min(width - (l.right - l.x), edge > 0 ? edge - l.right : Number.POSITIVE_INFINITY));
  const isWord = metrics.isWord ?? (() => false);
  const cut = { isWord, monospaced: metrics.monospaced ?? false };
  let out = lines[0]!.text;
  let prevIsListBlock = isListItem(lines[0]!.text);
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1]!;
    const cur = lines[i]!;
    const text = cur.text;
    const sameFlow = cur.page === prev.page;
    const gap = cur.y - prev.y;
    const newParagraph = sameFlow && pitch > 0 && gap > pitch * PARAGRAPH_GAP;
    const listStart = isListItem(text) && (prevIsListBlock || /[:;.!?]$/.test(out) || newParagraph);
    const forced = !listStart && !newParagraph && hardBreak(prev, cur, room(prev));
    if (listStart || newParagraph || forced) {
      // A line ended early after a full sentence, followed by a capital, is the end of a paragraph.
      const paragraphEnd = newParagraph || (forced && /[.!?:]$/.test(out) && /^[\p{Lu}\d"'‘“(]/u.test(text));
      out = out.trimEnd() + (paragraphEnd ? '\n\n' : '\n') + text;
      prevIsListBlock = listStart || (prevIsListBlock && !newParagraph && isListItem(text));
      continue;
    }
    out = brokenWord(prev, cur, lines[i + 1], room(prev), cut) ? out + text : joinWrapped(out, text);
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
function hardBreak(prev: CellLine, cur: CellLine, room: number): boolean {
  if (room < 0 || /-$/.test(prev.text)) return false;
  const cw = charWidth(cur);
  return cw + firstWord(cur.text).length * cw < room - 2 * cw;
}

/**
 * A word longer than the column gets a line of its own and is cut where that line is full
 * ("ZORGAANBIEDERGE" / "BONDEN", "inkoopsyste" / "matiek", long URLs). Such a piece fills the
 * column to within one character, because it was cut at a character, not at a space. A whole word
 * that happens to fill a line ("documentatie" / "is") looks the same, so the table's vocabulary
 * decides: the halves together being a word printed elsewhere says cut, the first half being one
 * says wrap. Without that evidence a nearly full line is a piece when its tail is no word.
 */
function brokenWord(
  prev: CellLine,
  cur: CellLine,
  after: CellLine | undefined,
  room: number,
  { isWord, monospaced }: { isWord: (token: string) => boolean; monospaced: boolean },
): boolean {
  if (room < 0) return false;
  const piece = prev.text.trim();
  const next = firstWord(cur.text);
  // A word that closes with punctuation or a quote, or a next word that opens with a bracket or
  // quote, is no piece of a longer word.
  if (piece === '' || /\s/.test(piece) || /[.,;:!?)\]"'”’]$/.test(piece) || next === '' || /^[(["'“‘]/.test(next)) return false;
  // A compound is broken after its hyphen, never cut: "algemeen-gebruikelijke" filling a line is whole.
  if (/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(piece)) return false;
  // Inside a word a capital does not follow a small letter ("Voorschrift" / "Zorgtoewijzing"),
  // nor do letters and digits meet ("Hoofdstuk" / "8:", "2023" / "eruit").
  if (/\p{Ll}$/u.test(piece) && /^\p{Lu}/u.test(next)) return false;
  if ((/\p{L}$/u.test(piece) && /^\p{N}/u.test(next)) || (/\p{N}$/u.test(piece) && /^\p{L}/u.test(next))) return false;
  // A cut leaves less room than the character that did not fit: estimated from the kind of
  // character in a proportional font, exactly one in a monospaced one.
  const cw = charWidth(prev);
  if (room >= (monospaced ? 0.95 : relativeWidth(next[0]!) * 1.1) * cw) return false;
  // The next line starts a cut word of its own ("bedrijfsvoeri" / "ng"): a cut word always
  // starts on a new line, so this line ended with a whole word.
  const curIsHead = after !== undefined && next === cur.text.trim() && isWord(next + firstWord(after.text));
  if (curIsHead) return false;
  // Punctuation carried over from a word that filled the line ("zorgaanbieders" / "?").
  if (CLOSING.test(next)) return true;
  if (isWord(piece + next)) return true;
  if (isWord(piece)) return false;
  // No word evidence either way: few wrapped lines end this close to the edge, so a piece is
  // likelier. (In a monospaced font a word exactly as long as the column is wide is the exception.)
  return !isWord(next);
}

/** Width of a character relative to an average one, roughly, in the usual proportional fonts. */
function relativeWidth(ch: string): number {
  if (/[iljI.,;:'!|]/.test(ch)) return 0.6;
  if (/[tfr()[\]/-]/.test(ch)) return 0.8;
  if (/[mw]/.test(ch)) return 1.6;
  if (/[MW]/.test(ch)) return 1.9;
  if (/\p{Lu}/u.test(ch)) return 1.4;
  return 1.15;
}

/** Punctuation that closes the word before it. */
const CLOSING = /^[?!.,;:)\]}]/;

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

/**
 * Tokens that are certainly whole words, for telling cut words from wrapped ones. A word is only
 * cut on a line of its own, so every token counts except the only token of a one-token line (it
 * may be a head) and the first token after such a line (it may be the tail), and none that ends
 * in a hyphen (the head of a compound broken over two lines).
 */
export function wholeWords(lines: Iterable<CellLine>): Set<string> {
  // Tokens repeat a lot: collect them first, normalise each distinct one once.
  const tokens = new Set<string>();
  let prevSingle = false;
  for (const line of lines) {
    const parts = line.text.split(' ');
    const single = parts.length === 1;
    if (!single) {
      for (let i = prevSingle ? 1 : 0; i < parts.length; i++) if (!parts[i]!.endsWith('-')) tokens.add(parts[i]!);
    }
    prevSingle = single;
  }
  const words = new Set<string>();
  for (const t of tokens) words.add(wordKey(t));
  return words;
}

/** A token as looked up in the vocabulary: lower case, without the punctuation around it. */
export function wordKey(token: string): string {
  return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}
