/**
 * Why an ingest failed. Each code maps to one line a person can act on; the CLI prints
 * `file: reason` and exits non-zero, the database is left untouched.
 */
export type IngestErrorCode =
  | 'unreadable'
  | 'not-pdf'
  | 'truncated'
  | 'corrupt'
  | 'encrypted'
  | 'no-text'
  | 'no-table'
  | 'too-large'
  | 'timeout'
  | 'crashed';

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly file: string;
  readonly page: number | undefined;

  constructor(code: IngestErrorCode, file: string, reason: string, page?: number) {
    super(page === undefined ? `${file}: ${reason}` : `${file} (page ${page}): ${reason}`);
    this.name = 'IngestError';
    this.code = code;
    this.file = file;
    this.page = page;
  }

  /** Structured-clone friendly shape, for crossing the worker boundary. */
  toJSON(): { code: IngestErrorCode; file: string; reason: string; page: number | undefined } {
    const prefix = this.page === undefined ? `${this.file}: ` : `${this.file} (page ${this.page}): `;
    return { code: this.code, file: this.file, reason: this.message.slice(prefix.length), page: this.page };
  }

  static fromJSON(j: { code: IngestErrorCode; file: string; reason: string; page: number | undefined }): IngestError {
    return new IngestError(j.code, j.file, j.reason, j.page);
  }
}

export function isIngestError(e: unknown): e is IngestError {
  return e instanceof IngestError;
}
