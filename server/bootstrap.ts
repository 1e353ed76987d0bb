import { indexPathFor, type Config } from './config.ts';
import { openDatabase } from './db/database.ts';
import { isIngestError } from '../ingest/errors.ts';
import { ingestFile, pdfsIn, refreshIndexFile } from '../ingest/ingest.ts';

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * Brings the database up to date with the PDFs in the data directory before the server starts,
 * so a fresh clone serves its bundled NvI at once. Files already ingested (same sha256) cost a
 * hash each; a file that fails is logged and skipped, the others are still served.
 */
export async function ensureData(config: Config, log: Log): Promise<void> {
  const db = openDatabase(config.dbPath);
  try {
    for (const file of pdfsIn(config.dataDir)) {
      try {
        const s = await ingestFile(db, file, { timeoutMs: config.ingestTimeoutMs, maxPages: config.maxPages });
        if (s.status !== 'unchanged') {
          log.info({ file, slug: s.slug, status: s.status, records: s.records, pages: s.pages, ms: Math.round(s.ms), warnings: s.warnings.length }, 'ingested');
        }
      } catch (err) {
        if (!isIngestError(err)) throw err;
        log.error({ file, reason: err.message }, 'ingest failed; file skipped');
      }
    }
    refreshIndexFile(db, indexPathFor(config.dbPath));
  } finally {
    db.close();
  }
}
