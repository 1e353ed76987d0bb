import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DEFAULTS, indexPathFor } from '../config.ts';
import { openDatabase } from '../../core/store/database.ts';
import { createQaRepository } from '../../core/store/qa-repository.ts';
import { BadParameterError } from '../errors.ts';
import { parseCli, UsageError } from '../../core/cli-args.ts';
import { groupKeyOf } from '../loaders/answer-groups.ts';
import { exportStream, toExportRecord, type Delimiter, type ExportFormat } from '../export/format.ts';
import { checkFilters, iterateMatches } from '../loaders/search.ts';
import { SORTS, type Sort } from '../loaders/sort.ts';
import { loadSnapshot } from '../snapshot/snapshot.ts';
import { QUERY_LIMITS } from '../../core/search/options.ts';

const USAGE =
  'usage: npm run -s export -- [--db PATH] [--q TEXT] [--nota SLUG]… [--round YYYY-YYYY]… [--sector S]… [--publisher P]…\n' +
  '                           [--document KEY]… [--paragraph KEY] [--sort relevance|newest|table]\n' +
  '                           [--format csv|json|jsonl] [--delimiter semicolon|comma] [--base-url URL] [--out FILE]';

function parse(argv: string[]) {
  const { values, positionals } = parseCli(argv, {
    db: { type: 'string' },
    q: { type: 'string' },
    // As on the web: a facet flag given several times is OR, different facets AND.
    nota: { type: 'string', multiple: true },
    round: { type: 'string', multiple: true },
    sector: { type: 'string', multiple: true },
    publisher: { type: 'string', multiple: true },
    document: { type: 'string', multiple: true },
    paragraph: { type: 'string' },
    sort: { type: 'string' },
    format: { type: 'string' },
    delimiter: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"; the search text goes after --q`);
  const format = (values.format ?? 'csv') as ExportFormat;
  if (!['csv', 'json', 'jsonl'].includes(format)) throw new UsageError(`--format must be csv, json or jsonl, got "${values.format}"`);
  const delimiter = (values.delimiter ?? 'semicolon') as Delimiter;
  if (!['semicolon', 'comma'].includes(delimiter)) throw new UsageError(`--delimiter must be semicolon or comma, got "${values.delimiter}"`);
  if (values.sort !== undefined && !(SORTS as readonly string[]).includes(values.sort)) throw new UsageError(`--sort must be relevance, newest or table, got "${values.sort}"`);
  if (values.q !== undefined && values.q.length > QUERY_LIMITS.maxLength) throw new UsageError(`--q must be at most ${QUERY_LIMITS.maxLength} characters`);
  return { ...values, format, delimiter, sort: values.sort as Sort | undefined };
}

/** The export of the web app (same parameters, same files), from the command line. */
async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const dbPath = path.resolve(args.db ?? process.env.DB_PATH ?? DEFAULTS.dbPath);
  if (!fs.existsSync(dbPath)) throw new UsageError(`--db: no database at ${dbPath}; run npm run ingest first`);
  const db = openDatabase(dbPath, { readonly: true });
  try {
    const repo = createQaRepository(db);
    const quiet = { info: () => {}, warn: () => {} };
    const ctx = { snapshot: loadSnapshot(repo, indexPathFor(dbPath), quiet, { persist: false }), repo };
    const { q, nota, round, sector, publisher, document, paragraph, sort } = args;
    const params = { q, nota, round, sector, publisher, document, paragraph, sort };
    checkFilters(ctx, params);
    const base = (args['base-url'] ?? process.env.PUBLIC_URL ?? `http://${DEFAULTS.host}:${DEFAULTS.port}`).replace(/\/+$/, '');
    const records = (function* () {
      for (const row of iterateMatches(ctx, params)) yield toExportRecord(ctx.snapshot, row, base, groupKeyOf(ctx.snapshot, row.id));
    })();
    const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
    await pipeline(exportStream(records, args.format, args.delimiter), out);
  } finally {
    db.close();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof BadParameterError) {
      const flag = err instanceof BadParameterError ? `--${err.parameter}: ` : '';
      process.stderr.write(`error: ${flag}${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${(err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
