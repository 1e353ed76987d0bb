/**
 * The judged query sets: test/relevance/queries.json on the 2021-2023 NvI (halves in
 * splits-2021.json) and queries-2024.json on the 2024-2026 GGZ and GZ NvIs (each query names its
 * half). Judgments were made by reading records before the engine ran a query.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Judgments } from './metrics.ts';

export const KINDS = ['keyword', 'wordform', 'typo', 'accent', 'question', 'synonym', 'vid', 'paragraph', 'compound', 'noanswer'] as const;
export type QueryKind = (typeof KINDS)[number];

export const SPLITS = ['tune', 'holdout'] as const;
export type Split = (typeof SPLITS)[number];

export interface RelevanceQuery {
  id: string;
  kind: QueryKind;
  query: string;
  relevant: Judgments;
  /**
   * Judgments added by pooling (docs/relevance.md "Pooled judgments"): records in the top 10 of the
   * engine or of FTS5 on any set that had no judgment, judged afterwards by reading, on the same
   * scale; 0 = read and not relevant. Records of any NvI.
   */
  pooled?: Judgments;
  split: Split;
}

/**
 * The judgments a query is scored with on a corpus: the original ones, and with `pooled` the pooled
 * ones, each only for records the corpus has (a pooled record of another NvI counts where that NvI
 * is searched too).
 */
export function judgmentsOf(q: RelevanceQuery, knownKeys: ReadonlySet<string>, pooled: boolean): Judgments {
  const out: Record<string, number> = { ...q.relevant };
  if (pooled) {
    for (const [key, grade] of Object.entries(q.pooled ?? {})) if (grade > 0 && knownKeys.has(key)) out[key] = grade;
  }
  return out;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
const readJson = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(HERE, name), 'utf8')) as T;

export function queries2021(): RelevanceQuery[] {
  const splits = readJson<Record<string, Split>>('splits-2021.json');
  return readJson<Array<Omit<RelevanceQuery, 'split'>>>('queries.json').map((q) => {
    const split = splits[q.id];
    if (split === undefined) throw new Error(`${q.id}: not in splits-2021.json`);
    return { ...q, split };
  });
}

export function queries2024(): RelevanceQuery[] {
  return readJson<RelevanceQuery[]>('queries-2024.json');
}

/** Throws on a query that is malformed or names a record the corpus does not have. */
export function checkQueries(
  queries: readonly RelevanceQuery[],
  knownKeys: ReadonlySet<string>,
  allKeys: ReadonlySet<string> = knownKeys,
): void {
  const ids = new Set<string>();
  for (const q of queries) {
    if (ids.has(q.id)) throw new Error(`${q.id}: duplicate query id`);
    ids.add(q.id);
    if (!KINDS.includes(q.kind)) throw new Error(`${q.id}: unknown kind ${q.kind}`);
    if (!SPLITS.includes(q.split)) throw new Error(`${q.id}: unknown split ${q.split}`);
    for (const [key, grade] of Object.entries(q.relevant)) {
      if (!knownKeys.has(key)) throw new Error(`${q.id}: ${key} is not in the gold records`);
      if (grade !== 1 && grade !== 2) throw new Error(`${q.id}: grade ${grade} for ${key}`);
    }
    for (const [key, grade] of Object.entries(q.pooled ?? {})) {
      if (!allKeys.has(key)) throw new Error(`${q.id}: pooled ${key} is not in any gold records`);
      if (q.relevant[key] !== undefined) throw new Error(`${q.id}: ${key} is judged twice`);
      if (grade !== 0 && grade !== 1 && grade !== 2) throw new Error(`${q.id}: pooled grade ${grade} for ${key}`);
    }
    if ((q.kind === 'noanswer') !== (Object.keys(q.relevant).length === 0)) {
      throw new Error(`${q.id}: only noanswer queries have no relevant records`);
    }
  }
}
