/**
 * "The same question elsewhere": for every record, the near-identical questions in other NvIs,
 * with whether the answer is the same. Computed once per publish over all active NvIs, so pages
 * only read the stored links. Candidates come from an inverted index on question terms, so the
 * cost grows with the pairs that share words, not with the square of the records.
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

interface Prepared {
  record: CrossRecord;
  question: Vector;
  answerTerms: string[];
}

/**
 * Both directions of every match: a → b and b → a, each with the same similarity. With `probe`,
 * only the matches of the records it selects (the NvIs a publish adds) are sought, against all
 * records; the term weights are still those of all records.
 */
export function findSameQuestions(
  records: readonly CrossRecord[],
  settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
  probe: (record: CrossRecord) => boolean = () => true,
): CrossLink[] {
  const questionWeights = new TermWeights();
  const answerWeights = new TermWeights();
  const terms = records.map((r) => contentTerms(r.question));
  const answerTerms = records.map((r) => contentTerms(r.answer));
  terms.forEach((t) => questionWeights.add(t));
  answerTerms.forEach((t) => answerWeights.add(t));
  const prepared: Prepared[] = records.map((record, i) => ({
    record,
    question: questionWeights.vector(terms[i]!),
    answerTerms: answerTerms[i]!,
  }));

  const postings = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const term of p.question.keys()) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(i);
    }
  });

  const links: CrossLink[] = [];
  const lowest = Math.min(settings.sameQuestion, settings.sameQuestionWithSameAnswer);
  const probed = records.map(probe);
  for (let i = 0; i < prepared.length; i++) {
    if (!probed[i]) continue;
    const a = prepared[i]!;
    const candidates = new Set<number>();
    // A pair of two probed records is compared once (from its first); any other pair from its probed side.
    for (const term of probeTerms(a.question, lowest)) for (const j of postings.get(term) ?? []) if (j > i || !probed[j]) candidates.add(j);
    for (const j of candidates) {
      const b = prepared[j]!;
      if (b.record.nota === a.record.nota) continue;
      const similarity = cosine(a.question, b.question);
      if (similarity < Math.min(settings.sameQuestion, settings.sameQuestionWithSameAnswer)) continue;
      const answers = cosine(answerWeights.vector(a.answerTerms), answerWeights.vector(b.answerTerms));
      const sameAnswer = answers >= settings.sameAnswer;
      const substantive = Math.min(a.answerTerms.length, b.answerTerms.length) >= SUBSTANTIVE_ANSWER_WORDS;
      if (similarity < settings.sameQuestion && !(sameAnswer && substantive && similarity >= settings.sameQuestionWithSameAnswer)) continue;
      const relation: Relation = sameAnswer ? 'same-answer' : 'different-answer';
      links.push({ from: a.record.key, to: b.record.key, similarity, relation });
      links.push({ from: b.record.key, to: a.record.key, similarity, relation });
    }
  }
  return keepBestPerNota(links, records, settings.maxPerNota);
}

/**
 * The terms of `v` a record at cosine ≥ `threshold` must share with it (prefix filtering, as in
 * all-pairs similarity search): leave out the lightest terms while their combined norm stays
 * below the threshold. Their contribution to any cosine is at most that norm (both vectors are
 * unit length and non-negative), so a pair that reaches the threshold shares one of the others.
 * The terms left out are the common ones with long postings, which made the comparison grow with
 * the square of the records (5,000 records: 6.6 s; 100,000: most of an hour) — exactly, not by
 * guessing which pairs to skip.
 */
export function probeTerms(v: Vector, threshold: number): string[] {
  const byWeight = [...v].sort((x, y) => x[1] - y[1]);
  // A margin for rounding: leave a term out only when that is certainly safe.
  const limit = (threshold - 1e-9) ** 2;
  let suffix = 0;
  let cut = 0;
  while (cut < byWeight.length && suffix + byWeight[cut]![1] ** 2 < limit) suffix += byWeight[cut++]![1] ** 2;
  return byWeight.slice(cut).map(([term]) => term);
}

function keepBestPerNota(links: CrossLink[], records: readonly CrossRecord[], max: number): CrossLink[] {
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
    list.sort((x, y) => y.similarity - x.similarity);
    kept.push(...list.slice(0, max));
  }
  return kept;
}
