import { DUTCH_MONTHS } from '../core/text/dutch-dates.ts';
import { groupLines } from './lines.ts';
import type { PageItems } from './types.ts';


const SECTION_HEADING = /^(\d+\.?\s*)?(inleiding|introductie|leeswijzer|inhoud|inhoudsopgave|voorwoord|samenvatting|toelichting|algemeen)$/i;

/**
 * Title and date from the pages before the table: the title is the run of large-type lines at the
 * top of the first page with text; the date is the first Dutch date printed there.
 */
export function readCover(pages: readonly PageItems[], firstTablePage: number | null): { title: string | null; published: string | null } {
  const coverPages = pages.filter((p) => firstTablePage === null || p.page < firstTablePage);
  const first = coverPages.find((p) => p.items.length > 0);
  let title: string | null = null;
  if (first) {
    const lines = groupLines(first.items);
    const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)] ?? 0;
    const max = sizes[sizes.length - 1] ?? 0;
    if (max > body * 1.2) {
      const threshold = Math.max(body * 1.2, max * 0.6);
      const start = lines.findIndex((l) => l.size >= threshold);
      const titleLines = [];
      for (let i = start; i >= 0 && i < lines.length && lines[i]!.size >= threshold; i++) titleLines.push(lines[i]!.text);
      title = titleLines.join(' ').replace(/\s+/g, ' ').trim() || null;
      // Without a cover the first large type is a section heading, which names no document.
      if (title !== null && SECTION_HEADING.test(title)) title = null;
    }
  }
  const text = coverPages.flatMap((p) => groupLines(p.items).map((l) => l.text)).join('\n');
  return { title, published: findDate(text) };
}

export function findDate(text: string): string | null {
  const named = new RegExp(`\\b(\\d{1,2})\\s+(${DUTCH_MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (named) return iso(Number(named[3]), DUTCH_MONTHS.indexOf(named[2]!.toLowerCase() as (typeof DUTCH_MONTHS)[number]) + 1, Number(named[1]));
  const numeric = /\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b/.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  return null;
}

function iso(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
