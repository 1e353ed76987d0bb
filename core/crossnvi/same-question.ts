/**
 * "The same question elsewhere": for every record, the near-identical questions in other NvIs,
 * with whether the answer is the same. Computed at publish for the NvIs added (and in full once,
 * when the links are introduced), so pages only read the stored links. Candidates come from
 * inverted indexes on the rare terms of questions and answers (prefix filtering), so the cost
 * grows with the pairs that share rare words, not with the square of the records.
 */
import { contentTerms } from './terms.ts';
import { cosine, TermWeights, type Vector } from './similarity.ts';
import { MAX_PER_NOTA, SAME_ANSWER, SAME_QUESTION, SAME_QUESTION_WITH_SAME_ANSWER, SUBSTANTIVE_ANSWER_WORDS } from './settings.ts';

export interface CrossRecord {
  /** Opaque key the caller uses to store the result (a row id). */
  key: number;
  /** Which NvI the record is in: matches are only sought in other NvIs. */
  nota: number;
  question: string;
  answer: string;
}

export type Relation = 'same-answer' | 'different-answer';

export interface CrossLink {
  from: number;
  to: number;
  similarity: number;
  relation: Relation;
}

export interface MatchSettings {
  sameQuestion: number;
  sameAnswer: number;
  sameQuestionWithSameAnswer: number;
  maxPerNota: number;
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  sameQuestion: SAME_QUESTION,
  sameAnswer: SAME_ANSWER,
  sameQuestionWithSameAnswer: SAME_QUESTION_WITH_SAME_ANSWER,
  maxPerNota: MAX_PER_NOTA,
};

/** The records as the comparison sees them: weighted question and answer vectors. */
export interface Prepared {
  records: readonly CrossRecord[];
  questions: Vector[];
  answers: Vector[];
  /** Whether the answer has enough words to prove anything (see SUBSTANTIVE_ANSWER_WORDS). */
  substantive: boolean[];
  questionWeights: TermWeights;
  answerWeights: TermWeights;
}

/** Term weights over all the records, and each record's vectors under them. */
export function prepare(records: readonly CrossRecord[]): Prepared {
  const questionWeights = new TermWeights();
  const answerWeights = new TermWeights();
  const questionTerms = records.map((r) => contentTerms(r.question));
  const answerTerms = records.map((r) => contentTerms(r.answer));
  questionTerms.forEach((t) => questionWeights.add(t));
  answerTerms.forEach((t) => answerWeights.add(t));
  return {
    records,
    questions: questionTerms.map((t) => questionWeights.vector(t)),
    answers: answerTerms.map((t) => answerWeights.vector(t)),
    substantive: answerTerms.map((t) => t.length >= SUBSTANTIVE_ANSWER_WORDS),
    questionWeights,
    answerWeights,
  };
}

/** Whether records `i` and `j` (of other NvIs) ask the same question, and how their answers relate. */
export function matchPair(p: Prepared, i: number, j: number, settings: MatchSettings): { similarity: number; relation: Relation } | null {
  // The first record first: a cosine sums in the order of one of its vectors, so (j, i) could
  // differ from (i, j) in the last bit, and a publish and a full computation would disagree.
  if (j < i) [i, j] = [j, i];
  const similarity = cosine(p.questions[i]!, p.questions[j]!);
  if (similarity < Math.min(settings.sameQuestion, settings.sameQuestionWithSameAnswer)) return null;
  const sameAnswer = cosine(p.answers[i]!, p.answers[j]!) >= settings.sameAnswer;
  const substantive = p.substantive[i]! && p.substantive[j]!;
  if (similarity < settings.sameQuestion && !(sameAnswer && substantive && similarity >= settings.sameQuestionWithSameAnswer)) return null;
  return { similarity, relation: sameAnswer ? 'same-answer' : 'different-answer' };
}

/**
 * Both directions of every match: a → b and b → a, each with the same similarity. With `probe`,
 * only the matches of the records it selects (the NvIs a publish adds) are sought, against all
 * records; the term weights are still those of all records. A full computation (every record
 * probed) finds each pair once, from its first record.
 */
