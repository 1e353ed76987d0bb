/**
 * Terms a record is indexed under besides the terms of its own tokens, for what a text writes in
 * one way and a query in another:
 * - "94%" also counts as "procent" (the tokenizer drops the sign);
 * - a year range ("2024-2026", "2024 t/m 2026") also holds the years inside it (2025);
 * - a number joined to a word by a hyphen ("1-jarige") also counts as the word written out
 *   ("eenjarige"), as a query may write it;
 * - a separable verb written apart in its te-infinitive ("aan te passen", "toe te lichten") also
 *   counts as the verb written as one word ("aanpassen"), as a query writes it;
 * - a domain synonym or abbreviation of several words (synonyms.ts) counts as its group term.
 */
import type { Analyzer } from './analyzer.ts';
import { numberWord } from './numbers.ts';
import { normalizeToken, type Token } from './text.ts';
import { SEPARABLE_PREFIXES } from './wordforms.ts';

export const PERCENT_WORD = 'procent';

/** Year ranges: plausible years, at most this many years apart (wider spans are no planning period). */
export const YEAR_RANGE = { first: 1900, last: 2100, maxSpan: 10 } as const;

const PERCENT_AFTER = /^\s?%/u;
const RANGE_BETWEEN = /^\s*(?:[-\u2013\u2014/]|t\/m|tot en met)\s*$/iu;
const YEAR = /^\d{4}$/u;
const ALPHABETIC = /^\p{L}+$/u;

/**
 * Prefixes whose te-infinitive is joined: every separable prefix but "om", since "om te" + an
 * infinitive is mostly the purpose clause ("om te komen tot" is no "omkomen").
 */
const TE_PREFIXES: ReadonlySet<string> = new Set(SEPARABLE_PREFIXES.filter((p) => p !== 'om'));
const INFINITIVE = /^\p{L}{2,}en$/u;
const SPACE_ONLY = /^\s+$/u;

/** The derived terms of one field's text, given its tokens and the analyzer that indexes them. */
export function derivedTerms(text: string, tokens: readonly Token[], analyzer: Analyzer): string[] {
  const out: string[] = [];
  const normalized = tokens.map((t) => normalizeToken(t.text));
  const percent = analyzer.term(PERCENT_WORD);
  tokens.forEach((token, i) => {
    const word = normalized[i] ?? '';
    const verb = separableInfinitive(text, tokens, normalized, i);
    if (verb !== null) {
      const term = analyzer.term(verb);
      if (term !== null) out.push(term);
    }
    if (!/^\d/u.test(word)) return;
    if (percent !== null && PERCENT_AFTER.test(text.slice(token.end, token.end + 2))) out.push(percent);
    const next = tokens[i + 1];
    const nextWord = normalized[i + 1] ?? '';
    if (!next) return;
    if (YEAR.test(word) && YEAR.test(nextWord) && RANGE_BETWEEN.test(text.slice(token.end, next.start))) {
      out.push(...yearsBetween(Number(word), Number(nextWord)));
    }
    const spelled = /^\d+$/u.test(word) ? numberWord(Number(word)) : null;
    if (spelled !== null && next.start === token.end + 1 && text[token.end] === '-' && ALPHABETIC.test(nextWord)) {
      const term = analyzer.term(spelled + nextWord);
      if (term !== null) out.push(term);
    }
  });
  // "t/m" is two one-letter tokens: ranges written that way are found on the text itself.
  for (const match of text.matchAll(/\b(\d{4})\s*(?:t\/m|tot en met)\s*(\d{4})\b/giu)) {
    out.push(...yearsBetween(Number(match[1]), Number(match[2])));
  }
  const terms = normalized.flatMap((n) => analyzer.term(n) ?? []);
  out.push(...analyzer.synonyms.indexTerms(terms));
  return out;
}

/** "aanpassen" when tokens i, i+1 and i+2 are "aan te passen", separated by spaces only; else null. */
export function separableInfinitive(text: string, tokens: readonly Token[], normalized: readonly string[], i: number): string | null {
  const prefix = normalized[i] ?? '';
  const infinitive = normalized[i + 2] ?? '';
  if (!TE_PREFIXES.has(prefix) || normalized[i + 1] !== 'te' || !INFINITIVE.test(infinitive)) return null;
  const [first, te, last] = [tokens[i], tokens[i + 1], tokens[i + 2]];
  if (!first || !te || !last) return null;
  if (!SPACE_ONLY.test(text.slice(first.end, te.start)) || !SPACE_ONLY.test(text.slice(te.end, last.start))) return null;
  return prefix + infinitive;
}

/** The years strictly inside a plausible range, as terms. */
export function yearsBetween(from: number, to: number): string[] {
  if (from < YEAR_RANGE.first || to > YEAR_RANGE.last || to <= from || to - from > YEAR_RANGE.maxSpan) return [];
  return Array.from({ length: to - from - 1 }, (_, i) => String(from + 1 + i));
}
