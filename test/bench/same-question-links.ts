/**
 * "The same question elsewhere", computed in full (what a rebuild and migration 4 run over every
 * active record) and for one added NvI (what a publish runs), on synthetic sibling NvIs
 * (test/helpers/sibling-records.ts: gold sentences recombined, a share copied between NvIs).
 * CPU time of `findSameQuestions` alone (reading and writing the rows is linear and unchanged).
 * With `--baseline FILE`, another implementation of it (e.g. an earlier commit's
 * core/crossnvi/same-question.ts, saved beside the current one) runs alternated with the current
 * one, and the links of both are checked to be identical.
 *
 *   npx tsx test/bench/same-question-links.ts [--sizes 2000,5000,20000] [--notas 20] [--runs 3] [--baseline FILE]
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { findSameQuestions, type CrossRecord } from '../../core/crossnvi/same-question.ts';
import { siblingRecords } from '../helpers/sibling-records.ts';
import { linkLines } from '../crossnvi/every-pair.ts';

type Find = typeof findSameQuestions;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '2000,5000,20000' },
    notas: { type: 'string', default: '20' },
    runs: { type: 'string', default: '3' },
    baseline: { type: 'string' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const notas = Number(values.notas);
const runs = Number(values.runs);
const systems: Array<[string, Find]> = [['current', findSameQuestions]];
if (values.baseline) {
  const module = (await import(path.resolve(values.baseline))) as { findSameQuestions: Find };
  systems.unshift(['baseline', module.findSameQuestions]);
}

console.log(`${os.availableParallelism()} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`| records (${notas} NvIs) | links | ${systems.map(([n]) => `full, ${n} (ms)`).join(' | ')} | ${systems.map(([n]) => `one NvI added, ${n} (ms)`).join(' | ')} |`);
for (const size of sizes) {
  const records: CrossRecord[] = siblingRecords(size, notas, 2026);
  const added = (r: CrossRecord) => r.nota === notas;
  const full = new Map<string, number[]>(systems.map(([n]) => [n, []]));
  const publish = new Map<string, number[]>(systems.map(([n]) => [n, []]));
  const lines = new Map<string, string>();
  let links = 0;
  // Alternated: each run times every system once, in turn.
  for (let run = 0; run < runs; run++) {
    for (const [name, find] of systems) {
      let found: ReturnType<Find> = [];
      full.get(name)!.push(cpuMs(() => (found = find(records))));
      publish.get(name)!.push(cpuMs(() => find(records, undefined, added)));
      if (run === 0) lines.set(name, linkLines(found).join('\n'));
      links = found.length;
    }
  }
  const same = new Set(lines.values()).size === 1 ? '' : ' **(links differ!)**';
  const cells = (m: Map<string, number[]>) => systems.map(([n]) => String(Math.round(median(m.get(n)!)))).join(' | ');
  console.log(`| ${size.toLocaleString('en')} | ${links.toLocaleString('en')}${same} | ${cells(full)} | ${cells(publish)} |`);
}
console.log(`medians of ${runs} alternated runs; load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
