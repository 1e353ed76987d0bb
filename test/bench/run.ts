/**
 * `npm run bench`: every benchmark, side by side with its baseline, as one Markdown report.
 * `--write` saves it to docs/benchmarks.md; `--only ingest,search,pages,export,load` picks
 * sections; `--quick` uses fewer runs and a smaller synthetic corpus (for a smoke run).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../../server/config.ts';
import { runLoad } from '../load/run.ts';
import { runExportBench } from './export.ts';
import { runIngestBench } from './ingest.ts';
import { runPagesBench } from './pages.ts';
import { runSearchBench } from './search.ts';

const { values } = parseArgs({ options: { write: { type: 'boolean' }, only: { type: 'string' }, quick: { type: 'boolean' } } });
const only = new Set((values.only ?? 'ingest,search,pages,export,load').split(','));
const quick = values.quick ?? false;

const sections: Array<[string, string, () => Promise<string>]> = [
  ['ingest', '## Ingest', () => runIngestBench(quick ? 2 : 7)],
  ['search', '', () => runSearchBench({ records: quick ? 10_000 : 100_000 })],
  ['pages', '', () => runPagesBench({ runs: quick ? 20 : 200 })],
  ['export', '## Export: memory while streaming', () => runExportBench(quick ? [2_000, 10_000] : [10_000, 100_000])],
  ['load', '## Load (`npm run load`)', () => runLoad(quick ? { duration: 5, connections: 20 } : { duration: 30, connections: 50 })],
];

const parts: string[] = [
  '# Benchmarks',
  '',
  `Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${os.availableParallelism()} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `Node ${process.version}, ${os.platform()}. The machine is shared, so absolute times vary from run to run; ` +
    'every figure is measured side by side with its baseline in the same run, and the ratios are what to compare.',
  '',
];
for (const [name, heading, run] of sections) {
  if (!only.has(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const body = await run();
  parts.push(...(heading ? [heading, ''] : []), body.trim(), '');
}
const report = parts.join('\n');
if (values.write) {
  fs.writeFileSync(path.join(ROOT, 'docs', 'benchmarks.md'), report);
  process.stderr.write('bench: written to docs/benchmarks.md\n');
} else {
  process.stdout.write(report);
}
