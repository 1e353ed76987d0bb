import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { inject } from 'vitest';
import { BORDERLESS_PDF } from '../helpers/gold.ts';
import { startCli } from '../helpers/cli.ts';

function snapshotOf(dbPath: string) {
  const db = new Database(dbPath, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      notas: db.prepare('SELECT slug, sha256, active, record_count FROM nota ORDER BY id').all(),
      records: db.prepare('SELECT count(*) FROM qa').pluck().get(),
      generation: db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).pluck().get(),
    };
  } finally {
    db.close();
  }
}

describe('a crash in the middle of an ingest', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-kill-'));
    dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['a new nota', 'nvi-extra'],
    ['a replacement of the existing nota', 'nvi-2021-2023'],
  ])('(%s) leaves the previous data complete and readable when the process is killed before commit', async (_name, slug) => {
    const before = snapshotOf(dbPath);
    const child = startCli('ingest', ['--db', dbPath, '--slug', slug, '--quiet', BORDERLESS_PDF], { NVI_INGEST_FAULT: 'hang-before-commit' });
    // Wait until every row is written but not committed, then kill without warning.
    await new Promise<void>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        if (err.includes('fault: hanging before-commit')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`ingest exited (${code}) before the fault point: ${err}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const after = snapshotOf(dbPath);
    expect(after.integrity).toBe('ok');
    expect(after).toEqual(before);
  });
});
