import fs from 'node:fs';
import { INGEST_LIMITS } from '../../core/config.ts';
import { IngestError, isIngestError } from '../errors.ts';
import { parseInWorker } from '../parse-in-worker.ts';
import { parseCli, seconds, UsageError, workerCount } from '../../core/cli-args.ts';

const USAGE = 'usage: npm run -s parse -- [--timeout SECONDS] [--workers N] FILE.pdf   (JSON Lines on stdout; writes nothing)';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCli(argv, { timeout: { type: 'string' }, workers: { type: 'string' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one PDF file');
  const file = positionals[0]!;
  let data: Uint8Array;
  try {
    data = new Uint8Array(fs.readFileSync(file));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new IngestError('unreadable', file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'not a file' : (err as Error).message);
  }
  const parsed = await parseInWorker(data, {
    file,
    timeoutMs: seconds('--timeout', values.timeout, INGEST_LIMITS.ingestTimeoutMs / 1000),
    maxPages: INGEST_LIMITS.maxPages,
    workers: workerCount(values.workers),
  });
  const out = parsed.records.map((r) =>
    JSON.stringify({
      vid: r.vid,
      document: r.document,
      paragraph: r.paragraph,
      question: r.question,
      answer: r.answer,
      pageStart: r.pageStart,
      pageEnd: r.pageEnd,
      seq: r.seq,
      documentKey: r.documentKey,
      paragraphKey: r.paragraphKey,
      // Only NvIs that have them: the output for a VraagID table stays as it was.
      ...(r.idKind !== undefined ? { idKind: r.idKind } : {}),
      ...(r.chapter !== undefined ? { chapter: r.chapter } : {}),
      ...(r.subparagraph !== undefined ? { subparagraph: r.subparagraph } : {}),
    }),
  );
  process.stdout.write(out.join('\n') + '\n');
  for (const w of parsed.warnings) process.stderr.write(`warning: ${w.message}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exitCode = code,
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`error: ${isIngestError(err) ? err.message : (err as Error)?.message ?? String(err)}\n`);
      process.exitCode = 1;
    }
  },
);
