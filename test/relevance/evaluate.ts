/**
 * Relevance of the search engine on the judged query sets, side by side with SQLite FTS5 on the same
 * records and queries: the 2021-2023 NvI, the 2024-2026 GGZ and GZ NvIs, and all three NvIs in one
 * index; each per kind and per half (tune / holdout), ungrouped and with same-answer records counted
 * once (core/store/group-answers.ts).
 *
 *   npm run relevance                       Markdown report
 *   npm run relevance -- --json             the same figures as JSON
 *   npm run relevance -- --verbose          plus every query's nDCG@10 and top results
 *   npm run relevance -- --set 2024         one set only (2021, 2024 or all)
 *   npm run relevance -- --ablate compounds switch part of the analysis off (see ABLATIONS)
 *   npm run relevance -- --no-pool          the original judgments only, without the pooled ones
 *   npm run relevance -- --pool-compare     nDCG@10 with the original and with the pooled judgments side by side
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchEngine, type EngineOptions } from '../../core/search/engine.ts';
import { groupAnswers } from '../../core/store/group-answers.ts';
import { textSource } from '../search/gold-engine.ts';
import { corpus2021, corpus2024, corpusAll, type Corpus } from './corpora.ts';
import { createFts5Database, fts5Search } from './fts5.ts';
import { groupJudgments, groupRanking, mean, mrr, ndcg, recall, type Judgments } from './metrics.ts';
import { checkQueries, judgmentsOf, KINDS, queries2021, queries2024, SPLITS, type QueryKind, type RelevanceQuery, type Split } from './queries.ts';

export { KINDS, type QueryKind, type RelevanceQuery };

/** Results fetched per query: enough to fill ten places after same-answer records are merged. */
const FETCHED = 50;
const K = 10;

/** The goals of issue 14, on the holdout halves. */
export const GOALS = { holdoutOverall: 0.9, holdoutKind: 0.8 } as const;

interface QueryResult {
  id: string;
  kind: QueryKind;
  split: Split;
  query: string;
  top: string[];
  /** The first record of each of the top 10 same-answer groups. */
  topGrouped: string[];
  ndcg: number;
  /** nDCG@10 with records that give the same answer counted as one. */
  ndcgGrouped: number;
  mrr: number;
  recall: number;
  /** noanswer: the system signalled that nothing answers the question. */
  honest?: boolean;
  /** noanswer, but a pooled judgment found a record (of another NvI) in this corpus that answers it. */
  answeredElsewhere?: boolean;
  /** vid: the record asked for is first. */
  vidFirst?: boolean;
}

interface System {
  name: string;
  /** Ranked record keys, and whether the system claims a full match. */
  run(query: string): { top: string[]; fullMatch: boolean };
}

export interface KindFigures {
  kind: QueryKind | 'overall';
  split: Split | 'both';
  queries: number;
  ndcg: number;
  ndcgGrouped: number;
  mrr: number;
  recall: number;
}

export interface SystemReport {
  name: string;
  figures: KindFigures[];
  /** noanswer queries where the system honestly signalled no full match. */
  noanswerHonest: number;
  noanswerTotal: number;
  vidFirst: number;
  vidTotal: number;
  results: QueryResult[];
}

export interface SetReport {
  name: string;
  corpus: string;
  records: number;
  queries: number;
  /** Records that share their answer with another record. */
  groupedRecords: number;
  engine: SystemReport;
  fts5: SystemReport;
}

export type SetName = '2021' | '2024' | 'all';
export const SET_NAMES: readonly SetName[] = ['2021', '2024', 'all'];

interface JudgedSet {
  name: string;
  corpus: Corpus;
  queries: RelevanceQuery[];
}

function judgedSet(name: SetName): JudgedSet {
  switch (name) {
    case '2021':
      return { name: '2021 set', corpus: corpus2021(), queries: queries2021() };
    case '2024':
      return { name: '2024 set', corpus: corpus2024(), queries: queries2024() };
    case 'all':
      // Ids are unique within a file only: prefix them with their set.
      return {
        name: 'both sets, all three NvIs in one index',
        corpus: corpusAll(),
        queries: [
          ...queries2021().map((q) => ({ ...q, id: `2021:${q.id}` })),
          ...queries2024().map((q) => ({ ...q, id: `2024:${q.id}` })),
        ],
      };
  }
}

