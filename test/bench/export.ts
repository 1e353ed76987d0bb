/**
 * Export benchmark: does streaming keep memory flat? A database of N synthetic records is
 * exported in full through the real HTTP server (CSV and JSON, table order; and a search that
 * matches most records, relevance order) while the server process's memory is sampled. Peak RSS
 * and heap growth at 10,000 and at 100,000 records are compared: flat means the same.
 *
 *   npx tsx test/bench/export.ts [--records 100000]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { refreshIndexFile } from '../../core/publish/publish.ts';
import { documentKey, paragraphKey } from '../../core/text/keys.ts';
import type { NvIRecord } from '../../ingest/types.ts';
import { writeNota } from '../../core/store/write-nota.ts';
import { ROOT } from '../../server/config.ts';
import { markActiveNotasLinked } from '../../core/store/same-question-links.ts';
import { openDatabase } from '../../core/store/database.ts';
import { readGold } from '../helpers/gold.ts';

/** Records recombined from the gold set (same text statistics), deterministic. */
export function synthetic(count: number): NvIRecord[] {
  const gold = readGold();
  return Array.from({ length: count }, (_, i) => {
    const a = gold[i % gold.length]!;
    const b = gold[(i * 7 + 3) % gold.length]!;
    return {
      vid: `VID-${String(i + 1).padStart(6, '0')}`,
      document: a.document,
      paragraph: a.paragraph,
      question: `${a.question} ${b.question}`,
      answer: `${b.answer}\n${a.answer}`,
      pageStart: 1 + Math.floor(i / 5),
      pageEnd: 1 + Math.floor(i / 5),
      seq: i + 1,
      documentKey: documentKey(a.document),
      paragraphKey: paragraphKey(a.paragraph),
    };
  });
}

export function makeDb(dir: string, count: number): string {
  const dbPath = path.join(dir, `export-${count}.db`);
  const db = openDatabase(dbPath);
  const records = synthetic(count);
  writeNota(
    db,
    { title: 'Nota van Inlichtingen Synthetisch', published: null, pageCount: Math.ceil(count / 5), records, warnings: [], columns: [] },
    { slug: 'synthetisch', title: 'Nota van Inlichtingen Synthetisch', sourceFile: 'synthetisch.pdf', sha256: `bench-${count}`, pdf: new Uint8Array(8) },
  );
  refreshIndexFile(db, `${dbPath}.search.json`);
  // Written directly rather than published: record, as a publish would, that its links (none: one
  // NvI has no other to link to) are stored, so the next publish seeks only the new NvI's matches.
  markActiveNotasLinked(db);
  db.close();
  return dbPath;
}

interface Sample {
  rss: number;
  heap: number;
}

/** The server reports its own memory through this tiny side channel: stdout JSON lines. */
const PROBE = `
const { memoryUsage } = process;
setInterval(() => { const m = memoryUsage(); process.stdout.write('MEM ' + m.rss + ' ' + m.heapUsed + '\\n'); }, 20).unref();
`;

async function measure(dbPath: string, urls: string[]): Promise<{ baseline: Sample; peaks: Array<Sample & { bytes: number; ms: number }> }> {
  const probe = path.join(path.dirname(dbPath), 'probe.mjs');
  fs.writeFileSync(probe, PROBE);
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', probe, 'server/main.ts', '--port', '0', '--db', dbPath, '--no-ingest', '--log-level', 'info'], {
    cwd: ROOT,
    env: { ...process.env, EXPORT_RATE_LIMIT: '1000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let latest: Sample = { rss: 0, heap: 0 };
  let peak: Sample = { rss: 0, heap: 0 };
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      let nl;
      while ((nl = out.indexOf('\n')) >= 0) {
        const line = out.slice(0, nl);
        out = out.slice(nl + 1);
        const mem = /^MEM (\d+) (\d+)$/.exec(line);
        if (mem) {
          latest = { rss: Number(mem[1]), heap: Number(mem[2]) };
          peak = { rss: Math.max(peak.rss, latest.rss), heap: Math.max(peak.heap, latest.heap) };
        }
        const m = /listening at http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (m) resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  try {
    await new Promise((r) => setTimeout(r, 500));
    const baseline = latest;
    const peaks = [];
    for (const url of urls) {
      peak = { ...latest };
      const started = performance.now();
      // Read and discard, as a browser saving a download does.
      const bytes = await new Promise<number>((resolve, reject) => {
        http.get(`http://127.0.0.1:${port}${url}`, (res) => {
          if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
          let n = 0;
          res.on('data', (chunk: Buffer) => (n += chunk.length));
          res.on('end', () => resolve(n));
        }).on('error', reject);
      });
      await new Promise((r) => setTimeout(r, 60));
      peaks.push({ ...peak, bytes, ms: performance.now() - started });
    }
    return { baseline, peaks };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function runExportBench(sizes = [10_000, 100_000]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-export-'));
  const exports = [
    ['CSV, whole NvI (table order)', '/export.csv?nota=synthetisch'],
    ['JSON, whole NvI (table order)', '/export.json?nota=synthetisch'],
    ['CSV, search "zorgkantoor" (relevance order)', '/export.csv?q=zorgkantoor'],
  ] as const;
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  const rows: string[] = [];
  try {
    for (const size of sizes) {
      const dbPath = makeDb(dir, size);
      const { baseline, peaks } = await measure(dbPath, exports.map(([, url]) => url));
      peaks.forEach((p, i) => {
        rows.push(
          `| ${size.toLocaleString('en')} | ${exports[i]![0]} | ${mb(p.bytes)} | ${Math.round(p.ms)} | ${mb(baseline.rss)} | ${mb(p.rss)} | +${mb(p.rss - baseline.rss)} | +${mb(Math.max(0, p.heap - baseline.heap))} |`,
        );
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return [
    'Each export read in full over HTTP from the real server; the server samples its own memory every 20 ms. Baseline: the idle server with its search index loaded.',
    '',
    '| records | export | size MiB | ms | RSS before MiB | peak RSS MiB | RSS growth MiB | heap growth MiB |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const i = process.argv.indexOf('--records');
  console.log(await runExportBench(i > 0 ? [10_000, Number(process.argv[i + 1])] : undefined));
}
