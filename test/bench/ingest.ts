/**
 * Ingest benchmark: the whole ingest (parse and store, search index included) of the 117-page
 * fixture, side by side with bare single-threaded pdf.js text extraction of the same file, each a
 * fresh process (start-up included, as a user runs them), alternated, repeated.
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
    { name: '`npm run ingest`, 1 worker', cmd: node, args: (t: string) => [...tsx, 'ingest/cli/ingest.ts', '--quiet', '--workers', '1', '--db', path.join(t, `${Math.random()}.db`), FIXTURE] },
    { name: '`npm run ingest` (default: 2 workers)', cmd: node, args: (t: string) => [...tsx, 'ingest/cli/ingest.ts', '--quiet', '--db', path.join(t, `${Math.random()}.db`), FIXTURE] },
  ];
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-ingest-'));
  const times = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  try {
    // One warm-up round (disk cache, tsx transform cache), then alternate the cases.
    for (let round = -1; round < runs; round++) {
      for (const c of cases) {
        const started = performance.now();
        const r = spawnSync(c.cmd, c.args(tmp), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
        const ms = performance.now() - started;
        if (r.status !== 0) throw new Error(`${c.name} failed: ${r.stderr?.toString()}`);
        if (round >= 0) times.get(c.name)!.push(ms);
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
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--runs');
  console.log(await runIngestBench(i > 0 ? Number(process.argv[i + 1]) : 7));
}
