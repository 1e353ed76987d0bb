import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ingestFile } from '../ingest/ingest.ts';
import { refreshIndexFile } from '../core/publish/publish.ts';
import { openDatabase } from '../core/store/database.ts';
import { BORDERED_PDF } from './helpers/gold.ts';
import { INGEST_LIMITS } from '../core/config.ts';

/** Ingests the bundled fixture once per test run; tests copy the resulting database. */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-testdb-'));
  const dbPath = path.join(dir, 'nvi.db');
  const db = openDatabase(dbPath);
  try {
    await ingestFile(db, BORDERED_PDF, { slug: 'nvi-2021-2023', timeoutMs: INGEST_LIMITS.ingestTimeoutMs, maxPages: INGEST_LIMITS.maxPages });
    refreshIndexFile(db, `${dbPath}.search.json`);
    // A self-contained file to copy: no WAL left beside it.
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  project.provide('testDbPath', dbPath);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
