import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { indexPathFor } from '../../core/config.ts';
import { readIndexHeader, removeStaleTempFiles, tempPathFor } from '../../core/publish/index-file.ts';
import { publishChange } from '../../core/publish/publish.ts';
import { openDatabase, readGeneration, type Db } from '../../core/store/database.ts';
import { writeNota } from '../../core/store/write-nota.ts';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';

function noSpace(): never {
  throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
}

const tempFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a full disk while publishing', () => {
  let dir: string;
  let dbPath: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-diskfull-'));
    dbPath = path.join(dir, 'nvi.db');
    fs.copyFileSync(inject('testDbPath'), dbPath);
    fs.copyFileSync(indexPathFor(inject('testDbPath')), indexPathFor(dbPath));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.restoreAllMocks());

  it('publishes nothing when the index cannot be written: data rolled back, old index kept, no temp file left', () => {
    const indexBefore = fs.readFileSync(indexPathFor(dbPath));
    const db = openDatabase(dbPath);
    try {
      const generationBefore = readGeneration(db);
      const notasBefore = db.prepare('SELECT count(*) FROM nota').pluck().get();
      // The header line is written; the index body finds the disk full.
      let writes = 0;
      const real = fs.writeSync;
      vi.spyOn(fs, 'writeSync').mockImplementation(((...args: Parameters<typeof fs.writeSync>) => (++writes > 1 ? noSpace() : real(...args))) as typeof fs.writeSync);
      expect(() =>
        publishChange(db, indexPathFor(dbPath), () => addNotaOn(db)),
      ).toThrow(/ENOSPC/);
      expect(writes).toBeGreaterThan(1);
      vi.restoreAllMocks();
      expect(db.inTransaction).toBe(false);
      expect(readGeneration(db)).toBe(generationBefore);
      expect(db.prepare('SELECT count(*) FROM nota').pluck().get()).toBe(notasBefore);
      expect(fs.readFileSync(indexPathFor(dbPath)).equals(indexBefore)).toBe(true);
      expect(tempFiles(dir)).toEqual([]);

      // With room on the disk again, the same change publishes, index first.
      const { index } = publishChange(db, indexPathFor(dbPath), () => addNotaOn(db));
      expect(index?.rebuilt).toBe(true);
      expect(readGeneration(db)).toBe(generationBefore + 1);
      expect(readIndexHeader(indexPathFor(dbPath))?.generation).toBe(generationBefore + 1);
      expect(tempFiles(dir)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('removes temp files of writers that died, at start, and leaves a live writer\'s alone', () => {
    const indexFile = indexPathFor(dbPath);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    fs.writeFileSync(tempPathFor(indexFile, dead), 'half an index');
    // This process stands in for a live writer of another process: its parent is running.
    const live = process.ppid;
    fs.writeFileSync(tempPathFor(indexFile, live), 'being written');
    expect(removeStaleTempFiles(indexFile)).toEqual([path.basename(tempPathFor(indexFile, dead))]);
    expect(tempFiles(dir)).toEqual([path.basename(tempPathFor(indexFile, live))]);
    fs.rmSync(tempPathFor(indexFile, live));
  });
});

/** A small nota, written on the publishing connection as an ingest does. */
function addNotaOn(db: Db): void {
  const slug = `extra-${Math.random().toString(36).slice(2, 8)}`;
  const records = [{ vid: 'X-1', document: 'Document', paragraph: '1 Paragraaf', question: 'Vraag over de schijf?', answer: 'Antwoord.', pageStart: 1, pageEnd: 1, seq: 1, documentKey: documentKey('Document'), paragraphKey: paragraphKey('1 Paragraaf') }];
  writeNota(
    db,
    { title: slug, published: null, pageCount: 1, records, warnings: [], columns: [] },
    { slug, title: slug, sourceFile: `${slug}.pdf`, sha256: slug, pdf: new Uint8Array(Buffer.from('%PDF-1.4\n%%EOF\n')) },
  );
}
