import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: bundled data, views and docs are found from here. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where data lives unless configured otherwise; shared by the server and the command-line tools. */
export const DEFAULT_PATHS = {
  dbPath: path.join(ROOT, 'data', 'nvi.db'),
  dataDir: path.join(ROOT, 'data'),
} as const;

/** Bounds on one ingest, so a hostile or broken PDF cannot hold a parser forever. */
export const INGEST_LIMITS = {
  /** Time limit for parsing one PDF. */
  ingestTimeoutMs: 120_000,
  /** No NvI comes near this; a file that claims more pages is refused before any page is read. */
  maxPages: 5000,
} as const;

/** The search index is stored next to the database it was built from. */
export function indexPathFor(dbPath: string): string {
  return `${dbPath}.search.json`;
}

/** The PDFs in a data directory, by name: what the server's start-up ingest takes. */
export function pdfsIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.pdf$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}
