/**
 * Dutch word forms: a small stopword list and Snowball stemming with two repairs for misses that
 * matter in this corpus (measured in docs/relevance.md).
 */
import snowball from 'snowball-stemmers';
import { hasDigit } from './text.ts';

/**
 * Function words only. Words that change the meaning of a question stay searchable: negation and
 * modality (niet, geen, wel, moet, mag, kan, kunnen, moeten, mogen) and domain words such as zorg.
 * Question words (wat, welke, hoe, waar, wie) are dropped: nearly every record is a question, so
 * they only add noise to the "contains every word" rule.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'aan al als bij ben bent daar dan dat de deze der des die dit door dus een en er had hadden heb ' +
    'hebben heeft het hier hij hoe hun ik in is je jij me men met mij mijn naar of om onze ons op ' +
    'over te ten ter tot u uit uw van voor waar was waren wat we welk welke werd werden wie wij ' +
    'word wordt worden ze zich zij zijn zo zal zullen zou zouden'
  ).split(' '),
);

const snowballDutch = snowball.newStemmer('dutch');

export interface StemOptions {
  /** Repair the Snowball misses listed at stem() (on by default; off only to measure them). */
  repairs: boolean;
}

export const DEFAULT_STEM_OPTIONS: StemOptions = { repairs: true };

const DOUBLED_CONSONANT_END = /([^aeiou])\1$/;
/** "indicaties", "percentages", "codes", "keuzes"; not "-ces": proces and succes are singular. */
const PLURAL_S_END = /(?:ie|[^aeiouc]e)s$/;

/**
 * Stems a folded token. Snowball keeps these inflections apart, so they are repaired (the
 * measurement is in docs/relevance.md):
 * - "-ieel" against "-iële" (financieel, initieel), the "eee" that folding makes of "reëel", and
 *   "-iën" plurals ("categorieën");
 * - plurals in -s after a vowel: Snowball only drops an s after a consonant, so "indicaties",
 *   "percentages" and "codes" kept their s;
 * - doubled consonants other than d, k, t: "plannen", "gevallen", "processen";
 * - voiced stem ends: "tarieven" → "tariev" against "tarief", "huizen" → "huiz" against "huis".
 *   Devoicing applies only to a word that lost a suffix, so abbreviations like "wlz" stay as they are.
 * The repairs run on Snowball's output, so both forms of a pair go through the same steps
 * ("advies" and "adviezen" both end as "advie"). Tokens with digits are codes and are not stemmed.
 */
export function stem(folded: string, options: StemOptions = DEFAULT_STEM_OPTIONS): string {
  if (folded.length < 3 || hasDigit(folded)) return folded;
  const cache = options.repairs ? repairedStems : plainStems;
  let stemmed = cache.get(folded);
  if (stemmed === undefined) {
    stemmed = options.repairs ? repairedStem(folded) : snowballDutch.stem(folded);
    if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
    cache.set(folded, stemmed);
  }
  return stemmed;
}

/**
 * Snowball is costly per call and a corpus repeats its words: every analyzer (the index build's
 * two passes, each loaded snapshot, the queries) shares one bounded cache of stems per option.
 */
const repairedStems = new Map<string, string>();
const plainStems = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

function repairedStem(folded: string): string {
  const word = folded.replace(/eee/g, 'ee').replace(/ieel$/, 'iel').replace(/ieen$/, 'ie');
  let stemmed = dropPluralS(snowballDutch.stem(word));
  if (DOUBLED_CONSONANT_END.test(stemmed)) stemmed = stemmed.slice(0, -1);
  if (stemmed === folded) return stemmed;
  const last = stemmed.at(-1);
  if (last === 'v') return `${stemmed.slice(0, -1)}f`;
  if (last === 'z') return dropPluralS(`${stemmed.slice(0, -1)}s`);
  return stemmed;
}

/** "-ies" loses its s ("indicatie" stays whole), other "-es" its "es" as Snowball drops a final e. */
function dropPluralS(stemmed: string): string {
  if (stemmed.length < 5 || !PLURAL_S_END.test(stemmed)) return stemmed;
  return stemmed.endsWith('ies') ? stemmed.slice(0, -1) : stemmed.slice(0, -2);
}
