import { Worker } from 'node:worker_threads';
import type { IndexReply, IndexRequest } from './index-protocol.ts';

const BOOT = new URL('./worker-boot.mjs', import.meta.url);

/**
 * Loads (or builds) a search index in a worker thread of its own, one per load: the server
 * thread only receives the finished index data, its typed arrays moved rather than copied.
 */
export function loadIndexOffThread(request: IndexRequest): Promise<IndexReply> {
  return new Promise((resolve, reject) => {
    // No execArgv: the boot file registers the TypeScript loader itself.
    const worker = new Worker(BOOT, { workerData: request, execArgv: [], stdout: false, stderr: false });
    let replied = false;
    worker.once('message', (reply: IndexReply) => {
      replied = true;
      resolve(reply);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!replied) reject(new Error(`index worker exited (${code}) without an index`));
    });
  });
}
