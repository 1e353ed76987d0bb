/**
 * Page benchmark: server-side time to answer the main HTML pages (app.inject: routing, loaders,
 * search and template rendering, no network), on the bundled fixture. Prints a Markdown section
 * when run directly:
 *
 *   npx tsx test/bench/pages.ts [--runs 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { ingestFile } from '../../ingest/ingest.ts';
import { refreshIndexFile } from '../../core/publish/publish.ts';
import app from '../../server/app.ts';
import { DEFAULTS, indexPathFor } from '../../server/config.ts';
import { clearLoaderCaches } from '../../server/loaders/lru.ts';
import { openDatabase } from '../../core/store/database.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';
import { INGEST_LIMITS } from '../../core/config.ts';

const WARM_UP = 20;
const RUNS = 200;

/** The production app on a fresh database ingested from the fixture, in a temporary directory. */
async function benchApp(): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-pages-'));
  const dbPath = path.join(dir, 'nvi.db');
  const db = openDatabase(dbPath);
  try {
    await ingestFile(db, BORDERED_PDF, { slug: 'nvi-2021-2023', timeoutMs: INGEST_LIMITS.ingestTimeoutMs, maxPages: INGEST_LIMITS.maxPages });
    refreshIndexFile(db, indexPathFor(dbPath));
  } finally {
    db.close();
  }
  const fastify = Fastify({ logger: false });
  await fastify.register(app, { config: { ...DEFAULTS, dbPath, dataDir: dir, autoIngest: false, reloadIntervalMs: 0, logLevel: 'silent' } });
  await fastify.ready();
  return {
    app: fastify,
    close: async () => {
      await fastify.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Worst realistic cases: the largest paragraph, and the question with the most shared answers. */
function cases(fastify: FastifyInstance): Array<{ name: string; url: string }> {
  const largest = fastify.db
    .prepare(
      `SELECT n.slug AS nota, q.document_key AS document, q.paragraph_key AS paragraph FROM qa q JOIN nota n ON n.id = q.nota_id
       WHERE n.active = 1 GROUP BY q.nota_id, q.document_key, q.paragraph_key ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { nota: string; document: string; paragraph: string };
  const grouped = fastify.db
    .prepare(`SELECT min(vid) FROM qa WHERE answer_group IS NOT NULL GROUP BY answer_group ORDER BY count(*) DESC LIMIT 1`)
    .pluck()
    .get() as string;
  return [
    { name: 'home', url: '/' },
    { name: 'search', url: '/zoeken?q=kwaliteitsbudget' },
    { name: 'search, two words', url: '/zoeken?q=tarief+ggz' },
    { name: 'search, filtered', url: `/zoeken?q=zorgkantoor&document=${largest.document}` },
    { name: 'results while typing', url: '/zoeken/resultaten?q=kwal' },
    { name: 'paragraph (largest)', url: `/documenten/${largest.nota}/${largest.document}/${largest.paragraph}` },
    { name: 'question', url: `/vraag/${grouped}` },
    { name: 'question from a search', url: `/vraag/${grouped}?q=tarief` },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runPagesBench(options: { runs?: number } = {}): Promise<string> {
  const runs = options.runs ?? RUNS;
  const { app: fastify, close } = await benchApp();
  try {
    const rows: string[] = [];
    // Uncached: every run starts with empty loader caches (a first visit); cached: a repeat visit.
    const time = async (url: string, cold: boolean) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < WARM_UP + runs; i++) {
        if (cold) clearLoaderCaches(fastify.snapshots.current);
        const started = performance.now();
        const res = await fastify.inject(url);
        const ms = performance.now() - started;
        if (res.statusCode !== 200) throw new Error(`${url}: status ${res.statusCode}`);
        if (i >= WARM_UP) times.push(ms);
        bytes = res.rawPayload.length;
      }
      times.sort((a, b) => a - b);
      return { p50: percentile(times, 50), p95: percentile(times, 95), bytes };
    };
    for (const { name, url } of cases(fastify)) {
      const cold = await time(url, true);
      const warm = await time(url, false);
      rows.push(
        `| ${name} | \`${url}\` | ${cold.p50.toFixed(2)} | ${cold.p95.toFixed(2)} | ${warm.p50.toFixed(2)} | ${warm.p95.toFixed(2)} | ${(cold.bytes / 1024).toFixed(1)} |`,
      );
    }
    return [
      `## Pages (server-side, ${runs} runs after ${WARM_UP} warm-up, ${fastify.snapshots.current.engine.size} records)`,
      '',
      '| Page | URL | uncached p50 ms | uncached p95 ms | cached p50 ms | cached p95 ms | HTML KiB |',
      '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
    ].join('\n');
  } finally {
    await close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  process.stdout.write(await runPagesBench({ runs }));
}
