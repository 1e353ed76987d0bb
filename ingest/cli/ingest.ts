/**
 * `npm run ingest` entry. Loading pdf.js in the parse workers takes a few hundred milliseconds;
 * they are started before anything else is loaded, so that happens while the rest of the program
 * (SQLite, the search index code) loads and the file is read and hashed.
 */
import fs from 'node:fs';
import { defaultParts, prewarmParseWorkers } from '../worker/pool.ts';

const argv = process.argv.slice(2);
const first = argv.find((a) => a.toLowerCase().endsWith('.pdf'));
if (first && !argv.includes('--help') && !argv.includes('-h')) {
  const flag = argv.indexOf('--workers');
  const asked = flag >= 0 ? Number(argv[flag + 1]) : NaN;
  const size = fs.statSync(first, { throwIfNoEntry: false })?.size ?? 0;
  prewarmParseWorkers(Number.isInteger(asked) && asked >= 1 && asked <= 8 ? asked : defaultParts(size));
}
const { run } = await import('./run-ingest.ts');
run(argv);
