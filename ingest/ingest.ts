import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../core/store/database.ts';
import { IngestError } from './errors.ts';
import { slugForFile, slugProblem } from '../core/text/keys.ts';
import { parseInWorker } from './parse-in-worker.ts';
import type { ParsedNota, ParseWarning } from './types.ts';
import { NO_DESCRIPTION, updateNotaDescription, writeNota, type DescriptionFields, type WriteStatus } from '../core/store/write-nota.ts';

/**
 * What the operator says about an NvI (ingest flags --publisher, --sector, --round, --published),
 * over what the parser read from the cover.
 */
export type DescriptionOverrides = DescriptionFields;

export interface IngestOptions {
  /** Title for the nota; by default the title printed on the cover. */
  title?: string | undefined;
  /** Stable identity of the nota across editions; by default derived from the file name. */
  slug?: string | undefined;
  timeoutMs: number;
  maxPages: number;
  /** Worker threads for text extraction; by default the parser decides. */
  workers?: number | undefined;
  /** Overrides what the parser read; a field left out keeps the parser's value. */
  description?: DescriptionOverrides | undefined;
  onProgress?: (page: number, pageCount: number) => void;
  /** Wraps the store step, e.g. to publish its search index before the commit (core/publish). */
  publish?: <T>(write: () => T) => T;
}

export interface IngestSummary {
  file: string;
  slug: string;
  title: string;
  status: WriteStatus;
  records: number;
  pages: number;
  ms: number;
  /** Of which: parsing (in the workers, start-up included) and storing. */
  parseMs: number;
  storeMs: number;
  warnings: ParseWarning[];
}

export function sha256(data: Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function readPdf(file: string): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new IngestError('unreadable', file, 'not a file');
    return new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    if (err instanceof IngestError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new IngestError('unreadable', file, reason);
  }
}

/**
 * Ingests one PDF: parse (in a worker, with a time limit), then store in one transaction. A file
 * whose sha256 is already stored is not parsed again. On any error nothing is written.
 */
export async function ingestFile(db: Db, file: string, options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const data = readPdf(file);
  const hash = sha256(data);
  const slug = options.slug ?? slugForFile(file);
  // The CLI checks --slug first, naming the flag; this guards every other caller.
  const problem = slugProblem(slug);
  if (problem) throw new Error(`slug ${problem}`);
  const known = db.prepare(`SELECT id, slug, title, page_count AS pages, record_count AS records FROM nota WHERE sha256 = ? AND active = 1`).get(hash) as
    | { id: number; slug: string; title: string; pages: number; records: number }
    | undefined;
  if (known) {
    // The same file again is not parsed again; flags given with it still correct its description.
    const status = options.description && updateNotaDescription(db, known.id, options.description) ? 'described' : 'unchanged';
    return { file, slug: known.slug, title: known.title, status, records: known.records, pages: known.pages, ms: performance.now() - started, parseMs: 0, storeMs: 0, warnings: [] };
  }
  // The worker gets its own copy: the bytes are transferred, and the original is stored with the nota.
  const parsed = await parseInWorker(data.slice(), {
    file,
    timeoutMs: options.timeoutMs,
    maxPages: options.maxPages,
    ...(options.workers ? { workers: options.workers } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const parsedAt = performance.now();
  const title = options.title ?? parsed.title ?? path.basename(file, path.extname(file));
  const store = () => writeNota(db, withOverrides(parsed, options.description), { slug, title, sourceFile: path.basename(file), sha256: hash, pdf: data });
  const result = options.publish ? options.publish(store) : store();
  return {
    file,
    slug,
    title,
    status: result.status,
    records: parsed.records.length,
    pages: parsed.pageCount,
    ms: performance.now() - started,
    parseMs: parsedAt - started,
    storeMs: performance.now() - parsedAt,
    warnings: parsed.warnings,
  };
}

/** The parsed nota with the operator's description over the parser's. */
function withOverrides(parsed: ParsedNota, overrides: DescriptionOverrides | undefined): ParsedNota {
  if (!overrides) return parsed;
  const { published, ...description } = overrides;
  return { ...parsed, published: published ?? parsed.published, description: { ...NO_DESCRIPTION, ...parsed.description, ...description } };
}
