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

/** Sent once to a started (possibly pre-warmed) worker. */
export interface StartMessage {
  type: 'start';
  request: WorkerRequest;
}

export type WorkerMessage =
  | { type: 'reading'; page: number; pageCount: number }
  | { type: 'progress'; page: number; pageCount: number }
  | { type: 'done'; extracted: ExtractedPdf }
  | { type: 'error'; error: ReturnType<IngestError['toJSON']> };
