/**
 * A reference cell packs where a question is about into one cell: "Aanbestedingsleidraad,
 * pagina 3, paragraaf 1.3", "Bijlage 2 – blz. 5 – § 3.1 Kwaliteit", "PvE p. 12, art. 4". This
 * splits it into the document, the page in that document and the paragraph. What is not a page
 * or a paragraph is the document; parts that are missing come back empty (or null).
 */
export interface ReferenceParts {
  document: string;
  /** First page named ("blz. 5-6" → 5), or null. */
  page: number | null;
  /** The paragraph as printed after its keyword ("1.3", "3.1 Kwaliteit", "Artikel 4"). */
  paragraph: string;
}

/** "pagina 3", "pagina's 3-4", "pag. 3", "blz 3", "bladzijde 3", "p. 3", "p3", with an optional colon. */
const PAGE = /(?<![\p{L}\p{N}])(?:pagina'?s?|pag\.?|blz\.?|bladzijden?|p\.?)\s*:?\s*(\d{1,4})(?:\s*(?:-|–|t\/m|tot en met|en)\s*\d{1,4})?(?![\p{L}\p{N}])/iu;

/** Section number: "1", "1.3", "1.3.2", "4a", "2.7." */
const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3})*\.?[a-z]?`;

/**
 * Keywords whose number is a paragraph number and is printed without the keyword ("§ 1.3" →
 * "1.3"); chapter and article numbers keep theirs ("Hoofdstuk 4", "Artikel 12"), since
 * "4" alone would read as a paragraph.
 */
const PARAGRAPH = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(§+|paragraaf|par\.?)|(hoofdstuk|hfst\.?|h\.|artikel|art\.?|onderdeel|sectie))\s*:?\s*(${NUMBER})(?![\p{N}])`,
  'iu',
);

/** Separators between the parts of a reference cell. */
const SEPARATOR = /^[\s,;|/–—-]+|[\s,;|/–—-]+$/g;

const KEEP_KEYWORD: Record<string, string> = { hoofdstuk: 'Hoofdstuk', hfst: 'Hoofdstuk', h: 'Hoofdstuk', artikel: 'Artikel', art: 'Artikel', onderdeel: 'Onderdeel', sectie: 'Sectie' };

export function splitReferenceCell(cell: string): ReferenceParts {
  let rest = cell.replace(/\s+/g, ' ').trim();
  // Printed labels inside the cell ("Document: Leidraad") say nothing the parts do not.
  rest = rest.replace(/(?<![\p{L}])document(?:naam)?\s*:\s*/iu, '');
  let page: number | null = null;
  const p = PAGE.exec(rest);
  if (p) {
    page = Number(p[1]);
    rest = cutOut(rest, p.index, p[0].length);
  }
  let paragraph = '';
  const m = PARAGRAPH.exec(rest);
  if (m) {
    const number = m[3]!.replace(/\.$/, '');
    const keyword = m[2] ? KEEP_KEYWORD[m[2].toLowerCase().replace(/\.$/, '')] : undefined;
    // A title after the number runs to the next separator: "§ 3.1 Kwaliteit, pagina 5".
    const after = rest.slice(m.index + m[0].length);
    const title = /^\s+([^,;|–—]*)/.exec(after)?.[1]?.trim() ?? '';
    paragraph = [keyword, number, title].filter(Boolean).join(' ');
    rest = cutOut(rest, m.index, m[0].length + (title ? after.indexOf(title) + title.length : 0));
  } else {
    // No keyword: a dotted section number at the end of a part ("Leidraad 1.3", "Leidraad, 1.3").
    const bare = /(?:^|[\s,;])(\d{1,3}(?:\.\d{1,3})+)\.?\s*$/.exec(rest);
    if (bare) {
      paragraph = bare[1]!;
      rest = rest.slice(0, bare.index);
    }
  }
  const document = rest.replace(/\([\s,;|]*\)/g, '').replace(/\s*[,;|]\s*[,;|]\s*/g, ', ').replace(SEPARATOR, '').replace(/\s+/g, ' ').trim();
  return { document, page, paragraph };
}

/** Removes a span, leaving a separator so that the parts around it stay apart. */
function cutOut(text: string, at: number, length: number): string {
  return `${text.slice(0, at).replace(/[\s,;|–—-]+$/, '')}, ${text.slice(at + length).replace(/^[\s,;|–—-]+/, '')}`;
}

/** A page column's cell ("3", "p. 3", "blz. 3-4") as a page number, or null. */
export function pageNumber(cell: string): number | null {
  const t = cell.trim();
  const plain = /^(\d{1,4})(?:\s*(?:-|–|t\/m|en)\s*\d{1,4})?$/.exec(t);
  if (plain) return Number(plain[1]);
  const p = PAGE.exec(t);
  return p ? Number(p[1]) : null;
}
