import path from 'node:path';
import cliProgress from 'cli-progress';
import { DEFAULT_PATHS, INGEST_LIMITS, indexPathFor } from '../../core/config.ts';
import { openDatabase } from '../../core/store/database.ts';
import { isIngestError } from '../errors.ts';
import { ingestFile, type IngestSummary } from '../ingest.ts';
import { publishChange, refreshIndexFile } from '../../core/publish/publish.ts';
import { removeStaleTempFiles } from '../../core/publish/index-file.ts';
import type { ParseWarning, WarningKind } from '../types.ts';
import { parseCli, seconds, UsageError, workerCount } from '../../core/cli-args.ts';
import { slugCollisions, slugProblem } from '../../core/text/keys.ts';
import { descriptionFlags } from './description-flags.ts';

const USAGE =
  'usage: npm run ingest -- [--db PATH] [--title "…"] [--slug SLUG] [--publisher "…"] [--sector "…"] [--round YYYY-YYYY] ' +
  '[--published YYYY-MM-DD] [--timeout SECONDS] [--workers N] [--quiet] FILE.pdf…';

const WARNING_LABELS: Record<WarningKind, string> = {
  'duplicate-vid': 'duplicate VIDs',
  'missing-vid': 'rows without a VID',
  'empty-question': 'empty questions',
  'empty-answer': 'empty answers',
  'skipped-text': 'text outside the table skipped',
  'unresolved-reference': 'references to records not found',
};

function describeWarnings(warnings: ParseWarning[]): string[] {
  const counts = new Map<WarningKind, number>();
  for (const w of warnings) counts.set(w.kind, (counts.get(w.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${WARNING_LABELS[kind]}`);
}

/** `indexMs`: the part of the store step that built and wrote the search index (published with it). */
function summaryLine(s: IngestSummary, indexMs: number): string {
  const secs = (s.ms / 1000).toFixed(1);
  if (s.status === 'unchanged') return `${s.file}: unchanged (already ingested as "${s.slug}", ${s.records} records)`;
  if (s.status === 'described') return `${s.file}: description updated (already ingested as "${s.slug}", ${s.records} records)`;
  const warn = describeWarnings(s.warnings);
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  const phases = `parse ${seconds(s.parseMs)} s, store ${seconds(s.storeMs - indexMs)} s, search index ${seconds(indexMs)} s`;
  return `${s.file}: ${s.status} "${s.slug}" — ${s.records} records, ${s.pages} pages, ${secs} s (${phases})` + (warn.length ? `; warnings: ${warn.join(', ')}` : '');
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, {
    db: { type: 'string' },
    title: { type: 'string' },
    slug: { type: 'string' },
    publisher: { type: 'string' },
    sector: { type: 'string' },
    round: { type: 'string' },
    published: { type: 'string' },
    timeout: { type: 'string' },
    workers: { type: 'string' },
    quiet: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('no PDF files given');
  if ((values.title || values.slug) && positionals.length > 1) throw new UsageError('--title and --slug apply to one file; give one file');
  const slugError = values.slug === undefined ? null : slugProblem(values.slug);
  if (slugError) throw new UsageError(`--slug ${slugError}`);
  const dbPath = path.resolve(values.db ?? process.env.DB_PATH ?? DEFAULT_PATHS.dbPath);
  const timeoutMs = seconds('--timeout', values.timeout, INGEST_LIMITS.ingestTimeoutMs / 1000);
  const workers = workerCount(values.workers);
  const description = descriptionFlags(values);
  const showBar = !values.quiet && process.stderr.isTTY;

  const indexFile = indexPathFor(dbPath);
  // Files whose names give one slug would replace each other as editions of one NvI on every
  // run: the first (by name) is ingested, each other one is reported with it and skipped.
  const clashing = new Set<string>();
  if (values.slug === undefined) {
    for (const { slug, files } of slugCollisions(positionals)) {
      for (const other of files.slice(1)) {
        clashing.add(other);
        process.stderr.write(`error: ${other}: skipped, its name gives the slug "${slug}" as ${files[0]} does; rename one of them (or ingest it alone with --slug)\n`);
      }
    }
  }

  const db = openDatabase(dbPath);
  // Left by an ingest that died between writing and renaming its index (a full disk, a kill).
  removeStaleTempFiles(indexFile);
  let failed = clashing.size;
  let indexMs = 0;
  try {
    for (const file of positionals.filter((f) => !clashing.has(f))) {
      const bar = showBar
        ? new cliProgress.SingleBar({ format: `${path.basename(file)} [{bar}] {value}/{total} pages`, stream: process.stderr, clearOnComplete: true }, cliProgress.Presets.shades_classic)
        : null;
      let fileIndexMs = 0;
      try {
        const summary = await ingestFile(db, file, {
          title: values.title,
          slug: values.slug,
          description,
          timeoutMs,
          workers,
          maxPages: INGEST_LIMITS.maxPages,
          // Index first, then commit: a server never sees the new data without its index.
          publish: (write) => {
            const { result, index } = publishChange(db, indexFile, write);
            fileIndexMs = index?.rebuilt ? index.ms : 0;
            indexMs += fileIndexMs;
            return result;
          },
          onProgress: (page, total) => {
            if (!bar) return;
            if (page === 1) bar.start(total, 0);
            bar.update(page);
          },
        });
        bar?.stop();
        process.stdout.write(summaryLine(summary, fileIndexMs) + '\n');
        if (!values.quiet) for (const w of summary.warnings.slice(0, 20)) process.stdout.write(`  warning: ${w.message}\n`);
        if (!values.quiet && summary.warnings.length > 20) process.stdout.write(`  … and ${summary.warnings.length - 20} more warnings\n`);
      } catch (err) {
        bar?.stop();
        if (!isIngestError(err)) throw err;
        failed++;
        process.stderr.write(`error: ${err.message}\n`);
      }
    }
    // Published with each change; this only repairs an index that is missing or stale from before.
    const repair = refreshIndexFile(db, indexFile);
    indexMs += repair.rebuilt ? repair.ms : 0;
    if (indexMs > 0) process.stdout.write(`search index: ${repair.records} records, ${(indexMs / 1000).toFixed(2)} s → ${indexFile}\n`);
  } finally {
    db.close();
  }
  return failed > 0 ? 1 : 0;
}

/** Runs the command and exits with its status: 0 ok, 1 a file failed, 2 wrong usage. */
export function run(argv: string[]): void {
  main(argv).then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof UsageError) {
        process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
        process.exit(2);
      }
      process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
