/** Ranking metrics over graded judgments (2 = answers it exactly, 1 = relevant). */

export type Judgments = Readonly<Record<string, number>>;

/** nDCG@k with gain 2^grade − 1 and a log2 discount; 1 when there is nothing to find. */
export function ndcg(ranked: readonly string[], judgments: Judgments, k = 10): number {
  const dcg = (grades: number[]) => grades.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg(Object.values(judgments).sort((a, b) => b - a).slice(0, k));
  if (ideal === 0) return 1;
  return dcg(ranked.slice(0, k).map((id) => judgments[id] ?? 0)) / ideal;
}

/** Reciprocal rank of the first relevant result within the top k. */
export function mrr(ranked: readonly string[], judgments: Judgments, k = 10): number {
  const rank = ranked.slice(0, k).findIndex((id) => (judgments[id] ?? 0) > 0);
  return rank < 0 ? 0 : 1 / (rank + 1);
}

/** Share of the relevant records found in the top k. */
export function recall(ranked: readonly string[], judgments: Judgments, k = 10): number {
  const relevant = Object.entries(judgments).filter(([, g]) => g > 0).map(([id]) => id);
  if (relevant.length === 0) return 1;
  const top = new Set(ranked.slice(0, k));
  return relevant.filter((id) => top.has(id)).length / relevant.length;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** A ranking with records of one group (the same answer) counted once, at the first one's place. */
export function groupRanking(ranked: readonly string[], groupOf: (id: string) => string): string[] {
  return [...new Set(ranked.map(groupOf))];
}

/** Judgments per group: a group is as relevant as its most relevant record. */
export function groupJudgments(judgments: Judgments, groupOf: (id: string) => string): Judgments {
  const grouped: Record<string, number> = {};
  for (const [id, grade] of Object.entries(judgments)) {
    const group = groupOf(id);
    grouped[group] = Math.max(grouped[group] ?? 0, grade);
  }
  return grouped;
}
