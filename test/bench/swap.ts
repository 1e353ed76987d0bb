/**
 * Index swap benchmark: what the server thread does when a reload hands it a new index, at
 * 100,000 records. The worker builds or reads the index; the server thread receives the message
 * (typed arrays are moved, everything else is copied) and wraps it in an engine. Side by side
 * with the way it was done before (references as a Map of 100,000 small arrays, record positions
 * in a Map and field norms computed on the server thread), reproduced here as the baseline.
 *
 *   npx tsx test/bench/swap.ts [--records 100000] [--runs 7]
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { DEFAULT_ANALYZER_OPTIONS } from '../../core/search/analyzer.ts';
import { buildIndexData } from '../../core/search/build-index.ts';
import { engineFromIndexData } from '../../core/search/engine.ts';
import { refEntries } from '../../core/search/ref-table.ts';
import { fieldNorms, type IndexData } from '../../core/search/search-index.ts';
import { answerGroupTable } from '../../server/snapshot/answer-group-table.ts';
import { transferables } from '../../server/snapshot/index-protocol.ts';
import { readGold } from '../helpers/gold.ts';
import { toIndexRecords } from '../search/gold-engine.ts';
import { syntheticRecords } from './search.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Sends `message` through a port and times only the receiving side, as the server thread pays it. */
function receive<T>(message: T, transfer: ArrayBuffer[]): { message: T; ms: number } {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(message, transfer);
  const started = performance.now();
  const received = receiveMessageOnPort(port2)!.message as T;
  const ms = performance.now() - started;
  port1.close();
  return { message: received, ms };
}

function now(data: IndexData): { receive: number; wrap: number } {
  const copy = structuredClone(data);
  const norms = fieldNorms(copy.fieldLengths, copy.ids.length);
  const groups = answerGroupTable([], copy.ids.length, () => undefined);
  const got = receive({ data: copy, norms, groups }, transferables(copy, norms, groups));
  const started = performance.now();
  engineFromIndexData(got.message.data, () => undefined, got.message.norms);
  return { receive: got.ms, wrap: performance.now() - started };
}

function before(data: IndexData): { receive: number; wrap: number } {
  const copy = structuredClone(data);
  const refs = new Map([...refEntries(copy.refs)].map(([key, list]) => [key, list.slice()]));
  const arrays = [copy.ids, copy.notaIds, copy.documentKeyOf, copy.paragraphKeyOf, copy.fieldLengths, copy.offsets, copy.docs, copy.tfs];
  const got = receive({ data: { ...copy, refs } }, [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))]);
  const started = performance.now();
  const positions = new Map<number, number>();
  got.message.data.ids.forEach((id, i) => positions.set(id, i));
  // Norms on this thread, as the engine did before it could take them from the worker.
  engineFromIndexData({ ...got.message.data, refs: copy.refs }, () => undefined);
  return { receive: got.ms, wrap: performance.now() - started };
}

export function runSwapBench(options: { records?: number; runs?: number } = {}): string {
  const records = options.records ?? 100_000;
  const runs = options.runs ?? 7;
  const data = buildIndexData(syntheticRecords(toIndexRecords(readGold()), records), DEFAULT_ANALYZER_OPTIONS);
  const results = { now: [] as Array<{ receive: number; wrap: number }>, before: [] as Array<{ receive: number; wrap: number }> };
  // Alternate, after one warm-up of each, so a busy moment of the machine hits both alike.
  for (let run = -1; run < runs; run++) {
    const a = before(data);
    const b = now(data);
    if (run < 0) continue;
    results.before.push(a);
    results.now.push(b);
  }
  const row = (name: string, xs: Array<{ receive: number; wrap: number }>) => {
    const total = median(xs.map((x) => x.receive + x.wrap));
    return { line: `| ${name} | ${median(xs.map((x) => x.receive)).toFixed(1)} | ${median(xs.map((x) => x.wrap)).toFixed(1)} | ${total.toFixed(1)} |`, total };
  };
  const a = row('before: references as a Map of arrays; positions and norms on the server thread', results.before);
  const b = row('now: references as flat columns, norms from the worker, positions by binary search', results.now);
  return [
    `${records.toLocaleString('en')} synthetic records (${data.refs.keys.length.toLocaleString('en')} id and paragraph references, ${data.terms.length.toLocaleString('en')} terms); ` +
      `server-thread time to receive a new index from the worker and wrap it in an engine, median of ${runs} alternated runs; load average ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    '| how | receive ms | wrap ms | server thread ms |',
    '| --- | ---: | ---: | ---: |',
    a.line,
    b.line,
    '',
    `Now / before: ${(b.total / a.total).toFixed(2)}×.`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { records: { type: 'string' }, runs: { type: 'string' } } });
  console.log(runSwapBench({ records: Number(values.records ?? 100_000), runs: Number(values.runs ?? 7) }));
}
