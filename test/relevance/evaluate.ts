/**
 * Relevance of the search engine on the bundled NvI, judged by test/relevance/queries.json, side by
 * side with SQLite FTS5 on the same records and queries.
 *
 *   npm run relevance                       Markdown report
 *   npm run relevance -- --json             the same figures as JSON
 *   npm run relevance -- --verbose          plus every query's nDCG@10 and top results
 *   npm run relevance -- --ablate compounds switch part of the analysis off (also: stem-repairs)
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EngineOptions } from '../../core/search/engine.ts';
import type { SearchEngine } from '../../core/search/types.ts';
import { goldEngine } from '../search/gold-engine.ts';
import { createFts5Database, fts5Search } from './fts5.ts';
import { mean, mrr, ndcg, recall, type Judgments } from './metrics.ts';

export const KINDS = ['keyword', 'wordform', 'typo', 'accent', 'question', 'vid', 'paragraph', 'compound', 'noanswer'] as const;
export type QueryKind = (typeof KINDS)[number];

export interface RelevanceQuery {
  id: string;
  kind: QueryKind;
  query: string;
  relevant: Judgments;
}

const QUERIES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'queries.json');

export function loadQueries(knownVids: ReadonlySet<string>): RelevanceQuery[] {
  const queries = JSON.parse(fs.readFileSync(QUERIES, 'utf8')) as RelevanceQuery[];
  for (const q of queries) {
    if (!KINDS.includes(q.kind)) throw new Error(`${q.id}: unknown kind ${q.kind}`);
    for (const [vid, grade] of Object.entries(q.relevant)) {
      if (!knownVids.has(vid)) throw new Error(`${q.id}: ${vid} is not in the gold records`);
      if (grade !== 1 && grade !== 2) throw new Error(`${q.id}: grade ${grade} for ${vid}`);
    }
    if ((q.kind === 'noanswer') !== (Object.keys(q.relevant).length === 0)) {
      throw new Error(`${q.id}: only noanswer queries have no relevant records`);
    }
  }
  return queries;
}

interface QueryResult {
  id: string;
  kind: QueryKind;
  query: string;
  top: string[];
  ndcg: number;
  mrr: number;
  recall: number;
  /** noanswer: the system signalled that nothing answers the question. */
  honest?: boolean;
  /** vid: the record asked for is first. */
  vidFirst?: boolean;
}

interface System {
  name: string;
  /** Top-10 VIDs, and whether the system claims a full match. */
  run(query: string): { top: string[]; fullMatch: boolean };
}

function engineSystem(engine: SearchEngine, vidOf: (id: number) => string): System {
  return {
    name: 'engine',
    run(query) {
      const outcome = engine.search(query);
      return { top: outcome.hits.slice(0, 10).map((h) => vidOf(h.id)), fullMatch: outcome.match === 'all' };
    },
  };
}

function fts5System(search: (query: string) => number[], vidOf: (id: number) => string): System {
  return {
    name: 'FTS5',
    run(query) {
      const top = search(query).map(vidOf);
      return { top, fullMatch: top.length > 0 };
    },
  };
}

function runSystem(system: System, queries: readonly RelevanceQuery[]): QueryResult[] {
  return queries.map((q) => {
    const { top, fullMatch } = system.run(q.query);
    const result: QueryResult = {
      id: q.id,
      kind: q.kind,
      query: q.query,
      top,
      ndcg: ndcg(top, q.relevant),
      mrr: mrr(top, q.relevant),
      recall: recall(top, q.relevant),
    };
    if (q.kind === 'noanswer') result.honest = !fullMatch;
    if (q.kind === 'vid') result.vidFirst = top[0] !== undefined && q.relevant[top[0]] === 2;
    return result;
  });
}

export interface KindFigures {
  kind: QueryKind | 'overall';
  queries: number;
  ndcg: number;
  mrr: number;
  recall: number;
}

export interface SystemReport {
  name: string;
  kinds: KindFigures[];
  /** noanswer queries where the system honestly signalled no full match. */
  noanswerHonest: number;
  noanswerTotal: number;
  vidFirst: number;
  vidTotal: number;
  results: QueryResult[];
}

