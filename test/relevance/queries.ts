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
  split: Split;
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
export function checkQueries(queries: readonly RelevanceQuery[], knownKeys: ReadonlySet<string>): void {
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
    if ((q.kind === 'noanswer') !== (Object.keys(q.relevant).length === 0)) {
      throw new Error(`${q.id}: only noanswer queries have no relevant records`);
    }
  }
}
