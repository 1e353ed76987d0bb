/**
 * Search benchmark: latency over the relevance queries and their prefixes (search as you type), on
 * the bundled 512 records and on a synthetic corpus of 100,000 records recombined from them, for the
 * engine and for SQLite FTS5 on the same records and queries; plus build time, serialized size, load
 * time and memory. Prints a Markdown section when run directly:
 *
 *   npx tsx test/bench/search.ts [--records 100000]
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import Database from 'better-sqlite3';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import { buildSearchEngine, loadSearchEngine } from '../../core/search/engine.ts';
import type { IndexRecord } from '../../core/search/types.ts';
import { readGold } from '../helpers/gold.ts';
import { createFts5Database, fts5Search } from '../relevance/fts5.ts';
import { buildStockMiniSearch, loadStockMiniSearch } from './minisearch-stock.ts';
import { textSource, toIndexRecords } from '../search/gold-engine.ts';
import queryFile from '../relevance/queries.json' with { type: 'json' };
import { prng } from '../helpers/prng.ts';

const SYNTHETIC_RECORDS = 100_000;
const ROUNDS = 3;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * Records recombined from the gold records' sentences: each takes one to three question sentences,
 * one to four answer sentences and the labels of a random gold record, spread over 20 notas, with
 * VIDs numbered on from the gold ones.
 */
export function syntheticRecords(gold: readonly IndexRecord[], count: number, seed = 2021): IndexRecord[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentences = (text: string) => text.split(/(?<=[.?!])\s+/u).filter((s) => s.length > 0);
  const questions = gold.flatMap((r) => sentences(r.question));
  const answers = gold.flatMap((r) => sentences(r.answer));
  const some = (pool: string[], max: number) => Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(pool)).join(' ');
  return Array.from({ length: count }, (_, i) => {
    const labels = pick(gold);
    const vidNumber = 10_000 + i;
    return {
      id: i + 1,
      notaId: 1 + (i % 20),
      vid: `VID-${vidNumber}`,
      vidNumber,
      seq: i + 1,
      document: labels.document,
      documentKey: documentKey(labels.document),
      paragraph: labels.paragraph,
      paragraphKey: paragraphKey(labels.paragraph),
      question: some(questions, 3),
      answer: some(answers, 4),
    };
  });
}

/** The relevance queries, and what a user has typed on the way to each (every 4th character). */
export function benchQueries(): string[] {
  const queries = (queryFile as Array<{ query: string }>).map((q) => q.query);
  const prefixes = queries.flatMap((q) => Array.from({ length: Math.floor((q.length - 1) / 4) }, (_, i) => q.slice(0, 4 * (i + 1))));
  return [...queries, ...prefixes];
}

interface Measures {
  buildMs: number;
  serializedBytes: number;
  loadMs: number;
  /** V8 heap plus array buffers (the engine's postings are typed arrays). */
  jsBytes: number;
  rssBytes: number;
  p50: number;
  p95: number;
  p99: number;
}

type SystemName = 'engine' | 'fts5' | 'minisearch';

function memory(): { js: number; rss: number } {
  collectGarbage();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { js: heapUsed + arrayBuffers, rss };
}

