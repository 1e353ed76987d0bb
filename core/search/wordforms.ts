/**
 * Other forms of a Dutch word that Snowball keeps apart: the past participle and the noun made
 * from the same verb ("gewijzigd" / "wijziging", "afgewezen" / "afwijzing", "bemiddelt" /
 * "bemiddeling", "indexeren" / "indexering"). Snowball strips inflection endings but leaves the
 * participle's ge- and -d/-t, and it has no rule for -ing, so these forms get different stems.
 *
 * The forms made here are guesses: most are no words. The planner keeps only those whose stem the
 * index has (plan.ts), at a lower weight than the word as typed.
 */

/** Separable verb prefixes: the participle takes ge- after them ("af-ge-wezen", "toe-ge-licht"). */
export const SEPARABLE_PREFIXES = ['aan', 'af', 'bij', 'door', 'in', 'mee', 'na', 'om', 'op', 'over', 'terug', 'toe', 'uit', 'vast', 'voor', 'weg'];

/**
 * Vowels of strong verbs that change between participle and noun or infinitive: "gewezen" /
 * "wijzing", "gesloten" / "sluiting", "gebonden" / "binding". Only the last vowel of a root changes.
 */
const VOWEL_CHANGES: Readonly<Record<string, readonly string[]>> = {
  e: ['ij', 'i'],
  ee: ['ij'],
  o: ['ui', 'i', 'ie'],
  oo: ['ui', 'ie'],
  ij: ['e', 'ee'],
  ui: ['o', 'oo'],
  i: ['o'],
  ie: ['o', 'oo'],
};

/** The shortest word this applies to, and the shortest root left after taking endings off. */
export const WORDFORM_LIMITS = { minWord: 5, minRoot: 3 } as const;

const ALPHABETIC = /^\p{L}+$/u;
const LAST_VOWEL_GROUP = /(ij|ui|ie|aa|ee|oo|uu|[aeiou])([^aeiouy]+)$/u;

/** Endings taken off to find a root, longest first: noun, infinitive or plural, participle. */
const ENDINGS = ['ingen', 'ing', 'en', 'd', 't'];

/**
 * Roots of a folded word: the word without a participle's ge- (also after a separable prefix),
 * without the endings -d/-t/-en/-e and without the noun ending -ing(en).
 */
export function wordRoots(word: string): string[] {
  if (word.length < WORDFORM_LIMITS.minWord || !ALPHABETIC.test(word)) return [];
  const roots = new Set<string>();
  const forms = [word];
  if (word.endsWith('e')) forms.push(word.slice(0, -1)); // inflected: "gevalideerde"
  for (const form of forms) {
    const bases = [form];
    const participle = /(?:d|t|en)$/u.test(form);
    if (participle && form.startsWith('ge') && form.length - 2 >= WORDFORM_LIMITS.minRoot + 1) bases.push(form.slice(2));
    for (const prefix of SEPARABLE_PREFIXES) {
      if (participle && form.startsWith(`${prefix}ge`) && form.length > prefix.length + 2 + WORDFORM_LIMITS.minRoot) {
        bases.push(prefix + form.slice(prefix.length + 2));
      }
    }
    for (const base of bases) {
      // A form without an ending is a root itself ("wissel"); otherwise its stripped form is.
      const ending = ENDINGS.find((e) => base.endsWith(e));
      roots.add(ending ? base.slice(0, -ending.length) : base);
      // A -d or -t may belong to the verb ("toegelicht": toelicht-en), so the base stays a root too.
      if (ending === 'd' || ending === 't') roots.add(base);
    }
  }
  return [...roots].filter((r) => r.length >= WORDFORM_LIMITS.minRoot);
}

/** The root with its last vowel written long or short, as Dutch spelling alternates it. */
function spellings(root: string): string[] {
  const out = [root];
  const match = LAST_VOWEL_GROUP.exec(root);
  if (!match) return out;
  const [, vowel = '', tail = ''] = match;
  const head = root.slice(0, root.length - vowel.length - tail.length);
  if (vowel.length === 1 && tail.length === 1 && vowel !== 'i') out.push(`${head}${vowel}${vowel}${tail}`); // motiver → motiveer
  if (vowel.length === 2 && vowel[0] === vowel[1]) out.push(`${head}${vowel[0]}${tail}`); // indexeer → indexer
  return out;
}

/** The root with the last vowel changed as strong verbs change it. */
function vowelChanges(root: string): string[] {
  const match = LAST_VOWEL_GROUP.exec(root);
  if (!match) return [];
  const [, vowel = '', tail = ''] = match;
  const head = root.slice(0, root.length - vowel.length - tail.length);
  return (VOWEL_CHANGES[vowel] ?? []).map((v) => `${head}${v}${tail}`);
}

/** Participles of a root: ge-…-d/-t/-en, with ge- after a separable prefix. */
function participles(root: string): string[] {
  if (root.startsWith('ge')) return [];
  const out: string[] = [];
  const withGe = [`ge${root}`];
  for (const prefix of SEPARABLE_PREFIXES) {
    if (root.startsWith(prefix) && root.length - prefix.length >= WORDFORM_LIMITS.minRoot) {
      withGe.push(`${prefix}ge${root.slice(prefix.length)}`);
    }
  }
  for (const form of withGe) out.push(`${form}d`, `${form}t`, `${form}en`);
  return out;
}

/**
 * Latin nouns in Dutch take the Latin plural: -um / -a ("centrum" / "centra", "criterium" /
 * "criteria", "museum" / "musea"), which no suffix rule of Snowball or of this file joins. Short
 * words are left alone ("data" is no plural of "datum", a date).
 */
const LATIN_PLURAL = { singular: 'um', plural: 'a', minWord: 6 } as const;

export function latinNumberForms(word: string): string[] {
  if (word.length < LATIN_PLURAL.minWord || !ALPHABETIC.test(word)) return [];
  if (word.endsWith(LATIN_PLURAL.singular)) return [word.slice(0, -LATIN_PLURAL.singular.length) + LATIN_PLURAL.plural];
  if (word.endsWith(LATIN_PLURAL.plural) && !word.endsWith('aa')) return [word.slice(0, -LATIN_PLURAL.plural.length) + LATIN_PLURAL.singular];
  return [];
}

/**
 * Candidate forms of the same verb or noun as `word` (folded), without the word itself: roots,
 * infinitives, -ing nouns and participles, with long and short vowel spellings, and strong verbs'
 * vowel changes for words that are a participle in -en or an -ing noun, and the Latin singular or
 * plural of a noun in -um or -a.
 */
export function wordForms(word: string): string[] {
  const forms = new Set<string>(latinNumberForms(word));
  const strong = /^(?:\p{L}*ge\p{L}+en|\p{L}+ing(?:en)?)$/u.test(word);
  for (const root of wordRoots(word)) {
    const variants = new Set(spellings(root));
    if (strong) for (const changed of vowelChanges(root)) for (const s of spellings(changed)) variants.add(s);
    for (const v of variants) {
      forms.add(v);
      forms.add(`${v}en`);
      forms.add(`${v}ing`);
      for (const p of participles(v)) forms.add(p);
    }
  }
  forms.delete(word);
  return [...forms];
}
