import { Readable } from 'node:stream';
import type { Db } from './database.ts';

/**
 * Source PDFs are stored in chunks (table nota_pdf_chunk, schema migration 3), so the server can
 * send one, or a byte range of one, reading a chunk at a time: memory per download is one chunk,
 * not the file. 64 KiB is what PDF viewers ask for per range request (pdf.js's default), so a
 * range usually touches one or two chunks.
 */
export const PDF_CHUNK_BYTES = 64 * 1024;

/** Stores `bytes` as the PDF of `notaId` (in the caller's transaction, if any). */
export function storePdf(db: Db, notaId: number, bytes: Uint8Array): void {
  const insert = db.prepare(`INSERT INTO nota_pdf_chunk (nota_id, n, data) VALUES (?, ?, ?)`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let n = 0; n * PDF_CHUNK_BYTES < buffer.length; n++) {
    insert.run(notaId, n, buffer.subarray(n * PDF_CHUNK_BYTES, (n + 1) * PDF_CHUNK_BYTES));
  }
}

export interface PdfReader {
  /** The size in bytes, or null when no PDF is stored for the nota. */
  size(notaId: number): number | null;
  /** The bytes start..end (inclusive), read a chunk at a time as the consumer takes them. */
  stream(notaId: number, start: number, end: number): Readable;
}

export function createPdfReader(db: Db): PdfReader {
  // length() of a blob reads only its header, not its pages.
  const size = db.prepare(`SELECT sum(length(data)) FROM nota_pdf_chunk WHERE nota_id = ?`).pluck();
  const chunk = db.prepare(`SELECT data FROM nota_pdf_chunk WHERE nota_id = ? AND n = ?`).pluck();
  return {
    size: (notaId) => (size.get(notaId) as number | null) ?? null,
    stream(notaId, start, end) {
      let at = start;
      return new Readable({
        // One chunk buffered ahead at most: a slow client holds little memory.
        highWaterMark: PDF_CHUNK_BYTES,
        read() {
          if (at > end) {
            this.push(null);
            return;
          }
          const n = Math.floor(at / PDF_CHUNK_BYTES);
          const data = chunk.get(notaId, n) as Buffer | undefined;
          if (!data) {
            this.destroy(new Error(`PDF of nota ${notaId}: chunk ${n} is missing`));
            return;
          }
          const from = at - n * PDF_CHUNK_BYTES;
          const to = Math.min(data.length, end + 1 - n * PDF_CHUNK_BYTES);
          at = n * PDF_CHUNK_BYTES + to;
          this.push(data.subarray(from, to));
        },
      });
    },
  };
}

/** Migration 3: moves every PDF stored whole (nota_pdf) into chunks, one PDF in memory at a time. */
export function migratePdfsToChunks(db: Db): void {
  db.exec(`
    CREATE TABLE nota_pdf_chunk (
      nota_id INTEGER NOT NULL REFERENCES nota(id) ON DELETE CASCADE,
      n INTEGER NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (nota_id, n)
    ) STRICT;
  `);
  const ids = db.prepare(`SELECT nota_id FROM nota_pdf ORDER BY nota_id`).pluck().all() as number[];
  const read = db.prepare(`SELECT data FROM nota_pdf WHERE nota_id = ?`).pluck();
  for (const id of ids) storePdf(db, id, read.get(id) as Buffer);
  db.exec(`DROP TABLE nota_pdf`);
}
