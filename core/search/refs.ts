/**
 * Direct references: a record's id in any scheme — the number of a printed id ("VID-1879",
 * "vid 1879", "vraag 12", "1879"), or a whole id typed as it is shown ("VID-0318-2", "B-4",
 * "1.2-3", "leeswijzer-2") — or a paragraph of the source document ("paragraaf 2.7", "§ 2.7",
 * "2.7 duurzaamheid", "artikel 3", "hoofdstuk 2"). They are matched against the record's id and
 * the leading number of its paragraph label, not against text. A reference that names no record
 * is searched as words (see the engine): "2021" is a year unless some record has that number.
 */

/** Reference terms live in their own table, so they never mix with words. */
export type { RefTable } from './ref-table.ts';

const LABEL_NUMBER = /^\s*(\d+(?:\.\d+)*)\.?(?=\s|$|:)/u;
const LABEL_ARTICLE = /^\s*artikel\s+(\d+(?:\.\d+)*)/iu;
const LABEL_CHAPTER = /^\s*hoofdstuk\s+(\d+)/iu;

export function vidRef(vidNumber: number): string {
  return `vid:${vidNumber}`;
}

/** The whole id, case folded: "VID-0318" → id:vid-0318, "1.2-3" → id:1.2-3. */
export function idRef(id: string): string {
  return `id:${id.trim().toLowerCase()}`;
}

