/**
 * Pooling (docs/relevance.md "Pooled judgments"): every record in the top 10 of the engine or of
 * FTS5, ungrouped or with same-answer records counted once, on every set, that a query has no
 * judgment for. Written out shuffled, with neither rank nor system, to be judged by reading:
 *
 *   npx tsx test/relevance/pool.ts > pool.jsonl
 *
 * Each line: the query (id as in the all-NvIs set, kind, text) and the record (key, document,
 * paragraph, question, answer). The judgments go into the query's `pooled` field.
 */
import { corpusAll } from './corpora.ts';
import { evaluateSet, SET_NAMES, type SetName } from './evaluate.ts';
import { queries2021, queries2024, type RelevanceQuery } from './queries.ts';

/** The id a query has in the all-NvIs set. */
const poolId = (set: SetName, id: string) => (set === 'all' ? id : `${set}:${id}`);

/** A fixed-seed shuffle (mulberry32), so the same pool comes out in the same order. */
function shuffle<T>(items: T[], seed = 20261202): T[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export function pool(): Array<{ query: RelevanceQuery & { poolId: string }; key: string }> {
  const queries = new Map<string, RelevanceQuery>([
    ...queries2021().map((q): [string, RelevanceQuery] => [`2021:${q.id}`, q]),
    ...queries2024().map((q): [string, RelevanceQuery] => [`2024:${q.id}`, q]),
  ]);
  const pooled = new Map<string, Set<string>>();
  for (const set of SET_NAMES) {
    const report = evaluateSet(set);
    for (const result of [...report.engine.results, ...report.fts5.results]) {
      const id = poolId(set, result.id);
      const keys = pooled.get(id) ?? new Set<string>();
      for (const key of [...result.top, ...result.topGrouped]) keys.add(key);
      pooled.set(id, keys);
    }
  }
  const out: Array<{ query: RelevanceQuery & { poolId: string }; key: string }> = [];
  for (const [id, keys] of pooled) {
    const q = queries.get(id);
    if (!q) throw new Error(`${id}: no such query`);
    for (const key of keys) {
      if (q.relevant[key] === undefined && q.pooled?.[key] === undefined) out.push({ query: { ...q, poolId: id }, key });
    }
  }
  return out;
}

const records = new Map(corpusAll().records.map((r) => [r.key, r]));
for (const { query, key } of shuffle(pool())) {
  const r = records.get(key);
  if (!r) throw new Error(`${key}: no such record`);
  console.log(
    JSON.stringify({
      query: query.poolId,
      kind: query.kind,
      text: query.query,
      key,
      document: r.document,
      paragraph: r.paragraph,
      question: r.question,
      answer: r.answer,
    }),
  );
}
