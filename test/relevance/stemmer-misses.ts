/**
 * Measures how often the Snowball Dutch stemmer keeps two inflections of one word apart, with and
 * without the repairs in server/search/dutch.ts. The vocabulary is the bundled NvI plus the Dutch
 * background texts in ../shared/seeds when present.
 *
 *   npx tsx test/relevance/stemmer-misses.ts [--list]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stem } from '../../core/search/dutch.ts';
import { fold } from '../../core/text/fold.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function corpusFiles(): string[] {
  const seeds = path.join(ROOT, '..', 'shared', 'seeds');
  const files = [path.join(ROOT, 'test', 'fixtures', 'nvi-2021-2023.gold.jsonl')];
  if (fs.existsSync(seeds)) files.push(...fs.readdirSync(seeds).map((f) => path.join(seeds, f)));
  return files;
}

function vocabulary(files: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const file of files) {
    for (const [word] of fold(fs.readFileSync(file, 'utf8')).matchAll(/\p{L}{3,}/gu)) {
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return counts;
}

const VOWEL = /[aeiou]/;
const LONG_VOWEL_END = /^(.*[^aeiou])(aa|ee|oo|uu)([^aeiou])$/;

/** Regular Dutch inflections of a base form: plural, inflected adjective, f/v and s/z voicing. */
function inflections(base: string): string[] {
  const forms = [`${base}en`, `${base}s`, `${base}e`];
  const last = base.at(-1) ?? '';
  const voiced = last === 'f' ? 'v' : last === 's' ? 'z' : last;
  const long = LONG_VOWEL_END.exec(base);
  // A long vowel in a closed syllable is written single in an open one: jaar → jaren.
  const open = long ? `${long[1]}${long[2]?.[0]}` : null;
  if (open) forms.push(`${open}${voiced}en`, `${open}${voiced}e`);
  else if (voiced !== last) forms.push(`${base.slice(0, -1)}${voiced}en`, `${base.slice(0, -1)}${voiced}e`);
  // A short vowel keeps its sound by doubling the consonant: budget → budgetten.
  if (!open && !VOWEL.test(last) && VOWEL.test(base.at(-2) ?? '')) forms.push(`${base}${last}en`);
  return forms;
}

interface Pair {
  base: string;
  form: string;
  count: number;
}

function inflectionPairs(vocab: Map<string, number>): Pair[] {
  const pairs: Pair[] = [];
  for (const [base, baseCount] of vocab) {
    if (base.length < 4) continue;
    for (const form of inflections(base)) {
      const formCount = vocab.get(form);
      if (formCount !== undefined) pairs.push({ base, form, count: baseCount + formCount });
    }
  }
  return pairs;
}

export interface StemmerMeasurement {
  vocabulary: number;
  pairs: number;
  occurrences: number;
  splitRaw: Pair[];
  splitRepaired: Pair[];
  /** Word pairs the repairs newly put under one stem, to check for false merges. */
  newMerges: string[][];
}

export function measureStemmer(): StemmerMeasurement {
  const vocab = vocabulary(corpusFiles());
  const pairs = inflectionPairs(vocab);
  const raw = (w: string) => stem(w, { repairs: false });
  const repaired = (w: string) => stem(w);
  const groups = new Map<string, Set<string>>();
  for (const word of vocab.keys()) {
    const key = repaired(word);
    const group = groups.get(key) ?? new Set<string>();
    group.add(word);
    groups.set(key, group);
  }
  const newMerges = [...groups.values()]
    .map((g) => [...g])
    .filter((g) => new Set(g.map(raw)).size > 1);
  return {
    vocabulary: vocab.size,
    pairs: pairs.length,
    occurrences: pairs.reduce((n, p) => n + p.count, 0),
    splitRaw: pairs.filter((p) => raw(p.base) !== raw(p.form)),
    splitRepaired: pairs.filter((p) => repaired(p.base) !== repaired(p.form)),
    newMerges,
  };
}

function share(part: Pair[], m: StemmerMeasurement): string {
  const occurrences = part.reduce((n, p) => n + p.count, 0);
  return `${part.length} of ${m.pairs} pairs (${((100 * part.length) / m.pairs).toFixed(1)}%), ` +
    `${((100 * occurrences) / m.occurrences).toFixed(1)}% of their occurrences`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const m = measureStemmer();
  console.log(`vocabulary: ${m.vocabulary} folded words`);
  console.log(`inflection pairs found in the vocabulary: ${m.pairs}`);
  console.log(`kept apart by Snowball alone:   ${share(m.splitRaw, m)}`);
  console.log(`kept apart after the repairs:   ${share(m.splitRepaired, m)}`);
  console.log(`word groups newly merged by the repairs: ${m.newMerges.length}`);
  if (process.argv.includes('--list')) {
    const show = (p: Pair) => `${p.base}/${p.form} (${stem(p.base)}|${stem(p.form)})`;
    console.log('\nstill apart:', m.splitRepaired.sort((a, b) => b.count - a.count).map(show).join(', '));
    console.log('\nnewly merged:', m.newMerges.map((g) => g.join('/')).join(', '));
  }
}