function runSystem(
  system: System,
  queries: readonly RelevanceQuery[],
  judgments: (q: RelevanceQuery) => Judgments,
  groupOf: (key: string) => string,
): QueryResult[] {
  return queries.map((q) => {
    const { top, fullMatch } = system.run(q.query);
    const judged = judgments(q);
    const firstOfGroup = new Map<string, string>();
    for (const key of top) if (!firstOfGroup.has(groupOf(key))) firstOfGroup.set(groupOf(key), key);
    const result: QueryResult = {
      id: q.id,
      kind: q.kind,
      split: q.split,
      query: q.query,
      top: top.slice(0, K),
      topGrouped: [...firstOfGroup.values()].slice(0, K),
      ndcg: ndcg(top, judged, K),
      ndcgGrouped: ndcg(groupRanking(top, groupOf), groupJudgments(judged, groupOf), K),
      mrr: mrr(top, judged, K),
      recall: recall(top, judged, K),
    };
    if (q.kind === 'noanswer') {
      result.honest = !fullMatch;
      if (Object.values(judged).some((g) => g > 0)) result.answeredElsewhere = true;
    }
    if (q.kind === 'vid') result.vidFirst = top[0] !== undefined && judged[top[0]] === 2;
    return result;
  });
}

function summarize(name: string, results: QueryResult[]): SystemReport {
  const figures = (kind: KindFigures['kind'], split: KindFigures['split'], rs: QueryResult[]): KindFigures => ({
    kind,
    split,
    queries: rs.length,
    ndcg: mean(rs.map((r) => r.ndcg)),
    ndcgGrouped: mean(rs.map((r) => r.ndcgGrouped)),
    mrr: mean(rs.map((r) => r.mrr)),
    recall: mean(rs.map((r) => r.recall)),
  });
  const ranked = results.filter((r) => r.kind !== 'noanswer');
  // A noanswer question that another NvI in the corpus answers is neither ranked nor counted as
  // noanswer: it is reported on its own line.
  const noanswer = results.filter((r) => r.kind === 'noanswer' && !r.answeredElsewhere);
  const vids = results.filter((r) => r.kind === 'vid');
  const out: KindFigures[] = [];
  for (const kind of [...KINDS.filter((k) => k !== 'noanswer'), 'overall'] as const) {
    const ofKind = kind === 'overall' ? ranked : ranked.filter((r) => r.kind === kind);
    if (ofKind.length === 0) continue;
    out.push(figures(kind, 'both', ofKind));
    for (const split of SPLITS) out.push(figures(kind, split, ofKind.filter((r) => r.split === split)));
  }
  return {
    name,
    figures: out,
    noanswerHonest: noanswer.filter((r) => r.honest).length,
    noanswerTotal: noanswer.length,
    vidFirst: vids.filter((r) => r.vidFirst).length,
    vidTotal: vids.length,
    results,
  };
}

export interface Evaluation {
  /** Score with the pooled judgments too (default); false: the original judgments only. */
  pooled?: boolean;
}

export function evaluateSet(name: SetName, options: EngineOptions = {}, { pooled = true }: Evaluation = {}): SetReport {
  const { name: title, corpus, queries } = judgedSet(name);
  const { records } = corpus;
  const knownKeys = new Set(records.map((r) => r.key));
  checkQueries(queries, knownKeys, new Set(corpusAll().records.map((r) => r.key)));
  const judgments = (q: RelevanceQuery) => judgmentsOf(q, knownKeys, pooled);
  const keyOf = new Map(records.map((r) => [r.id, r.key]));
  const key = (id: number) => keyOf.get(id) ?? `#${id}`;
  const groups = groupAnswers(records.map((r) => r.answer));
  const groupKey = new Map(records.map((r, i) => [r.key, records[groups[i] ?? i]?.key ?? r.key]));
  const groupOf = (k: string) => groupKey.get(k) ?? k;
  const engine = buildSearchEngine(records, textSource(records), options);
  const db = createFts5Database(records);
  try {
    const search = fts5Search(db, FETCHED);
    const engineSystem: System = {
      name: 'engine',
      run(query) {
        const outcome = engine.search(query);
        return { top: outcome.hits.slice(0, FETCHED).map((h) => key(h.id)), fullMatch: outcome.match === 'all' };
      },
    };
    const fts5System: System = {
      name: 'FTS5',
      run(query) {
        const top = search(query).map(key);
        return { top, fullMatch: top.length > 0 };
      },
    };
    return {
      name: title,
      corpus: corpus.name,
      records: records.length,
      queries: queries.length,
      groupedRecords: groups.filter((g) => g !== null).length,
      engine: summarize('engine', runSystem(engineSystem, queries, judgments, groupOf)),
      fts5: summarize('FTS5', runSystem(fts5System, queries, judgments, groupOf)),
    };
  } finally {
    db.close();
  }
}

