/**
 * Domain synonyms and abbreviations (synonyms.json): the forms of a group mean the same. A record
 * with a form of several words is indexed under the group term ("=vpt", derived.ts); a query word
 * that is, or is part of, a form also matches the group's single-word forms and, where the group has
 * forms of several words, its group term, at a lower weight (plan.ts). So "volledig pakket thuis"
 * finds "VPT" and "VPT" finds the words.
 */
import { createHash } from 'node:crypto';
import data from './synonyms.json' with { type: 'json' };
import { normalizeToken, tokenize } from './text.ts';

/** Group terms are marked so they never collide with a word (no token contains '='). */
export const SYNONYM_MARKER = '=';

export interface SynonymGroup {
  forms: readonly string[];
  source: string;
}

export const SYNONYM_GROUPS: readonly SynonymGroup[] = data.groups;

/** Changes whenever the list does, so an index built with another list is rebuilt (options.ts). */
export const SYNONYMS_VERSION = createHash('sha256').update(JSON.stringify(data.groups)).digest('hex').slice(0, 12);

export interface SynonymMatch {
  /** The matched terms are seq[start .. end). */
  start: number;
  end: number;
  /** The group term: what records with a form of several words are indexed under. */
  term: string;
  /** The group's single-word forms other than the one matched, as terms. */
  words: readonly string[];
  /** Whether the group has a form of several words other than the one matched. */
  phrases: boolean;
}

interface Form {
  terms: string[];
  group: Group;
}

interface Group {
  term: string;
  forms: Form[];
}

/** The group terms of a sequence of terms, compiled for one analyzer (its stems and stopwords). */
export class SynonymTable {
  private readonly byFirst = new Map<string, Form[]>();

  constructor(groups: readonly SynonymGroup[], termOf: (normalized: string) => string | null) {
    for (const { forms } of groups) {
      const first = forms[0];
      if (first === undefined) continue;
      const group: Group = { term: SYNONYM_MARKER + normalizeToken(first).replace(/[^\p{L}\p{N}]/gu, ''), forms: [] };
      for (const text of forms) {
        const terms = tokenize(text).flatMap((t) => termOf(normalizeToken(t.text)) ?? []);
        const head = terms[0];
        if (head === undefined) continue;
        const form = { terms, group };
        group.forms.push(form);
        const list = this.byFirst.get(head) ?? [];
        list.push(form);
        this.byFirst.set(head, list);
      }
    }
  }

  /**
   * The group terms a text is indexed under: one per occurrence of a form of several words. A
   * single-word form needs none, as a query finds it under its own term (matches().words), which
   * keeps a common word such as "cliënt" from being indexed twice.
   */
  indexTerms(seq: readonly string[]): string[] {
    return this.matches(seq)
      .filter((m) => m.end - m.start > 1)
      .map((m) => m.term);
  }

  /** Every occurrence of a form in `seq` (the terms of a text or query, stopwords left out). */
  matches(seq: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let i = 0; i < seq.length; i++) {
      const forms = this.byFirst.get(seq[i] ?? '');
      if (!forms) continue;
      for (const form of forms) {
        if (!form.terms.every((t, k) => seq[i + k] === t)) continue;
        const others = form.group.forms.filter((f) => f !== form);
        out.push({
          start: i,
          end: i + form.terms.length,
          term: form.group.term,
          words: [...new Set(others.flatMap((f) => (f.terms.length === 1 ? f.terms : [])))],
          phrases: others.some((f) => f.terms.length > 1),
        });
      }
    }
    return out;
  }
}
