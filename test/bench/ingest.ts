/**
 * Ingest benchmark: the whole ingest (parse and store, search index included) of the 117-page
 * fixture, side by side with bare single-threaded pdf.js text extraction of the same file, each a
 * fresh process (start-up included, as a user runs them), alternated, repeated; then the same
 * comparison for every NvI bundled in data/ (each shape the parser reads).
 *
 *   npm run bench -- ingest [--runs 7]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../../server/config.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/nvi-2021-2023.pdf');

interface Case {
  name: string;
  cmd: string;
  args: (tmp: string) => string[];
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

export async function runIngestBench(runs = 7): Promise<string> {
  const node = process.execPath;
  const tsx = ['--import', 'tsx'];
  const cases: Case[] = [
    { name: 'bare pdf.js text extraction (baseline)', cmd: node, args: () => ['test/bench/bare-pdfjs.mjs', FIXTURE] },
    { name: 'pdf-parse getText (plain text)', cmd: node, args: () => ['test/bench/pdf-parse-text.mjs', FIXTURE] },
    ...(has('pdftotext') ? [{ name: 'pdftotext -layout (poppler, C++)', cmd: 'pdftotext', args: (t: string) => ['-layout', FIXTURE, path.join(t, 'out.txt')] }] : []),
    { name: '`npm run parse` (records as JSONL, no storage)', cmd: node, args: () => [...tsx, 'ingest/cli/parse.ts', FIXTURE] },
    { name: '`npm run ingest` (default: 1 worker below 2 MB)', cmd: node, args: (t: string) => [...tsx, 'ingest/cli/ingest.ts', '--quiet', '--db', path.join(t, `${Math.random()}.db`), FIXTURE] },
    { name: '`npm run ingest -- --workers 2`', cmd: node, args: (t: string) => [...tsx, 'ingest/cli/ingest.ts', '--quiet', '--workers', '2', '--db', path.join(t, `${Math.random()}.db`), FIXTURE] },
  ];
  const DEFAULT_INGEST = cases.findIndex((c) => c.name.startsWith('`npm run ingest` (default'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-ingest-'));
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  // Where the default ingest spends its time, as it reports it.
  const phases = { parse: [] as number[], store: [] as number[], index: [] as number[] };
  try {
    // One warm-up round (disk cache, tsx transform cache), then alternate the cases.
    for (let round = -1; round < runs; round++) {
      for (const c of cases) {
        const started = performance.now();
        const r = spawnSync(c.cmd, c.args(tmp), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
        const ms = performance.now() - started;
        if (r.status !== 0) throw new Error(`${c.name} failed: ${r.stderr?.toString()}`);
        if (round < 0) continue;
        times.get(c.name)!.push(ms);
        const out = r.stdout.toString();
        const m = /\(parse ([\d.]+) s, store ([\d.]+) s, search index ([\d.]+) s\)/.exec(out);
        if (c === cases[DEFAULT_INGEST] && m) {
          phases.parse.push(Number(m[1]) * 1000);
          phases.store.push(Number(m[2]) * 1000);
          phases.index.push(Number(m[3]) * 1000);
        }
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const base = median(times.get(cases[0]!.name)!);
  const rows = cases.map((c) => {
    const t = times.get(c.name)!;
    return `| ${c.name} | ${Math.round(median(t))} | ${Math.round(Math.min(...t))} | ${(median(t) / base).toFixed(2)}× |`;
  });
  return [
    `Ingest of test/fixtures/nvi-2021-2023.pdf (117 pages, 512 records): wall time of a fresh process, median of ${runs} alternated runs after a warm-up; ${os.availableParallelism()} cores, Node ${process.version}.`,
    '',
    '| command | median ms | min ms | vs bare pdf.js |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    '',
    `Inside the default ingest (medians, as it reports them): parse in the worker ${Math.round(median(phases.parse))} ms ` +
      `(start-up, extraction, layout analysis), store ${Math.round(median(phases.store))} ms, search index ${Math.round(median(phases.index))} ms; ` +
      'the rest is starting Node with the TypeScript loader and loading the program.',
  ].join('\n');
}

/** Bare pdf.js against the default ingest, for each bundled NvI: the cost of reading its structure. */
export function runBundledIngestBench(runs = 5): string {
  const node = process.execPath;
  const dataDir = path.join(ROOT, 'data');
  const files = fs.readdirSync(dataDir).filter((f) => f.endsWith('.pdf')).sort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-bundled-'));
  const rows: string[] = [];
  try {
    for (const f of files) {
      const file = path.join(dataDir, f);
      const bare = [node, 'test/bench/bare-pdfjs.mjs', file];
      const ingest = [node, '--import', 'tsx', 'ingest/cli/ingest.ts', '--quiet', '--db'];
      const t = { bare: [] as number[], ingest: [] as number[] };
      let records = '';
      for (let round = -1; round < runs; round++) {
        for (const kind of ['bare', 'ingest'] as const) {
          const args = kind === 'bare' ? bare : [...ingest, path.join(tmp, `${Math.random()}.db`), file];
          const started = performance.now();
          const r = spawnSync(args[0]!, args.slice(1), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
          const ms = performance.now() - started;
          if (r.status !== 0) throw new Error(`${kind} ${f} failed: ${r.stderr?.toString()}`);
          if (kind === 'ingest') records = /(\d+) records, (\d+) pages/.exec(r.stdout.toString())?.slice(1, 3).join(' records, ') ?? '';
          if (round >= 0) t[kind].push(ms);
        }
      }
      const b = median(t.bare);
      const i = median(t.ingest);
      rows.push(`| ${f} | ${records} pages | ${Math.round(b)} | ${Math.round(i)} | ${(i / b).toFixed(2)}× |`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return [
    `Every bundled NvI: bare pdf.js text extraction against the default \`npm run ingest\` of the same file (fresh processes, median of ${runs} alternated runs after a warm-up).`,
    '',
    '| file | size | bare pdf.js ms | ingest ms | ingest vs bare |',
    '| --- | --- | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--runs');
  console.log(await runIngestBench(i > 0 ? Number(process.argv[i + 1]) : 7));
  console.log(`\n${runBundledIngestBench(i > 0 ? Number(process.argv[i + 1]) : 5)}`);
}