const f = (n: number) => n.toFixed(3);

export function formatSet(report: SetReport, verbose = false): string {
  const lines = [
    `### ${report.name}: ${report.corpus}, ${report.records} records, ${report.queries} judged queries`,
    '',
    `nDCG@10, engine vs FTS5 bm25 on the same records; "grouped" counts records with the same answer as one ` +
      `(${report.groupedRecords} of ${report.records} records share their answer with another).`,
    '',
    '| kind | queries tune/holdout | engine tune | engine holdout | FTS5 tune | FTS5 holdout | engine all | FTS5 all | engine grouped | FTS5 grouped | MRR@10 engine / FTS5 | recall@10 engine / FTS5 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const pick = (system: SystemReport, kind: KindFigures['kind'], split: KindFigures['split']) =>
    system.figures.find((x) => x.kind === kind && x.split === split);
  const cell = (x: KindFigures | undefined, value: (x: KindFigures) => number) => (x && x.queries > 0 ? f(value(x)) : '–');
  for (const e of report.engine.figures.filter((x) => x.split === 'both')) {
    const [et, eh] = SPLITS.map((s) => pick(report.engine, e.kind, s));
    const [st, sh] = SPLITS.map((s) => pick(report.fts5, e.kind, s));
    const s = pick(report.fts5, e.kind, 'both');
    const name = e.kind === 'overall' ? '**overall**' : e.kind;
    lines.push(
      `| ${name} | ${et?.queries ?? 0}/${eh?.queries ?? 0} | ${cell(et, (x) => x.ndcg)} | ${cell(eh, (x) => x.ndcg)} | ` +
        `${cell(st, (x) => x.ndcg)} | ${cell(sh, (x) => x.ndcg)} | ${f(e.ndcg)} | ${cell(s, (x) => x.ndcg)} | ` +
        `${f(e.ndcgGrouped)} | ${cell(s, (x) => x.ndcgGrouped)} | ${f(e.mrr)} / ${cell(s, (x) => x.mrr)} | ` +
        `${f(e.recall)} / ${cell(s, (x) => x.recall)} |`,
    );
  }
  const { engine, fts5 } = report;
  lines.push('');
  if (engine.noanswerTotal > 0) {
    const counted = (x: QueryResult) => x.kind === 'noanswer' && !x.answeredElsewhere;
    const half = (r: SystemReport, split: Split) => r.results.filter((x) => counted(x) && x.split === split && x.honest).length;
    const halfTotal = (split: Split) => engine.results.filter((x) => counted(x) && x.split === split).length;
    lines.push(
      `noanswer (scored apart): engine signals no full match for ${engine.noanswerHonest}/${engine.noanswerTotal} ` +
        `(tune ${half(engine, 'tune')}/${halfTotal('tune')}, holdout ${half(engine, 'holdout')}/${halfTotal('holdout')}); ` +
        `FTS5 returns nothing for ${fts5.noanswerHonest}/${fts5.noanswerTotal}.`,
    );
  }
  const elsewhere = engine.results.filter((x) => x.answeredElsewhere);
  if (elsewhere.length > 0) {
    lines.push(
      `noanswer questions that a record of another NvI answers (pooled judgments), not counted above: ` +
        elsewhere
          .map((x) => `"${x.query}" (${x.split}; nDCG@10 engine ${f(x.ndcg)}, FTS5 ${f(fts5.results.find((y) => y.id === x.id)?.ndcg ?? 0)})`)
          .join(', ') +
        '.',
    );
  }
  if (engine.vidTotal > 0) {
    lines.push(
      `VID lookups at rank 1: engine ${engine.vidFirst}/${engine.vidTotal}` +
        `${engine.vidFirst === engine.vidTotal ? ' (all exact)' : ' (NOT all exact)'}; FTS5 ${fts5.vidFirst}/${fts5.vidTotal}.`,
    );
  }
  const holdout = engine.figures.filter((x) => x.split === 'holdout' && x.queries > 0);
  const overall = holdout.find((x) => x.kind === 'overall');
  const weak = holdout.filter((x) => x.kind !== 'overall' && x.ndcg < GOALS.holdoutKind);
  lines.push(
    `Holdout goals (overall ≥ ${GOALS.holdoutOverall}, every kind ≥ ${GOALS.holdoutKind}): overall ${overall ? f(overall.ndcg) : '–'}` +
      `${overall && overall.ndcg >= GOALS.holdoutOverall ? ' (met)' : ' (NOT met)'}; ` +
      (weak.length === 0 ? 'every kind met.' : `below: ${weak.map((x) => `${x.kind} ${f(x.ndcg)}`).join(', ')}.`),
  );
  if (verbose) {
    lines.push('', '| query | kind | half | nDCG engine | nDCG FTS5 | engine top 3 |', '| --- | --- | --- | ---: | ---: | --- |');
    engine.results.forEach((r, i) => {
      const s = fts5.results[i];
      const extra = r.honest === undefined ? '' : r.honest ? ' (honest)' : ' (claims a full match)';
      lines.push(`| ${r.query} | ${r.kind} | ${r.split} | ${f(r.ndcg)}${extra} | ${f(s?.ndcg ?? 0)} | ${r.top.slice(0, 3).join(' ')} |`);
    });
  }
  return lines.join('\n');
}

/** What `--ablate` can switch off, to measure what each part of the analysis is worth. */
const ABLATIONS: Readonly<Record<string, EngineOptions>> = {
  compounds: { analyzer: { compounds: false } },
  'stem-repairs': { analyzer: { repairs: false } },
};

function ablation(args: string[]): EngineOptions {
  const at = args.indexOf('--ablate');
  const what = at >= 0 ? args[at + 1] : undefined;
  if (what === undefined) return {};
  const options = ABLATIONS[what];
  if (!options) throw new Error(`--ablate ${what}: expected one of ${Object.keys(ABLATIONS).join(', ')}`);
  return options;
}

function chosenSets(args: string[]): SetName[] {
  const at = args.indexOf('--set');
  if (at < 0) return [...SET_NAMES];
  const name = args[at + 1];
  if (!SET_NAMES.includes(name as SetName)) throw new Error(`--set ${name}: expected one of ${SET_NAMES.join(', ')}`);
  return [name as SetName];
}

/** nDCG@10 per kind and half with the original judgments and with the pooled ones added. */
export function formatPoolComparison(original: SetReport, pooled: SetReport): string {
  const lines = [
    `### ${pooled.name}: original judgments vs with pooled judgments`,
    '',
    '| kind | half | queries | engine original | engine pooled | FTS5 original | FTS5 pooled |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const pick = (r: SystemReport, kind: KindFigures['kind'], split: KindFigures['split']) =>
    r.figures.find((x) => x.kind === kind && x.split === split);
  for (const p of pooled.engine.figures) {
    if (p.queries === 0) continue;
    const o = pick(original.engine, p.kind, p.split);
    const [fo, fp] = [pick(original.fts5, p.kind, p.split), pick(pooled.fts5, p.kind, p.split)];
    const cell = (x: KindFigures | undefined) => (x && x.queries > 0 ? f(x.ndcg) : '–');
    const name = p.kind === 'overall' ? '**overall**' : p.kind;
    const queries = o && o.queries !== p.queries ? `${p.queries} (${o.queries})` : `${p.queries}`;
    lines.push(`| ${name} | ${p.split === 'both' ? 'all' : p.split} | ${queries} | ${cell(o)} | ${f(p.ndcg)} | ${cell(fo)} | ${cell(fp)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const options = ablation(args);
  if (args.includes('--pool-compare')) {
    const sets = chosenSets(args);
    console.log(sets.map((name) => formatPoolComparison(evaluateSet(name, options, { pooled: false }), evaluateSet(name, options))).join('\n\n'));
    process.exit(0);
  }
  const reports = chosenSets(args).map((name) => evaluateSet(name, options, { pooled: !args.includes('--no-pool') }));
  if (args.includes('--json')) {
    const strip = ({ results: _results, ...rest }: SystemReport) => rest;
    console.log(JSON.stringify(reports.map((r) => ({ ...r, engine: strip(r.engine), fts5: strip(r.fts5) })), null, 2));
  } else {
    console.log(reports.map((r) => formatSet(r, args.includes('--verbose'))).join('\n\n'));
  }
}
