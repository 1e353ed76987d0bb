/**
 * "The same paragraph in other NvIs": sibling NvIs of one round (GGZ, GZ, VV of a care office)
 * share most of their purchasing policy, paragraph for paragraph, and a later round keeps many
 * paragraphs with a reworded title. The rule, per pair of paragraphs in different NvIs:
 *
 * - `same`: the same number and the same title once folded (case, accents, punctuation and
 *   spacing ignored): "6.1 De inkoopprocedure kent een aantal beginselen" in both. Paragraphs
 *   without a number match by title alone ("Leeswijzer").
 * - `similar`: the NvIs are of different, known rounds, the number is the same, and the titles
 *   share at least SIMILAR_TITLE of their words (Jaccard of folded word sets).
 *
 * Linear in the number of paragraphs: only paragraphs with the same number are compared.
 */
import { fold } from '../text/fold.ts';

/**
 * Share of title words (Jaccard) from which a numbered paragraph of another round counts as the
 * same paragraph. A later round rewords a title a little ("Welk tijdpad geldt voor het
 * inkoopproces 2021?" → "…2024?" shares 6 of 8 words, 0.75); with two thirds of the words, a
 * short title differing in its one subject word ("Tariefafspraken voor complexe zorg" vs "…
 * reguliere zorg", 3 of 5, 0.6) is no match. The same number is required as well.
 */
export const SIMILAR_TITLE = 2 / 3;

export type ParagraphRelation = 'same' | 'similar';

export interface ParagraphIdentity {
  /** The NvI it is in: paragraphs of one NvI are never linked. */
  nota: number;
  /** The NvI's purchasing round ("2024-2026"), null when unknown. */
  round: string | null;
  /** The printed label: "2.7 Duurzaamheid". */
  label: string;
}

const NUMBER = /^(\d+(?:\.\d+)*)\.?(?=\s|$)/u;

/** A label's number ("2.7", "" when it has none) and its folded title words. */
export function splitParagraphLabel(label: string): { number: string; words: string[] } {
  const trimmed = label.trim();
  const number = NUMBER.exec(trimmed)?.[1] ?? '';
  const words = fold(trimmed.slice(number.length))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return { number, words };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * For each paragraph (by index), the paragraphs of other NvIs that are the same one, in input
 * order: `same` for the same number and title, `similar` for the same number and a similar title
 * in another round.
 */
export function findSameParagraphs<T extends ParagraphIdentity>(paragraphs: readonly T[]): Array<Array<{ index: number; relation: ParagraphRelation }>> {
  const parts = paragraphs.map((p) => {
    const { number, words } = splitParagraphLabel(p.label);
    return { number, title: words.join(' '), words: new Set(words) };
  });
  const byNumber = new Map<string, number[]>();
  parts.forEach((p, i) => {
    if (p.title === '') return;
    // Unnumbered paragraphs can only be the same by title: bucket them by it, so a corpus of many
    // unnumbered sections is not compared pair by pair.
    const bucket = p.number === '' ? `\u0000${p.title}` : p.number;
    const list = byNumber.get(bucket);
    if (list) list.push(i);
    else byNumber.set(bucket, [i]);
  });
  const out = paragraphs.map(() => [] as Array<{ index: number; relation: ParagraphRelation }>);
  for (const members of byNumber.values()) {
    for (const i of members) {
      const a = paragraphs[i]!;
      for (const j of members) {
        const b = paragraphs[j]!;
        if (a.nota === b.nota) continue;
        if (parts[i]!.title === parts[j]!.title) out[i]!.push({ index: j, relation: 'same' });
        else if (
          parts[i]!.number !== '' &&
          a.round !== null && b.round !== null && a.round !== b.round &&
          jaccard(parts[i]!.words, parts[j]!.words) >= SIMILAR_TITLE
        ) {
          out[i]!.push({ index: j, relation: 'similar' });
        }
      }
    }
  }
  return out;
}
