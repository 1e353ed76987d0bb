import type { IngestError } from '../errors.ts';
import type { ExtractedPdf } from '../types.ts';

/** One worker's share: pages whose (number - 1) % parts === part. */
export interface WorkerRequest {
  file: string;
  data: Uint8Array;
  part: number;
  parts: number;
  maxPages: number;
}

export type WorkerMessage =
  | { type: 'progress'; page: number; pageCount: number }
  | { type: 'done'; extracted: ExtractedPdf }
  | { type: 'error'; error: ReturnType<IngestError['toJSON']> };
