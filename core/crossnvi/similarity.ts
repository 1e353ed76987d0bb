/**
 * TF-IDF cosine between texts of one collection. Rare words weigh more: two questions that share
 * "hardheidsclausule" and "eigen vermogen" are more alike than two that share "zorg" and "tarief".
 * Term frequency is dampened (1 + log tf) so a word repeated in a long question does not dominate.
 */
export type Vector = ReadonlyMap<string, number>;

export class TermWeights {
  private readonly counts = new Map<string, number>();
  private docs = 0;

  add(terms: readonly string[]): void {
    this.docs++;
    for (const t of new Set(terms)) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }

  /** In how many of the texts added the term occurs. */
  df(term: string): number {
    return this.counts.get(term) ?? 0;
  }

  idf(term: string): number {
    return Math.log((this.docs + 1) / (this.df(term) + 1)) + 1;
  }

  /** Unit-length weighted vector of a term list. */
  vector(terms: readonly string[]): Vector {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, n] of tf) {
      const w = (1 + Math.log(n)) * this.idf(t);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of v) v.set(t, w / norm);
    return v;
  }
}

export function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}
