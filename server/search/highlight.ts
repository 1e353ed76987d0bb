/**
 * Highlighting that is safe by construction: the original text is tokenized, every piece is escaped
 * on its own, and a token is wrapped in <mark> when one of its index terms (stem, compound part) is a
 * term the query matched. Nothing from the query is turned into a pattern, and entities produced by
 * escaping are never searched, so "amp" cannot mark inside "&amp;".
 */
import type { Analyzer } from './analyzer.ts';
import { normalizeToken, tokenize, type Token } from './text.ts';
import type { Highlighter } from './types.ts';

const ELLIPSIS = '…';
const MIN_CENTERED_WINDOW = 8;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function createHighlighter(analyzer: Analyzer, terms: ReadonlySet<string>): Highlighter {
  // A results page repeats most words many times: decide each distinct word once.
  const decided = new Map<string, boolean>();
  const isMatch = (token: Token) => {
    if (terms.size === 0) return false;
    let match = decided.get(token.text);
    if (match === undefined) {
      match = analyzer.indexTerms(normalizeToken(token.text)).some((t) => terms.has(t));
      if (decided.size < 10_000) decided.set(token.text, match);
    }
    return match;
  };
  const marked = (text: string) => tokenize(text).filter(isMatch);

  return {
    full: (text) => render(text, 0, text.length, marked(text)),
    snippet(text, maxLength) {
      const max = Math.floor(maxLength);
      if (!(max > 0)) return '';
      if (text.length <= max) return render(text, 0, text.length, marked(text));
      const matches = marked(text);
      const { start, end } = snippetWindow(text, max, matches[0]);
      const body = render(text, start, end, matches);
      return `${start > 0 ? ELLIPSIS : ''}${body}${end < text.length ? ELLIPSIS : ''}`;
    },
  };
}

/** Escapes text[start..end) and marks the matched tokens that lie wholly inside it. */
function render(text: string, start: number, end: number, matches: readonly Token[]): string {
  let html = '';
  let at = start;
  for (const token of matches) {
    if (token.start < at || token.end > end) continue;
    html += `${escapeHtml(text.slice(at, token.start))}<mark>${escapeHtml(token.text)}</mark>`;
    at = token.end;
  }
  return html + escapeHtml(text.slice(at, end));
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
