import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import Database from 'better-sqlite3';
import { IngestError } from '../../ingest/errors.ts';
import { parseInWorker } from '../../ingest/parse-in-worker.ts';
import { slowPagePdf } from '../helpers/bad-pdfs.ts';
import { runCli } from '../helpers/cli.ts';

describe('a page that never finishes', () => {
  let dir: string;
  let pdfPath: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-slow-'));
    pdfPath = path.join(dir, 'slow.pdf');
    fs.writeFileSync(pdfPath, slowPagePdf());
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is stopped at the time limit: the worker is terminated and the error says where it was', async () => {
    const started = Date.now();
    const error = await parseInWorker(new Uint8Array(fs.readFileSync(pdfPath)), { file: pdfPath, timeoutMs: 1500, maxPages: 100 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('timeout');
    expect((error as IngestError).message).toBe(`${pdfPath} (page 1): parsing took longer than 1.5 s (0 of 1 pages read)`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails the CLI ingest with one line and leaves the database as it was', () => {
    const dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    const count = () => {
      const db = new Database(dbPath, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM nota').pluck().get();
      db.close();
      return n;
    };
    const before = count();
    const r = runCli('ingest', ['--db', dbPath, '--timeout', '1', pdfPath]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`error: ${pdfPath} (page 1): parsing took longer than 1.0 s (0 of 1 pages read)`);
    expect(count()).toBe(before);
  });
});
