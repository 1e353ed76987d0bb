/**
 * Precision and recall of "the same question elsewhere" on the judged sample: per half (tune,
 * holdout), per NvI pair kind (across sectors, across rounds), for a sweep of thresholds, and on
 * the exhaustively judged records. Run: npm run crossnvi
 */
import { findSameQuestions, DEFAULT_MATCH_SETTINGS, type CrossLink } from '../../core/crossnvi/same-question.ts';
import { half, readExhaustive, readPairs, readRecords } from './judged.ts';

const records = readRecords();
const index = new Map(records.map((r, i) => [r.name, i]));
const notaNumber = new Map([...new Set(records.map((r) => r.nota))].map((n, i) => [n, i]));

export function linksAt(sameQuestion: number, extra: Partial<typeof DEFAULT_MATCH_SETTINGS> = {}): Map<string, CrossLink> {
  const links = findSameQuestions(
    records.map((r, key) => ({ key, nota: notaNumber.get(r.nota)!, question: r.question, answer: r.answer })),
    { ...DEFAULT_MATCH_SETTINGS, sameQuestion, maxPerNota: Number.POSITIVE_INFINITY, ...extra },
  );
  return new Map(links.map((l) => [`${l.from}>${l.to}`, l]));
}

interface Score {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

function score(predicted: (a: string, b: string) => boolean, pairs: ReturnType<typeof readPairs>): Score {
  let tp = 0, fp = 0, fn = 0;
  for (const p of pairs) {
    const hit = predicted(p.a, p.b);
    if (hit && p.same) tp++;
    else if (hit) fp++;
    else if (p.same) fn++;
  }
  return { precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn };
}

const fmt = (s: Score) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

function main(): void {
  const pairs = readPairs();
  const tune = pairs.filter((p) => half(p) === 'tune');
  const holdout = pairs.filter((p) => half(p) === 'holdout');
  console.log(`judged pairs: ${pairs.length} (${pairs.filter((p) => p.same).length} same); tune ${tune.length}, holdout ${holdout.length}`);
  console.log('\nthreshold sweep (question similarity), tune | holdout');
  for (const t of [0.4, 0.5, 0.6, 0.7, 0.8, 0.9]) {
    const links = linksAt(t);
    const has = (a: string, b: string) => links.has(`${index.get(a)}>${index.get(b)}`);
    console.log(`  ${t.toFixed(2)}  ${fmt(score(has, tune))} | ${fmt(score(has, holdout))}`);
  }
  console.log('\nwith the same substantive answer, question similarity from (at the chosen setting above it), tune | holdout');
  for (const t of [0.15, 0.2, 0.25, 0.3, 0.4]) {
    const links = linksAt(DEFAULT_MATCH_SETTINGS.sameQuestion, { sameQuestionWithSameAnswer: t });
    const has = (a: string, b: string) => links.has(`${index.get(a)}>${index.get(b)}`);
    console.log(`  ${t.toFixed(2)}  ${fmt(score(has, tune))} | ${fmt(score(has, holdout))}`);
  }
  const chosen = DEFAULT_MATCH_SETTINGS.sameQuestion;
  const links = linksAt(chosen);
  const has = (a: string, b: string) => links.has(`${index.get(a)}>${index.get(b)}`);
  console.log(`\nchosen setting: question ${chosen}, or ${DEFAULT_MATCH_SETTINGS.sameQuestionWithSameAnswer} with the same answer (${DEFAULT_MATCH_SETTINGS.sameAnswer}):`);
  for (const [name, set] of [['tune', tune], ['holdout', holdout], ['all', pairs]] as const) {
    console.log(`  ${name.padEnd(8)} ${fmt(score(has, set))}`);
    const sectors = set.filter((p) => p.a.split('#')[0]!.endsWith('2024-2026') && p.b.split('#')[0]!.endsWith('2024-2026'));
    const rounds = set.filter((p) => !sectors.includes(p));
    console.log(`    across sectors ${fmt(score(has, sectors))}`);
    console.log(`    across rounds  ${fmt(score(has, rounds))}`);
  }
  const positives = pairs.filter((p) => p.same && p.answer && has(p.a, p.b));
  const rightRelation = positives.filter((p) => {
    const link = links.get(`${index.get(p.a)}>${index.get(p.b)}`)!;
    return (link.relation === 'same-answer') === (p.answer === 'same');
  });
  console.log(`  answer same/different right on ${rightRelation.length} of ${positives.length} found pairs`);

  // Exhaustive: every GZ record judged for 30 sampled GGZ records, so both errors are counted.
  let tp = 0, fp = 0, fn = 0;
  for (const e of readExhaustive()) {
    const from = index.get(e.record)!;
    const found = new Set(
      [...links.values()].filter((l) => l.from === from && records[l.to]!.nota === 'nvi-gz-2024-2026').map((l) => records[l.to]!.name),
    );
    for (const s of e.same) if (found.has(s)) tp++; else fn++;
    for (const f of found) if (!e.same.includes(f)) fp++;
  }
  console.log(`\nexhaustive sample (30 GGZ records against all of GZ): ${fmt({ precision: tp + fp ? tp / (tp + fp) : 1, recall: tp + fn ? tp / (tp + fn) : 1, tp, fp, fn })}`);
}

main();
