/**
 * CPU per search of the engine alone on synthetic records (test/bench/search.ts), in process, for
 * what a result page reads: the outcome and its first 20 hits. With --compare DIR the engine of
 * another checkout answers on the same serialized index, alternated repeat by repeat so both see
 * the same machine load; figures are medians of the repeats.
 *
 *   npx tsx test/bench/engine-cpu.ts [--records 100000] [--repeats 7] [--compare DIR] [--filtered]
 *
 * --filtered searches within 5 of the 20 synthetic NvIs and also counts the matches in all of
 * them, as a search page with a facet value chosen does: one search with a count filter where the
 * engine takes one (SearchEngine.search's third argument), otherwise a second search.
 */
import os from 'node:os';
import path from 'node:path';
import { buildSearchEngine } from '../../core/search/engine.ts';
import type { SearchEngine, SearchHit, TextSource } from '../../core/search/types.ts';
import { readGold } from '../helpers/gold.ts';
import { textSource, toIndexRecords } from '../search/gold-engine.ts';
import { benchQueries, syntheticRecords } from './search.ts';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const RECORDS = Number(arg('records', '100000'));
const REPEATS = Number(arg('repeats', '7'));
const COMPARE = process.argv.includes('--compare') ? path.resolve(arg('compare', '')) : null;
const PAGE = 20;
const FILTERED = process.argv.includes('--filtered');
const FILTER = { notaIds: [1, 2, 3, 4, 5] };
const COUNT_FILTER = { notaIds: Array.from({ length: 20 }, (_, i) => i + 1) };

type Load = (serialized: string, texts: TextSource) => SearchEngine;

/** The first page of hits, however the engine hands them out (columns read only that far). */
function firstPage(engine: SearchEngine, query: string): number {
  type Outcome = ReturnType<SearchEngine['search']> & { ranked?: { relevance: { top(k: number): Uint32Array }; hit(j: number): SearchHit }; counted?: unknown };
  let outcome: Outcome;
  if (!FILTERED) outcome = engine.search(query);
  else {
    outcome = engine.search(query, FILTER, COUNT_FILTER);
    // An engine without count filters: the counts need a second search.
    if (outcome.counted === undefined) void engine.search(query, COUNT_FILTER).hits.length;
  }
  const page = outcome.ranked ? Array.from(outcome.ranked.relevance.top(PAGE), (j) => outcome.ranked!.hit(j)) : outcome.hits.slice(0, PAGE);
  return page.length;
}

function cpuPerSearch(engine: SearchEngine, queries: readonly string[]): number {
  const started = process.cpuUsage();
  for (const q of queries) firstPage(engine, q);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / queries.length;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const records = syntheticRecords(toIndexRecords(readGold()), RECORDS);
const texts = textSource(records);
const serialized = buildSearchEngine(records, texts).serialize();
const here = path.resolve(import.meta.dirname, '../..');
const roots = COMPARE ? [COMPARE, here] : [here];
const engines = await Promise.all(
  roots.map(async (root) => {
    const { loadSearchEngine } = (await import(path.join(root, 'core/search/engine.ts'))) as { loadSearchEngine: Load };
    return { name: root === here ? 'this checkout' : root, engine: loadSearchEngine(serialized, texts), runs: [] as number[] };
  }),
);
const queries = benchQueries();
for (const e of engines) cpuPerSearch(e.engine, queries); // warm-up: JIT, word caches
const load = [os.loadavg()[0] ?? 0];
for (let r = 0; r < REPEATS; r++) for (const e of engines) e.runs.push(cpuPerSearch(e.engine, queries));
load.push(os.loadavg()[0] ?? 0);
console.log(`${RECORDS} records, ${FILTERED ? 'filtered with facet counts, ' : ''}${queries.length} queries per repeat, ${REPEATS} repeats, load ${load.map((l) => l.toFixed(1)).join(' → ')}; CPU ms per search (first ${PAGE} hits read):`);
for (const e of engines) console.log(`${e.name}: median ${median(e.runs).toFixed(2)} (${e.runs.map((v) => v.toFixed(2)).join(', ')})`);
