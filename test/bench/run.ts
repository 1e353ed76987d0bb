/**
 * `npm run bench`: every benchmark, side by side with its baseline, as one Markdown report.
 * `--write` saves it to docs/benchmarks.md; `--only ingest,search,pages,export,load,stall,swap,pdf` picks
 * sections; `--quick` uses fewer runs and a smaller synthetic corpus (for a smoke run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../server/config.ts';
import { runLoad } from '../load/run.ts';
import { runExportBench } from './export.ts';
import { runBundledIngestBench, runIngestBench } from './ingest.ts';
import { runPagesBench } from './pages.ts';
import { runSearchBench } from './search.ts';
import { runStallBench } from './stall.ts';
import { runSwapBench } from './swap.ts';
import { runPdfMemoryBench } from './pdf-memory.ts';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, only: { type: 'string' }, quick: { type: 'boolean' } } });
const only = new Set((values.only ?? 'ingest,search,pages,export,load,stall,swap,pdf').split(','));
const quick = values.quick ?? false;

const sections: Array<[string, string, () => Promise<string>]> = [
  ['ingest', '## Ingest', async () => `${await runIngestBench(quick ? 2 : 7)}\n\n${runBundledIngestBench(quick ? 1 : 5)}`],
  ['search', '', () => runSearchBench({ records: quick ? 10_000 : 100_000 })],
  ['pages', '', () => runPagesBench({ runs: quick ? 20 : 200 })],
  ['export', '## Export: memory while streaming', () => runExportBench(quick ? [2_000, 10_000] : [10_000, 100_000])],
  ['load', '## Load (`npm run load`)', () => runLoad(quick ? { duration: 5, connections: 20 } : { duration: 30, connections: 50 })],
  ['pdf', '## Source PDFs: memory with slow clients', () => runPdfMemoryBench()],
  ['swap', '## Index swap: the server thread\'s share of a reload', async () => runSwapBench(quick ? { records: 10_000, runs: 3 } : { records: 100_000, runs: 7 })],
  ['stall', '## No stalls: latency while an ingest is published and while exports run', () => runStallBench(quick ? { records: 10_000, seconds: 5 } : { records: 100_000, seconds: 20 })],
];

const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const machine = `${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${os.platform()}`;
const intro = [
  '# Benchmarks',
  '',
  `Measured with \`npm run bench\` (each section can be rerun alone: \`npm run bench -- --only load --write\`). ` +
    'The machine is shared, so absolute times vary from run to run; every figure is measured side by side ' +
    'with its baseline in the same run, and the ratios are what to compare.',
  '',
].join('\n');

/** Each section sits between markers, so one section can be measured again without the others. */
const marker = (name: string, end = false) => `<!-- ${end ? '/' : ''}bench:${name} -->`;
let doc = values.write && fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : intro;
for (const [name, heading, run] of sections) {
  if (!only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  let body = (await run()).trim();
  let title = heading;
  // Some benchmarks title their own section.
  if (!title && body.startsWith('## ')) [title, body] = [body.slice(0, body.indexOf('\n')), body.slice(body.indexOf('\n')).trim()];
  const block = [marker(name), title, '', `_${new Date().toISOString().slice(0, 10)}, ${machine}._`, '', body, marker(name, true)].join('\n');
  const at = doc.indexOf(marker(name));
  const end = doc.indexOf(marker(name, true));
  doc = at >= 0 && end > at ? doc.slice(0, at) + block + doc.slice(end + marker(name, true).length) : `${doc.trimEnd()}\n\n${block}\n`;
}
if (values.write) {
  fs.writeFileSync(DOC, doc);
  process.stderr.write(`bench: written to ${path.relative(ROOT, DOC)}\n`);
} else {
  process.stdout.write(doc);
}