export function findSameQuestions(
  records: readonly CrossRecord[],
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
  probe: (record: CrossRecord) => boolean = () => true,
): CrossLink[] {
  const p = prepare(records);
  // A pair is a match by its questions (similarity ≥ sameQuestion), or by the same substantive
  // answer (answer similarity ≥ sameAnswer) with a lower bar for the questions. Each way has a
  // high threshold of its own, so each gets its own prefix index; a match is in one of them.
  const byQuestion = new PrefixIndex(p.questions, settings.sameQuestion, p.questionWeights);
  const byAnswer = new PrefixIndex(p.answers, settings.sameAnswer, p.answerWeights, p.substantive);

  const links: CrossLink[] = [];
  const probed = records.map(probe);
  for (let i = 0; i < records.length; i++) {
    if (!probed[i]) continue;
    const a = records[i]!;
    // A pair of two probed records is compared once (from its first); any other pair from its probed side.
    const keep = (j: number) => (j > i || !probed[j]) && records[j]!.nota !== a.nota;
    const candidates = new Set<number>();
    byQuestion.collect(i, keep, candidates);
    if (p.substantive[i]) byAnswer.collect(i, keep, candidates);
    for (const j of candidates) {
      const match = matchPair(p, i, j, settings);
      if (!match) continue;
      const b = records[j]!;
      links.push({ from: a.key, to: b.key, ...match });
      links.push({ from: b.key, to: a.key, ...match });
    }
  }
  return keepBestPerNota(links, records, settings.maxPerNota);
}

/**
 * The terms of `v` that a vector at cosine ≥ `threshold` with it must share with it, when both
 * are cut the same way (prefix filtering, as in all-pairs similarity search): the terms in
 * `order` (rarest first), without the longest tail of common terms whose combined norm stays
 * below the threshold. If two vectors shared no term in both their prefixes, every shared term
 * would lie in the tail of the one whose prefix ends first in that order, and their cosine would
 * be at most that tail's norm (unit vectors, non-negative weights): below the threshold. So
 * indexing and probing only the prefixes misses no pair, and leaves out the common terms whose
 * long postings made the comparison grow with the square of the records.
 */
export function prefixTerms(v: Vector, threshold: number, order: (x: string, y: string) => number): string[] {
  const terms = [...v.keys()].sort(order);
  // At or below zero every pair qualifies; then no term may be left out.
  if (threshold <= 0) return terms;
  // A margin for rounding: leave a term out only when that is certainly safe.
  const limit = (threshold - 1e-9) ** 2;
  let tail = 0;
  let cut = terms.length;
  while (cut > 0 && tail + v.get(terms[cut - 1]!)! ** 2 < limit) tail += v.get(terms[--cut]!)! ** 2;
  return terms.slice(0, cut);
}

/** Rarest first (fewest records), ties by the term itself: one order for every vector of a collection. */
export function rarestFirst(weights: TermWeights): (x: string, y: string) => number {
  return (x, y) => weights.df(x) - weights.df(y) || (x < y ? -1 : x > y ? 1 : 0);
}

/** An inverted index on the prefix terms of each vector (see `prefixTerms`), for one threshold. */
class PrefixIndex {
  private readonly prefixes: string[][];
  private readonly postings = new Map<string, number[]>();

  /** `included`: the vectors that can match at all (the others are neither indexed nor probed). */
  constructor(vectors: readonly Vector[], threshold: number, weights: TermWeights, included?: readonly boolean[]) {
    const order = rarestFirst(weights);
    this.prefixes = vectors.map((v, i) => (included && !included[i] ? [] : prefixTerms(v, threshold, order)));
    this.prefixes.forEach((terms, i) => {
      for (const term of terms) {
        let list = this.postings.get(term);
        if (!list) this.postings.set(term, (list = []));
        list.push(i);
      }
    });
  }

  /** Adds to `into` the vectors that share a prefix term with vector `i` and that `keep` accepts. */
  collect(i: number, keep: (j: number) => boolean, into: Set<number>): void {
    for (const term of this.prefixes[i]!) for (const j of this.postings.get(term)!) if (!into.has(j) && keep(j)) into.add(j);
  }
}

/** Per record and other NvI, the `max` links of highest similarity. */
export function keepBestPerNota(links: CrossLink[], records: readonly CrossRecord[], max: number): CrossLink[] {
  const notaOf = new Map(records.map((r) => [r.key, r.nota]));
  const byTarget = new Map<string, CrossLink[]>();
  for (const link of links) {
    const k = `${link.from}:${notaOf.get(link.to)}`;
    let list = byTarget.get(k);
    if (!list) byTarget.set(k, (list = []));
    list.push(link);
  }
  const kept: CrossLink[] = [];
  for (const list of byTarget.values()) {
    // Equal similarities by key: the links kept do not depend on the order pairs were found in.
    list.sort((x, y) => y.similarity - x.similarity || x.to - y.to);
    kept.push(...list.slice(0, max));
  }
  return kept;
}
