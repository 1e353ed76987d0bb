import { groupLines, type Line } from './lines.ts';
import type { PageItems, TextItem } from './types.ts';

/**
 * Page furniture: running headers and footers, page numbers. Only the outermost lines of a page
 * are candidates, and only when set apart from the text next to them; a line is furniture when
 * it reads like a page number ("3", "3/122", "Pagina 3 van 122") or when the same line (digits
 * aside) sits at the same height on many pages. Keeping the search to the page edges means a
 * table row that happens to repeat can never be taken for a footer.
 */
const PAGE_NUMBER = [
  /^[-–—]?\s*\d{1,4}\s*[-–—]?$/,
  // "3/12", "3 van 12", "3-12", but not a year range ("2021-2023").
  /^\d{1,4}\s*(\/|van|of)\s*\d{1,4}$|^\d{1,3}\s*-\s*\d{1,3}$/i,
  /^(pagina|page|blz\.?|pag\.?|p\.)\s*\d{1,4}(\s*(\/|van|of)\s*\d{1,4})?$/i,
  /(\bpagina\s+\d{1,4}(\s+van\s+\d{1,4})?|\b\d{1,4}\s*\/\s*\d{1,4})$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function signature(line: Line): string {
  return `${Math.round(line.y / 3)}|${line.text.toLowerCase().replace(/\d+/g, '#')}`;
}

export interface Furniture {
  /** Items to drop, per page number. */
  byPage: Map<number, Set<TextItem>>;
}

export function findFurniture(pages: readonly PageItems[]): Furniture {
  const linesByPage = pages.map((p) => ({ page: p, lines: groupLines(p.items) }));
  const repeats = new Map<string, number>();
  for (const { lines } of linesByPage) {
    const seen = new Set<string>();
    for (const line of edgeLines(lines)) seen.add(signature(line));
    for (const s of seen) repeats.set(s, (repeats.get(s) ?? 0) + 1);
  }
  // On most pages of a long document; on two already in a short one (a two-page NvI has its
  // running header twice, and an edge line set apart that repeats by chance is rarer still).
  const minRepeats = Math.max(2, Math.ceil(pages.length * 0.3));
  const isFurniture = (line: Line) => isPageNumber(line.text) || (repeats.get(signature(line)) ?? 0) >= minRepeats;

  const byPage = new Map<number, Set<TextItem>>();
  for (const { page, lines } of linesByPage) {
    const drop = new Set<TextItem>();
    // From the bottom up, then from the top down, while lines are furniture and set apart.
    for (let i = lines.length - 1; i > 0; i--) {
      const line = lines[i]!;
      const above = lines[i - 1]!;
      if (!isFurniture(line) || line.y - above.y < separation(line, above)) break;
      for (const it of line.items) drop.add(it);
    }
    for (let i = 0; i < lines.length - 1; i++) {
      const line = lines[i]!;
      const below = lines[i + 1]!;
      if (!isFurniture(line) || below.y - line.y < separation(line, below)) break;
      for (const it of line.items) drop.add(it);
    }
    if (lines.length === 1 && isPageNumber(lines[0]!.text)) for (const it of lines[0]!.items) drop.add(it);
    if (drop.size > 0) byPage.set(page.page, drop);
  }
  return { byPage };
}

/** Lines at the top and bottom of a page: the only places furniture lives. */
function edgeLines(lines: readonly Line[]): Line[] {
  const k = 3;
  return lines.length <= 2 * k ? [...lines] : [...lines.slice(0, k), ...lines.slice(-k)];
}

/** Distance (top to top) that sets a line apart: more than a line and a half of text. */
function separation(a: Line, b: Line): number {
  return Math.max(a.size, b.size) * 1.6;
}