function summarize(name: string, results: QueryResult[]): SystemReport {
  const figures = (kind: KindFigures['kind'], rs: QueryResult[]): KindFigures => ({
    kind,
    queries: rs.length,
    ndcg: mean(rs.map((r) => r.ndcg)),
    mrr: mean(rs.map((r) => r.mrr)),
    recall: mean(rs.map((r) => r.recall)),
  });
  const ranked = results.filter((r) => r.kind !== 'noanswer');
  const noanswer = results.filter((r) => r.kind === 'noanswer');
  const vids = results.filter((r) => r.kind === 'vid');
  return {
    name,
    kinds: [
      ...KINDS.filter((k) => k !== 'noanswer').map((k) => figures(k, ranked.filter((r) => r.kind === k))),
      figures('overall', ranked),
    ],
    noanswerHonest: noanswer.filter((r) => r.honest).length,
    noanswerTotal: noanswer.length,
    vidFirst: vids.filter((r) => r.vidFirst).length,
    vidTotal: vids.length,
    results,
  };
}

export interface RelevanceReport {
  queries: number;
  engine: SystemReport;
  fts5: SystemReport;
}

export function evaluateRelevance(options: EngineOptions = {}): RelevanceReport {
  const { records, engine, vidOf } = goldEngine(options);
  const queries = loadQueries(new Set(records.map((r) => r.vid)));
  const db = createFts5Database(records);
  try {
    return {
      queries: queries.length,
      engine: summarize('engine', runSystem(engineSystem(engine, vidOf), queries)),
      fts5: summarize('FTS5', runSystem(fts5System(fts5Search(db, 10), vidOf), queries)),
    };
  } finally {
    db.close();
  }
}

export function formatReport(report: RelevanceReport, verbose = false): string {
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `Relevance on the bundled NvI (512 records, ${report.queries} judged queries), engine vs SQLite FTS5:`,
    '',
    '| kind | queries | nDCG@10 engine | nDCG@10 FTS5 | MRR@10 engine | MRR@10 FTS5 | recall@10 engine | recall@10 FTS5 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  report.engine.kinds.forEach((e, i) => {
    const s = report.fts5.kinds[i];
    if (!s) return;
    const name = e.kind === 'overall' ? '**overall**' : e.kind;
    lines.push(`| ${name} | ${e.queries} | ${f(e.ndcg)} | ${f(s.ndcg)} | ${f(e.mrr)} | ${f(s.mrr)} | ${f(e.recall)} | ${f(s.recall)} |`);
  });
  const { engine, fts5 } = report;
  lines.push(
    '',
    `noanswer (scored apart): engine signals no full match for ${engine.noanswerHonest}/${engine.noanswerTotal}; ` +
      `FTS5 returns nothing for ${fts5.noanswerHonest}/${fts5.noanswerTotal}.`,
    `VID lookups at rank 1: engine ${engine.vidFirst}/${engine.vidTotal}` +
      `${engine.vidFirst === engine.vidTotal ? ' (all exact)' : ' (NOT all exact)'}; FTS5 ${fts5.vidFirst}/${fts5.vidTotal}.`,
  );
  if (verbose) {
    lines.push('', '| query | kind | nDCG engine | nDCG FTS5 | engine top 3 |', '| --- | --- | ---: | ---: | --- |');
    engine.results.forEach((r, i) => {
      const s = fts5.results[i];
      const extra = r.honest === undefined ? '' : r.honest ? ' (honest)' : ' (claims a full match)';
      lines.push(`| ${r.query} | ${r.kind} | ${f(r.ndcg)}${extra} | ${f(s?.ndcg ?? 0)} | ${r.top.slice(0, 3).join(' ')} |`);
    });
  }
  return lines.join('\n');
}

function ablation(args: string[]): EngineOptions {
  const at = args.indexOf('--ablate');
  const what = at >= 0 ? args[at + 1] : undefined;
  if (what === undefined) return {};
  if (what === 'compounds') return { analyzer: { compounds: false } };
  if (what === 'stem-repairs') return { analyzer: { repairs: false } };
  throw new Error(`--ablate ${what}: expected compounds or stem-repairs`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const report = evaluateRelevance(ablation(args));
  if (args.includes('--json')) {
    const { engine, fts5, queries } = report;
    const strip = ({ results: _results, ...rest }: SystemReport) => rest;
    console.log(JSON.stringify({ queries, engine: strip(engine), fts5: strip(fts5) }, null, 2));
  } else {
    console.log(formatReport(report, args.includes('--verbose')));
  }
}