/** Ids that are only a number, with or without "VID": the number term finds them however typed. */
const NUMBER_ONLY_ID = /^\s*(?:vid\s*[-_:#.]?\s*)?\d+\s*$/iu;

/**
 * The reference terms of a record's id: the number a user types when the id has one (the store
 * leaves it null for derived ids, whose digits are no question number), and the whole id when
 * the number alone does not say it ("B-4", "VID-0318-2", "1.2-3"); "VID-0318" and "12" need no
 * second term, which keeps the index of a large printed-id corpus as small as it was.
 */
export function recordRefs(record: { vid: string; vidNumber: number | null }): string[] {
  const terms = record.vidNumber === null ? [] : [vidRef(record.vidNumber)];
  if (record.vidNumber === null || !NUMBER_ONLY_ID.test(record.vid)) terms.push(idRef(record.vid));
  return terms;
}

/**
 * The reference terms of a paragraph label: "4.2.1 Voor alle…" → p:4.2.1 and its ancestors pa:4,
 * pa:4.2; "Artikel 3. Declareren" → art:3; "Hoofdstuk 2: Informatievoorziening…" → h:2.
 */
export function paragraphRefs(label: string): string[] {
  const number = LABEL_NUMBER.exec(label)?.[1];
  if (number) {
    const parts = number.split('.');
    const ancestors = parts.slice(0, -1).map((_, i) => `pa:${parts.slice(0, i + 1).join('.')}`);
    return [`p:${number}`, ...ancestors];
  }
  const article = LABEL_ARTICLE.exec(label)?.[1];
  if (article) return [`art:${article}`];
  const chapter = LABEL_CHAPTER.exec(label)?.[1];
  return chapter ? [`h:${chapter}`] : [];
}

export interface QueryRef {
  /** vid: the number of a printed id; id: a whole id as shown; the rest: a section of the source. */
  kind: 'vid' | 'id' | 'paragraph' | 'article' | 'chapter';
  /** The number as typed, without leading zeros for a VID ("0318" → "318"); a whole id case folded. */
  value: string;
  /** The query text it came from; searched as words when the reference matches nothing. */
  text: string;
}

/**
 * Reference terms of the records a reference names exactly, then of those it names as ancestor;
 * `record` says whether it names one record (an id) rather than a section.
 */
export function refLookups(ref: QueryRef): { exact: string[]; within: string[]; record: boolean } {
  const lookups = sectionLookups(ref);
  return { ...lookups, record: ref.kind === 'vid' || ref.kind === 'id' };
}

function sectionLookups(ref: QueryRef): { exact: string[]; within: string[] } {
  switch (ref.kind) {
    case 'vid':
      return { exact: [`vid:${ref.value}`], within: [] };
    case 'id':
      return { exact: [idRef(ref.value)], within: [] };
    case 'paragraph':
      return { exact: [`p:${ref.value}`], within: [`pa:${ref.value}`] };
    case 'article':
      return { exact: [`art:${ref.value}`], within: [] };
    case 'chapter':
      return { exact: [`h:${ref.value}`, `p:${ref.value}`], within: [`pa:${ref.value}`] };
  }
}

const NUMBER = String.raw`(\d{1,4}(?:\.\d{1,4})*)\.?`;
/** How the number of a printed id is typed: "vid 318", "VID-0318", "vraag 12", "vraag nr. 12". */
const VID_NUMBER = /\b(?:vid|vraag(?:\s*(?:nr\.?|nummer))?)\s*[-_:#.]?\s*0*(\d{1,6})\b/giu;
const QUERY_PATTERNS: ReadonlyArray<[QueryRef['kind'], RegExp]> = [
  ['vid', VID_NUMBER],
  ['paragraph', new RegExp(String.raw`(?:§+\s*|\bpar(?:agraaf)?\b\.?\s*)${NUMBER}`, 'giu')],
  ['article', new RegExp(String.raw`\bart(?:ikel|\.)?\s*${NUMBER}`, 'giu')],
  ['chapter', new RegExp(String.raw`\bhoofdstuk\s*${NUMBER}`, 'giu')],
];
/** "2.7 duurzaamheid", "4.2.1": a dotted number that opens the query names a paragraph. */
const LEADING_PARAGRAPH = new RegExp(String.raw`^\s*(\d{1,4}(?:\.\d{1,4})+)\.?(?=\s|$)`, 'u');
/** A query that is only a number is a VID ("1879", "#1879", "0318"). */
const BARE_NUMBER = /^\s*#?\s*0*(\d{1,6})\s*$/u;
/**
 * A word that may be a whole id: letters, digits and dots joined by hyphens, at least one hyphen
 * and one digit ("1.2-3", "leeswijzer-2", "B-4", "VID-0318-2"), optionally after "vraag".
 * "2021-2023" qualifies too, and is searched as words when no record has that id.
 */
const WHOLE_ID = /(?<=^|\s)(?:vraag\s+)?([\p{L}\d]+(?:\.[\p{L}\d]+)*(?:-[\p{L}\d]+(?:\.[\p{L}\d]+)*)+)(?=\s|$)/giu;
/** "VID-0318", "vid-318": a printed id's number, which VID_NUMBER reads (leading zeros and all). */
const VID_ONLY = /^vid-\d+$/iu;

/** Whether `offset` is inside a quoted phrase ("wlz 2021-2023" stays a phrase, not an id). */
function insidePhrase(query: string, offset: number): boolean {
  return (query.slice(0, offset).match(/"/g)?.length ?? 0) % 2 === 1;
}

/** Takes the references out of a query; returns them and the rest of the query. */
export function extractRefs(query: string): { refs: QueryRef[]; rest: string } {
  const bare = BARE_NUMBER.exec(query);
  if (bare?.[1]) return { refs: [{ kind: 'vid', value: bare[1], text: query.trim() }], rest: '' };
  const refs: QueryRef[] = [];
  let rest = query.replace(WHOLE_ID, (text: string, id: string, offset: number) => {
    if (!/\d/u.test(id) || VID_ONLY.test(id) || insidePhrase(query, offset)) return text;
    refs.push({ kind: 'id', value: id.toLowerCase(), text: text.trim() });
    return ' ';
  });
  rest = rest.replace(LEADING_PARAGRAPH, (text, value: string) => {
    refs.push({ kind: 'paragraph', value, text: text.trim() });
    return ' ';
  });
  for (const [kind, pattern] of QUERY_PATTERNS) {
    rest = rest.replace(pattern, (text, value: string) => {
      // "hoofdstuk 3.1" names a paragraph; people cite both ways.
      const named = kind === 'chapter' && value.includes('.') ? 'paragraph' : kind;
      refs.push({ kind: named, value: kind === 'vid' ? String(Number(value)) : value, text });
      return ' ';
    });
  }
  return { refs, rest };
}
