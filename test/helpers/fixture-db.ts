import { INGEST_LIMITS } from '../../core/config.ts';
import { refreshIndexFile } from '../../core/publish/publish.ts';
import { openDatabase } from '../../core/store/database.ts';
import { ingestFile } from '../../ingest/ingest.ts';
import { BORDERED_PDF } from './gold.ts';

/**
 * Writes the bundled 2021-2023 fixture, ingested, with its search index beside it, to `dbPath`:
 * a self-contained file (no WAL left beside it) that tests and benchmarks copy.
 */
export async function writeFixtureDatabase(dbPath: string): Promise<string> {
  const db = openDatabase(dbPath);
  try {
    await ingestFile(db, BORDERED_PDF, { slug: 'nvi-2021-2023', timeoutMs: INGEST_LIMITS.ingestTimeoutMs, maxPages: INGEST_LIMITS.maxPages });
    refreshIndexFile(db, `${dbPath}.search.json`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return dbPath;
}
