/**
 * References from answers to other records: "zie het antwoord op vraag 12 in de eerste Nota van
 * Inlichtingen", "zie vraag 4", "zie antwoord 1.2-3", "vragen 3, 4 en 7 (NvI 1)". A follow-up NvI
 * ("Nota van Inlichtingen 2") refers back to earlier ones by ordinal ("eerste", "1e"), by number
 * ("NvI 1", "Nota van Inlichtingen I") or relatively ("de vorige nota"); without such words a
 * reference points into the same NvI. A "Rectificatie" changes an earlier answer: its record
 * `rectifies` the record it names.
 */
import type { NvIRecord, ParseWarning, RecordRef } from '../core/model.ts';
import { vidNumber } from '../core/text/ids.ts';

const ORDINAL_WORDS: Record<string, number> = {
  eerste: 1,
  tweede: 2,
  derde: 3,
  vierde: 4,
  vijfde: 5,
  zesde: 6,
  zevende: 7,
  achtste: 8,
  negende: 9,
  tiende: 10,
};
const NUMBER_WORDS: Record<string, number> = { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10 };
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

const ORDINAL = String.raw`(?:${Object.keys(ORDINAL_WORDS).join('|')}|\d{1,2}\s?(?:e|ste|de))`;
const NOTA = String.raw`(?:nota(?:'s)?\s+van\s+inlichtingen|nvi|nota)`;
const NOTA_NUMBER = String.raw`(?:\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')}|[IVX]{1,4})`;

/**
 * Which NvI a phrase names. Ordinal before ("de eerste Nota van Inlichtingen", "2e NvI"), number
 * after ("Nota van Inlichtingen 2", "NvI-1", "NvI nr. 2", "NvI II"), relative ("de vorige nota",
 * "deze NvI").
 */
const NOTA_MENTION = new RegExp(
  [
    String.raw`(?<ordinal>${ORDINAL})\s+${NOTA}`,
    String.raw`${NOTA}\s*(?:nr\.?|nummer|#|-)?\s*(?<number>${NOTA_NUMBER})(?![\p{L}\p{N}])`,
    String.raw`(?<previous>vorige|voorgaande|eerdere)\s+${NOTA}`,
    String.raw`(?<same>deze|dezelfde|huidige|onderhavige)\s+${NOTA}`,
  ].join('|'),
  'giu',
);

/** A record id as answers print it: "12", "1.2-3", "4a", "VID-0318", "2025-012". */
const ID = String.raw`(?:VID[-\s]?\d{1,5}|\d{1,4}(?:\.\d{1,3})*(?:-\d{1,4})?[a-z]?)(?![\p{L}\p{N}]|\.\d)`;
const LIST_SEPARATOR = String.raw`\s*(?:,|\ben\b|\bof\b|t\/m|tot\s+en\s+met|–)\s*`;

/**
 * "vraag 12", "vragen 3, 4 en 7", "antwoord 1.2-3", "het antwoord op vraag 12", "vraagnummer 8",
 * "VID-0318": an optional lead-in naming the answer, the word for question or answer, the ids.
 */
