import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, openDatabase } from '../../core/store/database.ts';
import { createPdfReader, PDF_CHUNK_BYTES } from '../../core/store/pdf-chunks.ts';
import { buildTestApp } from '../helpers/app.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';

const URL = '/bron/nvi-2021-2023.pdf';

describe('/bron/:nota.pdf', () => {
  let app: FastifyInstance;
  let pdf: Buffer;
  let etag: string;
  beforeAll(async () => {
    app = await buildTestApp();
    pdf = fs.readFileSync(BORDERED_PDF);
    etag = (await app.inject({ method: 'HEAD', url: URL })).headers.etag as string;
  });
  afterAll(async () => {
    await app.close();
  });

  it('sends the stored PDF whole, byte for byte, with its ETag and length', async () => {
    // More than a few chunks, so the stream crosses chunk boundaries.
    expect(pdf.length).toBeGreaterThan(3 * PDF_CHUNK_BYTES);
    const res = await app.inject(URL);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toMatch(/no-cache/);
    expect(Number(res.headers['content-length'])).toBe(pdf.length);
    expect(res.rawPayload.equals(pdf)).toBe(true);
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers.etag).toBe(etag);
  });

  it.each([
    ['a range inside one chunk', 'bytes=100-199', 100, 199],
    ['a range across a chunk boundary', `bytes=${PDF_CHUNK_BYTES - 10}-${PDF_CHUNK_BYTES + 9}`, PDF_CHUNK_BYTES - 10, PDF_CHUNK_BYTES + 9],
    ['an open-ended range', `bytes=${2 * PDF_CHUNK_BYTES + 5}-`, 2 * PDF_CHUNK_BYTES + 5, -1],
    ['the last bytes (suffix)', 'bytes=-500', -500, -1],
    ['a range past the end, cut to the end', 'bytes=10-999999999', 10, -1],
  ])('answers %s with 206 and exactly those bytes', async (_name, range, from, to) => {
    const start = from < 0 ? pdf.length + from : from;
    const end = to < 0 ? pdf.length - 1 : to;
    const res = await app.inject({ url: URL, headers: { range } });
    expect(res.statusCode).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${pdf.length}`);
    expect(Number(res.headers['content-length'])).toBe(end - start + 1);
    expect(res.rawPayload.equals(pdf.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range beyond the end with 416 and the size', async () => {
    const res = await app.inject({ url: URL, headers: { range: `bytes=${pdf.length}-` } });
    expect(res.statusCode).toBe(416);
    expect(res.headers['content-range']).toBe(`bytes */${pdf.length}`);
  });

  it('sends it whole when the range is of another edition (If-Range) or asks for several ranges', async () => {
    for (const headers of [{ range: 'bytes=0-9', 'if-range': '"another-edition"' }, { range: 'bytes=0-9,20-29' }]) {
      const res = await app.inject({ url: URL, headers });
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.length).toBe(pdf.length);
    }
    const same = await app.inject({ url: URL, headers: { range: 'bytes=0-9', 'if-range': etag } });
    expect(same.statusCode).toBe(206);
  });

  it('answers a revalidation with 304 and no body', async () => {
    const res = await app.inject({ url: URL, headers: { 'if-none-match': etag } });
    expect(res.statusCode).toBe(304);
    expect(res.rawPayload.length).toBe(0);
  });

  it('gives 404 for an unknown NvI', async () => {
    expect((await app.inject('/bron/onbekend.pdf')).statusCode).toBe(404);
  });
});

describe('schema migration 3', () => {
  it('moves PDFs stored whole into chunks, keeping every byte, and drops the old table', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-migrate-'));
    try {
      const dbPath = path.join(dir, 'v2.db');
      // A database as version 2 left it, with a PDF stored whole.
      const v2 = new Database(dbPath);
      for (const step of MIGRATIONS.slice(0, 2)) v2.exec(step as string);
      v2.pragma('user_version = 2');
      const pdf = fs.readFileSync(BORDERED_PDF);
      const small = Buffer.from('%PDF-1.4\n%%EOF\n');
      const addNota = v2.prepare(
        `INSERT INTO nota (slug, title, source_file, sha256, page_count, record_count, ingested_at) VALUES (?, 'T', 'x.pdf', ?, 1, 0, '2024-01-01')`,
      );
      const a = Number(addNota.run('a', 'sha-a').lastInsertRowid);
      const b = Number(addNota.run('b', 'sha-b').lastInsertRowid);
      v2.prepare(`INSERT INTO nota_pdf (nota_id, data) VALUES (?, ?)`).run(a, pdf);
      v2.prepare(`INSERT INTO nota_pdf (nota_id, data) VALUES (?, ?)`).run(b, small);
      v2.close();

      const db = openDatabase(dbPath);
      try {
        expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
        expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'nota_pdf'`).pluck().get()).toBe(0);
        const reader = createPdfReader(db);
        const read = (id: number, size: number) =>
          new Promise<Buffer>((resolve, reject) => {
            const parts: Buffer[] = [];
            reader.stream(id, 0, size - 1).on('data', (c: Buffer) => parts.push(c)).on('end', () => resolve(Buffer.concat(parts))).on('error', reject);
          });
        expect(reader.size(a)).toBe(pdf.length);
        expect(reader.size(b)).toBe(small.length);
        expect((await read(a, pdf.length)).equals(pdf)).toBe(true);
        expect((await read(b, small.length)).equals(small)).toBe(true);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
