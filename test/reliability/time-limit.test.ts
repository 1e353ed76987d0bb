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

  // How far the worker got before the limit depends on how busy the machine is (pdf.js may not
  // even have opened the file yet), so the page and the pages read are not asserted; the kind of
  // error, the file and the limit are.
  it('is stopped at the time limit with a timeout error that names the file and the limit', async () => {
    const error = await parseInWorker(new Uint8Array(fs.readFileSync(pdfPath)), { file: pdfPath, timeoutMs: 1500, maxPages: 100 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe('timeout');
    expect((error as IngestError).file).toBe(pdfPath);
    expect((error as IngestError).message.startsWith(pdfPath)).toBe(true);
    expect((error as IngestError).message).toContain('parsing took longer than 1.5 s');
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
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`error: ${pdfPath}`)).toBe(true);
    expect(lines[0]).toContain('parsing took longer than 1.0 s');
    expect(count()).toBe(before);
  });
});
