/**
 * Highlighting that is safe by construction: the original text is tokenized, every piece is escaped
 * on its own, and a token is wrapped in <mark> when one of its index terms (stem, compound part) is a
 * term the query matched. A quoted phrase is one <mark> from its first word to its last, found on
 * the stems in order, as the engine checks phrases. Nothing from the query is turned into a pattern, and entities produced by
 * escaping are never searched, so "amp" cannot mark inside "&amp;".
 */
import { escapeHtml } from '../text/html.ts';
import type { Analyzer } from './analyzer.ts';
import { normalizeToken, TOKEN_PATTERN, type Token } from './text.ts';
import type { Highlighter } from './types.ts';

const ELLIPSIS = '…';
const MIN_CENTERED_WINDOW = 8;

/**
 * The index terms of a word as printed, per analyzer (its vocabulary decides compound parts).
 * Records repeat their words, and so do result pages: each distinct word is analysed once.
 */
const termCaches = new WeakMap<Analyzer, Map<string, readonly string[]>>();
const TERM_CACHE_LIMIT = 100_000;

/**
 * A text's tokens with their index terms, per analyzer (so per published index). Result pages show
 * the same records again and again under different queries: tokenizing a record and analysing its
 * words is then done once, and each query only checks the cached terms against its own.
 */
interface TermToken extends Token {
  terms: readonly string[];
  /** The token's stem, stopwords included, as phrases compare them: set on first use. */
  stem: string | null;
}
const tokenCaches = new WeakMap<Analyzer, TokenCache>();
/**
 * Tokens kept per index, summed over texts: about 40 bytes each with the text as key, so some
 * 20 MB, enough for every record of a few NvIs; beyond it the oldest texts are dropped first.
 */
const TOKEN_CACHE_LIMIT = 500_000;

/** A text's tokens, and whether it has no HTML-significant character (then no piece of it needs escaping). */
interface TextTokens {
  tokens: readonly TermToken[];
  plain: boolean;
}

const SIGNIFICANT = /[&<>"']/;

class TokenCache {
  private readonly texts = new Map<string, TextTokens>();
  private tokens = 0;

  constructor(private readonly termsOf: (word: string) => readonly string[]) {}

  get(text: string): TextTokens {
    let entry = this.texts.get(text);
    if (entry !== undefined) return entry;
    const found: TermToken[] = [];
    const pattern = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      found.push({ text: m[0], start: m.index, end: m.index + m[0].length, terms: this.termsOf(m[0]), stem: null });
    }
    entry = { tokens: found, plain: !SIGNIFICANT.test(text) };
    this.texts.set(text, entry);
    this.tokens += found.length;
    for (const [oldest, old] of this.texts) {
      if (this.tokens <= TOKEN_CACHE_LIMIT || oldest === text) break;
      this.texts.delete(oldest);
      this.tokens -= old.tokens.length;
    }
    return entry;
  }
}

function tokenCache(analyzer: Analyzer): TokenCache {
  let cache = tokenCaches.get(analyzer);
  if (!cache) {
    let terms = termCaches.get(analyzer);
    if (!terms) termCaches.set(analyzer, (terms = new Map()));
    const termMap = terms;
    cache = new TokenCache((word) => {
      let wordTerms = termMap.get(word);
      if (wordTerms === undefined) {
        wordTerms = analyzer.indexTerms(normalizeToken(word));
        if (termMap.size >= TERM_CACHE_LIMIT) termMap.clear();
        termMap.set(word, wordTerms);
      }
      return wordTerms;
    });
    tokenCaches.set(analyzer, cache);
  }
  return cache;
}

/**
 * `terms` are marked word by word; each of `phrases` (stems, stopwords included, at least two) is
 * marked as one span where its stems follow each other in the text.
 */
export function createHighlighter(analyzer: Analyzer, terms: ReadonlySet<string>, phrases: readonly (readonly string[])[] = []): Highlighter {
  const cache = tokenCache(analyzer);
  const isMatch = (token: TermToken) => {
    for (const t of token.terms) if (terms.has(t)) return true;
    return false;
  };
  const stemOf = (token: TermToken) => (token.stem ??= analyzer.stem(normalizeToken(token.text)));
  const marked =
    phrases.length === 0
      ? (text: string, tokens: readonly TermToken[], from = 0, to = text.length, limit = Infinity) =>
          terms.size === 0 ? [] : matchesIn(tokens, from, to, isMatch, limit)
      : (text: string, tokens: readonly TermToken[], from = 0, to = text.length, limit = Infinity) =>
          spansIn(text, tokens, from, to, isMatch, phrases, stemOf, limit);

  return {
    full(text) {
      const { tokens, plain } = cache.get(text);
      return render(text, 0, text.length, marked(text, tokens), plain);
    },
    snippet(text, maxLength) {
      const max = Math.floor(maxLength);
      if (!(max > 0)) return '';
      const { tokens, plain } = cache.get(text);
      if (text.length <= max) return render(text, 0, text.length, marked(text, tokens), plain);
      // Only the first match places the window, and only matches inside it are marked.
      const first = marked(text, tokens, 0, text.length, 1)[0];
      const { start, end } = snippetWindow(text, max, first);
      const matches = first && first.end <= end ? [first, ...marked(text, tokens, first.end, end)] : [];
      const body = render(text, start, end, matches, plain);
      return `${start > 0 ? ELLIPSIS : ''}${body}${end < text.length ? ELLIPSIS : ''}`;
    },
  };
}

