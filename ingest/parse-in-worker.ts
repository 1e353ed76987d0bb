import type { Worker } from 'node:worker_threads';
import { IngestError } from './errors.ts';
import { parseExtracted } from './parse.ts';
import type { ExtractedPdf, ParsedNota } from './types.ts';
import { defaultParts, takeWorker } from './worker/pool.ts';
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

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
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
