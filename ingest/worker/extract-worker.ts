import { parentPort } from 'node:worker_threads';
import { IngestError } from '../errors.ts';
import { extractItems } from '../extract-items.ts';
import type { StartMessage, WorkerMessage, WorkerRequest } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('extract-worker must run in a worker thread');
const post = (m: WorkerMessage) => port.postMessage(m);

async function extract(request: WorkerRequest): Promise<void> {
  try {
    const extracted = await extractItems(request.data, {
      file: request.file,
      maxPages: request.maxPages,
      pageFilter: (n) => (n - 1) % request.parts === request.part,
      onPageStart: (page, pageCount) => post({ type: 'reading', page, pageCount }),
      onPage: (page, pageCount) => post({ type: 'progress', page, pageCount }),
    });
    post({ type: 'done', extracted });
  } catch (err) {
    const error =
      err instanceof IngestError
        ? err.toJSON()
        : { code: 'corrupt' as const, file: request.file, reason: `cannot be read: ${(err as Error)?.message ?? String(err)}`, page: undefined };
    post({ type: 'error', error });
  }
}

// A worker may be started before there is work for it (see prewarmParseWorkers): it waits here.
port.once('message', (m: StartMessage) => void extract(m.request));
