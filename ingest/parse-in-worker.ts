import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import { parseExtracted } from './parse.ts';
import type { ExtractedPdf, ParsedNota } from './types.ts';
import type { StartMessage, WorkerMessage, WorkerRequest } from './worker/protocol.ts';

export interface WorkerParseOptions {
  /** Name used in messages. */
  file: string;
  /** Wall-clock limit for the whole parse. */
  timeoutMs: number;
  maxPages: number;
  /** Worker threads to spread the pages over; by default up to 2, fewer for small files. */
  workers?: number;
  /** Heap limit per worker, so a pathological PDF cannot take the process down. */
  maxHeapMb?: number;
  onProgress?: (pagesDone: number, pageCount: number) => void;
}

/**
 * Below this size (a few hundred pages) a second worker costs more than it saves: every worker
 * pays pdf.js's warm-up (loading and JIT compiling it), which for a 117-page NvI is more than
 * half of the extraction time, so splitting its pages in two gains nothing (docs/benchmarks.md).
 */
const PARALLEL_MIN_BYTES = 2 * 1024 * 1024;

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

const BOOT = new URL('./worker/boot.mjs', import.meta.url);
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

function takeWorker(maxHeapMb: number | undefined): Worker {
  const worker = maxHeapMb === undefined ? idle.shift() : undefined;
  if (!worker) return spawnWorker(maxHeapMb);
  worker.removeAllListeners('error');
  worker.ref();
  return worker;
}

/**
 * Parses a PDF with pdf.js in worker threads. In Node pdf.js runs on the calling thread, so a PDF
 * that never finishes a page would hang the process; workers can be terminated at the time
 * limit. Text extraction is nearly all of the cost, so the pages are spread over the workers
 * (interleaved, for balance); the layout analysis then runs once over all pages, here.
 */
export async function parseInWorker(data: Uint8Array, options: WorkerParseOptions): Promise<ParsedNota> {
  const parts = Math.max(1, options.workers ?? defaultParts(data.byteLength));
  const extracted = await extractInWorkers(data, parts, options);
  return parseExtracted(extracted, options.file);
}

function extractInWorkers(data: Uint8Array, parts: number, options: WorkerParseOptions): Promise<ExtractedPdf> {
  const workers: Worker[] = [];
  const results: ExtractedPdf[] = [];
  let pagesDone = 0;
  let lastPage = 0;
  let pageCount = 0;
  return new Promise<ExtractedPdf>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      for (const w of workers) void w.terminate();
      fn();
    };
    const timer = setTimeout(() => {
      const where = pageCount > 0 ? ` (${pagesDone} of ${pageCount} pages read)` : '';
      // The page a worker was still reading when time ran out: the one to look at.
      const stuck = reading.size > 0 ? Math.min(...reading) : undefined;
      settle(() => reject(new IngestError('timeout', options.file, `parsing took longer than ${formatSeconds(options.timeoutMs)}${where}`, stuck)));
    }, options.timeoutMs);
    const reading = new Set<number>();

    for (let part = 0; part < parts; part++) {
      const request: WorkerRequest = { file: options.file, data: part === parts - 1 ? data : data.slice(), part, parts, maxPages: options.maxPages };
      const worker = takeWorker(options.maxHeapMb);
      workers.push(worker);
      const start: StartMessage = { type: 'start', request };
      worker.postMessage(start, [request.data.buffer as ArrayBuffer]);
      let delivered = false;
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'reading') {
          reading.add(m.page);
          pageCount = m.pageCount;
        } else if (m.type === 'progress') {
          reading.delete(m.page);
          pagesDone++;
          lastPage = Math.max(lastPage, m.page);
          pageCount = m.pageCount;
          options.onProgress?.(pagesDone, m.pageCount);
        } else if (m.type === 'error') {
          settle(() => reject(IngestError.fromJSON(m.error)));
        } else {
          delivered = true;
          results.push(m.extracted);
          if (results.length === parts) settle(() => resolve(merge(results)));
        }
      });
      worker.on('error', (err) => {
        const reason = /heap|memory/i.test(err.message) ? 'ran out of memory while parsing' : `the parser crashed: ${err.message}`;
        settle(() => reject(new IngestError('crashed', options.file, reason, lastPage || undefined)));
      });
      worker.on('exit', (code) => {
        // A worker that delivered its pages may exit before the others are done.
        if (delivered) return;
        settle(() => reject(new IngestError('crashed', options.file, `the parser stopped unexpectedly (exit code ${code})`)));
      });
    }
  });
}

function merge(parts: ExtractedPdf[]): ExtractedPdf {
  const first = parts[0]!;
  return {
    pageCount: first.pageCount,
    metaTitle: first.metaTitle,
    pages: parts.flatMap((p) => p.pages).sort((a, b) => a.page - b.page),
  };
}
