/**
 * Records of sibling NvIs as "the same question elsewhere" meets them: questions and answers
 * recombined from the gold set's sentences (the statistics of real Wlz text), spread over several
 * NvIs, with a share copied from an earlier record into another NvI — the question as it was or
 * reworded, the answer kept, rewritten or a short generic one — and a few copied within one NvI.
 * Seeded: the same arguments, the same records.
 */
import type { CrossRecord } from '../../core/crossnvi/same-question.ts';
import { readGold } from './gold.ts';
import { prng } from './prng.ts';

const SHORT_ANSWERS = ['Nee.', 'Ja.', 'Zie paragraaf 2.3.', 'Dat klopt.'];

export function siblingRecords(count: number, notas: number, seed = 1): CrossRecord[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const gold = readGold();
  const sentences = (text: string) => text.split(/(?<=[.?!])\s+/u).filter((s) => s.length > 0);
  const questions = gold.flatMap((r) => sentences(r.question));
  const answers = gold.flatMap((r) => sentences(r.answer));
  const some = (pool: readonly string[], max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(pool)).join(' ');
  // A rewording: one word left out and one put in, as a sibling NvI edits a copied question.
  const reword = (text: string) => {
    const words = text.split(' ');
    words.splice(Math.floor(random() * words.length), 1);
    words.splice(Math.floor(random() * words.length), 0, pick(pick(questions).split(' ')));
    return words.join(' ');
  };
  const records: CrossRecord[] = [];
  for (let i = 0; i < count; i++) {
    const nota = 1 + Math.floor(random() * notas);
    const roll = random();
    const earlier = records.length > 0 ? pick(records) : null;
    let question = some(questions, 3);
    let answer = some(answers, 3);
    if (earlier && roll < 0.55) {
      question = roll < 0.3 ? earlier.question : reword(earlier.question);
      const kind = random();
      answer = kind < 0.6 ? earlier.answer : kind < 0.85 ? some(answers, 3) : pick(SHORT_ANSWERS);
    }
    // Now and then a copy lands in the NvI of its original: never a link, and ties for the best.
    records.push({ key: 1000 + i, nota: earlier && roll < 0.05 ? earlier.nota : nota, question, answer });
  }
  return records;
}
