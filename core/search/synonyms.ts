/**
 * Domain synonyms and abbreviations (synonyms.json): every form of a group, in a record or a query,
 * stands for one group term ("=vpt"). A record is indexed under the group term of each form it
 * contains (derived.ts); a query word that is, or is part of, a form also matches the group term at
 * a lower weight (plan.ts). So "volledig pakket thuis" finds "VPT" and "VPT" finds the words.
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
  /** The group term. */
  term: string;
}

interface Form {
  terms: string[];
  group: string;
}

/** The group terms of a sequence of terms, compiled for one analyzer (its stems and stopwords). */
export class SynonymTable {
  private readonly byFirst = new Map<string, Form[]>();

  constructor(groups: readonly SynonymGroup[], termOf: (normalized: string) => string | null) {
    for (const group of groups) {
      const first = group.forms[0];
      if (first === undefined) continue;
      const groupTerm = SYNONYM_MARKER + normalizeToken(first).replace(/[^\p{L}\p{N}]/gu, '');
      for (const form of group.forms) {
        const terms = tokenize(form).flatMap((t) => termOf(normalizeToken(t.text)) ?? []);
        const head = terms[0];
        if (head === undefined) continue;
        const list = this.byFirst.get(head) ?? [];
        list.push({ terms, group: groupTerm });
        this.byFirst.set(head, list);
      }
    }
  }

  /** Every occurrence of a form in `seq` (the terms of a text or query, stopwords left out). */
  matches(seq: readonly string[]): SynonymMatch[] {
    const out: SynonymMatch[] = [];
    for (let i = 0; i < seq.length; i++) {
      const forms = this.byFirst.get(seq[i] ?? '');
      if (!forms) continue;
      for (const form of forms) {
        if (form.terms.every((t, k) => seq[i + k] === t)) out.push({ start: i, end: i + form.terms.length, term: form.group });
      }
    }
    return out;
  }
}
