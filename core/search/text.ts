/**
 * Tokenizing and folding, shared by indexing, querying and highlighting. Tokens keep their offsets
 * in the original string so that a highlighter can mark the original text, never a normalised copy.
 */
import { fold } from '../text/fold.ts';

export interface Token {
  /** The token as it appears in the text. */
  text: string;
  start: number;
  end: number;
}

/**
 * Numbers with inner dots or commas ("2.7", "1.10", "96,75") stay one token, so paragraph and article
 * numbers can be searched. Two single letters around "&" are one abbreviation ("V&V"), and an
 * apostrophe inside a word keeps it whole ("zzp'ers", "thema's"; normalizeToken drops the
 * apostrophe and a plural 's). Everything else is a run of letters, combining marks and digits.
 */
export const TOKEN_PATTERN =
  /\p{N}+(?:[.,]\p{N}+)+|(?<![\p{L}\p{M}\p{N}])\p{L}&\p{L}(?![\p{L}\p{M}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}\p{N}]+)*/gu;

/** Longer runs are not words (hashes, garbage); cutting them keeps term processing cheap. */
export const MAX_TERM_LENGTH = 48;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}


const DIGITS_ONLY = /^\d+$/;
/** "thema's", "ZZP's": the plural of a word ending in a vowel or of an abbreviation is the word. */
const PLURAL_APOSTROPHE_S = /['\u2019]s$/u;
/** What joins a token's parts and is no letter of its own: "zzp'er" → zzper, "V&V" → vv. */
const JOINERS = /['\u2019&]/gu;
const HAS_DIGIT = /\d/;

/**
 * The comparable form of one token: folded, cut to MAX_TERM_LENGTH, and for plain numbers without
 * leading zeros ("0318" and "318" are one number, as VIDs are printed both ways).
 */
export function normalizeToken(token: string): string {
  const folded = fold(token).replace(PLURAL_APOSTROPHE_S, '').replace(JOINERS, '').slice(0, MAX_TERM_LENGTH);
  if (DIGITS_ONLY.test(folded)) return folded.replace(/^0+(?=\d)/, '');
  return folded;
}

export function hasDigit(term: string): boolean {
  return HAS_DIGIT.test(term);
}
