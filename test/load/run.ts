/**
 * Load test: the real server (its own process, as in production) on loopback, driven by
 * autocannon from this process. Three runs: /healthz alone (the ceiling of this server on this
 * machine), searches alone, and a realistic mix. Bounded in time; prints a Markdown report.
 *
 *   npm run load [-- --duration 30 --connections 50]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT } from '../../server/config.ts';
import { ensureData } from '../../server/bootstrap.ts';
import { DEFAULTS } from '../../server/config.ts';
import { prng } from '../helpers/prng.ts';
import { startServerProcess } from '../helpers/server-process.ts';

interface Query {
  query: string;
}

interface RunResult {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Mean response body size, bytes. */
  meanBytes: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function run(name: string, opts: autocannon.Options): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let bytes = 0;
    const instance = autocannon(opts, (err, result) => {
      if (err) return reject(err);
      latencies.sort((a, b) => a - b);
      resolve({
        name,
        requests: result.requests.total,
        rps: result.requests.average,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        meanBytes: latencies.length ? bytes / latencies.length : 0,
      });
    });
    instance.on('response', (_client: unknown, _status: number, resBytes: number, responseTime: number) => {
      latencies.push(responseTime);
      bytes += resBytes;
    });
  });
}

export async function runLoad(options: { duration?: number; connections?: number } = {}): Promise<string> {
  const duration = options.duration ?? 30;
  const connections = options.connections ?? 50;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nvi-load-'));
  const dbPath = path.join(dir, 'nvi.db');
  const quiet = { info: () => {}, error: (o: object, m: string) => console.error(m, o) };
  await ensureData({ ...DEFAULTS, dbPath }, quiet);
  // Default log level (info, one line per request), as in production. Exports are rate limited
  // per client, and the load generator is one client.
  const server = await startServerProcess(dbPath, { EXPORT_RATE_LIMIT: '100000', NODE_ENV: 'production' }, { keepLog: false });
  const base = server.base;

  try {
    const queries = (JSON.parse(fs.readFileSync(path.join(ROOT, 'test/relevance/queries.json'), 'utf8')) as Query[]).map((q) => q.query);
    // Search as you type sends the prefixes of what people type, too.
    const typed = queries.flatMap((q) => (q.length > 6 ? [q.slice(0, 4), q.slice(0, Math.ceil(q.length / 2)), q] : [q]));
    const searchPaths = typed.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const pagePaths = typed.map((q) => `/zoeken?q=${encodeURIComponent(q)}`);
    const notas = (await (await fetch(`${base}/api/notas`)).json()) as {
      notas: Array<{ slug: string; documents: Array<{ key: string; paragraphs: Array<{ url: string; key: string }> }> }>;
    };
    const paragraphs = notas.notas.flatMap((n) => n.documents.flatMap((d) => d.paragraphs.map((p) => ({ url: p.url, nota: n.slug, document: d.key, paragraph: p.key }))));
    const vids = ((await (await fetch(`${base}/export.json?nota=${notas.notas[0]!.slug}`)).json()) as Array<{ vid: string }>).map((r) => r.vid);

    const cycle = <T>(items: T[]) => {
      let i = 0;
      return () => items[i++ % items.length]!;
    };
    const nextSearch = cycle(searchPaths);
    const nextPage = cycle(pagePaths);
    const nextVid = cycle(vids);
    const nextParagraph = cycle(paragraphs);
    let n = 0;
    // 45% API searches, 20% search pages, 20% question pages, 12% paragraph pages, 3% small exports.
    const mixed = () => {
      const r = n++ % 100;
      if (r < 45) return nextSearch();
      if (r < 65) return nextPage();
      if (r < 85) return `/vraag/${nextVid()}`;
      if (r < 97) return nextParagraph().url;
      const p = nextParagraph();
      return `/export.csv?nota=${p.nota}&document=${encodeURIComponent(p.document)}&paragraph=${encodeURIComponent(p.paragraph)}`;
    };

    // Searches nobody made before: two words drawn from the records, so every one misses the cache.
    const words = [...new Set((await (await fetch(`${base}/export.json?nota=${notas.notas[0]!.slug}`)).json() as Array<{ question: string }>)
      .flatMap((r) => r.question.toLowerCase().match(/\p{L}{5,}/gu) ?? []))];
    // Seeded, so before and after runs send the same searches in the same order.
    const random = prng(15);
    const freshQuery = () => encodeURIComponent(`${words[Math.floor(random() * words.length)]} ${words[Math.floor(random() * words.length)]}`);
    const freshSearch = () => `/api/search?q=${freshQuery()}`;
    const freshPage = () => `/zoeken?q=${freshQuery()}`;
    // Search as you type asks for a few results per keystroke: the prefixes of a new query.
    const typing: string[] = [];
    const nextTyped = () => {
      if (typing.length === 0) {
        const q = decodeURIComponent(freshQuery());
        for (let i = 3; i <= q.length; i += 2) typing.push(q.slice(0, i));
      }
      return `/api/search?limit=5&q=${encodeURIComponent(typing.shift()!)}`;
    };

    const common = { connections, duration, timeout: 10 };
    const results: RunResult[] = [];
    results.push(await run('/healthz (ceiling)', { ...common, url: `${base}/healthz` }));
    results.push(await run('search (/api/search), popular queries', { ...common, url: base, requests: [{ setupRequest: (req) => ({ ...req, path: nextSearch() }) }] }));
    results.push(await run('search (/api/search), every query new', { ...common, url: base, requests: [{ setupRequest: (req) => ({ ...req, path: freshSearch() }) }] }));
    results.push(await run('search page (/zoeken), every query new', { ...common, url: base, requests: [{ setupRequest: (req) => ({ ...req, path: freshPage() }) }] }));
    results.push(await run('search as you type (limit=5), every prefix new', { ...common, url: base, requests: [{ setupRequest: (req) => ({ ...req, path: nextTyped() }) }] }));
    results.push(await run('/healthz (ceiling, again at the end)', { ...common, url: `${base}/healthz` }));
    results.push(await run('realistic mix', { ...common, url: base, requests: [{ setupRequest: (req) => ({ ...req, path: mixed() }) }] }));

    const ceiling = Math.min(results[0]!.rps, results.find((r) => r.name.startsWith('/healthz (ceiling, again'))!.rps);
    const lines = [
      `Load: ${connections} connections, ${duration} s per run, server and autocannon on the same ${os.availableParallelism()}-core machine (${os.cpus()[0]?.model ?? 'cpu'}), Node ${process.version}.`,
      '',
      '| run | requests | req/s | vs /healthz | p50 ms | p95 ms | p99 ms | KiB/response | errors | timeouts | non-2xx |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.requests} | ${Math.round(r.rps)} | ${(r.rps / ceiling).toFixed(2)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${(r.meanBytes / 1024).toFixed(1)} | ${r.errors} | ${r.timeouts} | ${r.non2xx} |`,
      ),
      '',
      `The ceiling is the lower of the two /healthz runs (start and end), so a machine that got busier during the run does not flatter the ratios. ` +
        `Popular queries: ${typed.length} (the ${queries.length} relevance queries and their typed prefixes), cycled, so after the first round ` +
        'they are answered from the per-snapshot result cache, as repeated searches are in real use. "Every query new": two words drawn ' +
        `at random from the ${words.length} words of the questions, so every search is computed. ` +
        'Mix: 45% API search (popular queries), 20% search page, 20% question page, 12% paragraph page, 3% paragraph CSV export. ' +
        // Redirects count as non-2xx in autocannon; say so, or the column reads as failures.
        'Its non-2xx answers are the search page\'s 303 redirects: queries that name one question by its id ("VID-1879", "1240") send the user to it.',
    ];
    return lines.join('\n');
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values } = parseArgs({ options: { duration: { type: 'string' }, connections: { type: 'string' } } });
  console.log(await runLoad({ duration: Number(values.duration ?? 30), connections: Number(values.connections ?? 50) }));
}