/** The matching tokens that lie wholly in text[from..to), at most `limit` of them. */
function matchesIn(tokens: readonly TermToken[], from: number, to: number, isMatch: (token: TermToken) => boolean, limit: number): Token[] {
  const found: Token[] = [];
  for (let i = firstAtOrAfter(tokens, from); i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.start >= to || found.length >= limit) break;
    if (token.end <= to && isMatch(token)) found.push(token);
  }
  return found;
}

/** The index of the first token that starts at or after `from` (tokens are in text order). */
function firstAtOrAfter(tokens: readonly Token[], from: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Phrase spans and matching tokens outside them, in text order, that lie wholly in text[from..to),
 * at most `limit`. A phrase is looked for from the text's start, so where a window begins cannot
 * cut one in two.
 */
function spansIn(
  text: string,
  tokens: readonly TermToken[],
  from: number,
  to: number,
  isMatch: (token: TermToken) => boolean,
  phrases: readonly (readonly string[])[],
  stemOf: (token: TermToken) => string,
  limit: number,
): Token[] {
  const found: Token[] = [];
  for (let i = 0; i < tokens.length && found.length < limit; i++) {
    const token = tokens[i]!;
    if (token.start >= to) break;
    const length = phraseAt(tokens, i, phrases, stemOf);
    if (length > 0) {
      const last = tokens[i + length - 1]!;
      if (token.start >= from && last.end <= to) found.push({ text: text.slice(token.start, last.end), start: token.start, end: last.end });
      i += length - 1;
    } else if (token.start >= from && token.end <= to && isMatch(token)) {
      found.push(token);
    }
  }
  return found;
}

/** The number of tokens of the longest phrase that starts at tokens[i], or 0. */
function phraseAt(tokens: readonly TermToken[], i: number, phrases: readonly (readonly string[])[], stemOf: (token: TermToken) => string): number {
  let longest = 0;
  outer: for (const phrase of phrases) {
    if (phrase.length <= longest || i + phrase.length > tokens.length) continue;
    for (let j = 0; j < phrase.length; j++) if (stemOf(tokens[i + j]!) !== phrase[j]) continue outer;
    longest = phrase.length;
  }
  return longest;
}

/** Escapes text[start..end) and marks the matched tokens that lie wholly inside it (`plain`: nothing to escape). */
function render(text: string, start: number, end: number, matches: readonly Token[], plain: boolean): string {
  const escape = plain ? (piece: string) => piece : escapeHtml;
  let html = '';
  let at = start;
  for (const token of matches) {
    if (token.start < at || token.end > end) continue;
    html += `${escape(text.slice(at, token.start))}<mark>${escape(token.text)}</mark>`;
    at = token.end;
  }
  return html + escape(text.slice(at, end));
}

/**
 * At most `max` visible characters, ellipses included: from the start of the text, or starting a
 * little before the first match so the reader sees what leads up to it. Cuts fall on whitespace
 * where there is any, and never inside a surrogate pair.
 */
function snippetWindow(text: string, max: number, first: Token | undefined): { start: number; end: number } {
  let start = 0;
  // A window of a few characters has no room for two ellipses and a word: it shows the start.
  if (first && first.end > max - 1 && max >= MIN_CENTERED_WINDOW) {
    const lead = Math.floor(max / 4);
    start = Math.max(0, Math.min(first.start - lead, text.length - (max - 1)));
    if (start > 0) start = wordStartAfter(text, start, first.start);
  }
  const room = max - (start > 0 ? 1 : 0) - 1;
  let end = Math.min(text.length, start + room);
  if (end < text.length) end = wordEndBefore(text, start, end);
  // A cut between the halves of a surrogate pair leaves the half pair out (the window stays within max).
  return { start: isLowSurrogate(text, start) ? start + 1 : start, end: isLowSurrogate(text, end) ? end - 1 : end };
}

/** The first word start at or after `from` (but not past `limit`), or `from` itself. */
function wordStartAfter(text: string, from: number, limit: number): number {
  if (/\s/u.test(text[from - 1] ?? ' ')) return from;
  for (let i = from; i < limit; i++) {
    if (/\s/u.test(text[i] ?? '')) return i + 1;
  }
  return from;
}

/** The last whitespace before `end` (trailing space dropped), or `end` itself if the word is longer. */
function wordEndBefore(text: string, start: number, end: number): number {
  if (/\s/u.test(text[end] ?? ' ')) return end;
  for (let i = end - 1; i > start; i--) {
    if (/\s/u.test(text[i] ?? '')) return i;
  }
  return end;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}