const ID_MENTION = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?:zie\s+(?:ook\s+)?)?(?:(?:het|ons|de)\s+)?(?:antwoord(?:en)?|beantwoording)\s+(?:op|bij|van|onder)\s+(?:de\s+)?)?` +
    String.raw`(?<![\p{L}\p{N}])(?:(?:vragen|vraag(?:nummer|nr\.?)?|antwoorden|antwoord)\s+(?:nr\.?\s*|nummer\s+)?(?<list>${ID}(?:${LIST_SEPARATOR}${ID})*)|(?<vid>VID[-\s]?\d{1,5}(?![\p{L}\p{N}])))`,
  'giu',
);

/** A preposition or bracket linking an id to the NvI named right after it. */
const LINK_AFTER = /^\s*(?:,\s*)?(?:\(\s*)?(?:(?:in|uit|van|bij|onder)\s+)?(?:(?:de|het)\s+)?$/iu;

interface Mention {
  start: number;
  end: number;
  /** The NvI's number, 'previous' or 'same'. */
  target: number | 'previous' | 'same';
}

function notaMentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(NOTA_MENTION)) {
    const g = m.groups ?? {};
    let target: Mention['target'] | null = null;
    if (g.ordinal) target = ORDINAL_WORDS[g.ordinal.toLowerCase()] ?? Number(/\d+/.exec(g.ordinal)![0]);
    else if (g.number) target = /^\d+$/.test(g.number) ? Number(g.number) : (NUMBER_WORDS[g.number.toLowerCase()] ?? ROMAN[g.number] ?? null);
    else if (g.previous) target = 'previous';
    else if (g.same) target = 'same';
    if (target !== null) out.push({ start: m.index, end: m.index + m[0].length, target });
  }
  return out;
}

/** The sequence a mention resolves to for an NvI numbered `current`: null means the same NvI. */
function resolve(target: Mention['target'] | undefined, current: number | null): number | null | undefined {
  if (target === undefined || target === 'same') return null;
  if (target === 'previous') return current !== null && current > 1 ? current - 1 : undefined;
  return target === current ? null : target;
}

/** Ids of a list ("3, 4 en 7", "3 t/m 5"); a range of plain numbers is spelled out. */
function listIds(list: string): string[] {
  const ids: string[] = [];
  const re = new RegExp(`(${ID})|(t\\/m|tot\\s+en\\s+met|–)`, 'giu');
  let range = false;
  for (const m of list.matchAll(re)) {
    if (m[2]) {
      range = true;
      continue;
    }
    const id = m[1]!.replace(/^VID\s/i, 'VID-');
    const prev = ids[ids.length - 1];
    if (range && prev !== undefined && /^\d+$/.test(prev) && /^\d+$/.test(id) && Number(id) > Number(prev) && Number(id) - Number(prev) <= MAX_RANGE) {
      for (let n = Number(prev) + 1; n < Number(id); n++) ids.push(String(n));
    }
    range = false;
    ids.push(id);
  }
  return ids;
}

/** Longest range spelled out ("vragen 3 t/m 9"): longer ones are more likely years or amounts. */
const MAX_RANGE = 30;

/**
 * Sentences, so that an NvI named in one sentence does not attach to an id in the next. A sentence
 * ends at a line break, or at . ! ? before a capital, unless the dot ends an abbreviation ("nr.").
 */
function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  const end = /\n|(?<!\b(?:nr|blz|pag|par|art|bijv|resp|zgn|ca|o\.a|i\.v\.m|m\.b\.t|t\.a\.v|e\.d|p))[.!?](?=\s+[\p{Lu}"“(])/giu;
  let start = 0;
  for (const m of text.matchAll(end)) {
    const stop = m.index + m[0].length;
    out.push({ start, text: text.slice(start, stop) });
    start = stop;
  }
  out.push({ start, text: text.slice(start) });
  return out.filter((x) => x.text.trim() !== '');
}

/**
 * The references an answer makes. `current` is the sequence of the NvI the text is in (null when
 * it is not numbered): a reference to that number is a reference to the same NvI. A relative one
 * ("de vorige nota") in an NvI of unknown sequence cannot be resolved and is left out.
 */
export function findReferences(text: string, current: number | null = null): RecordRef[] {
  const refs: RecordRef[] = [];
  const seen = new Set<string>();
  for (const s of sentences(text)) {
    const notas = notaMentions(s.text);
    const ids = [...s.text.matchAll(ID_MENTION)];
    for (const [k, m] of ids.entries()) {
      const end = m.index + m[0].length;
      const nextId = ids[k + 1]?.index ?? s.text.length;
      // The NvI named right after the ids, else the nearest one named before them in the sentence.
      const after = notas.find((n) => n.start >= end && n.start <= nextId && LINK_AFTER.test(s.text.slice(end, n.start)));
      const before = [...notas].reverse().find((n) => n.end <= m.index);
      const mention = after ?? before;
      const sequence = resolve(mention?.target, current);
      if (sequence === undefined) continue;
      const closeParen = after && /\(\s*(?:(?:in|uit|van|bij|onder)\s+)?(?:(?:de|het)\s+)?$/i.test(s.text.slice(end, after.start)) && s.text[after.end] === ')';
      const phraseEnd = after ? after.end + (closeParen ? 1 : 0) : end;
      const phrase = s.text.slice(m.index, phraseEnd).replace(/\s+/g, ' ').trim();
      const list = m.groups?.list ?? m.groups?.vid ?? '';
      for (const id of listIds(list)) {
        const key = `${sequence ?? ''}|${id.toLowerCase()}`;
        if (seen.has(key)) continue;
        seen.add(key);
        refs.push({ id, sequence, text: phrase });
      }
    }
  }
  return refs;
}

/** "Rectificatie", "Rectificaties", "Correctie", "Erratum", "Herstel", with or without a number. */
const RECTIFICATION = /^(?:\d+(?:\.\d+)*\.?\s+)?(?:rectificaties?|correcties?|errat(?:um|a)|herstel(?:de antwoorden)?|gewijzigde antwoorden)(?![\p{L}])/iu;

export function isRectification(label: string): boolean {
  return RECTIFICATION.test(label.trim());
}

/**
 * Sets `references` on every record whose answer refers to others, and `rectifies` on records
 * that change an earlier answer (under a rectification heading, or a question that says so);
 * warns about references into the same NvI that name no record of it.
 */
export function linkReferences(records: NvIRecord[], current: number | null): ParseWarning[] {
  const warnings: ParseWarning[] = [];
  const ids = new Set(records.map((r) => r.vid.toLowerCase()));
  const numbers = new Set(records.map((r) => vidNumber(r.vid)));
  // "vraag 12" names VID-0012 as well as 12; a structured id ("1.2-3") only itself.
  const known = (id: string) => ids.has(id.toLowerCase()) || (/^\d+$/.test(id) && numbers.has(Number(id)));
  for (const r of records) {
    const rectifying = [r.chapter, r.paragraph, r.subparagraph].some((l) => l !== undefined && isRectification(l)) || isRectification(r.question);
    let refs = findReferences(r.answer, current);
    if (rectifying) {
      const target = findReferences(r.question, current)[0] ?? refs[0];
      if (target) {
        r.rectifies = target;
        // The text of a rectification repeats the id it changes, often without naming the NvI again.
        refs = refs.filter((x) => x.id !== target.id || (x.sequence !== target.sequence && x.sequence !== null));
      }
    }
    if (refs.length > 0) r.references = refs;
    for (const ref of [...refs, ...(r.rectifies ? [r.rectifies] : [])]) {
      if (ref.sequence !== null || known(ref.id)) continue;
      warnings.push({ kind: 'unresolved-reference', page: r.pageStart, vid: r.vid, message: `${r.vid} refers to "${ref.text}", which names no record of this NvI (page ${r.pageStart})` });
    }
  }
  return warnings;
}
