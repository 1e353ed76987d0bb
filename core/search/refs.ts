/**
 * Direct references: a VID ("VID-1879", "vid 1879", "1879") or a paragraph of the source document
 * ("paragraaf 2.7", "§ 2.7", "2.7 duurzaamheid", "artikel 3", "hoofdstuk 2"). They are matched
 * against the record's VID and the leading number of its paragraph label, not against text.
 */

/** Reference terms live in their own table, so they never mix with words. */
export type RefTable = ReadonlyMap<string, Uint32Array>;

const LABEL_NUMBER = /^\s*(\d+(?:\.\d+)*)\.?(?=\s|$|:)/u;
const LABEL_ARTICLE = /^\s*artikel\s+(\d+(?:\.\d+)*)/iu;
const LABEL_CHAPTER = /^\s*hoofdstuk\s+(\d+)/iu;

export function vidRef(vidNumber: number): string {
  return `vid:${vidNumber}`;
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
  kind: 'vid' | 'paragraph' | 'article' | 'chapter';
  /** The number as typed, without leading zeros for a VID ("0318" → "318"). */
  value: string;
  /** The query text it came from; searched as words when the reference matches nothing. */
  text: string;
}

/** Reference terms of the records a reference names exactly, then of those it names as ancestor. */
export function refLookups(ref: QueryRef): { exact: string[]; within: string[] } {
  switch (ref.kind) {
    case 'vid':
      return { exact: [`vid:${ref.value}`], within: [] };
    case 'paragraph':
      return { exact: [`p:${ref.value}`], within: [`pa:${ref.value}`] };
    case 'article':
      return { exact: [`art:${ref.value}`], within: [] };
    case 'chapter':
      return { exact: [`h:${ref.value}`, `p:${ref.value}`], within: [`pa:${ref.value}`] };
  }
}

const NUMBER = String.raw`(\d{1,4}(?:\.\d{1,4})*)\.?`;
const QUERY_PATTERNS: ReadonlyArray<[QueryRef['kind'], RegExp]> = [
  ['vid', /\bvid\s*[-_:#.]?\s*0*(\d{1,6})\b/giu],
  ['paragraph', new RegExp(String.raw`(?:§+\s*|\bpar(?:agraaf)?\b\.?\s*)${NUMBER}`, 'giu')],
  ['article', new RegExp(String.raw`\bart(?:ikel|\.)?\s*${NUMBER}`, 'giu')],
  ['chapter', new RegExp(String.raw`\bhoofdstuk\s*${NUMBER}`, 'giu')],
];
/** "2.7 duurzaamheid", "4.2.1": a dotted number that opens the query names a paragraph. */
const LEADING_PARAGRAPH = new RegExp(String.raw`^\s*(\d{1,4}(?:\.\d{1,4})+)\.?(?=\s|$)`, 'u');
/** A query that is only a number is a VID ("1879", "#1879", "0318"). */
const BARE_NUMBER = /^\s*#?\s*0*(\d{1,6})\s*$/u;

/** Takes the references out of a query; returns them and the rest of the query. */
export function extractRefs(query: string): { refs: QueryRef[]; rest: string } {
  const bare = BARE_NUMBER.exec(query);
  if (bare?.[1]) return { refs: [{ kind: 'vid', value: bare[1], text: query.trim() }], rest: '' };
  const refs: QueryRef[] = [];
  let rest = query.replace(LEADING_PARAGRAPH, (text, value: string) => {
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
