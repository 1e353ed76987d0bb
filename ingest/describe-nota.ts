/**
 * What an NvI is about and who published it (NotaDescription), from its title and the text before
 * its first table: publisher, sector, purchasing round, subject and place in a series.
 */
import type { NotaDescription } from '../core/model.ts';
import { groupLines } from './lines.ts';
import type { PageItems } from './types.ts';

/**
 * The Dutch Wlz care offices (zorgkantoren) and how texts name them. The set is small and changes
 * rarely (a merger every few years), so it is data here; "ZN" (Zorgverzekeraars Nederland)
 * publishes the national NvIs on behalf of all of them.
 */
const CARE_OFFICES: ReadonlyArray<readonly [string, RegExp]> = [
  ['Zilveren Kruis', /\bzilveren\s*kruis\b|zilverenkruis\.nl/giu],
  ['CZ', /\bCZ(?:\s+zorgkantoor)?\b|\bcz\.nl\b/gu],
  ['Menzis', /\bmenzis\b/giu],
  ['VGZ', /\bVGZ\b|\bcoöperatie vgz\b/giu],
  ['DSW', /\bDSW\b/gu],
  ['Zorg en Zekerheid', /\bzorg\s+(?:en|&)\s+zekerheid\b/giu],
  ['Salland', /\bsalland(?:\s+zorgverzekeringen)?\b/giu],
];

const NATIONAL = /\bzorgverzekeraars\s+nederland\b|\blandelijk(?:e)?\s+inkoopkader\b/iu;

/** Sectors as commonly abbreviated: the words a title uses for them (any case), and the abbreviation. */
const SECTORS: ReadonlyArray<readonly [string, RegExp, RegExp]> = [
  ['GGZ', /\bgeestelijke\s+gezondheidszorg\b/iu, /\bGGZ\b/u],
  ['GZ', /\bgehandicaptenzorg\b/iu, /\bGZ\b/u],
  ['VV', /\bverpleging\s+en\s+verzorging\b|\bouderenzorg\b/iu, /\bV&V\b|\bVV\b/u],
];

const ORDINALS: Readonly<Record<string, number>> = { eerste: 1, tweede: 2, derde: 3, vierde: 4, vijfde: 5, zesde: 6 };

/** "2024-2026", "2024 – 2026", "2024/2026" as a round; a single year is no round. */
const ROUND = /\b((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)?\d{2})\b/u;

/** The subject is what the title says the NvI is on: the words after "Nota van Inlichtingen (bij het)". */
const SUBJECT = /nota\s+van\s+inlichtingen(?:\s+\d{1,2}\b)?(?:\s*[:–-])?\s*(?:(?:bij|over|op|voor|inzake|betreffende)\s+)?(?:(?:het|de)\s+)?(.+)$/iu;

export function readSequence(text: string): number | null {
  const numbered = /\bnota\s+van\s+inlichtingen\s+(?:nr\.?\s*|nummer\s+)?(\d{1,2})\b(?!\s*[-–/]?\s*\d)/iu.exec(text) ?? /\bnvi\s+(\d{1,2})\b/iu.exec(text);
  if (numbered) return Number(numbered[1]);
  const ordinal = /\b(eerste|tweede|derde|vierde|vijfde|zesde)\s+nota\s+van\s+inlichtingen\b/iu.exec(text);
  return ordinal ? (ORDINALS[ordinal[1]!.toLowerCase()] ?? null) : null;
}

export function readSubject(title: string): string | null {
  const m = SUBJECT.exec(title.replace(/\s+/g, ' ').trim());
  const subject = m?.[1]?.replace(/[.\s]+$/, '').trim();
  if (!subject) return null;
  return subject.charAt(0).toUpperCase() + subject.slice(1);
}

export function readSector(text: string): string | null {
  for (const [sector, words, abbreviation] of SECTORS) if (words.test(text) || abbreviation.test(text)) return sector;
  return null;
}

export function readRound(text: string): string | null {
  const m = ROUND.exec(text);
  if (!m) return null;
  const end = m[2]!.length === 2 ? m[1]!.slice(0, 2) + m[2] : m[2]!;
  return Number(end) > Number(m[1]) ? `${m[1]}-${end}` : null;
}

/** The care office the text names most often; "ZN" for a national NvI. */
export function readPublisher(front: string, whole: string): string | null {
  if (NATIONAL.test(front)) return 'ZN';
  for (const text of [front, whole]) {
    let best: string | null = null;
    let most = 0;
    for (const [name, re] of CARE_OFFICES) {
      const n = text.match(re)?.length ?? 0;
      if (n > most) [best, most] = [name, n];
    }
    if (best) return best;
  }
  return null;
}

/**
 * Describes the NvI from its title (cover or metadata) and the pages before its first table
 * (`firstTablePage`; all pages when unknown).
 */
export function describeNota(pages: readonly PageItems[], title: string | null, firstTablePage: number | null): NotaDescription {
  const frontPages = pages.filter((p) => firstTablePage === null || p.page < firstTablePage);
  const textOf = (ps: readonly PageItems[]) => ps.flatMap((p) => groupLines(p.items).map((l) => l.text)).join('\n');
  const front = textOf(frontPages);
  const whole = textOf(pages);
  const subject = title ? readSubject(title) : null;
  const label = title ?? '';
  return {
    publisher: readPublisher(`${label}\n${front}`, whole),
    sector: readSector(subject ?? label),
    round: readRound(subject ?? label),
    subject,
    sequence: readSequence(label),
  };
}
