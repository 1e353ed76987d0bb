/**
 * The parse worker threads. Kept apart from the parser, with nothing to load but Node's own
 * modules, so that the ingest command can start a worker (which then loads pdf.js) before it
 * loads anything else.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Below this size (a few hundred pages) a second worker costs more than it saves: every worker
 * pays pdf.js's warm-up (loading and JIT compiling it), which for a 117-page NvI is more than
 * half of the extraction time, so splitting its pages in two gains nothing (docs/benchmarks.md).
 */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

const BOOT = new URL('./boot.mjs', import.meta.url);
const DEFAULT_HEAP_MB = 2048;

export function defaultParts(bytes: number): number {
  return bytes >= PARALLEL_MIN_BYTES ? Math.min(2, os.availableParallelism()) : 1;
}

function spawnWorker(maxHeapMb = DEFAULT_HEAP_MB): Worker {
  return new Worker(BOOT, {
    // The worker sets up its own loader; inheriting the parent's would slow pdf.js loading.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    stdout: false,
    stderr: false,
  });
}

/** Started, idle workers; unref'd so that unused ones never keep the process alive. */
const idle: Worker[] = [];

/**
 * Starts parse workers ahead of need. A worker takes a few hundred milliseconds to load pdf.js;
 * a command-line ingest calls this first thing, so that happens while the rest of the program
 * loads and the file is read and hashed.
 */
export function prewarmParseWorkers(count = 1): void {
  while (idle.length < count) {
    const worker = spawnWorker();
    worker.unref();
    worker.once('error', () => idle.splice(idle.indexOf(worker), 1));
    idle.push(worker);
  }
}

export function takeWorker(maxHeapMb: number | undefined): Worker {
  const worker = maxHeapMb === undefined ? idle.shift() : undefined;
  if (!worker) return spawnWorker(maxHeapMb);
  worker.removeAllListeners('error');
  worker.ref();
  return worker;
}
