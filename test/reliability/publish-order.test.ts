import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readIndexHeader } from '../../core/publish/index-file.ts';
import { indexPathFor } from '../../core/config.ts';
import { startCli } from '../helpers/cli.ts';
import { makeNviPdf } from '../helpers/nvi-pdf.ts';

describe('publishing an ingest', () => {
  let dir: string;
  let dbPath: string;
  let pdfPaths: string[];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-publish-'));
    dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    fs.copyFileSync(indexPathFor(inject('testDbPath')), indexPathFor(dbPath));
    pdfPaths = [];
    for (const seed of [11, 12]) {
      const file = path.join(dir, `nvi-extra-${seed}.pdf`);
      fs.writeFileSync(file, (await makeNviPdf({ seed, rows: 80 })).pdf);
      pdfPaths.push(file);
    }
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A real ingest in a child process: alone about 10 s, several times that when other work takes both cores.
  const INGEST_TIMEOUT = 300_000;

  it('writes the index before the new generation becomes visible: a reader never sees a generation without its index', async () => {
    const reader = new Database(dbPath, { readonly: true });
    const generation = reader.prepare(`SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'`).pluck();
    const start = generation.get() as number;
    const child = startCli('ingest', ['--db', dbPath, '--quiet', ...pdfPaths]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let done = false;
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((done = true), resolve(code))));
    const seen = new Set<number>();
    let samples = 0;
    try {
      // Each sample: the generation a reader sees, then the index file. The file must already
      // describe that generation (or a later one, if another commit came in between).
      while (!done) {
        const g = generation.get() as number;
        const header = readIndexHeader(indexPathFor(dbPath));
        expect(header, `no index file at generation ${g}`).not.toBeNull();
        expect(header!.generation, `generation ${g} is visible but the index is of ${header!.generation}`).toBeGreaterThanOrEqual(g);
        seen.add(g);
        samples++;
        // A short pause, not setImmediate: a spinning reader takes a core from the ingest it watches.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    } finally {
      reader.close();
    }
    expect(await exited, stderr).toBe(0);
    // Both files committed, one after the other, and the reader saw at least the start.
    expect(seen.has(start)).toBe(true);
    expect(samples).toBeGreaterThan(0);
    const header = readIndexHeader(indexPathFor(dbPath));
    const db = new Database(dbPath, { readonly: true });
    try {
      const now = db.prepare(`SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation'`).pluck().get() as number;
      const notaIds = (db.prepare(`SELECT id FROM nota WHERE active = 1 ORDER BY id`).pluck().all() as number[]);
      expect(now).toBe(start + 2);
      expect(header).toMatchObject({ generation: now, notaIds, records: 512 + 160 });
    } finally {
      db.close();
    }
  }, INGEST_TIMEOUT);
});
