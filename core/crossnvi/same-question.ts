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

/** Both directions of every match: a → b and b → a, each with the same similarity. */
export function findSameQuestions(records: readonly CrossRecord[], settings: MatchSettings = DEFAULT_MATCH_SETTINGS): CrossLink[] {
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
  for (let i = 0; i < prepared.length; i++) {
    const a = prepared[i]!;
    const candidates = new Set<number>();
    for (const term of a.question.keys()) for (const j of postings.get(term) ?? []) if (j > i) candidates.add(j);
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