function latencies(search: (q: string) => unknown, queries: readonly string[]): Pick<Measures, 'p50' | 'p95' | 'p99'> {
  for (const q of queries) search(q); // warm-up round: JIT, caches
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of queries) {
      const start = performance.now();
      search(q);
      times.push(performance.now() - start);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/**
 * Builds, serializes and reloads an index, then times the queries on the loaded copy; memory is
 * that of the loaded index alone.
 */
function measureSerialized(build: () => string, load: (serialized: string) => (q: string) => unknown, queries: readonly string[]): Measures {
  const before = memory();
  let start = performance.now();
  let serialized = build();
  const buildMs = performance.now() - start;
  const serializedBytes = Buffer.byteLength(serialized);
  start = performance.now();
  const search = load(serialized);
  const loadMs = performance.now() - start;
  serialized = '';
  const after = memory();
  return {
    buildMs,
    serializedBytes,
    loadMs,
    jsBytes: after.js - before.js,
    rssBytes: after.rss - before.rss,
    ...latencies(search, queries),
  };
}

function measureEngine(records: IndexRecord[], queries: readonly string[]): Measures {
  const texts = textSource(records);
  return measureSerialized(
    () => buildSearchEngine(records, texts).serialize(),
    (serialized) => {
      const engine = loadSearchEngine(serialized, texts);
      return (q) => engine.search(q).hits.length;
    },
    queries,
  );
}

function measureMiniSearch(records: IndexRecord[], queries: readonly string[]): Measures {
  return measureSerialized(
    () => JSON.stringify(buildStockMiniSearch(records)),
    (serialized) => {
      const ms = loadStockMiniSearch(serialized);
      return (q) => ms.search(q).length;
    },
    queries,
  );
}

function measureFts5(records: IndexRecord[], queries: readonly string[]): Measures {
  const before = memory();
  let start = performance.now();
  const built = createFts5Database(records);
  const image = built.serialize();
  const buildMs = performance.now() - start;
  built.close();
  start = performance.now();
  const db = new Database(image);
  const loadMs = performance.now() - start;
  const after = memory();
  // Like the engine, every match is ranked and returned, not only the first page.
  const search = fts5Search(db);
  const result = {
    buildMs,
    serializedBytes: image.length,
    loadMs,
    jsBytes: after.js - before.js,
    rssBytes: after.rss - before.rss,
    ...latencies((q) => search(q).length, queries),
  };
  db.close();
  return result;
}

function corpus(records: number | 'gold'): IndexRecord[] {
  const gold = toIndexRecords(readGold());
  return records === 'gold' ? gold : syntheticRecords(gold, records);
}

/** One system on one corpus, in a process of its own: clean memory figures, no GC from the other. */
function measureInChild(system: SystemName, records: number | 'gold'): Measures {
  const script = fileURLToPath(import.meta.url);
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--child', system, '--records', String(records)], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status !== 0 || !last.startsWith('{')) {
    throw new Error(`search bench child (${system}, ${records}) failed: ${child.stderr || child.stdout}`);
  }
  return JSON.parse(last) as Measures;
}

export async function runSearchBench(options: { records?: number } = {}): Promise<string> {
  const synthetic = options.records ?? SYNTHETIC_RECORDS;
  const corpora: Array<[string, number | 'gold']> = [
    ['512 records', 'gold'],
    [`${synthetic.toLocaleString('en')} synthetic records`, synthetic],
  ];
  const loadBefore = os.loadavg()[0] ?? 0;
  const results = corpora.map(([name, records]) => ({
    name,
    engine: measureInChild('engine', records),
    fts5: measureInChild('fts5', records),
    minisearch: measureInChild('minisearch', records),
  }));
  const load = [loadBefore, os.loadavg()[0] ?? 0];
  return formatBench(results, benchQueries().length, load);
}

interface CorpusResult {
  name: string;
  engine: Measures;
  fts5: Measures;
  minisearch: Measures;
}

/** `load`: the 1-minute load average before and after, as latencies depend on what else runs. */
function formatBench(results: CorpusResult[], queryCount: number, load: number[]): string {
  const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
  const mb = (n: number) => (n / 2 ** 20).toFixed(1);
  const rows: Array<[string, (m: Measures) => number, (n: number) => string]> = [
    ['search p50 (ms)', (m) => m.p50, ms],
    ['search p95 (ms)', (m) => m.p95, ms],
    ['search p99 (ms)', (m) => m.p99, ms],
    ['index build (ms)', (m) => m.buildMs, ms],
    ['serialized size (MiB)', (m) => m.serializedBytes, mb],
    ['load (ms)', (m) => m.loadMs, ms],
    ['JS heap + buffers (MiB)', (m) => m.jsBytes, mb],
    ['RSS (MiB)', (m) => m.rssBytes, mb],
  ];
  const header = results.map((r) => `engine, ${r.name} | FTS5 | engine/FTS5 | stock MiniSearch | engine/MiniSearch`).join(' | ');
  const lines = [
    '## Search',
    '',
    `${queryCount} queries per round (the relevance queries and every 4th-character prefix of them), ` +
      `${ROUNDS} timed rounds after a warm-up round. Every system ranks and returns every match. ` +
      'Stock MiniSearch is the design the search issue started from (test/bench/minisearch-stock.ts): ' +
      'its own index and scorer, same fields, weights and Dutch stemming. ' +
      'Each system and corpus runs in a process of its own; memory is the growth from before the ' +
      'build to after loading the serialized index (forced GC), so it is the loaded index alone. ' +
      'SQLite allocates outside the JS heap: compare RSS. ' +
      `${os.cpus().length} CPUs, load average ${load.map((l) => l.toFixed(1)).join(' → ')} during the run.`,
    '',
    `| measure | ${header} |`,
    `| --- |${results.map(() => ' ---: | ---: | ---: | ---: | ---: |').join('')}`,
  ];
  for (const [label, get, format] of rows) {
    const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');
    const cells = results.map((r) => {
      const e = get(r.engine);
      const f = get(r.fts5);
      const m = get(r.minisearch);
      return `${format(e)} | ${format(f)} | ${ratio(e, f)} | ${format(m)} | ${ratio(e, m)}`;
    });
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const records = arg('--records');
  const child = arg('--child');
  if (child === 'engine' || child === 'fts5' || child === 'minisearch') {
    const measure = child === 'engine' ? measureEngine : child === 'fts5' ? measureFts5 : measureMiniSearch;
    console.log(JSON.stringify(measure(corpus(records === 'gold' ? 'gold' : Number(records)), benchQueries())));
  } else {
    console.log(await runSearchBench({ records: records === undefined ? undefined : Number(records) }));
  }
}
