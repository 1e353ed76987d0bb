/**
 * Page benchmark: server-side time to answer the main HTML pages (app.inject: routing, loaders,
 * search and template rendering, no network), on the 2021-2023 NvI alone and on every bundled NvI
 * (three NvIs, two rounds: search spans them, questions have links to other NvIs), side by side
 * in one run. Prints a Markdown section when run directly:
 *
 *   npx tsx test/bench/pages.ts [--runs 200]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import app from '../../server/app.ts';
import { ensureData } from '../../server/bootstrap.ts';
import { DEFAULTS } from '../../server/config.ts';
import { clearLoaderCaches } from '../../server/loaders/lru.ts';
import { BORDERED_PDF } from '../helpers/gold.ts';

const WARM_UP = 20;
const RUNS = 200;

/**
 * The production app on a fresh database in a temporary directory, its data ingested the way
 * `npm start` does it (the ingest CLI, publishing links and index): the given PDFs, or every
 * bundled NvI in data/.
 */
async function benchApp(pdfs: string[] | 'bundled'): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-bench-pages-'));
  const dbPath = path.join(dir, 'nvi.db');
  let dataDir = DEFAULTS.dataDir;
  if (pdfs !== 'bundled') {
    dataDir = path.join(dir, 'data');
    fs.mkdirSync(dataDir);
    for (const pdf of pdfs) fs.copyFileSync(pdf, path.join(dataDir, path.basename(pdf)));
  }
  await ensureData({ ...DEFAULTS, dbPath, dataDir }, { info: () => {}, error: (o: object, m: string) => console.error(m, o) });
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

interface Case {
  name: string;
  url: string;
}

/** Worst realistic cases: the largest paragraph, the question with the most shared answers and with most links to other NvIs. */
function cases(fastify: FastifyInstance): Case[] {
  const largest = fastify.db
    .prepare(
      `SELECT n.slug AS nota, q.document_key AS document, q.paragraph_key AS paragraph FROM qa q JOIN nota n ON n.id = q.nota_id
       WHERE n.active = 1 GROUP BY q.nota_id, q.document_key, q.paragraph_key ORDER BY count(*) DESC LIMIT 1`,
    )
    .get() as { nota: string; document: string; paragraph: string };
  const question = (order: string) =>
    fastify.db.prepare(`SELECT n.slug AS nota, q.vid FROM qa q JOIN nota n ON n.id = q.nota_id WHERE n.active = 1 ORDER BY ${order}, q.id LIMIT 1`).get() as {
      nota: string;
      vid: string;
    };
  const grouped = question(`(SELECT count(*) FROM qa g WHERE g.answer_group = q.answer_group) DESC`);
  const linked = question(`(SELECT count(*) FROM qa_elsewhere e WHERE e.from_qa = q.id) DESC`);
  const at = (r: { nota: string; vid: string }) => `/vraag/${r.nota}/${encodeURIComponent(r.vid)}`;
  return [
    { name: 'home', url: '/' },
    { name: 'search', url: '/zoeken?q=kwaliteitsbudget' },
    { name: 'search, two words', url: '/zoeken?q=tarief+ggz' },
    { name: 'search, a question as typed', url: '/zoeken?q=' + encodeURIComponent('Mag een zorgaanbieder meerdere initiatieven indienen voor het kwaliteitsbudget?') },
    { name: 'search, filtered', url: `/zoeken?q=zorgkantoor&document=${largest.document}` },
    { name: 'results while typing', url: '/zoeken/resultaten?q=kwal' },
    { name: 'paragraph (largest)', url: `/documenten/${largest.nota}/${largest.document}/${largest.paragraph}` },
    { name: 'question (largest answer group)', url: at(grouped) },
    { name: 'question (most links to other NvIs)', url: at(linked) },
    { name: 'question from a search', url: `${at(grouped)}?q=tarief` },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface Timing {
  p50: number;
  p95: number;
  bytes: number;
}

/** Uncached: every run starts with empty loader caches (a first visit); cached: a repeat visit. */
async function time(fastify: FastifyInstance, url: string, cold: boolean, runs: number): Promise<Timing> {
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
}

export async function runPagesBench(options: { runs?: number } = {}): Promise<string> {
  const runs = options.runs ?? RUNS;
  const corpora = [
    { name: '2021-2023 NvI alone', app: await benchApp([BORDERED_PDF]) },
    { name: 'every bundled NvI', app: await benchApp('bundled') },
  ];
  try {
    const measured = [];
    for (const corpus of corpora) {
      const fastify = corpus.app.app;
      const list = cases(fastify);
      const results = new Map<string, { url: string; cold: Timing; warm: Timing }>();
      // Cold then warm per page, so both of one page meet the machine in the same state.
      for (const { name, url } of list) results.set(name, { url, cold: await time(fastify, url, true, runs), warm: await time(fastify, url, false, runs) });
      measured.push({ corpus, records: fastify.snapshots.current.engine.size, notas: fastify.snapshots.current.notas.length, results });
    }
    const [one, all] = measured as [(typeof measured)[number], (typeof measured)[number]];
    const f = (n: number) => n.toFixed(2);
    const rows = [...one.results].map(([name, a]) => {
      const b = all.results.get(name)!;
      return `| ${name} | ${f(a.cold.p50)} | ${f(a.cold.p95)} | ${f(a.warm.p50)} | ${(a.cold.bytes / 1024).toFixed(1)} | ${f(b.cold.p50)} | ${f(b.cold.p95)} | ${f(b.warm.p50)} | ${(b.cold.bytes / 1024).toFixed(1)} | ${(b.cold.p50 / a.cold.p50).toFixed(2)}× |`;
    });
    return [
      `## Pages (server-side, ${runs} runs after ${WARM_UP} warm-up)`,
      '',
      `Side by side in one run: the ${one.corpus.name} (${one.records} records) and ${all.corpus.name} (${all.notas} NvIs, ${all.records} records), ` +
        'each ingested as `npm start` does it. The last column is the uncached p50 with every NvI over the p50 with one.',
      '',
      '| Page | one NvI: uncached p50 ms | uncached p95 ms | cached p50 ms | KiB | all NvIs: uncached p50 ms | uncached p95 ms | cached p50 ms | KiB | all / one |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
      '',
      'URLs with every NvI:',
      '',
      ...[...all.results].map(([name, r]) => `- ${name}: \`${r.url}\``),
      '',
    ].join('\n');
  } finally {
    for (const corpus of corpora) await corpus.app.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--runs');
  const runs = at >= 0 ? Number(process.argv[at + 1]) : undefined;
  process.stdout.write(await runPagesBench({ runs }));
}
