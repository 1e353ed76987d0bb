import { DUTCH_MONTHS } from '../core/text/dutch-dates.ts';
import { groupLines } from './lines.ts';
import type { PageItems } from './types.ts';


const SECTION_HEADING = /^(\d+\.?\s*)?(inleiding|introductie|leeswijzer|inhoud|inhoudsopgave|voorwoord|samenvatting|toelichting|algemeen)$/i;

/**
 * A sentence that opens where a cover would print the title ("Voor u ligt de Nota van Inlichtingen
 * bij het Inkoopbeleid …", when the cover itself is an image): it is no title, but the NvI it names
 * from "Nota van Inlichtingen" on is.
 */
const LEAD_IN = /^(?:voor u ligt|hierbij (?:ontvangt|treft) u|dit is|in (?:deze|dit) (?:document|nota))\b/i;
const NVI_NAME = /\bnota'?s? van inlichtingen\b/i;

export function cleanTitle(raw: string): string | null {
  let title = raw.replace(/\s+/g, ' ').trim();
  if (LEAD_IN.test(title)) {
    const name = NVI_NAME.exec(title);
    if (!name) return null;
    title = title.slice(name.index);
  }
  title = title
    // Word prints "2024 - 2026" with spaces where the round is meant.
    .replace(/\b(\d{4})\s*[-–]\s*(\d{4})\b/g, '$1-$2')
    .replace(/[.:;,]+$/, '')
    .trim();
  if (title === '') return null;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * A publication date is labelled at the start of a line ("Datum: 1 juli 2020", "Publicatiedatum",
 * "Gepubliceerd op") on any page before the table, or printed alone on a short line of the first page with text. A date
 * inside running text ("uiterlijk 31 december 2024") is a deadline, not the NvI's date.
 */
const DATE_LABEL = /^(?:publicatie)?datum\b|^gepubliceerd(?:\s+op)?\b|^versie(?:datum)?\b/i;
/** Words on a line around a date for it to count as printed alone ("Utrecht, 1 juli 2020"). */
const MAX_WORDS_BESIDE_DATE = 4;

/**
 * Title and date from the pages before the table: the title is the run of large-type lines at the
 * top of the first page with text; the date as described at DATE_LABEL.
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
      title = cleanTitle(titleLines.join(' '));
      // Without a cover the first large type is a section heading, which names no document.
      if (title !== null && SECTION_HEADING.test(title)) title = null;
    }
  }
  return { title, published: publishedDate(coverPages, first) };
}

function publishedDate(coverPages: readonly PageItems[], first: PageItems | undefined): string | null {
  const lines = coverPages.flatMap((p) => groupLines(p.items).map((l) => ({ page: p, text: l.text.replace(/\s+/g, ' ').trim() })));
  for (const line of lines) {
    const label = DATE_LABEL.exec(line.text);
    if (!label) continue;
    const date = findDate(line.text.slice(label.index));
    if (date) return date;
  }
  for (const line of lines) {
    if (line.page !== first) continue;
    const date = findDate(line.text);
    if (date && line.text.split(' ').length <= MAX_WORDS_BESIDE_DATE + 3) return date;
  }
  return null;
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
