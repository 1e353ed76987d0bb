import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../core/cli-args.ts';
import { openDatabase, readGeneration } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';
import { descriptionFlags } from '../../ingest/cli/description-flags.ts';
import { ingestFile } from '../../ingest/ingest.ts';
import { runCli } from '../helpers/cli.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';

describe('description flags', () => {
  it('accept what they document, normalised', () => {
    expect(descriptionFlags({ publisher: '  Zilveren   Kruis ', sector: 'GGZ', round: '2024-2026', published: '2023-07-01' })).toEqual({
      publisher: 'Zilveren Kruis',
      sector: 'GGZ',
      round: '2024-2026',
      published: '2023-07-01',
    });
    expect(descriptionFlags({ round: '2025' })).toEqual({ round: '2025' });
    expect(descriptionFlags({})).toEqual({});
  });

  it.each([
    [{ round: '24-26' }, /^--round must be a year or a range of years .*got "24-26"$/],
    [{ round: '2026-2024' }, /^--round must run from the earlier year to the later one, got "2026-2024"$/],
    [{ round: '2024/2026' }, /^--round /],
    [{ published: '1-7-2023' }, /^--published must be a date as YYYY-MM-DD .*got "1-7-2023"$/],
    [{ published: '2023-02-30' }, /^--published is no existing date: "2023-02-30"$/],
    [{ publisher: '   ' }, /^--publisher must not be empty$/],
    [{ sector: 'x'.repeat(101) }, /^--sector must be at most 100 characters/],
  ])('reject %o naming the flag and the problem', (values, message) => {
    expect(() => descriptionFlags(values)).toThrow(UsageError);
    expect(() => descriptionFlags(values)).toThrow(message);
  });

  it('a bad value stops the command before it touches anything: exit 2 and one error line', () => {
    const r = runCli('ingest', ['--db', path.join(os.tmpdir(), 'nvi-never-created', 'x.db'), '--round', '2024-26', BORDERED_PDF]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('error: --round must be a year or a range of years (YYYY or YYYY-YYYY, e.g. 2024-2026), got "2024-26"');
    expect(fs.existsSync(path.join(os.tmpdir(), 'nvi-never-created'))).toBe(false);
  });
});

describe('ingestFile with a description', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-describe-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stores the flags over what the parser read, and corrects them when the same file comes again', async () => {
    const db = openDatabase(path.join(dir, 'nvi.db'));
    try {
      const description = { publisher: 'ZN', sector: 'VV', round: '2021-2023', published: '2020-06-30' };
      const first = await ingestFile(db, BORDERED_PDF, { description, timeoutMs: 120_000, maxPages: 5000 });
      expect(first.status).toBe('created');
      const repo = createQaRepository(db);
      expect(repo.activeNotas()[0]).toMatchObject(description);

      const generation = readGeneration(db);
      const again = await ingestFile(db, BORDERED_PDF, { description: { sector: 'GZ' }, timeoutMs: 120_000, maxPages: 5000 });
      expect(again.status).toBe('described');
      expect(repo.activeNotas()[0]).toMatchObject({ ...description, sector: 'GZ' });
      expect(readGeneration(db)).toBe(generation + 1);

      // The same values again change nothing, and no generation is spent on it.
      const same = await ingestFile(db, BORDERED_PDF, { description: { sector: 'GZ' }, timeoutMs: 120_000, maxPages: 5000 });
      expect(same.status).toBe('unchanged');
      expect(readGeneration(db)).toBe(generation + 1);
    } finally {
      db.close();
    }
  });
});
